//! The OpenAPI document: paths come from the handlers' annotations through utoipa-axum;
//! the error answers, the security scheme and the stamp are added here, once for all.

use crate::AppState;
use crate::error::{ErrorBody, ErrorCode, ErrorEnvelope};
use crate::routes::{audit, invitations, join_codes, lifecycle, members, organizations, tokens};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Spec, Ref, RefOr, Required, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_axum::{router::OpenApiRouter, routes};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "orgs",
        description = "Organizations, members, roles and organization-owned API tokens.\n\nGenerated from the orgs-http crate by `cargo xtask openapi`; do not edit openapi/openapi.json by hand.",
        license(name = "Apache-2.0")
    ),
    components(schemas(ErrorEnvelope, ErrorBody, ErrorCode)),
    security(("bearer" = [])),
    tags(
        (name = "organizations", description = "Organizations and the role matrix."),
        (name = "members", description = "An organization's members and their roles."),
        (name = "tokens", description = "Organization-owned API tokens."),
        (name = "invitations", description = "Inviting people by email."),
        (name = "join codes", description = "Shareable codes that admit whoever types them."),
        (name = "me", description = "Who the credential speaks for."),
        (name = "audit log", description = "Every change to an organization, who made it and from where."),
    )
)]
struct ApiDoc;

pub(crate) fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(organizations::create))
        .routes(routes!(organizations::get))
        .routes(routes!(organizations::list))
        .routes(routes!(organizations::update))
        .routes(routes!(organizations::roles))
        .routes(routes!(members::list))
        .routes(routes!(members::remove))
        .routes(routes!(members::set_role))
        .routes(routes!(tokens::create))
        .routes(routes!(invitations::create))
        .routes(routes!(invitations::list))
        .routes(routes!(invitations::revoke))
        .routes(routes!(invitations::accept))
        .routes(routes!(join_codes::create))
        .routes(routes!(join_codes::list))
        .routes(routes!(join_codes::revoke))
        .routes(routes!(join_codes::join))
        .routes(routes!(lifecycle::me))
        .routes(routes!(lifecycle::leave))
        .routes(routes!(lifecycle::delete))
        .routes(routes!(lifecycle::transfer_ownership))
        .routes(routes!(tokens::list))
        .routes(routes!(tokens::revoke))
        .routes(routes!(audit::list))
}

/// The spec as served and committed.
pub fn openapi() -> Spec {
    finish(api_router().split_for_parts().1)
}

pub(crate) fn finish(mut spec: Spec) -> Spec {
    ErrorResponses.modify(&mut spec);
    BearerScheme.modify(&mut spec);
    // The limits are a walk over every schema and answer, simplest on the JSON form.
    let mut json = serde_json::to_value(&spec).expect("the spec serialises");
    crate::spec_limits::apply(&mut json);
    serde_json::from_value(json).expect("the bounded spec reads back")
}

/// The error statuses each operation can answer, beyond those every operation can.
fn specific_errors(operation_id: &str) -> &'static [u16] {
    match operation_id {
        "organizations.list" | "organizations.roles" | "me" => &[],
        "organizations.create" => &[403],
        "organizations.leave"
        | "organizations.members.remove"
        | "organizations.members.setRole"
        | "organizations.invitations.create"
        | "organizations.joinCodes.join" => &[403, 404, 409],
        _ => &[403, 404],
    }
}

const COMMON_ERRORS: &[u16] = &[400, 401, 413, 429, 500, 503];

fn describe(status: u16) -> &'static str {
    match status {
        400 => "`invalid_request`: the body does not parse or validate; the message names the field.",
        401 => "`unauthenticated`: no credential, or an unknown, revoked or expired one.",
        403 => {
            "`forbidden` (role or rank too low) or `user_required` (an organization token called a user-only operation)."
        }
        404 => {
            "`not_found`: the organization does not exist or the caller is not a member (never says which), or an unknown member, invitation, join code or token."
        }
        409 => {
            "`last_owner` (the organization would be left without an owner), `already_member` (inviting a member) or `join_code_exhausted` (the code was used `maxUses` times)."
        }
        413 => "`payload_too_large`: the body exceeds 64 KiB.",
        429 => {
            "`rate_limited`: too many failed attempts from this client, or too many requests with this credential (`ORGS_REQUEST_RATE_LIMIT`); the `Retry-After` header says when to retry."
        }
        503 => {
            "`unavailable`: the database cannot be reached, the server is at capacity, or the request timed out; retry later."
        }
        _ => "`internal`: an unexpected failure.",
    }
}

struct ErrorResponses;

impl Modify for ErrorResponses {
    fn modify(&self, spec: &mut Spec) {
        for item in spec.paths.paths.values_mut() {
            let Some(operation) = item.post.as_mut() else { continue };
            let id = operation.operation_id.clone().unwrap_or_default();
            if matches!(id.as_str(), "organizations.list" | "organizations.roles" | "me")
                && let Some(body) = operation.request_body.as_mut()
            {
                body.required = Some(Required::False);
            }
            for &status in COMMON_ERRORS.iter().chain(specific_errors(&id)) {
                let response = ResponseBuilder::new()
                    .description(describe(status))
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorEnvelope")))
                            .build(),
                    )
                    .build();
                operation
                    .responses
                    .responses
                    .insert(status.to_string(), RefOr::T(response));
            }
        }
    }
}

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, spec: &mut Spec) {
        let components = spec.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("A personal or organization API token `<key>:<secret>`, or a JWT from the configured identity provider."))
            .build();
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}
