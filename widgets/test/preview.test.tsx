// Every widget in preview mode: sample data, no request at all, and no axe violation.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import * as widgets from "../src/index.js";
import { GALLERY } from "../console/src/gallery-entries.js";
import { expectAccessible } from "./harness.js";

const ALL = GALLERY;

afterEach(() => vi.unstubAllGlobals());

test("there are 14 widgets and the list names them all", () => {
  expect(ALL).toHaveLength(14);
  for (const [name] of ALL) expect(typeof widgets[name]).toBe("function");
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
