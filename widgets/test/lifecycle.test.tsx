// LeaveOrganization, DeleteOrganization, TransferOwnership and ApiTokensTable.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import {
  ApiTokensTable,
  DeleteOrganization,
  LeaveOrganization,
  OrganizationSwitcher,
  TransferOwnership,
} from "../src/index.js";
import { ACME, baseRoutes, error, expectAccessible, ME, renderWith, ROLE_MATRIX, type Routes } from "./harness.js";

const GLOBEX = { ...ACME, id: "org_2", name: "Globex" };
const member = (userId: string, email: string, role: string) => ({
  userId,
  email,
  role,
  joinedAt: "2026-11-03T10:00:00.000Z",
});
const TEAM = [
  member("u1", "ada@acme.test", "owner"),
  member("u2", "grace@acme.test", "admin"),
  member("u3", "linus@acme.test", "member"),
];

/** The caller's memberships as a list the test can change: what `/list` answers now. */
function memberships(initial: { organization: typeof ACME; role: string }[]) {
  let current = initial;
  return {
    set(next: typeof initial) {
      current = next;
    },
    routes: {
      "/list": () => ({ body: { organizations: current, nextCursor: null } }),
      "/roles": { body: ROLE_MATRIX },
      "/me": { body: ME },
    } satisfies Routes,
  };
}

