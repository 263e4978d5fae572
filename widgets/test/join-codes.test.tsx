// CreateJoinCode, JoinCodesTable and JoinWithCode.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { CreateJoinCode, JoinCodesTable, JoinWithCode } from "../src/index.js";
import { ACME, baseRoutes, error, expectAccessible, renderWith } from "./harness.js";

const joinCode = (id: string, role: string, maxUses: number | null, uses: number) => ({
  id,
  organizationId: ACME.id,
  role,
  maxUses,
  uses,
  createdBy: "u1",
  createdAt: "2026-11-20T10:00:00.000Z",
});

describe("CreateJoinCode", () => {
  test("role and max uses; the code is shown once", async () => {
    const { container, requests } = renderWith(<CreateJoinCode />, {
      ...baseRoutes("owner"),
      "/join-codes/create": (body) => ({
        body: {
          joinCode: joinCode("c1", String(body.role), body.maxUses as number | null, 0),
          code: "7KQ2-M9XD-4HTP-W3NB",
        },
      }),
    });
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Role for people who join" }), "admin");
    await userEvent.type(screen.getByLabelText("Maximum uses"), "25");
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Create join code" }));
    expect(await screen.findByRole("textbox", { name: "Join code" })).toHaveValue("7KQ2-M9XD-4HTP-W3NB");
    expect(requests.find((r) => r.path === "/join-codes/create")?.body).toEqual({
      organizationId: ACME.id,
      role: "admin",
      maxUses: 25,
    });
    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(screen.queryByDisplayValue("7KQ2-M9XD-4HTP-W3NB")).not.toBeInTheDocument();
  });

  test("an empty limit means unlimited", async () => {
    const { requests } = renderWith(<CreateJoinCode />, {
      ...baseRoutes(),
      "/join-codes/create": { body: { joinCode: joinCode("c1", "member", null, 0), code: "AAAA-BBBB-CCCC-DDDD" } },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Create join code" }));
    await screen.findByRole("textbox", { name: "Join code" });
    expect(requests.find((r) => r.path === "/join-codes/create")?.body).toEqual({
      organizationId: ACME.id,
      role: "member",
      maxUses: null,
    });
  });

  test("a limit that is not a whole number is refused before sending", async () => {
    const { requests } = renderWith(<CreateJoinCode />, {
      ...baseRoutes(),
      "/join-codes/create": error(500, "internal"),
    });
    await userEvent.type(await screen.findByLabelText("Maximum uses"), "2.5");
    await userEvent.click(screen.getByRole("button", { name: "Create join code" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("whole number");
    expect(requests.some((r) => r.path === "/join-codes/create")).toBe(false);
  });

  test("the server's refusal is shown", async () => {
    renderWith(<CreateJoinCode />, { ...baseRoutes("admin"), "/join-codes/create": error(403, "forbidden") });
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Role for people who join" }), "admin");
    await userEvent.click(screen.getByRole("button", { name: "Create join code" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this");
  });

  test("members are told who can, instead of a form that would fail", async () => {
    renderWith(<CreateJoinCode />, baseRoutes("member"));
    expect(await screen.findByText("Only owners and admins can create join codes.")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  test("letters in the limit are refused on the field, not sent as unlimited", async () => {
    const { requests } = renderWith(<CreateJoinCode />, baseRoutes());
    const field = await screen.findByLabelText("Maximum uses");
    await userEvent.type(field, "1e");
    await userEvent.click(screen.getByRole("button", { name: "Create join code" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("whole number");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(requests.some((r) => r.path === "/join-codes/create")).toBe(false);
  });
});

describe("JoinCodesTable", () => {
  test("uses against limits, and revoke", async () => {
    let codes = [joinCode("c1", "member", 10, 10), joinCode("c2", "admin", null, 3)];
    const { container } = renderWith(<JoinCodesTable />, {
      ...baseRoutes("owner"),
      "/join-codes/list": () => ({ body: { joinCodes: codes, nextCursor: null } }),
      "/join-codes/revoke": (body) => {
        codes = codes.filter((c) => c.id !== body.id);
        return { body: { ok: true } };
      },
    });
    expect(await screen.findByText("10 of 10 (used up)")).toBeInTheDocument();
    expect(screen.getByText("3 (no limit)")).toBeInTheDocument();
    await expectAccessible(container);
    await userEvent.click(screen.getAllByRole("button", { name: /^Revoke the member join code/ })[0]!);
    await waitFor(() => expect(screen.queryByText("10 of 10 (used up)")).not.toBeInTheDocument());
  });

  test("an admin cannot revoke an owner code", async () => {
    renderWith(<JoinCodesTable />, {
      ...baseRoutes("admin"),
      "/join-codes/list": { body: { joinCodes: [joinCode("c1", "owner", null, 0)], nextCursor: null } },
    });
    await screen.findByText("0 (no limit)");
    expect(screen.queryByRole("button", { name: /Revoke/ })).not.toBeInTheDocument();
  });

  test("empty, loading, error", async () => {
    const first = renderWith(<JoinCodesTable />, {
      ...baseRoutes(),
      "/join-codes/list": { body: { joinCodes: [], nextCursor: null } },
    });
    expect(await screen.findByText("No join codes.")).toBeInTheDocument();
    first.unmount();
    const second = renderWith(<JoinCodesTable />, { ...baseRoutes(), "/join-codes/list": "hang" });
    expect(await screen.findByText(/Loading join codes/)).toBeInTheDocument();
    second.unmount();
    renderWith(<JoinCodesTable />, { ...baseRoutes(), "/join-codes/list": error(403, "forbidden") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this");
  });
});

describe("JoinWithCode", () => {
  const routes = (
    answer: { alreadyMember: boolean } | (ReturnType<typeof error> & { headers?: Record<string, string> }),
  ) => ({
    ...baseRoutes(),
    "/join-codes/join": "body" in answer ? answer : { body: { organizationId: ACME.id, role: "member", ...answer } },
    "/get": { body: { organization: ACME } },
  });

  test("joins and welcomes", async () => {
    const { container, requests } = renderWith(<JoinWithCode />, routes({ alreadyMember: false }));
    expect(screen.getByRole("button", { name: "Join" })).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Join code"), "7kq2 m9xd 4htp w3nb{Enter}");
    expect(await screen.findByText(/Welcome to/)).toHaveTextContent("Welcome to Acme: you joined as member.");
    expect(requests.find((r) => r.path === "/join-codes/join")?.body).toEqual({ code: "7kq2 m9xd 4htp w3nb" });
    await expectAccessible(container);
  });

  test("says alreadyMember politely", async () => {
    renderWith(<JoinWithCode />, routes({ alreadyMember: true }));
    await userEvent.type(screen.getByLabelText("Join code"), "AAAA-BBBB-CCCC-DDDD{Enter}");
    expect(await screen.findByText(/already a member/)).toHaveTextContent(
      "You are already a member of Acme (as member), so nothing changed.",
    );
  });

  test("a join that worked is reported as such even when the name cannot be read", async () => {
    renderWith(<JoinWithCode />, { ...routes({ alreadyMember: false }), "/get": error(503, "unavailable") });
    await userEvent.type(screen.getByLabelText("Join code"), "AAAA-BBBB-CCCC-DDDD{Enter}");
    expect(await screen.findByText(/Welcome to/)).toHaveTextContent(
      "Welcome to the organization: you joined as member.",
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test.each([
    ["invalid_join_code", 404, "not valid"],
    ["join_code_exhausted", 409, "used as many times as it allows"],
    ["user_required", 403, "Only a person can do this"],
  ])("%s is explained", async (code, status, text) => {
    renderWith(<JoinWithCode />, routes(error(status, code)));
    await userEvent.type(screen.getByLabelText("Join code"), "AAAA-BBBB-CCCC-DDDD{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent(text);
  });

  test("rate limiting says when to try again", async () => {
    renderWith(<JoinWithCode />, routes({ ...error(429, "rate_limited"), headers: { "retry-after": "120" } }));
    await userEvent.type(screen.getByLabelText("Join code"), "AAAA-BBBB-CCCC-DDDD{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Try again in 2 minutes.");
  });
});
