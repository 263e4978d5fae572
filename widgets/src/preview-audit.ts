// The preview's audit log: Acme's history to match the sample data, and one event more for
// each change the preview client makes, so AuditLog in preview shows what was just done.
import type { AuditAction, AuditActor, AuditEvent, AuditTarget, ListAuditLogInput, OrgRole } from "@orgs/client";
import type { AuditData } from "./audit-sentence.js";

export interface PreviewAuditLog {
  /** Appends an event, by the sample caller and now unless told otherwise. */
  record<A extends AuditAction>(
    organizationId: string,
    action: A,
    target: AuditTarget,
    data: AuditData[A],
    actor?: AuditActor,
    occurredAt?: string,
  ): void;
  /** The organization's events, newest first, narrowed as the server narrows them. */
  select(input: ListAuditLogInput): AuditEvent[];
}

export function target(kind: AuditTarget["kind"], id: string): AuditTarget {
  return { kind, id };
}

export function previewAuditLog(caller: AuditActor, at: (daysAgo: number) => string): PreviewAuditLog {
  // Newest first, as the server lists them; events of one change keep their order.
  const events: AuditEvent[] = [];
  let sequence = 0;
  const log: PreviewAuditLog = {
    record(organizationId, action, target, data, actor = caller, occurredAt = new Date().toISOString()) {
      const n = ++sequence;
      const byOperator = actor.kind === "operator";
      events.unshift({
        id: `evt_preview_${n}`,
        organizationId,
        action,
        occurredAt,
        actor,
        target,
        data: data as unknown as AuditEvent["data"],
        requestId: byOperator ? null : `req_preview_${n}`,
        ipAddress: byOperator ? null : "203.0.113.7",
        userAgent: byOperator ? null : "Mozilla/5.0 (orgs preview)",
      });
    },
    select({ organizationId, actions, actorId, since, until }) {
      return events.filter(
        (event) =>
          event.organizationId === organizationId &&
          (!actions?.length || actions.includes(event.action)) &&
          (!actorId || actorIdOf(event.actor) === actorId) &&
          (!since || Date.parse(event.occurredAt) >= Date.parse(since)) &&
          (!until || Date.parse(event.occurredAt) < Date.parse(until)),
      );
    },
  };
  seed(log, caller, at);
  return log;
}

function actorIdOf(actor: AuditActor): string | undefined {
  return actor.kind === "user" ? actor.id : actor.kind === "organization_token" ? actor.key : undefined;
}

/**
 * How the sample Acme came to be, oldest first: its members (one in a role the operator
 * declared), codes, tokens and invitations.
 */
function seed(log: PreviewAuditLog, ada: AuditActor, at: (daysAgo: number) => string) {
  const event = <A extends AuditAction>(
    daysAgo: number,
    by: AuditActor,
    action: A,
    on: AuditTarget,
    data: AuditData[A],
  ) => log.record("org_acme", action, on, data, by, at(daysAgo));
  const acme = target("organization", "org_acme");
  const grace: AuditActor = { kind: "user", id: "usr_grace", email: "grace@acme.test" };
  const linus: AuditActor = { kind: "user", id: "usr_linus", email: "linus@acme.test" };
  const token: AuditActor = { kind: "organization_token", key: "orgs_live_preview1" };
  const joined = (name: string, role: OrgRole, via: AuditData["member.added"]["via"]) => ({
    userId: `usr_${name}`,
    email: `${name}@acme.test`,
    role,
    via,
  });
  const graceInvitation = target("invitation", "inv_preview_grace");
  event(120, ada, "organization.created", acme, { name: "Acme Corp" });
  event(120, ada, "member.added", target("member", "usr_ada"), joined("ada", "owner", "created"));
  event(64, ada, "api_token.created", target("api_token", "orgs_live_preview1"), { name: null, env: "live" });
  event(61, ada, "invitation.created", graceInvitation, { email: "grace@acme.test", role: "admin", expiresAt: at(54) });
  event(60, grace, "member.added", target("member", "usr_grace"), joined("grace", "admin", "invitation"));
  event(60, grace, "invitation.accepted", graceInvitation, {
    email: "grace@acme.test",
    role: "admin",
    userId: "usr_grace",
  });
  event(45, { kind: "operator" }, "api_token.revoked", target("api_token", "orgs_live_preview0"), {
    name: "Old deploys",
    env: "live",
  });
  event(30, token, "join_code.created", target("join_code", "jc_2"), { role: "member", maxUses: null });
  event(20, ada, "api_token.created", target("api_token", "orgs_test_preview2"), { name: "CI", env: "test" });
  event(12, linus, "member.added", target("member", "usr_linus"), joined("linus", "member", "join_code"));
  const katherine: AuditActor = { kind: "user", id: "usr_katherine", email: "katherine@acme.test" };
  const katherineInvitation = target("invitation", "inv_preview_katherine");
  event(9, ada, "invitation.created", katherineInvitation, {
    email: "katherine@acme.test",
    role: "billing",
    expiresAt: at(2),
  });
  event(8, katherine, "member.added", target("member", "usr_katherine"), joined("katherine", "billing", "invitation"));
  event(8, katherine, "invitation.accepted", katherineInvitation, {
    email: "katherine@acme.test",
    role: "billing",
    userId: "usr_katherine",
  });
  event(5, ada, "join_code.created", target("join_code", "jc_1"), { role: "member", maxUses: 25 });
  event(3, ada, "organization.updated", acme, { oldName: "Acme Corp", newName: "Acme" });
  event(2, ada, "api_token.created", target("api_token", "orgs_live_preview3"), { name: "Deploys", env: "live" });
  event(2, ada, "invitation.created", target("invitation", "inv_1"), {
    email: "margaret@acme.test",
    role: "member",
    expiresAt: at(-5),
  });
  event(1, ada, "invitation.created", target("invitation", "inv_2"), {
    email: "barbara@acme.test",
    role: "admin",
    expiresAt: at(-6),
  });
}
