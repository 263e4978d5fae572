// The six lifecycle methods against the real server, each checked by what it changed:
// me, leave, delete, transferOwnership, tokens.list and tokens.revoke, with the errors
// that mark them (last_owner, invalid_request for a transfer to oneself, a revoked token
// refused at once, a deleted organization gone everywhere).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type ApiToken, type OrgsClient } from "../src/index.js";
import { expectOrgsError } from "./expect-error.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let alice: OrgsClient;
let aliceId: string;
let bob: OrgsClient;
let bobId: string;
let organizationId: string;

const client = (token: string) => createClient({ baseUrl: server.baseUrl, token });

beforeAll(async () => {
  server = await startServer();
  const [a, b] = await Promise.all(["alice", "bob"].map((name) => server.user(`${name}@example.com`)));
  alice = client(a!.bearer);
  aliceId = a!.userId;
  bob = client(b!.bearer);
  bobId = b!.userId;
  organizationId = (await alice.organizations.create({ name: "Lifecycle" })).organization.id;
  const { code } = await alice.organizations.joinCodes.create({ organizationId });
  await bob.organizations.joinCodes.join({ code });
});

afterAll(() => server?.stop());

const rolesIn = async (id: string) =>
  Object.fromEntries(
    (await alice.organizations.members.list({ organizationId: id })).members.map((m) => [m.email, m.role]),
  );

