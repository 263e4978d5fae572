// The active organization's audit log, newest first, a page at a time: each change as one
// sentence with when it happened, narrowed to one action if asked. Managers only, as on
// the server; it reloads whenever another widget changes anything.
import type { AuditAction } from "@orgs/client";
import { useId, useMemo, useState } from "react";
import { ACTION_LABELS, auditSentence, emailsIn } from "../audit-sentence.js";
import { useOrgs, usePermissionState, type Topic } from "../context.js";
import { Empty, ErrorNotice, formatDateTime, Loading, LoadMore, type WidgetProps } from "../ui.js";
import { usePaged } from "../use-api.js";
import { ForActiveOrganization, widget } from "../widget.js";

export interface AuditLogProps extends WidgetProps {
  /** Events loaded per page (default 100). */
  pageSize?: number;
}

export const AuditLog = widget("AuditLog", function AuditLog(props: AuditLogProps) {
  const title = props.title ?? "Audit log";
  return (
    <ForActiveOrganization title={title} name="audit-log" className={props.className}>
      {(organizationId) => <Log organizationId={organizationId} title={title} pageSize={props.pageSize ?? 100} />}
    </ForActiveOrganization>
  );
});

const ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

// Every change a widget makes is an event, whatever kind of data it changed.
const TOPICS: readonly Topic[] = ["organizations", "members", "invitations", "joinCodes", "apiTokens"];

function Log(props: { organizationId: string; title: string; pageSize: number }) {
  const permission = usePermissionState("members:manage");
  const [action, setAction] = useState<AuditAction | "">("");
  const filterId = useId();
  if (permission === "missing") return <Empty>Only owners and admins can see the audit log.</Empty>;
  if (permission === "error") return <Empty>Your role could not be loaded, so the audit log cannot be shown.</Empty>;
  if (permission === "loading") return <Loading what="events" />;
  return (
    <>
      <div className="orgs-field orgs-audit-filter">
        <label htmlFor={filterId}>Action</label>
        <select
          id={filterId}
          className="orgs-select"
          value={action}
          onChange={(event) => setAction(event.target.value as AuditAction | "")}
        >
          <option value="">All actions</option>
          {ACTIONS.map((name) => (
            <option key={name} value={name}>
              {ACTION_LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      {/* Another filter is another list, so it starts afresh from its first page. */}
      <Events key={action} {...props} action={action || null} />
    </>
  );
}

function Events(props: { organizationId: string; title: string; pageSize: number; action: AuditAction | null }) {
  const { api, revision } = useOrgs();
  const { organizationId, action } = props;
  const changes = TOPICS.reduce((sum, topic) => sum + revision(topic), 0);
  const events = usePaged(
    (page, signal) =>
      api.auditLog
        .list({ organizationId, ...page, ...(action && { actions: [action] }) }, { signal })
        .then((answer) => ({ items: answer.events, nextCursor: answer.nextCursor })),
    [api, organizationId, action],
    changes,
    props.pageSize,
  );
  const emails = useMemo(() => emailsIn(events.data ?? []), [events.data]);
  return (
    <>
      {events.status === "loading" && <Loading what="events" />}
      {events.status === "error" && <ErrorNotice error={events.error} onRetry={events.reload} />}
      {events.status === "ready" && events.data.length === 0 && (
        <Empty>{action ? "No events of this kind yet." : "No events yet."}</Empty>
      )}
      {events.status === "ready" && events.data.length > 0 && (
        <ol className="orgs-list" aria-label={props.title}>
          {events.data.map((event) => (
            <li key={event.id} className="orgs-list-item orgs-audit-event">
              <span className="orgs-grow">{auditSentence(event, (userId) => emails.get(userId))}</span>
              <time className="orgs-hint" dateTime={event.occurredAt}>
                {formatDateTime(event.occurredAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
      <LoadMore what="events" list={events} />
    </>
  );
}
