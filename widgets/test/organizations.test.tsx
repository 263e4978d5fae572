// OrganizationSwitcher, CreateOrganization, OrganizationList and OrganizationProfile.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { CreateOrganization, OrganizationList, OrganizationProfile, OrganizationSwitcher } from "../src/index.js";
import { ACME, baseRoutes, error, expectAccessible, renderWith, ROLE_MATRIX } from "./harness.js";

const GLOBEX = { ...ACME, id: "org_2", name: "Globex" };
const twoOrganizations = {
  "/list": {
    body: {
      organizations: [
        { organization: ACME, role: "owner" },
        { organization: GLOBEX, role: "member" },
      ],
      nextCursor: null,
    },
  },
  "/roles": { body: ROLE_MATRIX },
};

describe("OrganizationSwitcher", () => {
  test("loading", () => {
    renderWith(<OrganizationSwitcher />, { "/list": "hang", "/roles": "hang" });
    expect(screen.getByRole("status")).toHaveTextContent("Loading organizations");
  });

  test("empty: invites the caller to create one", async () => {
    renderWith(<OrganizationSwitcher />, {
      "/list": { body: { organizations: [], nextCursor: null } },
      "/roles": { body: ROLE_MATRIX },
    });
    expect(await screen.findByText(/not in any organization yet/)).toBeInTheDocument();
  });

  test("error, and trying again", async () => {
    let calls = 0;
    renderWith(<OrganizationSwitcher />, {
      "/list": () => (++calls === 1 ? error(503, "unavailable") : twoOrganizations["/list"]),
      "/roles": { body: ROLE_MATRIX },
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("briefly unavailable");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("combobox", { name: "Active organization" })).toBeInTheDocument();
  });

  test("lists organizations with roles and switches the active one", async () => {
    const { container } = renderWith(
      <>
        <OrganizationSwitcher />
        <OrganizationProfile />
      </>,
      {
        ...twoOrganizations,
        "/get": (body) => ({ body: { organization: body.organizationId === GLOBEX.id ? GLOBEX : ACME } }),
      },
    );
    const select = await screen.findByRole("combobox", { name: "Active organization" });
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Acme (owner)", "Globex (member)"]);
    await userEvent.selectOptions(select, GLOBEX.id);
    expect(await screen.findByText("Globex", { selector: "dd" })).toBeInTheDocument();
    await expectAccessible(container);
  });

  test("creates an organization inline and makes it active", async () => {
    const created = { ...ACME, id: "org_3", name: "Initech" };
    let listed = [{ organization: ACME, role: "owner" }];
    const { requests } = renderWith(<OrganizationSwitcher />, {
      "/list": () => ({ body: { organizations: listed, nextCursor: null } }),
      "/roles": { body: ROLE_MATRIX },
      "/create": () => {
        listed = [...listed, { organization: created, role: "owner" }];
        return { body: { organization: created } };
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "New organization" }));
    await userEvent.type(screen.getByLabelText("Organization name"), "Initech");
    await userEvent.click(screen.getByRole("button", { name: "Create organization" }));
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Active organization" })).toHaveValue("org_3"));
    expect(requests.find((r) => r.path === "/create")?.body).toEqual({ name: "Initech" });
  });
});

describe("CreateOrganization", () => {
  test("shows the API's validation message on the field and keeps the input", async () => {
    const { container } = renderWith(<CreateOrganization />, {
      ...baseRoutes(),
      "/create": error(400, "invalid_request", "Invalid field `name`: must not be blank."),
    });
    const field = screen.getByLabelText("Organization name");
    await userEvent.type(field, "   ");
    await userEvent.click(screen.getByRole("button", { name: "Create organization" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Invalid field `name`: must not be blank.");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("Invalid field `name`: must not be blank.");
    await expectAccessible(container);
  });

  test("creates, clears the field and reports the organization", async () => {
    const created: string[] = [];
    renderWith(<CreateOrganization onCreated={(o) => created.push(o.name)} />, {
      ...baseRoutes(),
      "/create": (body) => ({ body: { organization: { ...ACME, name: body.name } } }),
    });
    await userEvent.type(screen.getByLabelText("Organization name"), "Acme");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(created).toEqual(["Acme"]));
    expect(screen.getByLabelText("Organization name")).toHaveValue("");
  });
});

describe("OrganizationList", () => {
  test("memberships with roles; opening one makes it current", async () => {
    const opened: string[] = [];
    const { container } = renderWith(<OrganizationList onOpen={(o) => opened.push(o.name)} />, twoOrganizations);
    const items = await screen.findAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("Acme"),
      expect.stringContaining("Globex"),
    ]);
    expect(within(items[0]!).getByText("owner")).toBeInTheDocument();
    expect(within(items[1]!).getByText("member")).toBeInTheDocument();
    expect(within(items[0]!).getByRole("button")).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Open Globex" }));
    expect(opened).toEqual(["Globex"]);
    expect(screen.getByRole("button", { name: "Current: Globex" })).toBeDisabled();
    await expectAccessible(container);
  });

  test("empty", async () => {
    renderWith(<OrganizationList />, {
      "/list": { body: { organizations: [], nextCursor: null } },
      "/roles": { body: ROLE_MATRIX },
    });
    expect(await screen.findByText("You are not in any organization yet.")).toBeInTheDocument();
  });

  test("an expired token says to sign in again", async () => {
    renderWith(<OrganizationList />, {
      "/list": error(401, "unauthenticated"),
      "/roles": error(401, "unauthenticated"),
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Sign in again");
  });
});

describe("OrganizationProfile", () => {
  test("owners rename", async () => {
    let name = "Acme";
    const { container, requests } = renderWith(<OrganizationProfile />, {
      ...baseRoutes("owner"),
      "/get": () => ({ body: { organization: { ...ACME, name } } }),
      "/update": (body) => {
        name = String(body.name);
        return { body: { ok: true } };
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Rename" }));
    const field = screen.getByLabelText("New name");
    await userEvent.clear(field);
    await userEvent.type(field, "Acme Inc{Enter}");
    expect(await screen.findByText("Acme Inc")).toBeInTheDocument();
    expect(requests.find((r) => r.path === "/update")?.body).toEqual({ organizationId: ACME.id, name: "Acme Inc" });
    await expectAccessible(container);
  });

  test("members see it but cannot rename", async () => {
    renderWith(<OrganizationProfile />, { ...baseRoutes("member"), "/get": { body: { organization: ACME } } });
    expect(await screen.findByText("Acme", { selector: "dd" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Rename" })).not.toBeInTheDocument();
  });

  test("without any organization it says to pick one", async () => {
    renderWith(<OrganizationProfile />, {
      "/list": { body: { organizations: [], nextCursor: null } },
      "/roles": { body: ROLE_MATRIX },
    });
    expect(await screen.findByText("Pick or create an organization first.")).toBeInTheDocument();
  });

  test("loading and error", async () => {
    const loading = renderWith(<OrganizationProfile />, { ...baseRoutes(), "/get": "hang" });
    expect(await screen.findByText("Loading the organization…")).toBeInTheDocument();
    loading.unmount();
    renderWith(<OrganizationProfile />, { ...baseRoutes(), "/get": error(404, "not_found") });
    expect(await screen.findByRole("alert")).toHaveTextContent("no longer exists");
  });
});