describe.sequential("lifecycle", () => {
  test("me: a user is its id and email", async () => {
    expect(await alice.me()).toEqual({ kind: "user", user: { id: aliceId, email: "alice@example.com" } });
  });

  test("me: an organization token is its organization and key, never its secret", async () => {
    const { apiToken } = await alice.organizations.tokens.create({ organizationId, name: "who" });
    const me = await client(apiToken.bearer).me();
    expect(me).toEqual({ kind: "organization_token", organizationId, key: apiToken.key });
    expect(JSON.stringify(me)).not.toContain(apiToken.secret);
  });

  test("leave: the only owner cannot, an organization token cannot, a member can", async () => {
    await expectOrgsError(alice.organizations.leave({ organizationId }), 409, "last_owner");
    const { apiToken } = await alice.organizations.tokens.create({ organizationId });
    await expectOrgsError(client(apiToken.bearer).organizations.leave({ organizationId }), 403, "user_required");
    expect(await bob.organizations.leave({ organizationId })).toEqual({ ok: true });
    expect(await rolesIn(organizationId)).toEqual({ "alice@example.com": "owner" });
    expect((await bob.organizations.list()).organizations).toEqual([]);
    // Not a member any more: there is nothing to leave.
    await expectOrgsError(bob.organizations.leave({ organizationId }), 404, "not_found");
  });

  test("transferOwnership: not to oneself, not to a stranger; the member becomes owner, the caller admin", async () => {
    const { code } = await alice.organizations.joinCodes.create({ organizationId });
    await bob.organizations.joinCodes.join({ code });
    await expectOrgsError(
      alice.organizations.transferOwnership({ organizationId, userId: aliceId }),
      400,
      "invalid_request",
    );
    const { userId: strangerId } = await server.user("stranger@example.com");
    await expectOrgsError(
      alice.organizations.transferOwnership({ organizationId, userId: strangerId }),
      404,
      "not_found",
    );
    expect(await alice.organizations.transferOwnership({ organizationId, userId: bobId })).toEqual({ ok: true });
    expect(await rolesIn(organizationId)).toEqual({ "alice@example.com": "admin", "bob@example.com": "owner" });
    // Now an admin, alice is no owner to transfer again.
    await expectOrgsError(alice.organizations.transferOwnership({ organizationId, userId: bobId }), 403, "forbidden");
    // And alice, no longer the only owner, may leave an organization she owns with bob.
    await bob.organizations.transferOwnership({ organizationId, userId: aliceId });
    expect(await rolesIn(organizationId)).toEqual({ "alice@example.com": "owner", "bob@example.com": "admin" });
  });

  test("tokens.list: newest first, pages with limit and cursor, never a secret, org:manage only", async () => {
    const { organization } = await alice.organizations.create({ name: "Tokens" });
    const id = organization.id;
    const made: ApiToken[] = [];
    for (const [name, env] of [
      ["one", "live"],
      [null, "test"],
      ["three", "live"],
    ] as const) {
      made.push((await alice.organizations.tokens.create({ organizationId: id, name, env })).apiToken);
    }
    const all = await alice.organizations.tokens.list({ organizationId: id });
    expect(all.nextCursor).toBeNull();
    expect(all.apiTokens.map((t) => [t.key, t.name, t.env, t.lastFour, t.createdBy, t.lastUsedAt])).toEqual(
      made
        .reverse()
        .map((t, i) => [t.key, ["three", null, "one"][i], ["live", "test", "live"][i], t.lastFour, aliceId, null]),
    );
    for (const token of all.apiTokens) {
      expect(Object.keys(token).sort()).toEqual(
        ["createdAt", "createdBy", "env", "key", "lastFour", "lastUsedAt", "name"].sort(),
      );
      expect(Date.parse(token.createdAt)).not.toBeNaN();
    }
    const secrets = made.map((t) => t.secret);
    expect(secrets.some((secret) => JSON.stringify(all).includes(secret))).toBe(false);

    const first = await alice.organizations.tokens.list({ organizationId: id, limit: 2 });
    expect(first.apiTokens.map((t) => t.key)).toEqual(all.apiTokens.slice(0, 2).map((t) => t.key));
    expect(first.nextCursor).not.toBeNull();
    const second = await alice.organizations.tokens.list({ organizationId: id, limit: 2, cursor: first.nextCursor! });
    expect(second.apiTokens.map((t) => t.key)).toEqual([all.apiTokens[2]!.key]);
    expect(second.nextCursor).toBeNull();

    // Used once, a token shows when (the write may lag, but a first use is recorded).
    await client(made[0]!.bearer).me();
    await expect
      .poll(
        async () =>
          (await alice.organizations.tokens.list({ organizationId: id })).apiTokens.find((t) => t.key === made[0]!.key)
            ?.lastUsedAt ?? null,
        { timeout: 10_000, interval: 200 },
      )
      .not.toBeNull();

    // Admins manage members, not tokens.
    const { code } = await alice.organizations.joinCodes.create({ organizationId: id, role: "admin" });
    await bob.organizations.joinCodes.join({ code });
    await expectOrgsError(bob.organizations.tokens.list({ organizationId: id }), 403, "forbidden");
  });

  test("tokens.revoke: refused at once, again is ok, unknown or another organization's is not_found", async () => {
    const { apiToken } = await alice.organizations.tokens.create({ organizationId, name: "short-lived" });
    const asToken = client(apiToken.bearer);
    expect((await asToken.me()).kind).toBe("organization_token");
    expect(await alice.organizations.tokens.revoke({ organizationId, key: apiToken.key })).toEqual({ ok: true });
    await expectOrgsError(asToken.me(), 401, "unauthenticated");
    await expectOrgsError(asToken.organizations.get({ organizationId }), 401, "unauthenticated");
    expect(await alice.organizations.tokens.revoke({ organizationId, key: apiToken.key })).toEqual({ ok: true });
    const { apiTokens } = await alice.organizations.tokens.list({ organizationId });
    expect(apiTokens.map((t) => t.key)).not.toContain(apiToken.key);

    await expectOrgsError(
      alice.organizations.tokens.revoke({ organizationId, key: "orgs_live_nope" }),
      404,
      "not_found",
    );
    const { organization: other } = await alice.organizations.create({ name: "Other" });
    const { apiToken: othersToken } = await alice.organizations.tokens.create({ organizationId: other.id });
    await expectOrgsError(
      alice.organizations.tokens.revoke({ organizationId, key: othersToken.key }),
      404,
      "not_found",
    );
    expect((await client(othersToken.bearer).me()).kind).toBe("organization_token");
  });

  test("delete: owners only; afterwards the organization is not_found everywhere and its tokens are refused", async () => {
    const { organization } = await alice.organizations.create({ name: "Doomed" });
    const id = organization.id;
    const { code } = await alice.organizations.joinCodes.create({ organizationId: id, role: "admin" });
    await bob.organizations.joinCodes.join({ code });
    const { apiToken } = await alice.organizations.tokens.create({ organizationId: id });
    const asToken = client(apiToken.bearer);
    await expectOrgsError(bob.organizations.delete({ organizationId: id }), 403, "forbidden");
    // Only a person may delete; a token holds no user to act for.
    await expectOrgsError(asToken.organizations.delete({ organizationId: id }), 403, "user_required");

    expect(await alice.organizations.delete({ organizationId: id })).toEqual({ ok: true });
    await expectOrgsError(alice.organizations.get({ organizationId: id }), 404, "not_found");
    await expectOrgsError(bob.organizations.members.list({ organizationId: id }), 404, "not_found");
    await expectOrgsError(alice.organizations.delete({ organizationId: id }), 404, "not_found");
    await expectOrgsError(bob.organizations.joinCodes.join({ code }), 404, "invalid_join_code");
    await expectOrgsError(asToken.me(), 401, "unauthenticated");
    expect((await alice.organizations.list()).organizations.map((m) => m.organization.id)).not.toContain(id);
    expect((await bob.organizations.list()).organizations.map((m) => m.organization.id)).not.toContain(id);
  });
});
