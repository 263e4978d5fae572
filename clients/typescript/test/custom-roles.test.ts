// Roles a deployment declares in its config, against the real server: listed in the matrix
// with their ranks and descriptions, accepted wherever a role is, refused when undeclared,
// and granted only by callers who hold every permission the role carries.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type OrgsClient } from "../src/index.js";
import { CUSTOM_ROLES_CONFIG, CUSTOM_ROLES_ORDER } from "./custom-roles.js";
import { expectOrgsError } from "./expect-error.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let alice: OrgsClient;
let bob: OrgsClient;
let carol: OrgsClient;
let carolId: string;
let dave: OrgsClient;
let daveId: string;
let organizationId: string;

beforeAll(async () => {
  server = await startServer({}, { config: CUSTOM_ROLES_CONFIG });
  const [a, b, c, d] = await Promise.all(
    ["alice", "bob", "carol", "dave"].map((name) => server.user(`${name}@example.com`)),
  );
  alice = createClient({ baseUrl: server.baseUrl, token: a!.bearer });
  bob = createClient({ baseUrl: server.baseUrl, token: b!.bearer });
  carol = createClient({ baseUrl: server.baseUrl, token: c!.bearer });
  carolId = c!.userId;
  dave = createClient({ baseUrl: server.baseUrl, token: d!.bearer });
  daveId = d!.userId;
  organizationId = (await alice.organizations.create({ name: "Acme" })).organization.id;
});

afterAll(() => server?.stop());

describe.sequential("declared roles", () => {
  test("the matrix lists them with the built-ins, highest rank first", async () => {
    const { roles } = await carol.organizations.roles();
    expect(roles.map((r) => [r.role, r.rank, r.description])).toEqual(CUSTOM_ROLES_ORDER);
    const permissions = Object.fromEntries(roles.map((r) => [r.role, r.permissions]));
    // The owner holds every permission: the built-ins, then those only declared roles carry.
    expect(permissions.owner).toEqual(["org:view", "org:manage", "members:view", "members:manage", "billing:manage"]);
    expect(permissions.admin).toEqual(["org:view", "members:view", "members:manage"]);
    expect(permissions.member).toEqual(["org:view", "members:view"]);
    expect([...permissions.billing!].sort()).toEqual(["billing:manage", "org:view"]);
    expect(permissions.viewer).toEqual(["org:view"]);
    expect([...permissions.manager!].sort()).toEqual(["billing:manage", "members:manage"]);
  });

  test("an owner invites with a declared role, and it is the member's role", async () => {
    const { invitation, token } = await alice.organizations.invitations.create({
      organizationId,
      email: "carol@example.com",
      role: "billing",
    });
    expect(invitation.role).toBe("billing");
    expect((await alice.organizations.invitations.list({ organizationId })).invitations.map((i) => i.role)).toEqual([
      "billing",
    ]);
    expect(await carol.organizations.invitations.accept({ token })).toEqual({ organizationId, role: "billing" });
    const { members } = await alice.organizations.members.list({ organizationId });
    expect(members.find((m) => m.userId === carolId)?.role).toBe("billing");
    expect((await carol.organizations.list()).organizations.map((m) => m.role)).toEqual(["billing"]);
  });

  test("a role nobody declared is refused, naming the field", async () => {
    const refused = await expectOrgsError(
      alice.organizations.members.setRole({ organizationId, userId: carolId, role: "nonexistent" }),
      400,
      "invalid_request",
    );
    expect(refused.message).toMatch(/role/);
    await expectOrgsError(
      alice.organizations.invitations.create({ organizationId, email: "x@example.com", role: "nonexistent" }),
      400,
      "invalid_request",
    );
    await expectOrgsError(
      alice.organizations.joinCodes.create({ organizationId, role: "Billing" }),
      400,
      "invalid_request",
    );
  });

  test("an admin may not grant a role carrying a permission admins lack, whatever its rank", async () => {
    const { token } = await alice.organizations.invitations.create({
      organizationId,
      email: "bob@example.com",
      role: "admin",
    });
    await bob.organizations.invitations.accept({ token });
    const { code } = await alice.organizations.joinCodes.create({ organizationId, role: "member" });
    await dave.organizations.joinCodes.join({ code });

    // billing ranks below admin, but carries billing:manage, which admins do not hold.
    await expectOrgsError(
      bob.organizations.members.setRole({ organizationId, userId: daveId, role: "billing" }),
      403,
      "forbidden",
    );
    await expectOrgsError(
      bob.organizations.invitations.create({ organizationId, email: "eve@example.com", role: "billing" }),
      403,
      "forbidden",
    );
    await expectOrgsError(bob.organizations.joinCodes.create({ organizationId, role: "billing" }), 403, "forbidden");
    // Nor may an admin change or remove a member who already holds it.
    await expectOrgsError(
      bob.organizations.members.setRole({ organizationId, userId: carolId, role: "member" }),
      403,
      "forbidden",
    );
    await expectOrgsError(bob.organizations.members.remove({ organizationId, userId: carolId }), 403, "forbidden");

    // viewer carries nothing admins lack.
    expect(await bob.organizations.members.setRole({ organizationId, userId: daveId, role: "viewer" })).toEqual({
      ok: true,
    });
    const { members } = await bob.organizations.members.list({ organizationId });
    expect(members.find((m) => m.userId === daveId)?.role).toBe("viewer");
    const { invitation } = await bob.organizations.invitations.create({
      organizationId,
      email: "eve@example.com",
      role: "viewer",
    });
    expect(invitation.role).toBe("viewer");
  });

  test("an organization token acts as an admin", async () => {
    const { apiToken } = await alice.organizations.tokens.create({ organizationId, name: "ci" });
    const asToken = createClient({ baseUrl: server.baseUrl, token: apiToken.bearer });
    await expectOrgsError(
      asToken.organizations.joinCodes.create({ organizationId, role: "billing" }),
      403,
      "forbidden",
    );
    expect((await asToken.organizations.joinCodes.create({ organizationId, role: "viewer" })).joinCode.role).toBe(
      "viewer",
    );
  });
});
