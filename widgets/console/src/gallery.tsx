// Every widget in preview mode: sample data, no requests, for a look at all 14 at once.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import * as widgets from "../../src/index.js";
import "../../src/styles.css";
import "./console.css";

const entries = [
  ["OrganizationSwitcher", <widgets.OrganizationSwitcher preview />],
  ["CreateOrganization", <widgets.CreateOrganization preview />],
  ["OrganizationList", <widgets.OrganizationList preview />],
  ["OrganizationProfile", <widgets.OrganizationProfile preview />],
  ["MembersTable", <widgets.MembersTable preview />],
  ["InviteMember", <widgets.InviteMember preview />],
  ["PendingInvitations", <widgets.PendingInvitations preview />],
  ["AcceptInvitation", <widgets.AcceptInvitation preview />],
  ["CreateJoinCode", <widgets.CreateJoinCode preview />],
  ["JoinCodesTable", <widgets.JoinCodesTable preview />],
  ["JoinWithCode", <widgets.JoinWithCode preview />],
  ["CreateApiToken", <widgets.CreateApiToken preview />],
  ["RoleMatrix", <widgets.RoleMatrix preview />],
  [
    "PermissionGate",
    <widgets.PermissionGate preview permission="org:manage" fallback={<p>Hidden without org:manage.</p>}>
      <p className="console-note">Shown because the sample caller owns Acme and so holds org:manage.</p>
    </widgets.PermissionGate>,
  ],
] as const;

function Gallery() {
  return (
    <>
      <header className="console-bar">
        <h1>orgs widgets gallery</h1>
        <nav aria-label="Pages">
          <a href="./index.html">Console</a>
        </nav>
      </header>
      <main className="gallery-grid">
        {entries.map(([name, element]) => (
          <figure key={name} className="gallery-item" data-widget={name}>
            <figcaption className="orgs-mono">{`<${name} />`}</figcaption>
            {element}
          </figure>
        ))}
      </main>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Gallery />
  </StrictMode>,
);
