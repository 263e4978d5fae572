//! Entry point: parse the command line, load settings, run the command.

use clap::Parser;
use orgs_server::cli::{Cli, run};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("orgs-server: {err:#}");
            ExitCode::FAILURE
        }
    }
}
