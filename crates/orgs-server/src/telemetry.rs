//! Logging through tracing-subscriber, to stderr so stdout stays for command output.

use crate::settings::LogFormat;
use anyhow::Context;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

pub fn init(format: LogFormat, level: &str) -> anyhow::Result<()> {
    let filter: Targets = level.parse().with_context(|| format!("invalid log_level {level:?}"))?;
    let registry = tracing_subscriber::registry().with(filter);
    let result = match format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
        LogFormat::Pretty => registry
            .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
            .try_init(),
    };
    // Already initialised (several servers in one test process) is fine.
    let _ = result;
    Ok(())
}
