// CreateApiToken, RoleMatrix and PermissionGate.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { CreateApiToken, CreateJoinCode, InviteMember, PermissionGate, RoleMatrix } from "../src/index.js";
import { ACME, baseRoutes, error, expectAccessible, renderWith, ROLE_MATRIX } from "./harness.js";

describe("CreateApiToken", () => {
  test("name and env; the bearer is shown once with a warning", async () => {
    const apiToken = { key: "orgs_test_abc", secret: "s3cr3t", lastFour: "cr3t", bearer: "orgs_test_abc:s3cr3t" };
    const { container, requests } = renderWith(<CreateApiToken />, {
      ...baseRoutes("owner"),
      "/tokens/create": { body: { apiToken } },
    });
    await userEvent.type(await screen.findByLabelText("Name (optional)"), "CI deploys");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Environment" }), "test");
    await userEvent.click(screen.getByRole("button", { name: "Create token" }));
    expect(await screen.findByRole("textbox", { name: "API token" })).toHaveValue("orgs_test_abc:s3cr3t");
    expect(screen.getByText(/will not be shown again/)).toBeInTheDocument();
    expect(requests.find((r) => r.path === "/tokens/create")?.body).toEqual({
      organizationId: ACME.id,
      name: "CI deploys",
      env: "test",
    });
    await expectAccessible(container);
    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(screen.queryByDisplayValue("orgs_test_abc:s3cr3t")).not.toBeInTheDocument();
  });

  test("an empty name is sent as none", async () => {
    const { requests } = renderWith(<CreateApiToken />, {
      ...baseRoutes("owner"),
      "/tokens/create": error(403, "user_required"),
    });
    await userEvent.click(await screen.findByRole("button", { name: "Create token" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only a person can do this");
    expect(requests.find((r) => r.path === "/tokens/create")?.body).toEqual({
      organizationId: ACME.id,
      name: null,
      env: "live",
    });
  });

  test("admins are told only owners can", async () => {
    renderWith(<CreateApiToken />, baseRoutes("admin"));
    expect(await screen.findByText("Only owners can create API tokens for this organization.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Create token" })).not.toBeInTheDocument();
  });
});

describe("RoleMatrix", () => {
  test("roles against permissions, readable without the marks", async () => {
    const { container } = renderWith(<RoleMatrix />, baseRoutes());
    const adminRow = (await screen.findByRole("rowheader", { name: "admin" })).closest("tr")!;
    expect([...adminRow.querySelectorAll("td")].map((cell) => cell.textContent)).toEqual([
      "✓Yes",
      "–No",
      "✓Yes",
      "✓Yes",
    ]);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Role",
      "org:view",
      "org:manage",
      "members:view",
      "members:manage",
    ]);
    await expectAccessible(container);
  });

  test("loading and error", async () => {
    const first = renderWith(<RoleMatrix />, { "/list": "hang", "/roles": "hang" });
    expect(screen.getByRole("status")).toHaveTextContent("Loading roles");
    first.unmount();
    renderWith(<RoleMatrix />, { "/list": "hang", "/roles": error(401, "unauthenticated") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Sign in again");
  });
});

describe("PermissionGate", () => {
  const gate = (
    <PermissionGate permission="org:manage" fallback={<p>Ask an owner.</p>} loading={<p>Checking…</p>}>
      <button type="button">Delete everything</button>
    </PermissionGate>
  );

  test("renders its children for a holder", async () => {
    renderWith(gate, baseRoutes("owner"));
    expect(screen.getByText("Checking…")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Delete everything" })).toBeInTheDocument();
  });

  test("renders the fallback for others", async () => {
    renderWith(gate, baseRoutes("admin"));
    expect(await screen.findByText("Ask an owner.")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  test("when the role cannot be loaded it renders the error, never the children", async () => {
    renderWith(
      <PermissionGate permission="members:view" error={<p>Could not check.</p>}>
        <p>Secret</p>
      </PermissionGate>,
      { "/list": error(401, "unauthenticated"), "/roles": { body: ROLE_MATRIX } },
    );
    expect(await screen.findByText("Could not check.")).toBeInTheDocument();
    expect(screen.queryByText("Secret")).not.toBeInTheDocument();
  });

  test("outside any organization it renders the fallback", async () => {
    renderWith(
      <PermissionGate
        permission="members:view"
        fallback={<p>Join an organization first.</p>}
        loading={<p>Checking…</p>}
      >
        <p>Secret</p>
      </PermissionGate>,
      { "/list": { body: { organizations: [], nextCursor: null } }, "/roles": { body: ROLE_MATRIX } },
    );
    expect(await screen.findByText("Join an organization first.")).toBeInTheDocument();
  });
});

describe("forms about the active organization", () => {
  test.each([
    ["InviteMember", <InviteMember />],
    ["CreateJoinCode", <CreateJoinCode />],
    ["CreateApiToken", <CreateApiToken />],
  ])("%s waits for the caller's organizations, then says if it cannot load them", async (_name, element) => {
    const loading = renderWith(element, { "/list": "hang", "/roles": { body: ROLE_MATRIX } });
    expect(screen.getByRole("status")).toHaveTextContent("Loading your organizations");
    loading.unmount();
    renderWith(element, { "/list": error(503, "unavailable"), "/roles": { body: ROLE_MATRIX } });
    expect(await screen.findByRole("alert")).toHaveTextContent("briefly unavailable");
  });
});
