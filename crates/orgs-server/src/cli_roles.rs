//! `orgs-server roles`: checking the declared roles against the data, and moving the
//! holders of a role taken out of the file to another.

use crate::settings::Settings;
use anyhow::{Context, bail};
use clap::Subcommand;
use orgs_app::App;
use orgs_core::Role;
use serde_json::json;

#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// Check the `[[roles]]` settings, print the role table, and check that the database
    /// holds no role the table leaves out; exits non-zero on any problem.
    Check,
    /// Move every membership, pending invitation and join code of one role to another,
    /// in one transaction, with a `member.role_changed` event by the operator for each
    /// member moved.
    Reassign {
        #[arg(long, value_name = "OLD")]
        from: String,
        #[arg(long, value_name = "NEW")]
        to: String,
    },
}

/// Stops the start when a role the table no longer declares is still held, naming each
/// and how many hold it: requests would meet members whose role nobody can rank.
pub async fn refuse_undeclared_roles_held(app: &App) -> anyhow::Result<()> {
    let held = app.undeclared_roles_held().await.context("counting role holders")?;
    let Some(first) = held.first() else {
        return Ok(());
    };
    let each: Vec<String> = held
        .iter()
        .map(|holders| {
            format!(
                "{:?} ({} memberships, {} pending invitations, {} join codes)",
                holders.role.as_str(),
                holders.memberships,
                holders.invitations,
                holders.join_codes
            )
        })
        .collect();
    bail!(
        "roles no longer declared are still held: {}; declare them again in [[roles]], or move their holders \
         with `orgs-server roles reassign --from {} --to ROLE`",
        each.join(", "),
        first.role.as_str()
    )
}

pub async fn roles(settings: &Settings, command: RolesCommand) -> anyhow::Result<()> {
    match command {
        RolesCommand::Check => {
            // Loading the settings checked the declarations already; this is their table.
            let state = crate::cli::open_state(settings).await?;
            let listed: Vec<_> = state
                .app
                .roles()
                .entries()
                .iter()
                .map(|entry| {
                    json!({
                        "role": entry.role.as_str(),
                        "rank": entry.rank,
                        "permissions": entry.permissions.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                        "description": entry.description,
                    })
                })
                .collect();
            refuse_undeclared_roles_held(&state.app).await?;
            println!("{}", json!({ "roles": listed }));
            Ok(())
        }
        RolesCommand::Reassign { from, to } => {
            let from = Role::parse(&from).map_err(|err| anyhow::anyhow!("--from {err}"))?;
            let state = crate::cli::open_state(settings).await?;
            let moved = state.app.reassign_role(from, &to).await?;
            println!(
                "{}",
                json!({
                    "from": from.as_str(),
                    "to": to,
                    "organizations": moved.organizations,
                    "memberships": moved.memberships,
                    "invitations": moved.invitations,
                    "joinCodes": moved.join_codes,
                })
            );
            Ok(())
        }
    }
}
