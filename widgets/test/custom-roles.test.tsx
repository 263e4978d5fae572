// Roles a deployment declares: the grant rule the widgets share with the server, role
// selects that offer exactly what the caller may grant, revoke buttons likewise, the role
// matrix with the declared permissions and descriptions, and a gate on a declared permission.
import type { OrgRoleMatrix } from "@orgs/client";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import {
  CreateJoinCode,
  grantableRoles,
  InviteMember,
  JoinCodesTable,
  mayGrant,
  MembersTable,
  PendingInvitations,
  PermissionGate,
  RoleMatrix,
} from "../src/index.js";
import {
  ACME,
  baseRoutes,
  CUSTOM_ROLE_MATRIX,
  expectAccessible,
  invitation,
  renderWith,
  ROLE_MATRIX,
} from "./harness.js";

const BUILT_IN: OrgRoleMatrix = ROLE_MATRIX;
const CUSTOM: OrgRoleMatrix = CUSTOM_ROLE_MATRIX;
const ALL_SIX = ["owner", "manager", "admin", "billing", "member", "viewer"];

/** The roles a select offers, in order. */
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);

const member = (userId: string, email: string, role: string) => ({
  userId,
  email,
  role,
  joinedAt: "2026-11-03T10:00:00.000Z",
});

describe("mayGrant", () => {
  test("with the built-ins only it is the rank rule", () => {
    expect(grantableRoles(BUILT_IN, "owner")).toEqual(["owner", "admin", "member"]);
    expect(grantableRoles(BUILT_IN, "admin")).toEqual(["admin", "member"]);
    // A member holds no members:manage, so grants nothing, not even member.
    expect(grantableRoles(BUILT_IN, "member")).toEqual([]);
    expect(mayGrant(BUILT_IN, "admin", "owner")).toBe(false);
  });

  test("with declared roles, rank and every permission count", () => {
    expect(grantableRoles(CUSTOM, "owner")).toEqual(ALL_SIX);
    // billing ranks below admin but carries billing:manage, which admins lack; manager and
    // owner rank above.
    expect(grantableRoles(CUSTOM, "admin")).toEqual(["admin", "member", "viewer"]);
    // manager holds only members:manage and billing:manage: every other role carries
    // org:view, so it grants only its own.
    expect(grantableRoles(CUSTOM, "manager")).toEqual(["manager"]);
    // billing and viewer cannot manage members at all.
    expect(grantableRoles(CUSTOM, "billing")).toEqual([]);
    expect(grantableRoles(CUSTOM, "viewer")).toEqual([]);
  });

  test("a role the matrix does not list is never grantable, and an unlisted caller grants nothing", () => {
    expect(mayGrant(CUSTOM, "owner", "ghost")).toBe(false);
    expect(grantableRoles(CUSTOM, "ghost")).toEqual([]);
  });

  test("equal rank is not enough when a permission is missing", () => {
    const tied: OrgRoleMatrix = {
      roles: [
        ...BUILT_IN.roles.slice(0, 2),
        { role: "auditor", rank: 200, permissions: ["org:view", "audit:export"], description: null },
        ...BUILT_IN.roles.slice(2),
      ],
    };
    expect(mayGrant(tied, "admin", "auditor")).toBe(false);
    expect(mayGrant(tied, "admin", "admin")).toBe(true);
  });

  test("the owner holds every permission, even one its entry does not list", () => {
    const unlisted: OrgRoleMatrix = {
      roles: [
        ...BUILT_IN.roles,
        { role: "exporter", rank: 10, permissions: ["data:export"], description: "Exports data" },
      ],
    };
    expect(mayGrant(unlisted, "owner", "exporter")).toBe(true);
    expect(mayGrant(unlisted, "admin", "exporter")).toBe(false);
  });
});

