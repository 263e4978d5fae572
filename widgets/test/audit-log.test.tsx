// AuditLog: sentences newest first with their times, Load more, the action filter, the
// reload after another widget's change, and its empty, error and not-a-manager states.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { AuditLog, MembersTable } from "../src/index.js";
import { ACME, baseRoutes, error, expectAccessible, renderWith } from "./harness.js";

const ADA = { kind: "user", id: "u1", email: "ada@acme.test" };

let sequence = 0;
const event = (action: string, data: Record<string, unknown>, occurredAt: string, actor: object = ADA) => ({
  id: `evt_${++sequence}`,
  organizationId: ACME.id,
  action,
  occurredAt,
  actor,
  target: { kind: "organization", id: ACME.id },
  data,
  requestId: "req_1",
  ipAddress: "127.0.0.1",
  userAgent: "test",
});

const linus = { userId: "u3", email: "linus@acme.test" };
/** Newest first, as the server answers. */
const HISTORY = [
  event("member.role_changed", { ...linus, oldRole: "member", newRole: "admin" }, "2026-11-20T12:00:00.000Z"),
  event("member.added", { ...linus, role: "member", via: "join_code" }, "2026-11-19T12:00:00.000Z", {
    kind: "user",
    id: "u3",
    email: "linus@acme.test",
  }),
  event("join_code.created", { role: "member", maxUses: 5 }, "2026-11-18T12:00:00.000Z", {
    kind: "organization_token",
    key: "orgs_live_abc",
  }),
  event("organization.created", { name: "Acme" }, "2026-11-01T10:00:00.000Z"),
];

/** The audit log as the server pages it: `limit` rows after the cursor, which is an offset here. */
function pagedLog(history = HISTORY) {
  return (body: Record<string, unknown>) => {
    const actions = body.actions as string[] | undefined;
    const matching = history.filter((e) => !actions?.length || actions.includes(e.action));
    const start = body.cursor ? Number(body.cursor) : 0;
    const end = start + Number(body.limit);
    return { body: { events: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null } };
  };
}

