// MembersTable, InviteMember, PendingInvitations and AcceptInvitation.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import { AcceptInvitation, InviteMember, MembersTable, PendingInvitations } from "../src/index.js";
import { ACME, baseRoutes, error, expectAccessible, invitation, renderWith } from "./harness.js";

const member = (userId: string, email: string, role: string) => ({
  userId,
  email,
  role,
  joinedAt: "2026-11-03T10:00:00.000Z",
});
/** The roles a select offers, in order. */
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);

const TEAM = [
  member("u1", "ada@acme.test", "owner"),
  member("u2", "grace@acme.test", "admin"),
  member("u3", "linus@acme.test", "member"),
];

describe("MembersTable", () => {
  test("loading, then the members; an owner may change and remove anyone", async () => {
    // Loading is checked on a list that never answers: a fast answer may replace it
    // before the query sees it.
    const loading = renderWith(<MembersTable />, { ...baseRoutes("owner"), "/members/list": "hang" });
    expect(await screen.findByText("Loading members…")).toBeInTheDocument();
    loading.unmount();
    const { container } = renderWith(<MembersTable />, {
      ...baseRoutes("owner"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
    });
    const rows = await screen.findAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(screen.getByRole("combobox", { name: "Role of ada@acme.test" })).toHaveValue("owner");
    expect(screen.getAllByRole("button", { name: /^Remove / })).toHaveLength(3);
    await expectAccessible(container);
  });

  test("the rank rule: an admin cannot touch the owner or grant owner", async () => {
    renderWith(<MembersTable />, {
      ...baseRoutes("admin"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
    });
    const linus = await screen.findByRole("combobox", { name: "Role of linus@acme.test" });
    // The owner's role is shown, but its select cannot change it, and there is no Remove.
    const ada = screen.getByRole("combobox", { name: "Role of ada@acme.test" });
    expect(ada).toBeDisabled();
    expect(ada).toHaveValue("owner");
    expect(optionsOf(ada)).toEqual(["owner"]);
    expect(screen.queryByRole("button", { name: "Remove ada@acme.test" })).not.toBeInTheDocument();
    // Owner is not offered at all.
    expect(linus).toBeEnabled();
    expect(optionsOf(linus)).toEqual(["admin", "member"]);
  });

  test("members see the list without controls", async () => {
    renderWith(<MembersTable />, {
      ...baseRoutes("member"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
    });
    await screen.findByText("linus@acme.test");
    expect(screen.queryAllByRole("combobox")).toEqual([]);
    expect(screen.queryAllByRole("button")).toEqual([]);
  });

  test("changing a role sends it and reloads", async () => {
    let team = TEAM;
    const { requests } = renderWith(<MembersTable />, {
      ...baseRoutes("owner"),
      "/members/list": () => ({ body: { members: team, nextCursor: null } }),
      "/members/set-role": (body) => {
        team = team.map((m) => (m.userId === body.userId ? { ...m, role: String(body.role) } : m));
        return { body: { ok: true } };
      },
    });
    const select = await screen.findByRole("combobox", { name: "Role of linus@acme.test" });
    await userEvent.selectOptions(select, "admin");
    // Choosing is not changing: nothing is sent until the change is saved.
    expect(requests.some((r) => r.path === "/members/set-role")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Save role" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Save role" })).not.toBeInTheDocument());
    expect(select).toHaveValue("admin");
    expect(select).toHaveFocus();
    expect(requests.find((r) => r.path === "/members/set-role")?.body).toEqual({
      organizationId: ACME.id,
      userId: "u3",
      role: "admin",
    });
  });

  test("last_owner is explained, and the role stays", async () => {
    renderWith(<MembersTable />, {
      ...baseRoutes("owner"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
      "/members/set-role": error(409, "last_owner"),
      "/members/remove": error(409, "last_owner"),
    });
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Role of ada@acme.test" }), "member");
    await userEvent.click(screen.getByRole("button", { name: "Save role" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("An organization needs at least one owner");
    expect(alert).toHaveAttribute("data-code", "last_owner");
    expect(screen.getByRole("combobox", { name: "Role of ada@acme.test" })).toHaveValue("owner");
  });

  test("removing reloads without the member", async () => {
    let team = TEAM;
    renderWith(<MembersTable />, {
      ...baseRoutes("owner"),
      "/members/list": () => ({ body: { members: team, nextCursor: null } }),
      "/members/remove": (body) => {
        team = team.filter((m) => m.userId !== body.userId);
        return { body: { ok: true } };
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Remove linus@acme.test" }));
    // A second step, which can be backed out of.
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Remove linus@acme.test" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Remove linus@acme.test" }));
    expect(screen.getByRole("button", { name: "Confirm removal" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Confirm removal" }));
    await waitFor(() => expect(screen.queryByText("linus@acme.test")).not.toBeInTheDocument());
    expect(screen.getByRole("group", { name: "Members" })).toHaveFocus();
  });

  test("the only owner is pointed out before anyone tries", async () => {
    renderWith(<MembersTable />, {
      ...baseRoutes("owner"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
    });
    expect(await screen.findByText(/The only owner cannot be demoted or removed/)).toBeInTheDocument();
  });

  test("the caller's own row says so, from one me request", async () => {
    const { requests } = renderWith(
      <>
        <MembersTable />
        <MembersTable title="Members again" />
      </>,
      { ...baseRoutes("owner"), "/members/list": { body: { members: TEAM, nextCursor: null } } },
    );
    const tables = await screen.findAllByRole("group", { name: /^Members/ });
    await waitFor(() =>
      expect(within(tables[0]!).getByRole("cell", { name: "ada@acme.test (you)" })).toBeInTheDocument(),
    );
    expect(within(tables[0]!).getByRole("cell", { name: "grace@acme.test" })).toBeInTheDocument();
    expect(within(tables[1]!).getByRole("cell", { name: "ada@acme.test (you)" })).toBeInTheDocument();
    expect(requests.filter((r) => r.path === "/me")).toHaveLength(1);
  });

  test("an organization token has no row of its own; me failing hides only the mark", async () => {
    const token = renderWith(<MembersTable />, {
      ...baseRoutes("admin"),
      "/me": { body: { kind: "organization_token", organizationId: ACME.id, key: "orgs_live_k" } },
      "/members/list": { body: { members: TEAM, nextCursor: null } },
    });
    await screen.findByText("grace@acme.test");
    expect(screen.queryByText(/\(you\)/)).not.toBeInTheDocument();
    token.unmount();
    renderWith(<MembersTable />, {
      ...baseRoutes("owner"),
      "/me": error(500, "internal"),
      "/members/list": { body: { members: TEAM, nextCursor: null } },
    });
    await screen.findByText("grace@acme.test");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("large organizations load a page at a time", async () => {
    const many = Array.from({ length: 5 }, (_, i) => member(`m${i}`, `m${i}@acme.test`, i === 0 ? "owner" : "member"));
    let team = many;
    const { requests, container } = renderWith(<MembersTable pageSize={2} />, {
      ...baseRoutes("owner"),
      "/members/list": (body) => {
        const start = body.cursor ? Number(body.cursor) : 0;
        const end = start + Number(body.limit);
        return { body: { members: team.slice(start, end), nextCursor: end < team.length ? String(end) : null } };
      },
      "/members/remove": (body) => {
        team = team.filter((m) => m.userId !== body.userId);
        return { body: { ok: true } };
      },
    });
    await screen.findByText("m1@acme.test");
    expect(screen.queryByText("m2@acme.test")).not.toBeInTheDocument();
    // Not known to be the only owner while more members may follow.
    expect(screen.queryByText(/The only owner cannot be demoted/)).not.toBeInTheDocument();
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Load more members" }));
    await screen.findByText("m3@acme.test");
    await userEvent.click(screen.getByRole("button", { name: "Load more members" }));
    await screen.findByText("m4@acme.test");
    expect(screen.queryByRole("button", { name: "Load more members" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Remove m3@acme.test" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm removal" }));
    await waitFor(() => expect(screen.queryByText("m3@acme.test")).not.toBeInTheDocument());
    expect(screen.getByText("m4@acme.test")).toBeInTheDocument();
    expect(requests.filter((r) => r.path === "/members/list").map((r) => r.body)).toEqual([
      { organizationId: ACME.id, limit: 2 },
      { organizationId: ACME.id, limit: 2, cursor: "2" },
      { organizationId: ACME.id, limit: 2, cursor: "4" },
      { organizationId: ACME.id, limit: 5 },
    ]);
  });

  test("a failed Load more is shown and can be tried again", async () => {
    let failed = false;
    renderWith(<MembersTable pageSize={2} />, {
      ...baseRoutes("owner"),
      "/members/list": (body) => {
        if (!body.cursor) return { body: { members: TEAM.slice(0, 2), nextCursor: "2" } };
        if (!failed) {
          failed = true;
          return error(503, "unavailable");
        }
        return { body: { members: TEAM.slice(2), nextCursor: null } };
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Load more members" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("briefly unavailable");
    await userEvent.click(screen.getByRole("button", { name: "Load more members" }));
    expect(await screen.findByText("linus@acme.test")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("empty", async () => {
    renderWith(<MembersTable />, { ...baseRoutes(), "/members/list": { body: { members: [], nextCursor: null } } });
    expect(await screen.findByText("No members.")).toBeInTheDocument();
  });

  test("error", async () => {
    renderWith(<MembersTable />, { ...baseRoutes(), "/members/list": error(403, "forbidden") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this");
  });
});

describe("InviteMember", () => {
  test("shows the link once, copies it, and offers only grantable roles", async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { container, requests } = renderWith(
      <InviteMember invitationUrl={(t) => `https://app.test/join?invitation=${t}`} />,
      {
        ...baseRoutes("admin"),
        "/invitations/create": (body) => ({
          body: { invitation: invitation("i1", String(body.email), String(body.role)), token: "tok123" },
        }),
      },
    );
    const role = await screen.findByRole("combobox", { name: "Role" });
    expect(optionsOf(role)).toEqual(["admin", "member"]);
    expect(role).toHaveValue("member");
    await userEvent.type(screen.getByLabelText("Email address"), "bob@example.com");
    await userEvent.selectOptions(role, "admin");
    await userEvent.click(screen.getByRole("button", { name: "Create invitation link" }));
    const link = await screen.findByRole("textbox", { name: "Invitation link" });
    expect(link).toHaveValue("https://app.test/join?invitation=tok123");
    expect(requests.find((r) => r.path === "/invitations/create")?.body).toEqual({
      organizationId: ACME.id,
      email: "bob@example.com",
      role: "admin",
    });
    await userEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith("https://app.test/join?invitation=tok123");
    expect(screen.getByRole("button", { name: "Copied" })).toBeInTheDocument();
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(screen.queryByDisplayValue(/tok123/)).not.toBeInTheDocument();
    expect(screen.getByLabelText("Email address")).toHaveFocus();
  });

  test("already_member is said on the field", async () => {
    renderWith(<InviteMember />, { ...baseRoutes(), "/invitations/create": error(409, "already_member") });
    await userEvent.type(await screen.findByLabelText("Email address"), "ada@acme.test{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("already a member");
    expect(screen.getByLabelText("Email address")).toHaveAttribute("aria-invalid", "true");
  });
});

describe("PendingInvitations", () => {
  test("lists, revokes, and an admin cannot revoke an owner invitation", async () => {
    let pending = [invitation("i1", "bob@example.com", "member"), invitation("i2", "carol@example.com", "owner")];
    const { container } = renderWith(<PendingInvitations />, {
      ...baseRoutes("admin"),
      "/invitations/list": () => ({ body: { invitations: pending, nextCursor: null } }),
      "/invitations/revoke": (body) => {
        pending = pending.filter((i) => i.id !== body.id);
        return { body: { ok: true } };
      },
    });
    await screen.findByText("bob@example.com");
    expect(
      screen.queryByRole("button", { name: "Revoke the invitation for carol@example.com" }),
    ).not.toBeInTheDocument();
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Revoke the invitation for bob@example.com" }));
    await waitFor(() => expect(screen.queryByText("bob@example.com")).not.toBeInTheDocument());
  });

  test("empty, loading and error", async () => {
    const first = renderWith(<PendingInvitations />, {
      ...baseRoutes(),
      "/invitations/list": { body: { invitations: [], nextCursor: null } },
    });
    expect(await screen.findByText("No pending invitations.")).toBeInTheDocument();
    first.unmount();
    const second = renderWith(<PendingInvitations />, { ...baseRoutes(), "/invitations/list": "hang" });
    expect(await screen.findByText(/Loading pending invitations/)).toBeInTheDocument();
    second.unmount();
    renderWith(<PendingInvitations />, { ...baseRoutes(), "/invitations/list": error(500, "internal") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Something went wrong");
  });
});

describe("AcceptInvitation", () => {
  test("takes the token from the URL, accepts on request, and says where", async () => {
    window.history.replaceState(null, "", "/welcome?invitation=tok-from-url");
    const { container, requests } = renderWith(<AcceptInvitation />, {
      ...baseRoutes(),
      "/invitations/accept": { body: { organizationId: ACME.id, role: "member" } },
      "/get": { body: { organization: ACME } },
    });
    await expectAccessible(container);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Opening the link accepts nothing: a link preview or prefetch must not use the invitation.
    expect(requests.some((r) => r.path === "/invitations/accept")).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(await screen.findByText(/You are now a member/)).toHaveTextContent(
      "You are now a member of Acme as member.",
    );
    expect(requests.find((r) => r.path === "/invitations/accept")?.body).toEqual({ token: "tok-from-url" });
    // The used token leaves the address bar.
    expect(window.location.search).toBe("");
    expect(window.location.pathname).toBe("/welcome");
  });

  test.each([
    ["email_mismatch", 403, "sent to a different email address"],
    ["invalid_invitation", 404, "expired, was revoked, or was already used"],
    ["rate_limited", 429, "Too many failed attempts"],
  ])("%s is told exactly", async (code, status, text) => {
    renderWith(<AcceptInvitation token="tok" />, { ...baseRoutes(), "/invitations/accept": error(status, code) });
    await userEvent.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(text);
  });

  test("without a token it says so", () => {
    renderWith(<AcceptInvitation />, baseRoutes());
    expect(screen.getByText(/no invitation in this link/)).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
