// The console: paste a bearer, then manage organizations end to end with all 19 widgets.
import { StrictMode, useState, type FormEvent } from "react";
import { createRoot } from "react-dom/client";
import {
  AcceptInvitation,
  ApiTokensTable,
  AuditLog,
  CreateApiToken,
  CreateJoinCode,
  CreateOrganization,
  DeleteOrganization,
  InviteMember,
  invitationTokenFromUrl,
  JoinCodesTable,
  JoinWithCode,
  LeaveOrganization,
  MembersTable,
  OrganizationList,
  OrganizationProfile,
  OrganizationSwitcher,
  OrgsProvider,
  PendingInvitations,
  PermissionGate,
  RoleMatrix,
  TransferOwnership,
} from "../../src/index.js";
import "../../src/styles.css";
import "./console.css";

// Kept for this tab only: a bearer is a password.
const STORAGE_KEY = "orgs-console-bearer";

function Console() {
  const [bearer, setBearer] = useState(() => sessionStorage.getItem(STORAGE_KEY));
  const signOut = () => {
    sessionStorage.removeItem(STORAGE_KEY);
    setBearer(null);
  };
  return (
    <>
      <header className="console-bar">
        <h1>orgs console</h1>
        <nav aria-label="Pages">
          <a href="./gallery.html">Widget gallery</a>
        </nav>
        {bearer && (
          <button type="button" className="orgs-button orgs-secondary" onClick={signOut}>
            Sign out
          </button>
        )}
      </header>
      <main className="console-main">
        {bearer ? (
          <OrgsProvider basePath="/orgs" token={bearer}>
            <Workspace />
          </OrgsProvider>
        ) : (
          <SignIn
            onSignIn={(value) => {
              sessionStorage.setItem(STORAGE_KEY, value);
              setBearer(value);
            }}
          />
        )}
      </main>
    </>
  );
}

function SignIn({ onSignIn }: { onSignIn: (bearer: string) => void }) {
  const [value, setValue] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSignIn(value.trim());
  };
  return (
    <section className="orgs-widget console-sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title" className="orgs-title">
        Sign in with a bearer
      </h2>
      <p className="orgs-hint">
        Make one with <code>orgs-server users create --email you@example.com</code> and paste its <code>bearer</code>{" "}
        here. It stays in this tab only.
      </p>
      <form className="orgs-form" onSubmit={submit}>
        <div className="orgs-field">
          <label htmlFor="bearer">Bearer</label>
          <input
            id="bearer"
            className="orgs-input orgs-mono"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
        <div className="orgs-actions">
          <button type="submit" className="orgs-button">
            Sign in
          </button>
        </div>
      </form>
    </section>
  );
}

function Workspace() {
  // Read once: AcceptInvitation takes the token out of the URL after using it, and its
  // result must stay on screen.
  const [invited] = useState(() => invitationTokenFromUrl() !== null);
  return (
    <div className="console-grid">
      <div className="console-side">
        {invited && <AcceptInvitation />}
        <OrganizationSwitcher />
        <OrganizationList />
        <CreateOrganization />
        <JoinWithCode />
      </div>
      <div className="console-content">
        <OrganizationProfile />
        <MembersTable />
        <div className="console-pair">
          <InviteMember />
          <PendingInvitations />
        </div>
        <div className="console-pair">
          <CreateJoinCode />
          <JoinCodesTable />
        </div>
        <PermissionGate
          permission="org:manage"
          fallback={<p className="console-note">API tokens can be created by the organization's owners.</p>}
        >
          <div className="console-pair">
            <CreateApiToken />
            <ApiTokensTable />
          </div>
        </PermissionGate>
        <RoleMatrix />
        <AuditLog />
        <div className="console-pair">
          <TransferOwnership />
          <LeaveOrganization />
        </div>
        <DeleteOrganization />
      </div>
    </div>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
