// Enter a join code and join; a member already gets a polite word, not an error.
import type { OrganizationsApi, OrgRole } from "@orgs/client";
import { useState, type FormEvent } from "react";
import { useOrgs } from "../context.js";
import { Announce, ErrorNotice, Frame, TextField, type WidgetProps } from "../ui.js";
import { useAction } from "../use-api.js";
import { widget } from "../widget.js";

export interface JoinWithCodeProps extends WidgetProps {
  onJoined?: (result: { organizationId: string; role: OrgRole; alreadyMember: boolean }) => void;
}

export const JoinWithCode = widget("JoinWithCode", function JoinWithCode(props: JoinWithCodeProps) {
  const { api, changed, setActiveOrganizationId } = useOrgs();
  const [code, setCode] = useState("");
  const [outcome, setOutcome] = useState<{ name: string | null; role: OrgRole; alreadyMember: boolean } | null>(null);
  const join = useAction(async (typed: string) => {
    const result = await api.joinCodes.join({ code: typed });
    return { ...result, name: await organizationName(api, result.organizationId) };
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const result = await join.run(code);
    if (!result) return;
    setCode("");
    setOutcome(result);
    changed("organizations");
    setActiveOrganizationId(result.organizationId);
    props.onJoined?.({ organizationId: result.organizationId, role: result.role, alreadyMember: result.alreadyMember });
  };
  return (
    <Frame title={props.title ?? "Join with a code"} name="join-with-code" className={props.className}>
      <form className="orgs-form" onSubmit={submit} noValidate>
        <TextField
          label="Join code"
          className="orgs-mono"
          value={code}
          onChange={setCode}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
        />
        <ErrorNotice error={join.error} />
        <Announce className="orgs-success">
          {outcome?.alreadyMember && (
            <>
              You are already a member of <Name name={outcome.name} /> (as {outcome.role}), so nothing changed.
            </>
          )}
          {outcome && !outcome.alreadyMember && (
            <>
              Welcome to <Name name={outcome.name} />: you joined as {outcome.role}.
            </>
          )}
        </Announce>
        <div className="orgs-actions">
          <button type="submit" className="orgs-button" disabled={join.pending || code.trim() === ""}>
            {join.pending ? "Joining…" : "Join"}
          </button>
        </div>
      </form>
    </Frame>
  );
});

function Name({ name }: { name: string | null }) {
  return name ? <strong>{name}</strong> : <>the organization</>;
}

/**
 * The organization's name for the message after joining. The join itself has succeeded by
 * then, so failing to read the name must not turn it into a reported failure.
 */
export async function organizationName(api: OrganizationsApi, organizationId: string): Promise<string | null> {
  try {
    return (await api.get({ organizationId })).organization.name;
  } catch {
    return null;
  }
}
