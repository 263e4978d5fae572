// Every action as its sentence, for each kind of actor, and the labels the filter offers.
import { auditActionValues, type AuditAction, type AuditActor, type AuditEvent } from "@orgs/client";
import { describe, expect, test } from "vitest";
import { ACTION_LABELS, actorName, auditSentence, emailsIn, type AuditData } from "../src/audit-sentence.js";

const ALICE: AuditActor = { kind: "user", id: "u_alice", email: "alice@example.com" };
const BOB: AuditActor = { kind: "user", id: "u_bob", email: "bob@example.com" };
const CAROL: AuditActor = { kind: "user", id: "u_carol", email: "carol@example.com" };
const TOKEN: AuditActor = { kind: "organization_token", key: "orgs_live_abc" };
const OPERATOR: AuditActor = { kind: "operator" };

let sequence = 0;

function event<A extends AuditAction>(
  action: A,
  data: AuditData[A],
  actor: AuditActor = ALICE,
  target: AuditEvent["target"] = { kind: "organization", id: "org_1" },
): AuditEvent {
  return {
    id: `evt_${++sequence}`,
    organizationId: "org_1",
    action,
    occurredAt: "2026-11-20T10:00:00.000Z",
    actor,
    target,
    data: data as unknown as AuditEvent["data"],
    requestId: "req_1",
    ipAddress: "127.0.0.1",
    userAgent: "test",
  };
}

const bob = { userId: "u_bob", email: "bob@example.com" };
const carol = { userId: "u_carol", email: "carol@example.com" };
const member = (id: string) => ({ kind: "member" as const, id });
const token = (key: string) => ({ kind: "api_token" as const, id: key });

describe("auditSentence", () => {
  test("organization.created", () => {
    expect(auditSentence(event("organization.created", { name: "Acme" }))).toBe(
      "alice@example.com created the organization Acme",
    );
  });

  test("organization.updated", () => {
    expect(auditSentence(event("organization.updated", { oldName: "Acme", newName: "Acme Inc" }))).toBe(
      "alice@example.com renamed the organization from Acme to Acme Inc",
    );
  });

  test("organization.deleted", () => {
    expect(auditSentence(event("organization.deleted", { name: "Acme" }))).toBe(
      "alice@example.com deleted the organization Acme",
    );
  });

  test("organization.ownership_transferred: the new owner by email when known, else by id", () => {
    const transfer = event("organization.ownership_transferred", { fromUserId: "u_alice", toUserId: "u_bob" });
    expect(auditSentence(transfer, (id) => (id === "u_bob" ? "bob@example.com" : undefined))).toBe(
      "alice@example.com transferred ownership to bob@example.com",
    );
    expect(auditSentence(transfer)).toBe("alice@example.com transferred ownership to u_bob");
  });

  test("member.added: created, by invitation, with a join code", () => {
    const alice = { userId: "u_alice", email: "alice@example.com" };
    expect(auditSentence(event("member.added", { ...alice, role: "owner", via: "created" }))).toBe(
      "alice@example.com joined as owner on creating the organization",
    );
    expect(auditSentence(event("member.added", { ...carol, role: "admin", via: "invitation" }, CAROL))).toBe(
      "carol@example.com joined by invitation as admin",
    );
    expect(auditSentence(event("member.added", { ...bob, role: "member", via: "join_code" }, BOB))).toBe(
      "bob@example.com joined with a join code as member",
    );
  });

  test("member.role_changed: another's role, or one's own", () => {
    const promoted = event(
      "member.role_changed",
      { ...bob, oldRole: "member", newRole: "admin" },
      ALICE,
      member("u_bob"),
    );
    expect(auditSentence(promoted)).toBe("alice@example.com changed bob@example.com's role from member to admin");
    const own = { userId: "u_alice", email: "alice@example.com", oldRole: "owner", newRole: "admin" } as const;
    expect(auditSentence(event("member.role_changed", own))).toBe(
      "alice@example.com changed their own role from owner to admin",
    );
  });

  test("member.removed: removed by someone, or left", () => {
    expect(auditSentence(event("member.removed", { ...bob, role: "member", via: "removed" }))).toBe(
      "alice@example.com removed bob@example.com",
    );
    expect(auditSentence(event("member.removed", { ...bob, role: "admin", via: "left" }, BOB))).toBe(
      "bob@example.com left the organization",
    );
  });

  test("invitation.created", () => {
    const data = { email: "carol@example.com", role: "member", expiresAt: "2026-11-27T10:00:00.000Z" } as const;
    expect(auditSentence(event("invitation.created", data))).toBe(
      "alice@example.com invited carol@example.com as member",
    );
  });

  test("invitation.revoked: revoked, or replaced by a new one", () => {
    const data = { email: "carol@example.com", role: "admin" } as const;
    expect(auditSentence(event("invitation.revoked", { ...data, reason: "revoked" }))).toBe(
      "alice@example.com revoked the invitation for carol@example.com as admin",
    );
    expect(auditSentence(event("invitation.revoked", { ...data, reason: "replaced" }))).toBe(
      "alice@example.com replaced the invitation for carol@example.com as admin with a new one",
    );
  });

  test("invitation.accepted", () => {
    expect(
      auditSentence(
        event("invitation.accepted", { email: "carol@example.com", role: "admin", userId: "u_carol" }, CAROL),
      ),
    ).toBe("carol@example.com accepted the invitation as admin");
  });

  test("join_code.created: limited or not", () => {
    expect(auditSentence(event("join_code.created", { role: "member", maxUses: 5 }, TOKEN))).toBe(
      "Token orgs_live_abc created a join code for member (5 uses)",
    );
    expect(auditSentence(event("join_code.created", { role: "admin", maxUses: 1 }))).toBe(
      "alice@example.com created a join code for admin (1 use)",
    );
    expect(auditSentence(event("join_code.created", { role: "member", maxUses: null }))).toBe(
      "alice@example.com created a join code for member (unlimited uses)",
    );
  });

  test("join_code.revoked: its uses against its limit", () => {
    expect(auditSentence(event("join_code.revoked", { role: "member", maxUses: 5, uses: 3 }))).toBe(
      "alice@example.com revoked a join code for member (used 3 of 5 times)",
    );
    expect(auditSentence(event("join_code.revoked", { role: "member", maxUses: null, uses: 1 }))).toBe(
      "alice@example.com revoked a join code for member (used 1 time)",
    );
  });

  test("api_token.created: a named token by name and environment", () => {
    expect(auditSentence(event("api_token.created", { name: "CI", env: "test" }, ALICE, token("orgs_test_k1")))).toBe(
      "alice@example.com created the API token CI (test)",
    );
  });

  test("api_token.revoked: an unnamed token by its key", () => {
    expect(
      auditSentence(event("api_token.revoked", { name: null, env: "live" }, OPERATOR, token("orgs_live_k2"))),
    ).toBe("The operator revoked the API token orgs_live_k2");
  });
});

