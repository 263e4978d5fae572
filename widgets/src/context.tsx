// The provider every widget reads: the API client, the active organization, the caller's
// memberships and the role matrix (loaded once and shared, so widgets agree), and a
// revision per kind of data so that one widget's change reloads the others.
import {
  createClient,
  type Me,
  type OrganizationsApi,
  type OrgsApi,
  type OrgMember,
  type OrgMembership,
  type OrgPermission,
  type OrgRole,
  type OrgRoleMatrix,
  type TokenSource,
} from "@orgs/client";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createPreviewClient } from "./preview.js";
import { useApi, usePaged, type ApiState, type PagedState } from "./use-api.js";

export type Topic = "organizations" | "members" | "invitations" | "joinCodes" | "apiTokens";

export interface OrgsContextValue {
  /** The whole client: `client.me()` and `client.organizations`. */
  client: OrgsApi;
  /** `client.organizations`, which most widgets use. */
  api: OrganizationsApi;
  preview: boolean;
  activeOrganizationId: string | null;
  setActiveOrganizationId(id: string | null): void;
  /**
   * Drops an organization the caller left or deleted from the memberships at once,
   * before their reload answers, so no widget keeps offering it meanwhile.
   */
  forgetOrganization(id: string): void;
  memberships: ApiState<OrgMembership[]>;
  roles: ApiState<OrgRoleMatrix>;
  /** Who the caller is, loaded once per caller, and only once a widget asks (`useMe`). */
  me: ApiState<Me>;
  /** Asks for `me` to be loaded; `useMe()` calls it. */
  wantMe(): void;
  revision(topic: Topic): number;
  /** Tells every widget showing this kind of data to load it again. */
  changed(topic: Topic): void;
}

const OrgsContext = createContext<OrgsContextValue | null>(null);

const NONE_GONE: ReadonlySet<string> = new Set();

export interface OrgsProviderProps {
  /** Where the API is: a path on this origin such as `/orgs`, or a full URL. */
  basePath?: string;
  /** The caller's bearer, or a function asked before every request. */
  token?: TokenSource;
  /** Replaces the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** The active organization, when the app controls it. */
  organizationId?: string | null;
  /** Called when a widget picks another organization. */
  onOrganizationChange?: (organizationId: string | null) => void;
  /** Sample data, no requests: for galleries, docs and design reviews. */
  preview?: boolean;
  children?: ReactNode;
}

