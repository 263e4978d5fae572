// Generated from openapi/openapi.json by `cargo xtask client-types` (openapi-typescript
// 7.13.0). Do not edit by hand: change the Rust handlers, regenerate the spec, then this.
// openapi.json sha256: e3acca0c830862ee96d0e1e4a4a2f37f979d434ad49fc664a3310f68e1bb24ad
export interface paths {
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Who is calling: the user behind the credential, or the organization whose token it is. */
        post: operations["me"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/audit-log/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the organization's audit log, newest first (requires members:manage). Each
         *     event is the change itself, who made it and from which request; never a secret.
         */
        post: operations["organizations.auditLog.list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an organization. The acting user becomes its first owner. */
        post: operations["organizations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete an organization with its memberships, invitations, join codes and tokens
         *     (requires org:manage and a user). Its tokens stop working at once.
         */
        post: operations["organizations.delete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get one organization (requires org:view). */
        post: operations["organizations.get"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation with its token: the acting user, whose email must be the invited
         *     one, becomes a member. Safe to retry.
         */
        post: operations["organizations.invitations.accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/invitations/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an invitation for an email (requires members:manage). Returns the one-time
         *     `token`; an earlier pending invitation for that email stops working.
         */
        post: operations["organizations.invitations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/invitations/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List pending invitations (requires members:manage), oldest first. */
        post: operations["organizations.invitations.list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/invitations/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a pending invitation (requires members:manage); one no longer pending is left
         *     as it is.
         */
        post: operations["organizations.invitations.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/join-codes/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a shareable join code (requires members:manage). `maxUses` null = unlimited. */
        post: operations["organizations.joinCodes.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/join-codes/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join an organization with a code: the acting user becomes a member. `alreadyMember`
         *     is true if they were one already (and nothing is used up).
         */
        post: operations["organizations.joinCodes.join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/join-codes/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List join codes (requires members:manage): every code not revoked, with its uses. */
        post: operations["organizations.joinCodes.list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/join-codes/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a join code (requires members:manage); revoking it again changes nothing. */
        post: operations["organizations.joinCodes.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave an organization (a user who is a member). 409 `last_owner` for its only owner. */
        post: operations["organizations.leave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List the organizations the acting user belongs to, with their role, oldest membership first. */
        post: operations["organizations.list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/members/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List an organization's members (requires members:view), longest-standing first. */
        post: operations["organizations.members.list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/members/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a member (idempotent; requires members:manage). 409 `last_owner` if it would
         *     leave the organization with zero owners.
         */
        post: operations["organizations.members.remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/members/set-role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a member's role (requires members:manage). 409 `last_owner` if it would leave
         *     the organization with zero owners.
         */
        post: operations["organizations.members.setRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The role to permission matrix, highest rank first (no organization scope needed). */
        post: operations["organizations.roles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/tokens/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint an organization-owned API token (requires org:manage and a user). The secret and
         *     `bearer` are returned once.
         */
        post: operations["organizations.tokens.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/tokens/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the organization's tokens that are not revoked, newest first (requires
         *     org:manage). Never a secret; `lastUsedAt` may lag by up to a minute.
         */
        post: operations["organizations.tokens.list"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/tokens/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke one of the organization's tokens (requires org:manage). Refused at once by
         *     every server process; revoking again is fine.
         */
        post: operations["organizations.tokens.revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the organization over (an owner, a user): in one transaction the member becomes
         *     an owner and the caller an admin.
         */
        post: operations["organizations.transferOwnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename an organization (requires org:manage). */
        post: operations["organizations.update"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitationRequest: {
            /** @description The token from `invitations.create`. */
            token: string;
        };
        AcceptInvitationResponse: {
            organizationId: string;
            role: components["schemas"]["OrgRole"];
        };
        /** @description Shown once: the secret is stored only as an argon2id hash. */
        ApiToken: {
            /** @description `<key>:<secret>`, ready for `Authorization: Bearer`. */
            bearer: string;
            key: string;
            lastFour: string;
            secret: string;
        };
        /**
         * @description An action's name on the wire, as a closed set, so the spec lists every one and a
         *     filter naming an unknown action is refused with the field it came in.
         * @enum {string}
         */
        AuditAction: "organization.created" | "organization.updated" | "organization.deleted" | "organization.ownership_transferred" | "member.added" | "member.role_changed" | "member.removed" | "invitation.created" | "invitation.revoked" | "invitation.accepted" | "join_code.created" | "join_code.revoked" | "api_token.created" | "api_token.revoked";
        /**
         * @description Who made the change: a user (with the email it had then), an organization token by
         *     its public key, or the operator at the server's command line.
         */
        AuditActor: {
            email: string;
            id: string;
            /** @enum {string} */
            kind: "user";
        } | {
            key: string;
            /** @enum {string} */
            kind: "organization_token";
        } | {
            /** @enum {string} */
            kind: "operator";
        };
        /** @description One entry of the audit log. */
        AuditEvent: {
            action: components["schemas"]["AuditAction"];
            actor: components["schemas"]["AuditActor"];
            /** @description The change itself (old and new role, invited email and role, ...); never a secret. */
            data: Record<string, never>;
            id: string;
            /** @description The client's address as the server saw it; null from the command line. */
            ipAddress: string | null;
            /** Format: date-time */
            occurredAt: string;
            organizationId: string;
            /** @description The `x-request-id` of the request that made the change; null from the command line. */
            requestId: string | null;
            target: components["schemas"]["AuditTarget"];
            /** @description At most 512 bytes of the request's `User-Agent`. */
            userAgent: string | null;
        };
        /** @description What the change is about. A member is named by its user id, a token by its key. */
        AuditTarget: {
            id: string;
            kind: components["schemas"]["AuditTargetKind"];
        };
        /**
         * @description What kind of thing an event is about.
         * @enum {string}
         */
        AuditTargetKind: "organization" | "member" | "invitation" | "join_code" | "api_token";
        CreateInvitationRequest: {
            /**
             * @description Compared case-insensitively; stored trimmed and lower-cased.
             * @example bob@example.com
             */
            email: string;
            organizationId: string;
            role?: null | components["schemas"]["OrgRole"];
        };
        CreateJoinCodeRequest: {
            /**
             * Format: int64
             * @description 1 to 1,000,000; absent or null for unlimited.
             */
            maxUses?: number | null;
            organizationId: string;
            role?: null | components["schemas"]["OrgRole"];
        };
        CreateOrganizationRequest: {
            /**
             * @description Trimmed; 1 to 100 characters, no control characters.
             * @example Acme
             */
            name: string;
        };
        CreateTokenRequest: {
            env?: null | components["schemas"]["TokenEnv"];
            /** @description A label for people; trimmed, 1 to 100 characters. */
            name?: string | null;
            organizationId: string;
        };
        CreateTokenResponse: {
            apiToken: components["schemas"]["ApiToken"];
        };
        /** @description No input: send `{}` or nothing at all. */
        EmptyRequest: Record<string, never>;
        ErrorBody: {
            /** @description A stable code; branch on this, not on the message. */
            code: components["schemas"]["ErrorCode"];
            /** @description One human-readable sentence. */
            message: string;
        };
        /**
         * @description Every error code the API answers with. Codes are part of the contract; messages are not.
         * @enum {string}
         */
        ErrorCode: "invalid_request" | "unauthenticated" | "forbidden" | "user_required" | "email_mismatch" | "not_found" | "invalid_invitation" | "invalid_join_code" | "method_not_allowed" | "last_owner" | "already_member" | "join_code_exhausted" | "payload_too_large" | "rate_limited" | "internal" | "unavailable";
        /** @description `{"error": {"code": "...", "message": "..."}}` */
        ErrorEnvelope: {
            error: components["schemas"]["ErrorBody"];
        };
        JoinRequest: {
            /** @description As shown (`XXXX-XXXX-XXXX-XXXX`); case, dashes and spaces do not matter. */
            code: string;
        };
        JoinResponse: {
            /** @description True when the caller was a member already; nothing was used up. */
            alreadyMember: boolean;
            organizationId: string;
            role: components["schemas"]["OrgRole"];
        };
        /**
         * @description A page of the organization's audit log, newest first; every filter is optional and
         *     they combine with AND.
         */
        ListAuditLogRequest: {
            /** @description Only these actions; absent or empty for all. */
            actions?: components["schemas"]["AuditAction"][] | null;
            /** @description Only changes by this actor: a user's id or an organization token's key. */
            actorId?: string | null;
            /** @description The `nextCursor` of the previous page. */
            cursor?: string | null;
            /**
             * Format: int64
             * @description Rows per page, 1 to 1000; 100 when absent.
             */
            limit?: number | null;
            organizationId: string;
            /**
             * Format: date-time
             * @description Only events at or after this time (RFC 3339).
             */
            since?: string | null;
            /**
             * Format: date-time
             * @description Only events before this time (RFC 3339).
             */
            until?: string | null;
        };
        /** @description A page of events, newest first (ties by id, highest first). */
        ListAuditLogResponse: {
            events: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` for the next page; null on the last. */
            nextCursor: string | null;
        };
        /** @description Pending invitations (not accepted, revoked or expired), oldest first. */
        ListInvitationsResponse: {
            invitations: components["schemas"]["OrgInvitation"][];
            /** @description Pass as `cursor` for the next page; null when there is none. */
            nextCursor: string | null;
        };
        /** @description Every code not revoked, exhausted ones included, oldest first. */
        ListJoinCodesResponse: {
            joinCodes: components["schemas"]["OrgJoinCode"][];
            /** @description Pass as `cursor` for the next page; null when there is none. */
            nextCursor: string | null;
        };
        /** @description The organization's members, longest-standing first (ties by user id). */
        ListMembersResponse: {
            members: components["schemas"]["OrgMember"][];
            /** @description Pass as `cursor` for the next page; null when there is none. */
            nextCursor: string | null;
        };
        /**
         * @description The caller's memberships: all of them, or a page when `limit` or `cursor` is given.
         *     An empty object, or no body at all, is the whole list.
         */
        ListOrganizationsRequest: {
            /** @description The `nextCursor` of the previous page. */
            cursor?: string | null;
            /**
             * Format: int64
             * @description Rows per page, 1 to 1000 (100 when only `cursor` is given).
             */
            limit?: number | null;
        };
        /** @description The caller's memberships, oldest first (ties by organization id). */
        ListOrganizationsResponse: {
            /** @description Pass as `cursor` for the next page; null when there is none. */
            nextCursor: string | null;
            organizations: components["schemas"]["OrgMembership"][];
        };
        /** @description A page of the organization's tokens; unlike the product page's lists, always a page. */
        ListTokensRequest: {
            /** @description The `nextCursor` of the previous page. */
            cursor?: string | null;
            /**
             * Format: int64
             * @description Rows per page, 1 to 1000; 100 when absent.
             */
            limit?: number | null;
            organizationId: string;
        };
        /** @description The organization's live tokens, newest first (ties by id, highest first). */
        ListTokensResponse: {
            apiTokens: components["schemas"]["OrgApiToken"][];
            /** @description Pass as `cursor` for the next page; null when there is none. */
            nextCursor: string | null;
        };
        /** @description Who the credential speaks for: a person, or an organization's own token. */
        Me: {
            /** @enum {string} */
            kind: "user";
            user: components["schemas"]["MeUser"];
        } | {
            /** @description The token's public key (never its secret). */
            key: string;
            /** @enum {string} */
            kind: "organization_token";
            organizationId: string;
        };
        /** @description A user as `me` shows it. */
        MeUser: {
            email: string;
            id: string;
        };
        OkResponse: {
            /**
             * @description Always `true`.
             * @enum {boolean}
             */
            ok: true;
        };
        Organization: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrganizationIdRequest: {
            organizationId: string;
        };
        /**
         * @description A list of one organization's rows: all of them, or a page when `limit` or `cursor`
         *     is given.
         */
        OrganizationListRequest: {
            /** @description The `nextCursor` of the previous page. */
            cursor?: string | null;
            /**
             * Format: int64
             * @description Rows per page, 1 to 1000 (100 when only `cursor` is given). Absent with `cursor`
             *     absent: the whole list.
             */
            limit?: number | null;
            organizationId: string;
        };
        OrganizationResponse: {
            organization: components["schemas"]["Organization"];
        };
        /** @description An organization token as its owners see it: never the secret. */
        OrgApiToken: {
            /** Format: date-time */
            createdAt: string;
            /** @description The user who minted it; null once that user is gone. */
            createdBy: string | null;
            env: components["schemas"]["TokenEnv"];
            key: string;
            lastFour: string;
            /**
             * Format: date-time
             * @description May lag the true last use by up to a minute; null if never used.
             */
            lastUsedAt: string | null;
            name: string | null;
        };
        OrgInvitation: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            /** Format: date-time */
            expiresAt: string;
            id: string;
            /** @description The inviting user, or null when an organization token invited. */
            invitedBy: string | null;
            organizationId: string;
            role: components["schemas"]["OrgRole"];
        };
        /** @description Shown once: the token is stored only as a digest. */
        OrgInvitationCreated: {
            invitation: components["schemas"]["OrgInvitation"];
            /** @description The one-time secret for the invite link. */
            token: string;
        };
        OrgJoinCode: {
            /** Format: date-time */
            createdAt: string;
            /** @description The creating user, or null when an organization token created it. */
            createdBy: string | null;
            id: string;
            /**
             * Format: int32
             * @description Null for unlimited.
             */
            maxUses: number | null;
            organizationId: string;
            role: components["schemas"]["OrgRole"];
            /**
             * Format: int32
             * @description Real joins so far; members joining again do not count.
             */
            uses: number;
        };
        /** @description Shown once: the code is stored only as a digest. */
        OrgJoinCodeCreated: {
            /**
             * @description `XXXX-XXXX-XXXX-XXXX`, 80 bits, no look-alike characters.
             * @example 7KQ2-M9XD-4HTP-W3NB
             */
            code: string;
            joinCode: components["schemas"]["OrgJoinCode"];
        };
        OrgMember: {
            email: string;
            /** Format: date-time */
            joinedAt: string;
            role: components["schemas"]["OrgRole"];
            userId: string;
        };
        OrgMembership: {
            organization: components["schemas"]["Organization"];
            role: components["schemas"]["OrgRole"];
        };
        /**
         * @description `resource:action`. orgs itself checks `org:view`, `org:manage`, `members:view` and `members:manage`; a deployment's roles may carry others, which are for the app to read.
         * @example members:manage
         */
        OrgPermission: string;
        /**
         * @description A role: `owner`, `admin` and `member` are built in, and the deployment may declare more; `organizations.roles` lists every role with its rank and permissions.
         * @example admin
         */
        OrgRole: string;
        /** @description Every role of the deployment with its permissions, highest rank first (ties by name). */
        OrgRoleMatrix: {
            roles: components["schemas"]["OrgRoleMatrixEntry"][];
        };
        OrgRoleMatrixEntry: {
            /** @description The operator's words for a declared role; null for the built-ins. */
            description: string | null;
            /** @description The owner holds every permission, so it lists every one any role carries. */
            permissions: components["schemas"]["OrgPermission"][];
            /**
             * Format: int32
             * @description Owner 300, admin 200, member 100; a declared role 1 to 299. Ties are allowed.
             */
            rank: number;
            role: components["schemas"]["OrgRole"];
        };
        RemoveMemberRequest: {
            organizationId: string;
            userId: string;
        };
        RevokeRequest: {
            id: string;
            organizationId: string;
        };
        RevokeTokenRequest: {
            /** @description The token's public key, as `tokens.list` shows it. */
            key: string;
            organizationId: string;
        };
        SetRoleRequest: {
            organizationId: string;
            role: components["schemas"]["OrgRole"];
            userId: string;
        };
        /** @enum {string} */
        TokenEnv: "live" | "test";
        TransferOwnershipRequest: {
            organizationId: string;
            /** @description The member who becomes an owner; not the caller. */
            userId: string;
        };
        UpdateOrganizationRequest: {
            /** @description Trimmed; 1 to 100 characters, no control characters. */
            name: string;
            organizationId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An empty object, or no body at all. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyRequest"];
            };
        };
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.auditLog.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListAuditLogRequest"];
            };
        };
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAuditLogResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationRequest"];
            };
        };
        responses: {
            /** @description The new organization. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationIdRequest"];
            };
        };
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationIdRequest"];
            };
        };
        responses: {
            /** @description The organization. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.invitations.accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationRequest"];
            };
        };
        responses: {
            /** @description The organization joined and the role held there. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptInvitationResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.invitations.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationRequest"];
            };
        };
        responses: {
            /** @description The invitation and its one-time token. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgInvitationCreated"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `last_owner` (the organization would be left without an owner), `already_member` (inviting a member) or `join_code_exhausted` (the code was used `maxUses` times). */
            409: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.invitations.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationListRequest"];
            };
        };
        responses: {
            /** @description Pending invitations. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListInvitationsResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.invitations.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeRequest"];
            };
        };
        responses: {
            /** @description Revoked, or no longer pending. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.joinCodes.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateJoinCodeRequest"];
            };
        };
        responses: {
            /** @description The join code and the code itself, shown once. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgJoinCodeCreated"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.joinCodes.join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinRequest"];
            };
        };
        responses: {
            /** @description The organization joined and the role held there. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `last_owner` (the organization would be left without an owner), `already_member` (inviting a member) or `join_code_exhausted` (the code was used `maxUses` times). */
            409: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.joinCodes.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationListRequest"];
            };
        };
        responses: {
            /** @description The join codes. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListJoinCodesResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.joinCodes.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeRequest"];
            };
        };
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationIdRequest"];
            };
        };
        responses: {
            /** @description No longer a member. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `last_owner` (the organization would be left without an owner), `already_member` (inviting a member) or `join_code_exhausted` (the code was used `maxUses` times). */
            409: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An empty object, or no body at all, for the whole list; `limit` and `cursor` for a page. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ListOrganizationsRequest"];
            };
        };
        responses: {
            /** @description The caller's memberships. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListOrganizationsResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.members.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationListRequest"];
            };
        };
        responses: {
            /** @description The members. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListMembersResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.members.remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveMemberRequest"];
            };
        };
        responses: {
            /** @description Removed, or was not a member. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `last_owner` (the organization would be left without an owner), `already_member` (inviting a member) or `join_code_exhausted` (the code was used `maxUses` times). */
            409: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.members.setRole": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRoleRequest"];
            };
        };
        responses: {
            /** @description Changed, or already had that role. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `last_owner` (the organization would be left without an owner), `already_member` (inviting a member) or `join_code_exhausted` (the code was used `maxUses` times). */
            409: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An empty object, or no body at all. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyRequest"];
            };
        };
        responses: {
            /** @description Every role and its permissions. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgRoleMatrix"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.tokens.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description The new token; store the secret now. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTokenResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.tokens.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListTokensRequest"];
            };
        };
        responses: {
            /** @description A page of tokens. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListTokensResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.tokens.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeTokenRequest"];
            };
        };
        responses: {
            /** @description Revoked. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.transferOwnership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferOwnershipRequest"];
            };
        };
        responses: {
            /** @description Handed over. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "organizations.update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationRequest"];
            };
        };
        responses: {
            /** @description Renamed. */
            200: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OkResponse"];
                };
            };
            /** @description `invalid_request`: the body does not parse or validate; the message names the field. */
            400: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unauthenticated`: no credential, or an unknown, revoked or expired one. */
            401: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation). */
            403: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token. */
            404: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `payload_too_large`: the body exceeds 64 KiB. */
            413: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry. */
            429: {
                headers: {
                    /** @description The calling page's origin, when it is one of `ORGS_CORS_ORIGINS`. */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description Requests this credential may make at once (twice its rate a second), while request quotas are on. */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in this credential's burst. */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the burst is whole again. */
                    "RateLimit-Reset"?: number;
                    /** @description Whole seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `internal`: an unexpected failure. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description `unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const auditActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditAction"]> = ["organization.created", "organization.updated", "organization.deleted", "organization.ownership_transferred", "member.added", "member.role_changed", "member.removed", "invitation.created", "invitation.revoked", "invitation.accepted", "join_code.created", "join_code.revoked", "api_token.created", "api_token.revoked"];
export const auditActorOneOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["AuditActor"], {
    kind: unknown;
}>["kind"]> = ["user"];
export const auditActorOneOf1KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["AuditActor"], {
    kind: unknown;
}>["kind"]> = ["organization_token"];
export const auditActorOneOf2KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["AuditActor"], {
    kind: unknown;
}>["kind"]> = ["operator"];
export const auditTargetKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditTargetKind"]> = ["organization", "member", "invitation", "join_code", "api_token"];
export const errorCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ErrorCode"]> = ["invalid_request", "unauthenticated", "forbidden", "user_required", "email_mismatch", "not_found", "invalid_invitation", "invalid_join_code", "method_not_allowed", "last_owner", "already_member", "join_code_exhausted", "payload_too_large", "rate_limited", "internal", "unavailable"];
export const meOneOf0KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["Me"], {
    kind: unknown;
}>["kind"]> = ["user"];
export const meOneOf1KindValues: ReadonlyArray<Extract<FlattenedDeepRequired<components>["schemas"]["Me"], {
    kind: unknown;
}>["kind"]> = ["organization_token"];
export const tokenEnvValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TokenEnv"]> = ["live", "test"];