test("a role the deployment declares reads like a built-in, in every sentence naming a role", () => {
  const invitation = { kind: "invitation" as const, id: "inv_1" };
  const code = { kind: "join_code" as const, id: "jc_1" };
  expect(
    [
      event("member.added", { ...bob, role: "billing", via: "invitation" }, BOB, member("u_bob")),
      event("member.role_changed", { ...bob, oldRole: "billing", newRole: "read-only" }, ALICE, member("u_bob")),
      event("member.removed", { ...bob, role: "read-only", via: "removed" }, ALICE, member("u_bob")),
      event(
        "invitation.created",
        { email: "dan@example.com", role: "billing_lead", expiresAt: "x" },
        ALICE,
        invitation,
      ),
      event(
        "invitation.revoked",
        { email: "dan@example.com", role: "billing_lead", reason: "revoked" },
        ALICE,
        invitation,
      ),
      event(
        "invitation.accepted",
        { email: "dan@example.com", role: "billing_lead", userId: "u_dan" },
        ALICE,
        invitation,
      ),
      event("join_code.created", { role: "viewer", maxUses: null }, ALICE, code),
      event("join_code.revoked", { role: "viewer", maxUses: 5, uses: 2 }, ALICE, code),
    ].map((e) => auditSentence(e)),
  ).toEqual([
    "bob@example.com joined by invitation as billing",
    "alice@example.com changed bob@example.com's role from billing to read-only",
    "alice@example.com removed bob@example.com",
    "alice@example.com invited dan@example.com as billing_lead",
    "alice@example.com revoked the invitation for dan@example.com as billing_lead",
    "dan@example.com accepted the invitation as billing_lead",
    "alice@example.com created a join code for viewer (unlimited uses)",
    "alice@example.com revoked a join code for viewer (used 2 of 5 times)",
  ]);
});

test("actors: a user by email, a token by key, the operator as such", () => {
  expect([ALICE, TOKEN, OPERATOR].map(actorName)).toEqual(["alice@example.com", "Token orgs_live_abc", "The operator"]);
});

test("every action has a label of its own, in the order the spec lists them", () => {
  expect(Object.keys(ACTION_LABELS)).toEqual(auditActionValues);
  expect(new Set(Object.values(ACTION_LABELS)).size).toBe(auditActionValues.length);
});

test("emailsIn learns users from actors and members, the newest email first", () => {
  const events = [
    event("member.role_changed", { ...bob, email: "robert@example.com", oldRole: "member", newRole: "admin" }),
    event("member.added", { ...bob, role: "member", via: "join_code" }, BOB),
    event("organization.created", { name: "Acme" }, TOKEN),
  ];
  expect(Object.fromEntries(emailsIn(events))).toEqual({
    u_alice: "alice@example.com",
    u_bob: "robert@example.com",
  });
});
