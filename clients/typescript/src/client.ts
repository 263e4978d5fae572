// The client's shape, method for method as the product page documents it:
// `client.organizations.members.setRole(input)` posts to `/v1/organizations/members/set-role`.
import { transport, type ClientOptions, type RequestOptions, type Send } from "./transport.js";
import type { ApiPath, OrgRoleMatrix, RequestBody, ResponseBody } from "./types.js";

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
  };
}

export class OrgsClient {
  readonly organizations: OrganizationsApi;

  constructor(options: ClientOptions) {
    const send = transport(options);
    this.organizations = organizationsApi(send);
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
    },
  };
}
