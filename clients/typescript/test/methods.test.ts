// Every one of the product page's 17 methods against the real server (the lifecycle
// methods are in lifecycle.test.ts), each checked by what it changed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type OrgsClient } from "../src/index.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let alice: OrgsClient;
let bob: OrgsClient;
let bobId: string;
let carol: OrgsClient;
let carolId: string;
let organizationId: string;

beforeAll(async () => {
  server = await startServer();
  const [a, b, c] = await Promise.all(["alice", "bob", "carol"].map((name) => server.user(`${name}@example.com`)));
  alice = createClient({ baseUrl: server.baseUrl, token: a!.bearer });
  bob = createClient({ baseUrl: server.baseUrl, token: b!.bearer });
  bobId = b!.userId;
  carol = createClient({ baseUrl: server.baseUrl, token: c!.bearer });
  carolId = c!.userId;
});

afterAll(() => server?.stop());

describe.sequential("client.organizations", () => {
  test("create makes the caller its owner", async () => {
    const { organization } = await alice.organizations.create({ name: "  Acme  " });
    expect(organization.name).toBe("Acme");
    expect(Date.parse(organization.createdAt)).not.toBeNaN();
    organizationId = organization.id;
    const { members } = await alice.organizations.members.list({ organizationId });
    expect(members.map((m) => m.role)).toEqual(["owner"]);
  });

  test("get returns it", async () => {
    const { organization } = await alice.organizations.get({ organizationId });
    expect(organization).toMatchObject({ id: organizationId, name: "Acme" });
  });

  test("list returns the caller's memberships, and pages", async () => {
    await alice.organizations.create({ name: "Second" });
    const all = await alice.organizations.list();
    expect(all.organizations.map((m) => [m.organization.name, m.role])).toEqual([
      ["Acme", "owner"],
      ["Second", "owner"],
    ]);
    const first = await alice.organizations.list({ limit: 1 });
    expect(first.organizations).toHaveLength(1);
    const second = await alice.organizations.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.organizations[0]?.organization.name).toBe("Second");
  });

  test("update renames it", async () => {
    expect(await alice.organizations.update({ organizationId, name: "Acme Inc" })).toEqual({ ok: true });
    expect((await alice.organizations.get({ organizationId })).organization.name).toBe("Acme Inc");
  });

  test("roles is the matrix, highest rank first", async () => {
    const { roles } = await bob.organizations.roles();
    // With no roles declared in the config, exactly the built-ins.
    expect(roles).toEqual([
      {
        role: "owner",
        rank: 300,
        permissions: ["org:view", "org:manage", "members:view", "members:manage"],
        description: null,
      },
      { role: "admin", rank: 200, permissions: ["org:view", "members:view", "members:manage"], description: null },
      { role: "member", rank: 100, permissions: ["org:view", "members:view"], description: null },
    ]);
  });

  test("invitations: create, list, accept", async () => {
    const created = await alice.organizations.invitations.create({ organizationId, email: "BOB@example.com" });
    expect(created.invitation).toMatchObject({ email: "bob@example.com", role: "member", organizationId });
    expect(created.token.length).toBeGreaterThan(20);
    const { invitations } = await alice.organizations.invitations.list({ organizationId });
    expect(invitations.map((i) => i.id)).toEqual([created.invitation.id]);
    expect(await bob.organizations.invitations.accept({ token: created.token })).toMatchObject({
      organizationId,
      role: "member",
    });
    expect((await alice.organizations.invitations.list({ organizationId })).invitations).toEqual([]);
  });

  test("invitations: revoke", async () => {
    const { invitation } = await alice.organizations.invitations.create({
      organizationId,
      email: "dave@example.com",
      role: "admin",
    });
    expect(await alice.organizations.invitations.revoke({ organizationId, id: invitation.id })).toEqual({ ok: true });
    expect((await alice.organizations.invitations.list({ organizationId })).invitations).toEqual([]);
  });

  test("members: list and setRole", async () => {
    expect(await alice.organizations.members.setRole({ organizationId, userId: bobId, role: "admin" })).toEqual({
      ok: true,
    });
    const { members } = await bob.organizations.members.list({ organizationId });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ["alice@example.com", "owner"],
      ["bob@example.com", "admin"],
    ]);
  });

  test("join codes: create, list, join, revoke", async () => {
    const created = await bob.organizations.joinCodes.create({ organizationId, maxUses: 5 });
    expect(created.joinCode).toMatchObject({ role: "member", maxUses: 5, uses: 0 });
    expect(created.code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(await carol.organizations.joinCodes.join({ code: created.code.toLowerCase() })).toEqual({
      organizationId,
      role: "member",
      alreadyMember: false,
    });
    expect(await carol.organizations.joinCodes.join({ code: created.code })).toMatchObject({ alreadyMember: true });
    const { joinCodes } = await alice.organizations.joinCodes.list({ organizationId });
    expect(joinCodes.map((c) => [c.id, c.uses])).toEqual([[created.joinCode.id, 1]]);
    expect(await alice.organizations.joinCodes.revoke({ organizationId, id: created.joinCode.id })).toEqual({
      ok: true,
    });
    expect((await alice.organizations.joinCodes.list({ organizationId })).joinCodes).toEqual([]);
  });

  test("members: remove", async () => {
    expect(await bob.organizations.members.remove({ organizationId, userId: carolId })).toEqual({ ok: true });
    const { members } = await alice.organizations.members.list({ organizationId });
    expect(members.map((m) => m.userId)).not.toContain(carolId);
    expect(await bob.organizations.members.remove({ organizationId, userId: carolId })).toEqual({ ok: true });
  });

  test("tokens: create mints a bearer that works at once", async () => {
    const { apiToken } = await alice.organizations.tokens.create({ organizationId, name: "ci", env: "test" });
    expect(apiToken.bearer).toBe(`${apiToken.key}:${apiToken.secret}`);
    expect(apiToken.secret.endsWith(apiToken.lastFour)).toBe(true);
    const asToken = createClient({ baseUrl: server.baseUrl, token: apiToken.bearer });
    const { organizations } = await asToken.organizations.list();
    expect(organizations.map((m) => [m.organization.id, m.role])).toEqual([[organizationId, "admin"]]);
  });
});
