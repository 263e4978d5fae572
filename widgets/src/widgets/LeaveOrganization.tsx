// Leave the active organization, after a second, deliberate step. The only owner is told in
// plain words why they cannot, and what to do first.
import { useRef, useState } from "react";
import { useActiveMembership, useMe, useOrgs } from "../context.js";
import { Announce, ConfirmStep, Empty, ErrorNotice, hasCode, type WidgetProps, useFocusWhenShown } from "../ui.js";
import { useAction } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface LeaveOrganizationProps extends WidgetProps {
  /** Called once the caller has left: send them somewhere they still belong. */
  onLeft?: (organizationId: string) => void;
}

export const LeaveOrganization = widget("LeaveOrganization", function LeaveOrganization(props: LeaveOrganizationProps) {
  const title = props.title ?? "Leave organization";
  // Kept outside the organization's part: once left, that part shows another organization.
  const [left, setLeft] = useState<string | null>(null);
  return (
    <ForActiveOrganization
      title={title}
      name="leave-organization"
      className={props.className}
      notice={<Announce className="orgs-success">{left && <>You left {left}.</>}</Announce>}
    >
      {(organizationId) => (
        <Leave
          organizationId={organizationId}
          onLeft={(name) => {
            setLeft(name);
            props.onLeft?.(organizationId);
          }}
        />
      )}
    </ForActiveOrganization>
  );
});

function Leave(props: { organizationId: string; onLeft: (name: string) => void }) {
  const { api, changed, setActiveOrganizationId, forgetOrganization } = useOrgs();
  const { organizationId } = props;
  const name = useActiveMembership()?.organization.name ?? "this organization";
  const [confirming, setConfirming] = useState(false);
  const leaveButton = useRef<HTMLButtonElement>(null);
  const focusWhenShown = useFocusWhenShown();
  const leave = useAction(() => api.leave({ organizationId }));
  // An organization's own token is not a member that could leave; the server would
  // refuse it (403 user_required), so it is not offered the button at all.
  const me = useMe();
  const confirm = async () => {
    const done = await leave.run();
    setConfirming(false);
    if (!done) {
      focusWhenShown(leaveButton);
      return;
    }
    props.onLeft(name);
    forgetOrganization(organizationId);
    setActiveOrganizationId(null);
    changed("organizations");
  };
  if (me.data?.kind === "organization_token")
    return <Empty>An organization token belongs to its organization and cannot leave it.</Empty>;
  return (
    <>
      <ErrorNotice
        error={leave.error}
        explain={(error) =>
          hasCode(error, "last_owner")
            ? `You are the only owner of ${name}, so you cannot leave it yet. First make another member an owner (transfer ownership), or delete the organization.`
            : undefined
        }
      />
      {confirming ? (
        <ConfirmStep
          label={`Confirm leaving ${name}`}
          confirm="Confirm leaving"
          busy={leave.pending}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            focusWhenShown(leaveButton);
          }}
        >
          <p>
            You will lose access to <strong>{name}</strong> until someone invites you again.
          </p>
        </ConfirmStep>
      ) : (
        <button
          ref={leaveButton}
          type="button"
          className="orgs-button orgs-danger"
          onClick={() => {
            leave.clearError();
            setConfirming(true);
          }}
        >
          Leave {name}
        </button>
      )}
    </>
  );
}
