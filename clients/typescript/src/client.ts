// The client's shape, method for method as the product page documents it:
// `client.organizations.members.setRole(input)` posts to `/v1/organizations/members/set-role`.
import { transport, type ClientOptions, type RequestOptions, type Send } from "./transport.js";
import type { ApiPath, Me, OrgRoleMatrix, RequestBody, ResponseBody } from "./types.js";

/** Takes the path's body; resolves to its success body or rejects with an `OrgsError`. */
export type Method<P extends ApiPath> = (input: RequestBody<P>, options?: RequestOptions) => Promise<ResponseBody<P>>;

export interface OrganizationsApi {
  /** Create an organization. The acting user becomes its first owner. */
  create: Method<"/v1/organizations/create">;
  /** Get one organization (requires org:view). */
  get: Method<"/v1/organizations/get">;
  /**
   * List the organizations the acting user belongs to, with their role, oldest first.
   * With no input, all of them; `limit` and `cursor` page through them.
   */
  list: (
    input?: RequestBody<"/v1/organizations/list">,
    options?: RequestOptions,
  ) => Promise<ResponseBody<"/v1/organizations/list">>;
  /** Rename an organization (requires org:manage). */
  update: Method<"/v1/organizations/update">;
  /** Leave an organization (a user who is a member). `last_owner` for its only owner. */
  leave: Method<"/v1/organizations/leave">;
  /** Delete an organization and all it holds, at once (requires org:manage, a user). */
  delete: Method<"/v1/organizations/delete">;
  /**
   * Make a member an owner and the calling owner an admin, in one transaction (an owner, a
   * user). `not_found` when `userId` is not a member, `invalid_request` when it is the caller.
   */
  transferOwnership: Method<"/v1/organizations/transfer-ownership">;
  /** The role to permission matrix, highest rank first (no organization needed). */
  roles: (options?: RequestOptions) => Promise<OrgRoleMatrix>;
  members: {
    /** List an organization's members (requires members:view), longest-standing first. */
    list: Method<"/v1/organizations/members/list">;
    /** Remove a member (idempotent; requires members:manage). `last_owner` if no owner would remain. */
    remove: Method<"/v1/organizations/members/remove">;
    /** Change a member's role (requires members:manage). `last_owner` if no owner would remain. */
    setRole: Method<"/v1/organizations/members/set-role">;
  };
  invitations: {
    /** Invite an email (requires members:manage). The `token` for the invite link is shown once. */
    create: Method<"/v1/organizations/invitations/create">;
    /** List pending invitations (requires members:manage). */
    list: Method<"/v1/organizations/invitations/list">;
    /** Revoke a pending invitation (requires members:manage). */
    revoke: Method<"/v1/organizations/invitations/revoke">;
    /** Accept an invitation: the acting user, whose email must be the invited one, becomes a member. */
    accept: Method<"/v1/organizations/invitations/accept">;
  };
  joinCodes: {
    /** Create a shareable join code (requires members:manage). The `code` is shown once. */
    create: Method<"/v1/organizations/join-codes/create">;
    /** List join codes that are not revoked, with their uses (requires members:manage). */
    list: Method<"/v1/organizations/join-codes/list">;
    /** Revoke a join code (requires members:manage). */
    revoke: Method<"/v1/organizations/join-codes/revoke">;
    /** Join with a code: the acting user becomes a member; `alreadyMember` if they were. */
    join: Method<"/v1/organizations/join-codes/join">;
  };
  tokens: {
    /** Mint an organization-owned API token (requires org:manage). Its `bearer` is shown once. */
    create: Method<"/v1/organizations/tokens/create">;
    /**
     * A page of the organization's live tokens, newest first, never a secret (requires
     * org:manage). Always a page: 100 unless `limit` says otherwise; `lastUsedAt` may lag a minute.
     */
    list: Method<"/v1/organizations/tokens/list">;
    /** Revoke a token: refused at once, revoking again is ok (requires org:manage). */
    revoke: Method<"/v1/organizations/tokens/revoke">;
  };
  auditLog: {
    /**
     * A page of the organization's audit log, newest first (requires members:manage). Always
     * a page: 100 unless `limit` says otherwise; `actions`, `actorId`, `since` and `until` narrow it.
     */
    list: Method<"/v1/organizations/audit-log/list">;
  };
}

/** The whole client's surface, which the widgets' preview also implements. */
export interface OrgsApi {
  /** Who the credential speaks for: a user, or an organization's own token. */
  me: (options?: RequestOptions) => Promise<Me>;
  organizations: OrganizationsApi;
}

export class OrgsClient implements OrgsApi {
  readonly organizations: OrganizationsApi;
  readonly me: OrgsApi["me"];

  constructor(options: ClientOptions) {
    const send = transport(options);
    this.organizations = organizationsApi(send);
    this.me = (requestOptions) => send("/v1/me", undefined, requestOptions);
  }
}

/** `new OrgsClient(options)`, for those who prefer a function. */
export function createClient(options: ClientOptions): OrgsClient {
  return new OrgsClient(options);
}

function organizationsApi(send: Send): OrganizationsApi {
  const method =
    <P extends ApiPath>(path: P): Method<P> =>
    (input, options) =>
      send(path, input, options);
  return {
    create: method("/v1/organizations/create"),
    get: method("/v1/organizations/get"),
    list: (input, options) => send("/v1/organizations/list", input, options),
    update: method("/v1/organizations/update"),
    leave: method("/v1/organizations/leave"),
    delete: method("/v1/organizations/delete"),
    transferOwnership: method("/v1/organizations/transfer-ownership"),
    roles: (options) => send("/v1/organizations/roles", undefined, options),
    members: {
      list: method("/v1/organizations/members/list"),
      remove: method("/v1/organizations/members/remove"),
      setRole: method("/v1/organizations/members/set-role"),
    },
    invitations: {
      create: method("/v1/organizations/invitations/create"),
      list: method("/v1/organizations/invitations/list"),
      revoke: method("/v1/organizations/invitations/revoke"),
      accept: method("/v1/organizations/invitations/accept"),
    },
    joinCodes: {
      create: method("/v1/organizations/join-codes/create"),
      list: method("/v1/organizations/join-codes/list"),
      revoke: method("/v1/organizations/join-codes/revoke"),
      join: method("/v1/organizations/join-codes/join"),
    },
    tokens: {
      create: method("/v1/organizations/tokens/create"),
      list: method("/v1/organizations/tokens/list"),
      revoke: method("/v1/organizations/tokens/revoke"),
    },
    auditLog: {
      list: method("/v1/organizations/audit-log/list"),
    },
  };
}