export function OrgsProvider(props: OrgsProviderProps) {
  const { basePath = "", preview = false } = props;
  // Inline functions are new on every render; reading them through refs keeps one client
  // (and so no reload) across renders. A bearer string is a different caller when it
  // changes, so it does make a new client, and everything loads again.
  const token = useRef(props.token);
  const fetchRef = useRef(props.fetch);
  token.current = props.token;
  fetchRef.current = props.fetch;
  const bearer = typeof props.token === "string" ? props.token : undefined;
  const client = useMemo<OrgsApi>(
    () =>
      preview
        ? createPreviewClient()
        : createClient({
            baseUrl: basePath,
            token: () => (typeof token.current === "function" ? token.current() : token.current),
            fetch: (input, init) => (fetchRef.current ?? globalThis.fetch)(input, init),
          }),
    // `bearer` is read through the ref, but a new one must still start afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [preview, basePath, bearer],
  );
  const api = client.organizations;
  const [revisions, setRevisions] = useState<Record<Topic, number>>({
    organizations: 0,
    members: 0,
    invitations: 0,
    joinCodes: 0,
    apiTokens: 0,
  });
  const changed = useCallback((topic: Topic) => setRevisions((r) => ({ ...r, [topic]: r[topic] + 1 })), []);
  const loadedMemberships = useApi(
    (signal) => api.list(undefined, { signal }).then((answer) => answer.organizations),
    [api],
    revisions.organizations,
  );
  // Organizations this caller has left or deleted; a new caller starts with none.
  const [gone, setGone] = useState<{ api: OrganizationsApi; ids: ReadonlySet<string> }>({ api, ids: new Set() });
  const goneIds = gone.api === api ? gone.ids : NONE_GONE;
  const forgetOrganization = useCallback(
    (id: string) => setGone((g) => ({ api, ids: new Set([...(g.api === api ? g.ids : []), id]) })),
    [api],
  );
  // Once a reload no longer lists them they need no hiding: a later rejoin then shows.
  const loadedList = loadedMemberships.data;
  useEffect(() => {
    if (!loadedList || goneIds.size === 0) return;
    const listed = [...goneIds].filter((id) => loadedList.some((m) => m.organization.id === id));
    if (listed.length < goneIds.size) setGone({ api, ids: new Set(listed) });
  }, [api, loadedList, goneIds]);
  const memberships = useMemo<ApiState<OrgMembership[]>>(
    () =>
      loadedMemberships.status !== "ready" || goneIds.size === 0
        ? loadedMemberships
        : { ...loadedMemberships, data: loadedMemberships.data.filter((m) => !goneIds.has(m.organization.id)) },
    [loadedMemberships, goneIds],
  );
  const roles = useApi((signal) => api.roles({ signal }), [api]);
  // Most pages never need to know who the caller is; the first widget that does asks.
  const [meWanted, setMeWanted] = useState(false);
  const me = useApi(meWanted ? (signal) => client.me({ signal }) : null, [client, meWanted]);
  const wantMe = useCallback(() => setMeWanted(true), []);

  const [ownActive, setOwnActive] = useState<{ api: OrganizationsApi; id: string | null }>({ api, id: null });
  const controlled = props.organizationId !== undefined;
  // A pick made by another caller (before a new bearer) means nothing to this one.
  const chosen = controlled ? (props.organizationId ?? null) : ownActive.api === api ? ownActive.id : null;
  // Until one is picked, the first membership is active, so single-organization apps need no
  // switcher; a pick that is no longer a membership (the caller left it) falls back likewise.
  const stillMember = memberships.data === undefined || memberships.data.some((m) => m.organization.id === chosen);
  const activeOrganizationId =
    (controlled || stillMember ? chosen : null) ?? memberships.data?.[0]?.organization.id ?? null;
  const { onOrganizationChange } = props;
  const setActiveOrganizationId = useCallback(
    (id: string | null) => {
      if (!controlled) setOwnActive({ api, id });
      onOrganizationChange?.(id);
    },
    [api, controlled, onOrganizationChange],
  );

  const value = useMemo<OrgsContextValue>(
    () => ({
      client,
      api,
      preview,
      activeOrganizationId,
      setActiveOrganizationId,
      forgetOrganization,
      memberships,
      roles,
      me,
      wantMe,
      revision: (topic) => revisions[topic],
      changed,
    }),
    [
      client,
      api,
      preview,
      activeOrganizationId,
      setActiveOrganizationId,
      forgetOrganization,
      memberships,
      roles,
      me,
      wantMe,
      revisions,
      changed,
    ],
  );
  return <OrgsContext.Provider value={value}>{props.children}</OrgsContext.Provider>;
}

export function useOrgs(): OrgsContextValue {
  const value = useContext(OrgsContext);
  if (!value) throw new Error("orgs widgets must be rendered inside <OrgsProvider> (or given the `preview` prop)");
  return value;
}

/** Who the caller is (`client.me()`), loaded once per provider and bearer and shared. */
export function useMe(): ApiState<Me> {
  const { me, wantMe } = useOrgs();
  useEffect(() => wantMe(), [wantMe]);
  return me;
}

/** The caller's user id, when the caller is a user and it is known. */
export function useMyUserId(): string | undefined {
  const me = useMe();
  return me.data?.kind === "user" ? me.data.user.id : undefined;
}

/**
 * The organization's members a page at a time, reloaded when members change; nothing is
 * requested while `enabled` is false (a caller who may not see them).
 */
