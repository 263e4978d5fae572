// Every widget in preview mode: sample data, no request at all, and no axe violation.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import * as widgets from "../src/index.js";
import { GALLERY } from "../console/src/gallery-entries.js";
import { expectAccessible } from "./harness.js";

const ALL = GALLERY;

afterEach(() => vi.unstubAllGlobals());

test("there are 19 widgets and the list names them all", () => {
  expect(ALL).toHaveLength(19);
  for (const [name] of ALL) expect(typeof widgets[name]).toBe("function");
  // Every widget the package exports is in the gallery.
  const exported = Object.entries(widgets)
    .filter(([, value]) => typeof value === "function" && "displayName" in value)
    .map(([name]) => name);
  expect(ALL.map(([name]) => name).sort()).toEqual(exported.sort());
});

test.each(ALL)("%s renders sample data without a request", async (name, element) => {
  const fetchSpy = vi.fn(() => Promise.reject(new Error("preview must not fetch")));
  vi.stubGlobal("fetch", fetchSpy);
  const { container } = render(element);
  // Sample data arrives on the next tick; then nothing is loading any more.
  await vi.waitFor(() => {
    expect(container.textContent).not.toBe("");
    expect(container.querySelector(".orgs-loading")).toBeNull();
  });
  if (name !== "PermissionGate") await expectAccessible(container);
  expect(fetchSpy).not.toHaveBeenCalled();
});

test("preview: the sample deployment's declared roles, in the matrix, the selects and a gate", async () => {
  render(
    <>
      <widgets.RoleMatrix preview />
      <widgets.InviteMember preview />
      <widgets.MembersTable preview />
    </>,
  );
  const matrix = await screen.findByRole("group", { name: "Roles and permissions" });
  expect(within(matrix).getAllByRole("columnheader").at(-1)).toHaveTextContent("billing:manage");
  expect(within(matrix).getByRole("rowheader", { name: /^billing Sees the organization/ })).toBeInTheDocument();
  const role = await screen.findByRole("combobox", { name: "Role" });
  expect(
    within(role)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["owner", "manager", "admin", "billing", "member", "viewer"]);
  expect(await screen.findByRole("combobox", { name: "Role of katherine@acme.test" })).toHaveValue("billing");
});

test("the gallery's gate shows a declared permission held by the sample owner", async () => {
  const [, gate] = GALLERY.find(([name]) => name === "PermissionGate")!;
  render(gate);
  expect(await screen.findByText(/Shown too for billing:manage/)).toBeInTheDocument();
  expect(screen.queryByText("Hidden without billing:manage.")).not.toBeInTheDocument();
});

test("preview shows the sample organization and its members", async () => {
  render(<widgets.MembersTable preview />);
  expect(await screen.findByText("grace@acme.test")).toBeInTheDocument();
});

test("changes in preview stay in memory", async () => {
  render(<widgets.OrganizationProfile preview />);
  await userEvent.click(await screen.findByRole("button", { name: "Rename" }));
  await userEvent.clear(screen.getByLabelText("New name"));
  await userEvent.type(screen.getByLabelText("New name"), "Acme Preview{Enter}");
  expect(await screen.findByText("Acme Preview")).toBeInTheDocument();
});

test("preview marks the sample caller and lists sample tokens", async () => {
  render(
    <>
      <widgets.MembersTable preview />
      <widgets.ApiTokensTable preview />
    </>,
  );
  expect(await screen.findByText("(you)")).toBeInTheDocument();
  expect(await screen.findByText("Deploys")).toBeInTheDocument();
  expect(screen.getByText("never")).toBeInTheDocument();
});

test("preview: the sample owner cannot leave Acme, and revoking a token takes it away", async () => {
  render(
    <>
      <widgets.LeaveOrganization preview />
      <widgets.ApiTokensTable preview />
    </>,
  );
  await userEvent.click(await screen.findByRole("button", { name: "Leave Acme" }));
  await userEvent.click(screen.getByRole("button", { name: "Confirm leaving" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("You are the only owner of Acme");
  await userEvent.click(screen.getByRole("button", { name: "Revoke CI (…a04b)" }));
  await userEvent.click(screen.getByRole("button", { name: "Confirm revoke" }));
  await vi.waitFor(() => expect(screen.queryByText("CI")).toBeNull());
});

test("preview: transfer and delete work in memory", async () => {
  const { OrgsProvider } = widgets;
  render(
    <OrgsProvider preview>
      <widgets.OrganizationSwitcher />
      <widgets.TransferOwnership />
      <widgets.DeleteOrganization />
    </OrgsProvider>,
  );
  await userEvent.selectOptions(await screen.findByRole("combobox", { name: "New owner" }), "usr_grace");
  await userEvent.click(screen.getByRole("button", { name: "Transfer ownership" }));
  await userEvent.click(screen.getByRole("button", { name: "Confirm transfer" }));
  expect(await screen.findByText(/grace@acme.test is now an owner/)).toBeInTheDocument();
  expect(await screen.findByText("Only owners can delete this organization.")).toBeInTheDocument();
});

test("preview: the audit log tells Acme's history, and what was just done in the preview", async () => {
  const { OrgsProvider } = widgets;
  render(
    <OrgsProvider preview>
      <widgets.OrganizationProfile />
      <widgets.AuditLog />
    </OrgsProvider>,
  );
  const log = () => screen.getByRole("list", { name: "Audit log" });
  expect(await screen.findByText("ada@acme.test invited barbara@acme.test as admin")).toBeInTheDocument();
  expect(within(log()).getByText("The operator revoked the API token Old deploys (live)")).toBeInTheDocument();
  expect(within(log()).getAllByRole("listitem").at(-1)).toHaveTextContent(
    "ada@acme.test created the organization Acme Corp",
  );
  await userEvent.click(screen.getByRole("button", { name: "Rename" }));
  await userEvent.clear(screen.getByLabelText("New name"));
  await userEvent.type(screen.getByLabelText("New name"), "Acme Preview{Enter}");
  await vi.waitFor(() =>
    expect(within(log()).getAllByRole("listitem")[0]).toHaveTextContent(
      "ada@acme.test renamed the organization from Acme to Acme Preview",
    ),
  );
});
