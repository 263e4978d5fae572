// organizations.auditLog.list against the real server: the request it sends, every change
// of a short history newest first with who made it, paging, each filter, and who may read it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type AuditEvent, type OrgsClient } from "../src/index.js";
import { expectOrgsError } from "./expect-error.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let alice: OrgsClient;
let aliceId: string;
let bob: OrgsClient;
let bobId: string;
let carol: OrgsClient;
let carolId: string;
let tokenKey: string;
let organizationId: string;

const client = (token: string) => createClient({ baseUrl: server.baseUrl, token });

beforeAll(async () => {
  server = await startServer();
  const [a, b, c] = await Promise.all(["alice", "bob", "carol"].map((name) => server.user(`${name}@example.com`)));
  alice = client(a!.bearer);
  aliceId = a!.userId;
  bob = client(b!.bearer);
  bobId = b!.userId;
  carol = client(c!.bearer);
  carolId = c!.userId;

  // A short history, one change at a time, so the log's order is the order made here.
  organizationId = (await alice.organizations.create({ name: "Audited" })).organization.id;
  await alice.organizations.update({ organizationId, name: "Audited Inc" });
  await alice.organizations.invitations.create({ organizationId, email: "bob@example.com" });
  // A second invitation to the same email replaces the first.
  const { token } = await alice.organizations.invitations.create({
    organizationId,
    email: "bob@example.com",
    role: "admin",
  });
  await bob.organizations.invitations.accept({ token });
  await alice.organizations.members.setRole({ organizationId, userId: bobId, role: "member" });
  const { code, joinCode } = await alice.organizations.joinCodes.create({ organizationId, maxUses: 2 });
  await carol.organizations.joinCodes.join({ code });
  await alice.organizations.joinCodes.revoke({ organizationId, id: joinCode.id });
  const { apiToken } = await alice.organizations.tokens.create({ organizationId, name: "ci", env: "test" });
  tokenKey = apiToken.key;
  await client(apiToken.bearer).organizations.members.remove({ organizationId, userId: carolId });
  await alice.organizations.tokens.revoke({ organizationId, key: tokenKey });
});

afterAll(() => server?.stop());

const everything = async () => (await alice.organizations.auditLog.list({ organizationId })).events;

