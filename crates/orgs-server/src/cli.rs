//! The command line: `serve` (the default), `migrate`, `users create`, `openapi`.

use crate::serve::{app_state, shutdown_signal, start};
use crate::settings::Settings;
use crate::storage::Backend;
use crate::telemetry;
use anyhow::Context;
use clap::{Parser, Subcommand};
use orgs_core::Email;
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
    /// Manage users.
    #[command(subcommand)]
    Users(UsersCommand),
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
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if let Command::Openapi = command {
        println!("{}", orgs_http::openapi().to_pretty_json()?);
        return Ok(());
    }
    let settings = Settings::load(cli.config.as_deref())?;
    let quiet = matches!(command, Command::Users(_) | Command::Migrate);
    // Commands that print for scripts keep the log to warnings unless asked otherwise.
    let level = if quiet && std::env::var_os("ORGS_LOG_LEVEL").is_none() {
        "warn"
    } else {
        settings.log_level.as_str()
    };
    telemetry::init(settings.log_format, level)?;
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
            let backend = Backend::open(&settings).await?;
            backend.migrate().await?;
            let state = app_state(backend.store(), &settings)?;
            let made = state.app.create_user_token(email).await.context("creating the user")?;
            let out = serde_json::json!({"userId": made.user.id.to_string(), "bearer": made.token.bearer()});
            println!("{out}");
            Ok(())
        }
        Command::Openapi => unreachable!("handled above"),
    }
}