const sentences = () =>
  within(screen.getByRole("list", { name: "Audit log" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("span")?.textContent);

describe("AuditLog", () => {
  test("loading, then each event as a sentence with its time, newest first", async () => {
    // Loading is checked on a log that never answers: a fast answer may replace it
    // before the query sees it.
    const loading = renderWith(<AuditLog />, { ...baseRoutes("owner"), "/audit-log/list": "hang" });
    expect(await screen.findByText("Loading events…")).toBeInTheDocument();
    loading.unmount();
    const { container, requests } = renderWith(<AuditLog />, {
      ...baseRoutes("owner"),
      "/audit-log/list": pagedLog(),
    });
    await screen.findByText("ada@acme.test changed linus@acme.test's role from member to admin");
    expect(sentences()).toEqual([
      "ada@acme.test changed linus@acme.test's role from member to admin",
      "linus@acme.test joined with a join code as member",
      "Token orgs_live_abc created a join code for member (5 uses)",
      "ada@acme.test created the organization Acme",
    ]);
    const times = container.querySelectorAll("time");
    expect([...times].map((t) => t.getAttribute("dateTime"))).toEqual(HISTORY.map((e) => e.occurredAt));
    expect(times[0]!.textContent).toContain("2026");
    expect(requests.filter((r) => r.path === "/audit-log/list").map((r) => r.body)).toEqual([
      { organizationId: ACME.id, limit: 100 },
    ]);
    expect(screen.queryByRole("button", { name: "Load more events" })).not.toBeInTheDocument();
    await expectAccessible(container);
  });

  test("a transfer names the new owner by the email its other events give", async () => {
    const transfer = "2026-11-21T09:00:00.000Z";
    renderWith(<AuditLog />, {
      ...baseRoutes("admin"),
      "/audit-log/list": pagedLog([
        event(
          "member.role_changed",
          { userId: "u1", email: "ada@acme.test", oldRole: "owner", newRole: "admin" },
          transfer,
        ),
        event("member.role_changed", { ...linus, oldRole: "admin", newRole: "owner" }, transfer),
        event("organization.ownership_transferred", { fromUserId: "u1", toUserId: "u3" }, transfer),
      ]),
    });
    expect(await screen.findByText("ada@acme.test transferred ownership to linus@acme.test")).toBeInTheDocument();
    expect(screen.getByText("ada@acme.test changed their own role from owner to admin")).toBeInTheDocument();
  });

  test("loads more with the cursor", async () => {
    const { requests } = renderWith(<AuditLog pageSize={2} />, {
      ...baseRoutes("owner"),
      "/audit-log/list": pagedLog(),
    });
    await screen.findByText("linus@acme.test joined with a join code as member");
    expect(sentences()).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "Load more events" }));
    await screen.findByText("ada@acme.test created the organization Acme");
    expect(sentences()).toHaveLength(4);
    expect(screen.queryByRole("button", { name: "Load more events" })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.path === "/audit-log/list").map((r) => r.body)).toEqual([
      { organizationId: ACME.id, limit: 2 },
      { organizationId: ACME.id, limit: 2, cursor: "2" },
    ]);
  });

  test("the action filter asks for that action alone and starts again from the first page", async () => {
    const { requests } = renderWith(<AuditLog pageSize={2} />, {
      ...baseRoutes("owner"),
      "/audit-log/list": pagedLog(),
    });
    await userEvent.click(await screen.findByRole("button", { name: "Load more events" }));
    await screen.findByText("ada@acme.test created the organization Acme");
    const filter = screen.getByRole("combobox", { name: "Action" });
    const options = within(filter).getAllByRole("option");
    expect(options).toHaveLength(15);
    expect(options.slice(0, 3).map((o) => o.textContent)).toEqual([
      "All actions",
      "Organization created",
      "Organization renamed",
    ]);
    await userEvent.selectOptions(filter, "Role changed");
    await waitFor(() =>
      expect(sentences()).toEqual(["ada@acme.test changed linus@acme.test's role from member to admin"]),
    );
    expect(filter).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Load more events" })).not.toBeInTheDocument();
    await userEvent.selectOptions(filter, "All actions");
    await waitFor(() => expect(sentences()).toHaveLength(2));
    expect(screen.getByRole("button", { name: "Load more events" })).toBeInTheDocument();
    // Each filter starts from a first page of the page size, however many were shown before.
    expect(requests.filter((r) => r.path === "/audit-log/list").map((r) => r.body)).toEqual([
      { organizationId: ACME.id, limit: 2 },
      { organizationId: ACME.id, limit: 2, cursor: "2" },
      { organizationId: ACME.id, limit: 2, actions: ["member.role_changed"] },
      { organizationId: ACME.id, limit: 2 },
    ]);
  });

  test("reloads when another widget changes something", async () => {
    let history = HISTORY.slice(1);
    let team = [
      { userId: "u1", email: "ada@acme.test", role: "owner", joinedAt: "2026-11-01T10:00:00.000Z" },
      { ...linus, role: "member", joinedAt: "2026-11-19T12:00:00.000Z" },
    ];
    renderWith(
      <>
        <MembersTable />
        <AuditLog />
      </>,
      {
        ...baseRoutes("owner"),
        "/members/list": () => ({ body: { members: team, nextCursor: null } }),
        "/members/set-role": (body) => {
          team = team.map((m) => (m.userId === body.userId ? { ...m, role: String(body.role) } : m));
          history = HISTORY;
          return { body: { ok: true } };
        },
        "/audit-log/list": (body) => pagedLog(history)(body),
      },
    );
    await screen.findByText("linus@acme.test joined with a join code as member");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Role of linus@acme.test" }), "admin");
    await userEvent.click(screen.getByRole("button", { name: "Save role" }));
    expect(
      await screen.findByText("ada@acme.test changed linus@acme.test's role from member to admin"),
    ).toBeInTheDocument();
    expect(sentences()).toHaveLength(4);
  });

  test("empty, and empty for one action", async () => {
    renderWith(<AuditLog />, { ...baseRoutes("owner"), "/audit-log/list": pagedLog([]) });
    expect(await screen.findByText("No events yet.")).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Action" }), "API token revoked");
    expect(await screen.findByText("No events of this kind yet.")).toBeInTheDocument();
  });

  test("an error, and trying again", async () => {
    let calls = 0;
    renderWith(<AuditLog />, {
      ...baseRoutes("owner"),
      "/audit-log/list": (body) => (++calls === 1 ? error(503, "unavailable") : pagedLog()(body)),
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("briefly unavailable");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("ada@acme.test created the organization Acme")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("members are told who can, without a request; the server's refusal is shown", async () => {
    const member = renderWith(<AuditLog />, baseRoutes("member"));
    expect(await screen.findByText("Only owners and admins can see the audit log.")).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Action" })).not.toBeInTheDocument();
    expect(member.requests.some((r) => r.path === "/audit-log/list")).toBe(false);
    member.unmount();
    // The role was demoted since the memberships loaded: the server says no.
    const refused = renderWith(<AuditLog />, { ...baseRoutes("admin"), "/audit-log/list": error(403, "forbidden") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this");
    refused.unmount();
    renderWith(<AuditLog />, { ...baseRoutes("owner"), "/audit-log/list": error(404, "not_found") });
    expect(await screen.findByRole("alert")).toHaveTextContent("It no longer exists");
  });
});