describe.sequential("client.organizations.auditLog", () => {
  test("list posts its input as the body to /v1/organizations/audit-log/list", async () => {
    const seen: { url: string; body: unknown }[] = [];
    const recording = createClient({
      baseUrl: server.baseUrl,
      token: (await server.user("alice@example.com")).bearer,
      fetch: (url, init) => {
        seen.push({ url: String(url), body: JSON.parse(String(init?.body)) });
        return fetch(url, init);
      },
    });
    const input = { organizationId, limit: 2, actions: ["member.added" as const], actorId: aliceId };
    const answer = await recording.organizations.auditLog.list(input);
    expect(seen).toEqual([{ url: `${server.baseUrl}/v1/organizations/audit-log/list`, body: input }]);
    expect(answer.events.map((e) => [e.action, e.data])).toEqual([
      ["member.added", { userId: aliceId, email: "alice@example.com", role: "owner", via: "created" }],
    ]);
    expect(answer.nextCursor).toBeNull();
  });

  test("every change is there, newest first, with who made it and what changed", async () => {
    const events = await everything();
    const who = (event: AuditEvent) =>
      event.actor.kind === "user"
        ? event.actor.email
        : event.actor.kind === "organization_token"
          ? "token"
          : "operator";
    expect(events.map((e) => [e.action, who(e), e.target.kind, e.data])).toEqual([
      ["api_token.revoked", "alice@example.com", "api_token", { name: "ci", env: "test" }],
      [
        "member.removed",
        "token",
        "member",
        { userId: carolId, email: "carol@example.com", role: "member", via: "removed" },
      ],
      ["api_token.created", "alice@example.com", "api_token", { name: "ci", env: "test" }],
      ["join_code.revoked", "alice@example.com", "join_code", { role: "member", maxUses: 2, uses: 1 }],
      [
        "member.added",
        "carol@example.com",
        "member",
        { userId: carolId, email: "carol@example.com", role: "member", via: "join_code" },
      ],
      ["join_code.created", "alice@example.com", "join_code", { role: "member", maxUses: 2 }],
      [
        "member.role_changed",
        "alice@example.com",
        "member",
        { userId: bobId, email: "bob@example.com", oldRole: "admin", newRole: "member" },
      ],
      [
        "invitation.accepted",
        "bob@example.com",
        "invitation",
        { email: "bob@example.com", role: "admin", userId: bobId },
      ],
      [
        "member.added",
        "bob@example.com",
        "member",
        { userId: bobId, email: "bob@example.com", role: "admin", via: "invitation" },
      ],
      [
        "invitation.created",
        "alice@example.com",
        "invitation",
        { email: "bob@example.com", role: "admin", expiresAt: expect.any(String) },
      ],
      [
        "invitation.revoked",
        "alice@example.com",
        "invitation",
        { email: "bob@example.com", role: "member", reason: "replaced" },
      ],
      [
        "invitation.created",
        "alice@example.com",
        "invitation",
        { email: "bob@example.com", role: "member", expiresAt: expect.any(String) },
      ],
      ["organization.updated", "alice@example.com", "organization", { oldName: "Audited", newName: "Audited Inc" }],
      [
        "member.added",
        "alice@example.com",
        "member",
        { userId: aliceId, email: "alice@example.com", role: "owner", via: "created" },
      ],
      ["organization.created", "alice@example.com", "organization", { name: "Audited" }],
    ]);
    const [revoked, removed] = events;
    // A token is named by its public key, a member by its user id, never by a secret.
    expect(revoked!.target).toEqual({ kind: "api_token", id: tokenKey });
    expect(removed!.actor).toEqual({ kind: "organization_token", key: tokenKey });
    expect(removed!.target).toEqual({ kind: "member", id: carolId });
    expect(events.at(-1)!.target).toEqual({ kind: "organization", id: organizationId });
    expect(revoked!.actor).toEqual({ kind: "user", id: aliceId, email: "alice@example.com" });
    for (const event of events) {
      expect(event.organizationId).toBe(organizationId);
      expect(Date.parse(event.occurredAt)).not.toBeNaN();
      expect(event.requestId).toEqual(expect.any(String));
      expect(event.ipAddress).toBe("127.0.0.1");
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  test("pages with limit and cursor", async () => {
    const all = await everything();
    const first = await alice.organizations.auditLog.list({ organizationId, limit: 10 });
    expect(first.events.map((e) => e.id)).toEqual(all.slice(0, 10).map((e) => e.id));
    expect(first.nextCursor).not.toBeNull();
    const second = await alice.organizations.auditLog.list({ organizationId, limit: 10, cursor: first.nextCursor! });
    expect(second.events.map((e) => e.id)).toEqual(all.slice(10).map((e) => e.id));
    expect(second.nextCursor).toBeNull();
  });

  test("filters by actions, by actor, and by time, together", async () => {
    const all = await everything();
    const byActions = await alice.organizations.auditLog.list({
      organizationId,
      actions: ["member.added", "member.removed"],
    });
    expect(byActions.events.map((e) => e.action)).toEqual([
      "member.removed",
      "member.added",
      "member.added",
      "member.added",
    ]);
    const byToken = await alice.organizations.auditLog.list({ organizationId, actorId: tokenKey });
    expect(byToken.events.map((e) => e.action)).toEqual(["member.removed"]);
    const byBob = await alice.organizations.auditLog.list({ organizationId, actorId: bobId });
    expect(byBob.events.map((e) => e.action)).toEqual(["invitation.accepted", "member.added"]);
    // `since` takes events at or after its instant, `until` only those before its own.
    const roleChange = all.find((e) => e.action === "member.role_changed")!;
    const at = roleChange.occurredAt;
    const since = (await alice.organizations.auditLog.list({ organizationId, since: at })).events;
    const until = (await alice.organizations.auditLog.list({ organizationId, until: at })).events;
    expect(since.map((e) => e.id)).toContain(roleChange.id);
    expect(since.every((e) => Date.parse(e.occurredAt) >= Date.parse(at))).toBe(true);
    expect(until.every((e) => Date.parse(e.occurredAt) < Date.parse(at))).toBe(true);
    expect([...since, ...until].map((e) => e.id)).toEqual(all.map((e) => e.id));
    const both = await alice.organizations.auditLog.list({
      organizationId,
      actions: ["member.role_changed"],
      actorId: aliceId,
      since: at,
      until: new Date(Date.parse(at) + 1).toISOString(),
    });
    expect(both.events.map((e) => e.id)).toEqual([roleChange.id]);
    expect((await alice.organizations.auditLog.list({ organizationId, actions: [] })).events).toHaveLength(all.length);
  });

  test("only managers may read it; a bad filter names its field", async () => {
    // Bob is a member again, and members do not manage members.
    await expectOrgsError(bob.organizations.auditLog.list({ organizationId }), 403, "forbidden");
    // Carol was removed: to her the organization does not exist.
    await expectOrgsError(carol.organizations.auditLog.list({ organizationId }), 404, "not_found");
    const error = await expectOrgsError(
      alice.organizations.auditLog.list({ organizationId, since: "yesterday" }),
      400,
      "invalid_request",
    );
    expect(error.message).toContain("since");
    await expectOrgsError(alice.organizations.auditLog.list({ organizationId, limit: 0 }), 400, "invalid_request");
  });
});