describe("role selects offer exactly the grantable roles", () => {
  test.each([
    ["owner", ALL_SIX, "member"],
    ["admin", ["admin", "member", "viewer"], "member"],
    // member is not grantable, so the lowest-ranked grantable role is the default.
    ["manager", ["manager"], "manager"],
  ])("InviteMember for %s", async (role, offered, chosen) => {
    const { container } = renderWith(<InviteMember />, baseRoutes(role, CUSTOM_ROLE_MATRIX));
    const select = await screen.findByRole("combobox", { name: "Role" });
    expect(optionsOf(select)).toEqual(offered);
    expect(select).toHaveValue(chosen);
    await expectAccessible(container);
  });

  test("CreateJoinCode for an admin, and the pick is what is sent", async () => {
    const { requests } = renderWith(<CreateJoinCode />, {
      ...baseRoutes("admin", CUSTOM_ROLE_MATRIX),
      "/join-codes/create": (body) => ({
        body: {
          joinCode: {
            id: "c1",
            organizationId: ACME.id,
            role: String(body.role),
            maxUses: null,
            uses: 0,
            createdBy: "u1",
            createdAt: "2026-11-20T10:00:00.000Z",
          },
          code: "7KQ2-M9XD-4HTP-W3NB",
        },
      }),
    });
    const select = await screen.findByRole("combobox", { name: "Role for people who join" });
    expect(optionsOf(select)).toEqual(["admin", "member", "viewer"]);
    await userEvent.selectOptions(select, "viewer");
    await userEvent.click(screen.getByRole("button", { name: "Create join code" }));
    await screen.findByRole("textbox", { name: "Join code" });
    expect(requests.find((r) => r.path === "/join-codes/create")?.body).toEqual({
      organizationId: ACME.id,
      role: "viewer",
      maxUses: null,
    });
  });

  test("the forms wait for the matrix before offering any role", async () => {
    renderWith(<InviteMember />, { ...baseRoutes("admin"), "/roles": "hang" });
    expect(await screen.findByText("Loading roles…")).toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
  });

  test("MembersTable: a member in a role the caller cannot grant is shown, not changeable", async () => {
    const team = [
      member("u1", "ada@acme.test", "admin"),
      member("u2", "kay@acme.test", "billing"),
      member("u3", "vic@acme.test", "viewer"),
      member("u4", "max@acme.test", "manager"),
    ];
    const { container } = renderWith(<MembersTable />, {
      ...baseRoutes("admin", CUSTOM_ROLE_MATRIX),
      "/members/list": { body: { members: team, nextCursor: null } },
    });
    const vic = await screen.findByRole("combobox", { name: "Role of vic@acme.test" });
    expect(optionsOf(vic)).toEqual(["admin", "member", "viewer"]);
    expect(vic).toBeEnabled();
    expect(screen.getByRole("button", { name: "Remove vic@acme.test" })).toBeInTheDocument();
    for (const [email, role] of [
      ["kay@acme.test", "billing"],
      ["max@acme.test", "manager"],
    ]) {
      const select = screen.getByRole("combobox", { name: `Role of ${email}` });
      expect(select).toBeDisabled();
      expect(optionsOf(select)).toEqual([role]);
      expect(screen.queryByRole("button", { name: `Remove ${email}` })).not.toBeInTheDocument();
    }
    await expectAccessible(container);
  });

  test("MembersTable: an owner may give a declared role, and it is sent", async () => {
    let team = [member("u1", "ada@acme.test", "owner"), member("u3", "vic@acme.test", "viewer")];
    const { requests } = renderWith(<MembersTable />, {
      ...baseRoutes("owner", CUSTOM_ROLE_MATRIX),
      "/members/list": () => ({ body: { members: team, nextCursor: null } }),
      "/members/set-role": (body) => {
        team = team.map((m) => (m.userId === body.userId ? { ...m, role: String(body.role) } : m));
        return { body: { ok: true } };
      },
    });
    const select = await screen.findByRole("combobox", { name: "Role of vic@acme.test" });
    expect(optionsOf(select)).toEqual(ALL_SIX);
    await userEvent.selectOptions(select, "billing");
    await userEvent.click(screen.getByRole("button", { name: "Save role" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Save role" })).not.toBeInTheDocument());
    expect(select).toHaveValue("billing");
    expect(requests.find((r) => r.path === "/members/set-role")?.body).toEqual({
      organizationId: ACME.id,
      userId: "u3",
      role: "billing",
    });
  });
});

describe("revoking follows the same rule", () => {
  test("an admin may revoke a viewer invitation, not a billing one", async () => {
    renderWith(<PendingInvitations />, {
      ...baseRoutes("admin", CUSTOM_ROLE_MATRIX),
      "/invitations/list": {
        body: {
          invitations: [invitation("i1", "vic@acme.test", "viewer"), invitation("i2", "kay@acme.test", "billing")],
          nextCursor: null,
        },
      },
    });
    await screen.findByText("kay@acme.test");
    expect(screen.getByRole("button", { name: "Revoke the invitation for vic@acme.test" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Revoke the invitation for kay@acme.test" })).not.toBeInTheDocument();
  });

  test("a manager may revoke only manager join codes", async () => {
    const code = (id: string, role: string) => ({
      id,
      organizationId: ACME.id,
      role,
      maxUses: null,
      uses: 0,
      createdBy: "u1",
      createdAt: "2026-11-20T10:00:00.000Z",
    });
    renderWith(<JoinCodesTable />, {
      ...baseRoutes("manager", CUSTOM_ROLE_MATRIX),
      "/join-codes/list": { body: { joinCodes: [code("c1", "manager"), code("c2", "member")], nextCursor: null } },
    });
    expect(await screen.findByRole("button", { name: /^Revoke the manager join code/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Revoke the member join code/ })).not.toBeInTheDocument();
  });
});

describe("RoleMatrix with declared roles", () => {
  test("a column for every permission, the declared ones last, and each role's description", async () => {
    const { container } = renderWith(<RoleMatrix />, baseRoutes("owner", CUSTOM_ROLE_MATRIX));
    await screen.findByRole("rowheader", { name: "owner" });
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Role",
      "org:view",
      "org:manage",
      "members:view",
      "members:manage",
      "billing:manage",
    ]);
    const rows = screen.getAllByRole("rowheader");
    expect(rows.map((h) => h.querySelector(".orgs-badge")?.textContent)).toEqual(ALL_SIX);
    const billing = screen.getByRole("rowheader", { name: "billing Sees the organization and manages its billing" });
    expect([...billing.closest("tr")!.querySelectorAll("td")].map((cell) => cell.textContent)).toEqual([
      "✓Yes",
      "–No",
      "–No",
      "–No",
      "✓Yes",
    ]);
    expect(screen.getByRole("rowheader", { name: "viewer Sees the organization, nothing more" })).toBeInTheDocument();
    // A built-in has no description: its header is its name alone.
    expect(screen.getByRole("rowheader", { name: "admin" })).toBeInTheDocument();
    await expectAccessible(container);
  });

  test("declared roles get the generic badge, named in data-role; built-ins keep theirs", async () => {
    renderWith(<RoleMatrix />, baseRoutes("owner", CUSTOM_ROLE_MATRIX));
    await screen.findByRole("rowheader", { name: "owner" });
    const badge = (role: string) => document.querySelector(`[data-role="${role}"]`);
    expect(badge("billing")).toHaveClass("orgs-badge", "orgs-role-custom");
    expect(badge("manager")).toHaveClass("orgs-role-custom");
    expect(badge("owner")).toHaveClass("orgs-role-owner");
    expect(badge("owner")).not.toHaveClass("orgs-role-custom");
  });
});

describe("PermissionGate on a declared permission", () => {
  const gate = (
    <PermissionGate permission="billing:manage" fallback={<p>No billing for you.</p>}>
      <button type="button">Open billing</button>
    </PermissionGate>
  );

  test.each([
    ["billing", true],
    ["owner", true],
    ["manager", true],
    ["admin", false],
    ["viewer", false],
  ])("for %s: shown %s", async (role, shown) => {
    renderWith(gate, baseRoutes(role, CUSTOM_ROLE_MATRIX));
    if (shown) {
      expect(await screen.findByRole("button", { name: "Open billing" })).toBeInTheDocument();
    } else {
      expect(await screen.findByText("No billing for you.")).toBeInTheDocument();
      expect(screen.queryByRole("button")).not.toBeInTheDocument();
    }
  });
});