describe("LeaveOrganization", () => {
  test("a second step, then the organization is gone from the switcher", async () => {
    const list = memberships([
      { organization: ACME, role: "member" },
      { organization: GLOBEX, role: "owner" },
    ]);
    const { container, requests } = renderWith(
      <>
        <OrganizationSwitcher />
        <LeaveOrganization />
      </>,
      {
        ...list.routes,
        "/leave": (body) => {
          list.set([{ organization: GLOBEX, role: "owner" }]);
          expect(body).toEqual({ organizationId: ACME.id });
          return { body: { ok: true } };
        },
      },
    );
    await userEvent.click(await screen.findByRole("button", { name: "Leave Acme" }));
    expect(screen.getByText(/You will lose access to/)).toBeInTheDocument();
    await expectAccessible(container);
    // Backing out sends nothing and gives the focus back.
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Leave Acme" })).toHaveFocus());
    expect(requests.some((r) => r.path === "/leave")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Leave Acme" }));
    expect(screen.getByRole("button", { name: "Confirm leaving" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Confirm leaving" }));
    expect(await screen.findByText("You left Acme.")).toBeInTheDocument();
    const switcher = screen.getByRole("combobox", { name: "Active organization" });
    await waitFor(() => expect(within(switcher).queryByRole("option", { name: /Acme/ })).not.toBeInTheDocument());
    expect(switcher).toHaveValue(GLOBEX.id);
    expect(screen.getByRole("button", { name: "Leave Globex" })).toBeInTheDocument();
  });

  test("a left organization is gone at once, before the memberships reload answers", async () => {
    let lists = 0;
    renderWith(
      <>
        <OrganizationSwitcher />
        <LeaveOrganization />
      </>,
      {
        ...memberships([]).routes,
        // The first list answers; the reload after leaving never does.
        "/list": () =>
          lists++ === 0
            ? {
                body: {
                  organizations: [
                    { organization: ACME, role: "member" },
                    { organization: GLOBEX, role: "owner" },
                  ],
                  nextCursor: null,
                },
              }
            : "hang",
        "/leave": { body: { ok: true } },
      },
    );
    await userEvent.click(await screen.findByRole("button", { name: "Leave Acme" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm leaving" }));
    expect(await screen.findByText("You left Acme.")).toBeInTheDocument();
    const switcher = screen.getByRole("combobox", { name: "Active organization" });
    expect(within(switcher).queryByRole("option", { name: /Acme/ })).not.toBeInTheDocument();
    expect(switcher).toHaveValue(GLOBEX.id);
    expect(screen.getByRole("button", { name: "Leave Globex" })).toBeInTheDocument();
    expect(lists).toBe(2);
  });

  test("the only owner is told plainly what to do first", async () => {
    const { container } = renderWith(<LeaveOrganization />, {
      ...baseRoutes("owner"),
      "/leave": error(409, "last_owner"),
    });
    await userEvent.click(await screen.findByRole("button", { name: "Leave Acme" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm leaving" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "last_owner");
    expect(alert).toHaveTextContent(
      "You are the only owner of Acme, so you cannot leave it yet. First make another member an owner (transfer ownership), or delete the organization.",
    );
    await waitFor(() => expect(screen.getByRole("button", { name: "Leave Acme" })).toHaveFocus());
    await expectAccessible(container);
  });

  test("an organization token is not offered to leave", async () => {
    renderWith(<LeaveOrganization />, {
      ...baseRoutes("admin"),
      "/me": { body: { kind: "organization_token", organizationId: ACME.id, key: "orgs_live_k" } },
    });
    expect(await screen.findByText(/An organization token belongs to its organization/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Leave Acme" })).not.toBeInTheDocument();
  });

  test("a refusal for a token is explained", async () => {
    renderWith(<LeaveOrganization />, { ...baseRoutes("admin"), "/leave": error(403, "user_required") });
    await userEvent.click(await screen.findByRole("button", { name: "Leave Acme" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm leaving" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only a person can do this");
  });

  test("loading, and no organization", async () => {
    const loading = renderWith(<LeaveOrganization />, { "/list": "hang", "/roles": "hang" });
    expect(screen.getByText(/Loading your organizations/)).toBeInTheDocument();
    loading.unmount();
    renderWith(<LeaveOrganization />, memberships([]).routes);
    expect(await screen.findByText("Pick or create an organization first.")).toBeInTheDocument();
  });
});

describe("DeleteOrganization", () => {
  test("the exact name enables the button; then the organization vanishes and another is active", async () => {
    const list = memberships([
      { organization: ACME, role: "owner" },
      { organization: GLOBEX, role: "member" },
    ]);
    const { container, requests } = renderWith(
      <>
        <OrganizationSwitcher />
        <DeleteOrganization />
      </>,
      {
        ...list.routes,
        "/delete": () => {
          list.set([{ organization: GLOBEX, role: "member" }]);
          return { body: { ok: true } };
        },
      },
    );
    const field = await screen.findByLabelText("Type Acme to confirm");
    const button = screen.getByRole("button", { name: "Delete this organization" });
    expect(button).toBeDisabled();
    await expectAccessible(container);
    await userEvent.type(field, "acme");
    expect(button).toBeDisabled();
    // Enter does nothing until the name matches either.
    await userEvent.type(field, "{Enter}");
    expect(requests.some((r) => r.path === "/delete")).toBe(false);
    await userEvent.clear(field);
    await userEvent.type(field, "Acme");
    expect(button).toBeEnabled();
    await userEvent.click(button);
    expect(await screen.findByText("Acme was deleted.")).toBeInTheDocument();
    expect(requests.find((r) => r.path === "/delete")?.body).toEqual({ organizationId: ACME.id });
    const switcher = screen.getByRole("combobox", { name: "Active organization" });
    await waitFor(() => expect(within(switcher).queryByRole("option", { name: /Acme/ })).not.toBeInTheDocument());
    expect(switcher).toHaveValue(GLOBEX.id);
    // Globex is not the caller's to delete.
    expect(screen.getByText("Only owners can delete this organization.")).toBeInTheDocument();
  });

  test("the last organization deleted leaves none", async () => {
    const list = memberships([{ organization: ACME, role: "owner" }]);
    renderWith(
      <>
        <OrganizationSwitcher />
        <DeleteOrganization />
      </>,
      {
        ...list.routes,
        "/delete": () => {
          list.set([]);
          return { body: { ok: true } };
        },
      },
    );
    await userEvent.type(await screen.findByLabelText("Type Acme to confirm"), "Acme{Enter}");
    expect(await screen.findByText(/not in any organization yet/)).toBeInTheDocument();
    expect(screen.getByText("Acme was deleted.")).toBeInTheDocument();
  });

  test("admins are told only owners can, and errors are shown", async () => {
    const admin = renderWith(<DeleteOrganization />, baseRoutes("admin"));
    expect(await screen.findByText("Only owners can delete this organization.")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    admin.unmount();
    renderWith(<DeleteOrganization />, { ...baseRoutes("owner"), "/delete": error(403, "user_required") });
    await userEvent.type(await screen.findByLabelText("Type Acme to confirm"), "Acme");
    await userEvent.click(screen.getByRole("button", { name: "Delete this organization" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only a person can do this");
  });

  test("loading and error", async () => {
    const loading = renderWith(<DeleteOrganization />, {
      "/list": { body: { organizations: [{ organization: ACME, role: "owner" }], nextCursor: null } },
      "/roles": "hang",
    });
    expect(await screen.findByText(/Loading your role/)).toBeInTheDocument();
    loading.unmount();
    renderWith(<DeleteOrganization />, { "/list": error(503, "unavailable"), "/roles": { body: ROLE_MATRIX } });
    expect(await screen.findByRole("alert")).toHaveTextContent("briefly unavailable");
  });
});

describe("TransferOwnership", () => {
  test("pick a member, confirm; the caller then shows as admin", async () => {
    const list = memberships([{ organization: ACME, role: "owner" }]);
    let team = TEAM;
    const { container, requests } = renderWith(
      <>
        <OrganizationSwitcher />
        <TransferOwnership />
      </>,
      {
        ...list.routes,
        "/members/list": () => ({ body: { members: team, nextCursor: null } }),
        "/transfer-ownership": (body) => {
          team = team.map((m) =>
            m.userId === body.userId ? { ...m, role: "owner" } : m.userId === "u1" ? { ...m, role: "admin" } : m,
          );
          list.set([{ organization: ACME, role: "admin" }]);
          return { body: { ok: true } };
        },
      },
    );
    const select = await screen.findByRole("combobox", { name: "New owner" });
    // Not the caller: nobody hands ownership to themselves.
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose a member…", "grace@acme.test (admin)", "linus@acme.test (member)"]);
    expect(screen.getByRole("button", { name: "Transfer ownership" })).toBeDisabled();
    await userEvent.selectOptions(select, "u3");
    await userEvent.click(screen.getByRole("button", { name: "Transfer ownership" }));
    expect(screen.getByText(/becomes an owner of/)).toHaveTextContent(
      "linus@acme.test becomes an owner of Acme, and you become an admin",
    );
    expect(screen.getByRole("button", { name: "Confirm transfer" })).toHaveFocus();
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Confirm transfer" }));
    expect(await screen.findByText("linus@acme.test is now an owner, and you are now an admin.")).toBeInTheDocument();
    expect(requests.find((r) => r.path === "/transfer-ownership")?.body).toEqual({
      organizationId: ACME.id,
      userId: "u3",
    });
    expect(await screen.findByText("Only owners can transfer ownership.")).toBeInTheDocument();
    expect(within(screen.getByRole("combobox", { name: "Active organization" })).getByRole("option")).toHaveTextContent(
      "Acme (admin)",
    );
  });

  test("cancel goes back without a request; an error is shown", async () => {
    const { requests } = renderWith(<TransferOwnership />, {
      ...baseRoutes("owner"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
      "/transfer-ownership": error(404, "not_found"),
    });
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "New owner" }), "u2");
    await userEvent.click(screen.getByRole("button", { name: "Transfer ownership" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Transfer ownership" })).toHaveFocus());
    expect(requests.some((r) => r.path === "/transfer-ownership")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Transfer ownership" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm transfer" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("no longer exists");
  });

  test("pages through members with Load more", async () => {
    const { requests } = renderWith(<TransferOwnership pageSize={2} />, {
      ...baseRoutes("owner"),
      "/members/list": (body) =>
        body.cursor === "c2"
          ? { body: { members: TEAM.slice(2), nextCursor: null } }
          : { body: { members: TEAM.slice(0, 2), nextCursor: "c2" } },
    });
    const select = await screen.findByRole("combobox", { name: "New owner" });
    expect(within(select).getAllByRole("option")).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "Load more members" }));
    await waitFor(() => expect(within(select).getAllByRole("option")).toHaveLength(3));
    expect(screen.queryByRole("button", { name: "Load more members" })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.path === "/members/list").map((r) => r.body)).toEqual([
      { organizationId: ACME.id, limit: 2 },
      { organizationId: ACME.id, limit: 2, cursor: "c2" },
    ]);
  });

  test("empty, not an owner, loading and error", async () => {
    const alone = renderWith(<TransferOwnership />, {
      ...baseRoutes("owner"),
      "/members/list": { body: { members: TEAM.slice(0, 1), nextCursor: null } },
    });
    expect(await screen.findByText(/There is no other member to hand ownership to/)).toBeInTheDocument();
    alone.unmount();
    const admin = renderWith(<TransferOwnership />, baseRoutes("admin"));
    expect(await screen.findByText("Only owners can transfer ownership.")).toBeInTheDocument();
    admin.unmount();
    const loading = renderWith(<TransferOwnership />, { ...baseRoutes("owner"), "/members/list": "hang" });
    expect(await screen.findByText("Loading members…")).toBeInTheDocument();
    loading.unmount();
    renderWith(<TransferOwnership />, { ...baseRoutes("owner"), "/members/list": error(500, "internal") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong");
  });
});

const apiToken = (key: string, name: string | null, env: string, lastUsedAt: string | null) => ({
  key,
  name,
  env,
  lastFour: key.slice(-4),
  createdAt: "2026-11-20T10:00:00.000Z",
  createdBy: "u1",
  lastUsedAt,
});
const TOKENS = [
  apiToken("orgs_live_k3aa", "Deploys", "live", "2026-11-28T10:00:00.000Z"),
  apiToken("orgs_test_k2bb", null, "test", null),
  apiToken("orgs_live_k1cc", "CI", "live", null),
];

describe("ApiTokensTable", () => {
  test("the columns, never for null, and revoke after a second step", async () => {
    // Loading is checked on a list that never answers: a fast answer may replace it
    // before the query sees it.
    const loading = renderWith(<ApiTokensTable />, { ...baseRoutes("owner"), "/tokens/list": "hang" });
    expect(await screen.findByText("Loading API tokens…")).toBeInTheDocument();
    loading.unmount();
    let live = TOKENS;
    const { container, requests } = renderWith(<ApiTokensTable />, {
      ...baseRoutes("owner"),
      "/tokens/list": () => ({ body: { apiTokens: live, nextCursor: null } }),
      "/tokens/revoke": (body) => {
        live = live.filter((t) => t.key !== body.key);
        return { body: { ok: true } };
      },
    });
    await screen.findByText("Deploys");
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Name",
      "Env",
      "Last four",
      "Created",
      "Last used",
      "Actions",
    ]);
    const rows = screen.getAllByRole("row").slice(1);
    expect(
      within(rows[1]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["unnamed", "test", "…k2bb", expect.stringContaining("2026"), "never", "Revoke"]);
    expect(requests.find((r) => r.path === "/tokens/list")?.body).toEqual({ organizationId: ACME.id, limit: 100 });
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Revoke CI (…k1cc)" }));
    expect(screen.getByRole("group", { name: "Confirm revoking CI (…k1cc)" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Revoke CI (…k1cc)" })).toHaveFocus());
    expect(requests.some((r) => r.path === "/tokens/revoke")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Revoke the unnamed token …k2bb" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm revoke" }));
    await waitFor(() => expect(screen.queryByText("…k2bb")).not.toBeInTheDocument());
    expect(requests.find((r) => r.path === "/tokens/revoke")?.body).toEqual({
      organizationId: ACME.id,
      key: "orgs_test_k2bb",
    });
    expect(screen.getByRole("group", { name: "API tokens" })).toHaveFocus();
  });

  test("loads more with the cursor, and keeps them after a revoke", async () => {
    let live = TOKENS;
    const { requests } = renderWith(<ApiTokensTable pageSize={2} />, {
      ...baseRoutes("owner"),
      "/tokens/list": (body) => {
        const start = body.cursor === "c2" ? 2 : 0;
        const end = start + Number(body.limit);
        return { body: { apiTokens: live.slice(start, end), nextCursor: end < live.length ? "c2" : null } };
      },
      "/tokens/revoke": (body) => {
        live = live.filter((t) => t.key !== body.key);
        return { body: { ok: true } };
      },
    });
    await screen.findByText("Deploys");
    expect(screen.queryByText("CI")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Load more API tokens" }));
    expect(await screen.findByText("CI")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more API tokens" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Revoke Deploys (…k3aa)" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm revoke" }));
    await waitFor(() => expect(screen.queryByText("Deploys")).not.toBeInTheDocument());
    // The reload asks for as many as were shown, so the loaded page stays.
    expect(screen.getByText("CI")).toBeInTheDocument();
    expect(requests.filter((r) => r.path === "/tokens/list").map((r) => r.body)).toEqual([
      { organizationId: ACME.id, limit: 2 },
      { organizationId: ACME.id, limit: 2, cursor: "c2" },
      { organizationId: ACME.id, limit: 3 },
    ]);
  });

  test("revoking the last token keeps the focus on the widget", async () => {
    let live = TOKENS.slice(0, 1);
    renderWith(<ApiTokensTable />, {
      ...baseRoutes("owner"),
      "/tokens/list": () => ({ body: { apiTokens: live, nextCursor: null } }),
      "/tokens/revoke": () => {
        live = [];
        return { body: { ok: true } };
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Revoke Deploys (…k3aa)" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm revoke" }));
    expect(await screen.findByText("No API tokens.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("group", { name: "API tokens" })).toHaveFocus());
  });

  test("a failed revoke is shown and the row stays", async () => {
    renderWith(<ApiTokensTable />, {
      ...baseRoutes("owner"),
      "/tokens/list": { body: { apiTokens: TOKENS, nextCursor: null } },
      "/tokens/revoke": error(404, "not_found"),
    });
    await userEvent.click(await screen.findByRole("button", { name: "Revoke CI (…k1cc)" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm revoke" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("no longer exists");
    expect(screen.getByText("CI")).toBeInTheDocument();
  });

  test("empty, admins, and error", async () => {
    const empty = renderWith(<ApiTokensTable />, {
      ...baseRoutes("owner"),
      "/tokens/list": { body: { apiTokens: [], nextCursor: null } },
    });
    expect(await screen.findByText("No API tokens.")).toBeInTheDocument();
    empty.unmount();
    const admin = renderWith(<ApiTokensTable />, baseRoutes("admin"));
    expect(await screen.findByText("Only owners can see this organization's API tokens.")).toBeInTheDocument();
    expect(admin.requests.some((r) => r.path === "/tokens/list")).toBe(false);
    admin.unmount();
    renderWith(<ApiTokensTable />, { ...baseRoutes("owner"), "/tokens/list": error(403, "forbidden") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this");
  });
});