export function useMemberPages(organizationId: string, pageSize: number, enabled = true): PagedState<OrgMember> {
  const { api, revision } = useOrgs();
  return usePaged(
    enabled
      ? (page, signal) =>
          api.members
            .list({ organizationId, ...page }, { signal })
            .then((answer) => ({ items: answer.members, nextCursor: answer.nextCursor }))
      : null,
    [api, organizationId, enabled],
    revision("members"),
    pageSize,
  );
}

/** The caller's membership in the active organization, once loaded. */
export function useActiveMembership(): OrgMembership | undefined {
  const { memberships, activeOrganizationId } = useOrgs();
  return memberships.data?.find((m) => m.organization.id === activeOrganizationId);
}

export type PermissionState = "loading" | "held" | "missing" | "error";

/** Whether the caller holds `permission` in the active organization, as far as is known. */
export function usePermissionState(permission: OrgPermission): PermissionState {
  const { roles, memberships } = useOrgs();
  const membership = useActiveMembership();
  if (roles.status === "error" || memberships.status === "error") return "error";
  if (!roles.data || !memberships.data) return "loading";
  if (!membership) return "missing";
  return permissionsOf(roles.data, membership.role).includes(permission) ? "held" : "missing";
}

/** Whether the caller holds `permission` in the active organization; undefined while unknown. */
export function usePermission(permission: OrgPermission): boolean | undefined {
  const state = usePermissionState(permission);
  return state === "held" ? true : state === "missing" ? false : undefined;
}

export function permissionsOf(matrix: OrgRoleMatrix, role: OrgRole): OrgPermission[] {
  return matrix.roles.find((entry) => entry.role === role)?.permissions ?? [];
}

/**
 * The server's rule for granting `role`, and for changing, removing or revoking what holds
 * it: the caller holds `members:manage`, and `role` ranks at most the caller's and carries
 * no permission the caller lacks. The owner holds every permission, listed or not. A role
 * the matrix does not list is never grantable, and an unlisted caller grants nothing.
 */
export function mayGrant(matrix: OrgRoleMatrix, callerRole: OrgRole, role: OrgRole): boolean {
  const caller = matrix.roles.find((entry) => entry.role === callerRole);
  const granted = matrix.roles.find((entry) => entry.role === role);
  if (!caller || !granted) return false;
  const holds = (permission: OrgPermission) => callerRole === "owner" || caller.permissions.includes(permission);
  return holds("members:manage") && granted.rank <= caller.rank && granted.permissions.every(holds);
}

/** The roles `callerRole` may grant, in the matrix's order: highest rank first. */
export function grantableRoles(matrix: OrgRoleMatrix, callerRole: OrgRole): OrgRole[] {
  return matrix.roles.filter((entry) => mayGrant(matrix, callerRole, entry.role)).map((entry) => entry.role);
}

/** What a new invitation or join code grants unless changed: member, or else the lowest grantable. */
export function defaultRole(grantable: readonly OrgRole[]): OrgRole | undefined {
  return grantable.includes("member") ? "member" : grantable.at(-1);
}

/**
 * Whether the caller may grant, change, remove or revoke `role` in the active organization
 * (`mayGrant` on the shared matrix); false while the matrix or the membership is unknown.
 */
export function useMayGrant(): (role: OrgRole) => boolean {
  const { roles } = useOrgs();
  const callerRole = useActiveMembership()?.role;
  const matrix = roles.data;
  return useCallback(
    (role: OrgRole) => matrix !== undefined && callerRole !== undefined && mayGrant(matrix, callerRole, role),
    [matrix, callerRole],
  );
}

/** The roles the caller may grant in the active organization, highest rank first; none while unknown. */
export function useGrantableRoles(): OrgRole[] {
  const { roles } = useOrgs();
  const callerRole = useActiveMembership()?.role;
  const matrix = roles.data;
  return useMemo(
    () => (matrix && callerRole !== undefined ? grantableRoles(matrix, callerRole) : []),
    [matrix, callerRole],
  );
}
