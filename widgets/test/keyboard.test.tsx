// The widgets from the keyboard alone: Tab to a control, type, Enter or Space to act.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, test } from "vitest";
import { InviteMember, JoinWithCode, MembersTable } from "../src/index.js";
import { ACME, baseRoutes, renderWith } from "./harness.js";

test("join with a code: Tab, type, Enter", async () => {
  const { requests } = renderWith(<JoinWithCode />, {
    ...baseRoutes(),
    "/join-codes/join": { body: { organizationId: ACME.id, role: "member", alreadyMember: false } },
    "/get": { body: { organization: ACME } },
  });
  await userEvent.tab();
  expect(screen.getByLabelText("Join code")).toHaveFocus();
  await userEvent.keyboard("AAAA-BBBB-CCCC-DDDD");
  await userEvent.tab();
  expect(screen.getByRole("button", { name: "Join" })).toHaveFocus();
  await userEvent.keyboard("{Enter}");
  expect(await screen.findByText(/Welcome to/)).toBeInTheDocument();
  expect(requests.some((r) => r.path === "/join-codes/join")).toBe(true);
});

test("remove a member: Tab to Remove, Enter, Enter again to confirm", async () => {
  let team = [
    { userId: "u1", email: "ada@acme.test", role: "owner", joinedAt: "2026-11-03T10:00:00.000Z" },
    { userId: "u2", email: "linus@acme.test", role: "member", joinedAt: "2026-11-04T10:00:00.000Z" },
  ];
  renderWith(<MembersTable />, {
    ...baseRoutes("owner"),
    "/members/list": () => ({ body: { members: team, nextCursor: null } }),
    "/members/remove": (body) => {
      team = team.filter((m) => m.userId !== body.userId);
      return { body: { ok: true } };
    },
  });
  const remove = await screen.findByRole("button", { name: "Remove linus@acme.test" });
  for (let presses = 0; presses < 20 && document.activeElement !== remove; presses++) await userEvent.tab();
  expect(remove).toHaveFocus();
  await userEvent.keyboard("{Enter}");
  expect(screen.getByRole("button", { name: "Confirm removal" })).toHaveFocus();
  await userEvent.keyboard("{Enter}");
  await waitFor(() => expect(screen.queryByText("linus@acme.test")).not.toBeInTheDocument());
});

test("invite: the copy button and Done are reachable, and Done returns to the form", async () => {
  renderWith(<InviteMember invitationUrl={(token) => `https://app.test/?invitation=${token}`} />, {
    ...baseRoutes(),
    "/invitations/create": {
      body: {
        invitation: {
          id: "i1",
          organizationId: ACME.id,
          email: "bob@example.com",
          role: "member",
          invitedBy: null,
          createdAt: ACME.createdAt,
          expiresAt: ACME.createdAt,
        },
        token: "tok",
      },
    },
  });
  await screen.findByLabelText("Email address");
  await userEvent.tab();
  await userEvent.keyboard("bob@example.com{Enter}");
  const link = await screen.findByRole("textbox", { name: "Invitation link" });
  expect(link).toHaveFocus();
  await userEvent.tab();
  expect(screen.getByRole("button", { name: "Copy" })).toHaveFocus();
  await userEvent.tab();
  expect(screen.getByRole("button", { name: "Done" })).toHaveFocus();
  await userEvent.keyboard(" ");
  expect(screen.getByLabelText("Email address")).toHaveFocus();
});
