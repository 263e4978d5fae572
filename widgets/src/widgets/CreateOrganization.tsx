// A form that creates an organization, with the API's validation message beside the field.
import type { Organization } from "@orgs/client";
import { useState, type FormEvent } from "react";
import { useOrgs } from "../context.js";
import { describeError, Frame, TextField, type WidgetProps } from "../ui.js";
import { useAction } from "../use-api.js";
import { widget } from "../widget.js";

export interface CreateOrganizationProps extends WidgetProps {
  /** Called with the new organization. */
  onCreated?: (organization: Organization) => void;
  /** Make the new organization the active one (default true). */
  activate?: boolean;
}

export const CreateOrganization = widget(
  "CreateOrganization",
  function CreateOrganization(props: CreateOrganizationProps) {
    return (
      <Frame title={props.title ?? "Create an organization"} name="create-organization" className={props.className}>
        <CreateOrganizationForm {...props} />
      </Frame>
    );
  },
);

/** The form alone, also used inline by the switcher. */
export function CreateOrganizationForm(
  props: CreateOrganizationProps & { onCancel?: () => void; autoFocus?: boolean },
) {
  const { api, changed, setActiveOrganizationId } = useOrgs();
  const [name, setName] = useState("");
  const create = useAction((orgName: string) => api.create({ name: orgName }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await create.run(name);
    if (!answer) return;
    setName("");
    changed("organizations");
    if (props.activate ?? true) setActiveOrganizationId(answer.organization.id);
    props.onCreated?.(answer.organization);
  };
  return (
    <form className="orgs-form" onSubmit={submit} noValidate>
      <TextField
        label="Organization name"
        value={name}
        onChange={setName}
        maxLength={100}
        autoComplete="organization"
        autoFocus={props.autoFocus}
        error={create.error === undefined ? null : describeError(create.error)}
      />
      <div className="orgs-actions">
        <button type="submit" className="orgs-button" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create organization"}
        </button>
        {props.onCancel && (
          <button type="button" className="orgs-button orgs-secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
