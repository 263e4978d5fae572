// Mint an organization-owned API token; its bearer is shown once, with a copy button and a warning.
import type { TokenEnv } from "@orgs/client";
import { useId, useState, type FormEvent } from "react";
import { useOrgs, usePermission } from "../context.js";
import { Empty, ErrorNotice, SecretOnce, TextField, type WidgetProps } from "../ui.js";
import { useAction } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export const CreateApiToken = widget("CreateApiToken", function CreateApiToken(props: WidgetProps) {
  const title = props.title ?? "Create an API token";
  return (
    <ForActiveOrganization title={title} name="create-api-token" className={props.className}>
      {(organizationId) => <TokenForm organizationId={organizationId} />}
    </ForActiveOrganization>
  );
});

function TokenForm({ organizationId }: { organizationId: string }) {
  const { api, changed } = useOrgs();
  const canManage = usePermission("org:manage");
  const [name, setName] = useState("");
  const [env, setEnv] = useState<TokenEnv>("live");
  const [bearer, setBearer] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const envId = useId();
  const mint = useAction((input: { name: string | null; env: TokenEnv }) =>
    api.tokens.create({ organizationId, ...input }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await mint.run({ name: name.trim() === "" ? null : name, env });
    if (!created) return;
    setName("");
    setBearer(created.apiToken.bearer);
    changed("apiTokens");
  };
  if (canManage === false) return <Empty>Only owners can create API tokens for this organization.</Empty>;
  if (bearer) {
    return (
      <SecretOnce
        label="API token"
        value={bearer}
        warning="Copy it now: it will not be shown again. Anyone holding it acts as an admin of this organization, so keep it in a secret store, never in code."
        onDone={() => {
          setBearer(null);
          setReturning(true);
        }}
      />
    );
  }
  return (
    <form className="orgs-form" onSubmit={submit} noValidate>
      <TextField
        label="Name (optional)"
        value={name}
        onChange={setName}
        maxLength={100}
        placeholder="CI deploys"
        autoFocus={returning}
      />
      <div className="orgs-field">
        <label htmlFor={envId}>Environment</label>
        <select
          id={envId}
          className="orgs-select"
          value={env}
          onChange={(event) => setEnv(event.target.value as TokenEnv)}
        >
          <option value="live">live</option>
          <option value="test">test</option>
        </select>
      </div>
      <ErrorNotice error={mint.error} />
      <div className="orgs-actions">
        <button type="submit" className="orgs-button" disabled={mint.pending}>
          {mint.pending ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}
