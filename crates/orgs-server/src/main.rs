//! Entry point: parse the command line, load settings, run the command.

use clap::Parser;
use orgs_server::cli::{Cli, run};
use std::process::ExitCode;

// glibc's allocator kept what bursts and large lists freed, per thread, for reuse: a
// server settled at 135 to 175 MiB after them. jemalloc, with the decay set in
// `.cargo/config.toml`, hands it back (docs/benchmarks.md, "Performance II").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
