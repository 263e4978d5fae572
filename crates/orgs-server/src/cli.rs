//! The command line: `serve` (the default), `migrate`, `users`, `tokens`, `webhooks`,
//! `audit`, `roles`, `openapi`.

use crate::cli_events::{AuditCommand, WebhooksCommand};
use crate::cli_roles::RolesCommand;
use crate::serve::{app_state, shutdown_signal, start};
use crate::settings::Settings;
use crate::storage::Backend;
use crate::telemetry;
use anyhow::Context;
use clap::{Parser, Subcommand};
use orgs_app::TokenKind;
use orgs_core::{Email, OrgId};
// Times in command output look as they do in API answers.
use orgs_http::wire_time as time;
use serde_json::json;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "orgs-server",
    version,
    about = "Organizations, members, roles and org-owned API tokens over HTTP."
)]
pub struct Cli {
    /// A TOML settings file (default: $ORGS_CONFIG, if set).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the API (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage users and their personal tokens.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Manage organization tokens across every organization (owners have the API's).
    #[command(subcommand)]
    Tokens(TokensCommand),
    /// Register webhook endpoints and follow their deliveries.
    #[command(subcommand)]
    Webhooks(WebhooksCommand),
    /// Read any organization's audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Check the declared roles, and move the holders of one taken out of the file.
    #[command(subcommand)]
    Roles(RolesCommand),
    /// Print the OpenAPI spec.
    Openapi,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Create a user (or find it by email) and mint a personal API token for it. Prints
    /// `{"userId": "...", "bearer": "..."}` on stdout.
    Create {
        #[arg(long)]
        email: String,
    },
    /// Print every user as a JSON array, oldest first.
    List,
    /// Manage a user's personal tokens.
    #[command(subcommand)]
    Tokens(UserTokensCommand),
}

#[derive(Debug, Subcommand)]
pub enum UserTokensCommand {
    /// Revoke a personal token by its key; every server process refuses it at once.
    Revoke { key: String },
}

#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Print an organization's tokens as a JSON array (never their secrets).
    List {
        #[arg(long = "org", value_name = "ORGANIZATION_ID")]
        organization: String,
    },
    /// Revoke an organization token by its key; every server process refuses it at once.
    Revoke { key: String },
}

/// Opens and migrates the configured store, for the commands that act on it.
pub(crate) async fn open_state(settings: &Settings) -> anyhow::Result<orgs_http::AppState> {
    let backend = Backend::open(settings).await?;
    if settings.migrate_on_start {
        backend.migrate().await?;
    }
    app_state(backend.store(), settings)
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Openapi = command {
        println!("{}", orgs_http::openapi().to_pretty_json()?);
        return Ok(());
    }
    let settings = Settings::load(cli.config.as_deref())?;
    let quiet = !matches!(command, Command::Serve);
    // Commands that print for scripts keep the log to warnings unless asked otherwise.
    let level = if quiet && std::env::var_os("ORGS_LOG_LEVEL").is_none() {
        "warn"
    } else {
        settings.log_level.as_str()
    };
    let _flush_log_on_exit = telemetry::init(settings.log_format, level)?;
    tracing::debug!(?settings, "settings loaded");
    match command {
        Command::Serve => {
            let running = start(&settings, shutdown_signal()).await?;
            running.task.await.context("server task")?.context("serving")?;
            Ok(())
        }
        Command::Migrate => {
            Backend::open(&settings).await?.migrate().await?;
            eprintln!("migrations applied");
            Ok(())
        }
        Command::Users(UsersCommand::Create { email }) => {
            let email = Email::parse(&email).map_err(|err| anyhow::anyhow!("--email {err}"))?;
            let state = open_state(&settings).await?;
            let made = state.app.create_user_token(email).await.context("creating the user")?;
            println!(
                "{}",
                json!({"userId": made.user.id.to_string(), "bearer": made.token.bearer()})
            );
            Ok(())
        }
        Command::Users(UsersCommand::List) => {
            let users = open_state(&settings).await?.app.list_users().await?;
            let users: Vec<_> = users
                .iter()
                .map(|user| json!({"userId": user.id.to_string(), "email": user.email.as_str(), "createdAt": time(user.created_at)}))
                .collect();
            println!("{}", serde_json::Value::Array(users));
            Ok(())
        }
        Command::Users(UsersCommand::Tokens(UserTokensCommand::Revoke { key })) => {
            open_state(&settings)
                .await?
                .app
                .revoke_token(&key, TokenKind::Personal)
                .await?;
            println!("{}", json!({"key": key, "revoked": true}));
            Ok(())
        }
        Command::Tokens(TokensCommand::List { organization }) => {
            let organization = OrgId::from_wire(&organization);
            let tokens = open_state(&settings)
                .await?
                .app
                .list_organization_tokens(organization)
                .await?;
            let tokens: Vec<_> = tokens
                .iter()
                .map(|token| {
                    json!({
                        "key": token.key,
                        "name": token.name.as_ref().map(|name| name.as_str()),
                        "env": token.env.as_str(),
                        "lastFour": token.last_four,
                        "createdAt": time(token.created_at),
                        "revoked": token.revoked,
                    })
                })
                .collect();
            println!("{}", serde_json::Value::Array(tokens));
            Ok(())
        }
        Command::Tokens(TokensCommand::Revoke { key }) => {
            open_state(&settings)
                .await?
                .app
                .revoke_token(&key, TokenKind::Organization)
                .await?;
            println!("{}", json!({"key": key, "revoked": true}));
            Ok(())
        }
        Command::Webhooks(command) => crate::cli_events::webhooks(&open_state(&settings).await?, command).await,
        Command::Audit(command) => crate::cli_events::audit(&open_state(&settings).await?, command).await,
        Command::Roles(command) => crate::cli_roles::roles(&settings, command).await,
        Command::Openapi => unreachable!("handled above"),
    }
}
