// The provider: one client across renders, a new caller starts afresh, the active
// organization can be controlled, and widgets outside a provider say what is missing.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, test, vi } from "vitest";
import { OrganizationList, OrgsProvider, useOrgs } from "../src/index.js";
import { ACME, baseRoutes, scriptedFetch } from "./harness.js";

test("inline token and fetch functions do not reload on every render", async () => {
  const scripted = scriptedFetch(baseRoutes());
  function App() {
    const [count, setCount] = useState(0);
    return (
      <OrgsProvider basePath="/orgs" token={() => "key:secret"} fetch={(url, init) => scripted.fetch(url, init)}>
        <button type="button" onClick={() => setCount(count + 1)}>
          Render again ({count})
        </button>
        <OrganizationList />
      </OrgsProvider>
    );
  }
  render(<App />);
  await screen.findByText("Acme");
  for (let i = 0; i < 3; i++) await userEvent.click(screen.getByRole("button", { name: /Render again/ }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(scripted.requests.filter((r) => r.path === "/list")).toHaveLength(1);
});

test("another bearer is another caller: nothing of the first is shown, everything loads again", async () => {
  const scripted = scriptedFetch(baseRoutes());
  const seen: string[] = [];
  // Alice's answers come at once; Bob's never, so whatever shows for Bob is left over.
  const recording: typeof fetch = (url, init) => {
    const caller = new Headers(init?.headers).get("authorization") ?? "";
    seen.push(caller);
    return caller === "Bearer alice" ? scripted.fetch(url, init) : new Promise(() => {});
  };
  const { rerender } = render(
    <OrgsProvider basePath="/orgs" token="alice" fetch={recording}>
      <OrganizationList />
    </OrgsProvider>,
  );
  await screen.findByText("Acme");
  rerender(
    <OrgsProvider basePath="/orgs" token="bob" fetch={recording}>
      <OrganizationList />
    </OrgsProvider>,
  );
  await waitFor(() => expect(seen).toContain("Bearer bob"));
  expect(screen.queryByText("Acme")).not.toBeInTheDocument();
  expect(screen.getByRole("status")).toHaveTextContent("Loading organizations");
});

test("the active organization can be controlled by the app", async () => {
  const chosen = vi.fn();
  function Active() {
    return <p>Active: {useOrgs().activeOrganizationId ?? "none"}</p>;
  }
  const scripted = scriptedFetch(baseRoutes());
  render(
    <OrgsProvider basePath="/orgs" fetch={scripted.fetch} organizationId="org_elsewhere" onOrganizationChange={chosen}>
      <Active />
      <OrganizationList />
    </OrgsProvider>,
  );
  expect(screen.getByText("Active: org_elsewhere")).toBeInTheDocument();
  await userEvent.click(await screen.findByRole("button", { name: "Open Acme" }));
  expect(chosen).toHaveBeenCalledWith(ACME.id);
  // Controlled: nothing changes until the app passes the new id.
  expect(screen.getByText("Active: org_elsewhere")).toBeInTheDocument();
});

test("a widget without a provider says what it needs", () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  expect(() => render(<OrganizationList />)).toThrow(/inside <OrgsProvider>/);
});
