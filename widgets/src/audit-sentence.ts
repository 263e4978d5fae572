// An audit event as one plain sentence, "ada@acme.test changed linus@acme.test's role from
// member to admin", and each action's label for the filter. The spec leaves `data` an
// untyped object, so its shape per action is written down here, as the server writes it.
import type { AuditAction, AuditActor, AuditEvent, OrgRole, TokenEnv } from "@orgs/client";

type Member = { userId: string; email: string };

/** What `data` holds for each action. */
export interface AuditData {
  "organization.created": { name: string };
  "organization.updated": { oldName: string; newName: string };
  "organization.deleted": { name: string };
  "organization.ownership_transferred": { fromUserId: string; toUserId: string };
  "member.added": Member & { role: OrgRole; via: "created" | "invitation" | "join_code" };
  "member.role_changed": Member & { oldRole: OrgRole; newRole: OrgRole };
  "member.removed": Member & { role: OrgRole; via: "removed" | "left" };
  "invitation.created": { email: string; role: OrgRole; expiresAt: string };
  "invitation.revoked": { email: string; role: OrgRole; reason: "revoked" | "replaced" };
  "invitation.accepted": { email: string; role: OrgRole; userId: string };
  "join_code.created": { role: OrgRole; maxUses: number | null };
  "join_code.revoked": { role: OrgRole; maxUses: number | null; uses: number };
  "api_token.created": { name: string | null; env: TokenEnv };
  "api_token.revoked": { name: string | null; env: TokenEnv };
}

/** Each action as the filter offers it, in the order the spec lists them. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  "organization.created": "Organization created",
  "organization.updated": "Organization renamed",
  "organization.deleted": "Organization deleted",
  "organization.ownership_transferred": "Ownership transferred",
  "member.added": "Member added",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed or left",
  "invitation.created": "Invitation created",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "join_code.created": "Join code created",
  "join_code.revoked": "Join code revoked",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
};

/** Who did it, as the sentence begins. */
export function actorName(actor: AuditActor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "organization_token") return `Token ${actor.key}`;
  return "The operator";
}

type Writer<A extends AuditAction> = (
  who: string,
  data: AuditData[A],
  event: AuditEvent,
  emailOf: (userId: string) => string | undefined,
) => string;

const SENTENCES: { [A in AuditAction]: Writer<A> } = {
  "organization.created": (who, d) => `${who} created the organization ${d.name}`,
  "organization.updated": (who, d) => `${who} renamed the organization from ${d.oldName} to ${d.newName}`,
  "organization.deleted": (who, d) => `${who} deleted the organization ${d.name}`,
  "organization.ownership_transferred": (who, d, _, emailOf) =>
    `${who} transferred ownership to ${emailOf(d.toUserId) ?? d.toUserId}`,
  // The member is the subject: whoever joins acts for themselves.
  "member.added": (_, d) =>
    d.via === "created"
      ? `${d.email} joined as ${d.role} on creating the organization`
      : d.via === "invitation"
        ? `${d.email} joined by invitation as ${d.role}`
        : `${d.email} joined with a join code as ${d.role}`,
  "member.role_changed": (who, d, event) =>
    `${who} changed ${isSelf(event, d.userId) ? "their own" : `${d.email}'s`} role from ${d.oldRole} to ${d.newRole}`,
  "member.removed": (who, d) => (d.via === "left" ? `${d.email} left the organization` : `${who} removed ${d.email}`),
  "invitation.created": (who, d) => `${who} invited ${d.email} as ${d.role}`,
  "invitation.revoked": (who, d) =>
    d.reason === "replaced"
      ? `${who} replaced the invitation for ${d.email} as ${d.role} with a new one`
      : `${who} revoked the invitation for ${d.email} as ${d.role}`,
  "invitation.accepted": (_, d) => `${d.email} accepted the invitation as ${d.role}`,
  "join_code.created": (who, d) =>
    `${who} created a join code for ${d.role} (${d.maxUses === null ? "unlimited uses" : count(d.maxUses, "use")})`,
  "join_code.revoked": (who, d) => `${who} revoked a join code for ${d.role} (${usesOf(d)})`,
  "api_token.created": (who, d, event) => `${who} created the API token ${tokenName(d, event.target.id)}`,
  "api_token.revoked": (who, d, event) => `${who} revoked the API token ${tokenName(d, event.target.id)}`,
};

/**
 * The event as a sentence. `emailOf` names a user the event knows only by id (the new
 * owner of a transfer); without it, or when it does not know them, the id stands in.
 */
export function auditSentence(
  event: AuditEvent,
  emailOf: (userId: string) => string | undefined = () => undefined,
): string {
  // `data` is typed by action in AuditData; the server always writes that shape.
  const write = SENTENCES[event.action] as Writer<AuditAction>;
  return write(actorName(event.actor), event.data as unknown as AuditData[AuditAction], event, emailOf);
}

/**
 * The emails the events themselves give for user ids, their actors' and their members':
 * events come newest first, so each user gets the latest email seen.
 */
export function emailsIn(events: readonly AuditEvent[]): Map<string, string> {
  const emails = new Map<string, string>();
  const learn = (userId: unknown, email: unknown) => {
    if (typeof userId === "string" && typeof email === "string" && !emails.has(userId)) emails.set(userId, email);
  };
  for (const { actor, data } of events) {
    if (actor.kind === "user") learn(actor.id, actor.email);
    const { userId, email } = data as { userId?: unknown; email?: unknown };
    learn(userId, email);
  }
  return emails;
}

function isSelf(event: AuditEvent, userId: string): boolean {
  return event.actor.kind === "user" && event.actor.id === userId;
}

/** A token by its name and environment, or by its key (`orgs_live_…`) when it has none. */
function tokenName(data: { name: string | null; env: TokenEnv }, key: string): string {
  return data.name === null ? key : `${data.name} (${data.env})`;
}

function usesOf(data: { maxUses: number | null; uses: number }): string {
  return data.maxUses === null ? `used ${count(data.uses, "time")}` : `used ${data.uses} of ${data.maxUses} times`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
