//! Logging through tracing-subscriber, to stderr so stdout stays for command output.

use crate::settings::LogFormat;
use anyhow::Context;
use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Installs the subscriber. Lines are written by a thread of their own, so a request
/// never waits on a write to stderr (it cost a third of the throughput of a short
/// read); the returned guard flushes what is queued when dropped, so hold it until exit.
pub fn init(format: LogFormat, level: &str) -> anyhow::Result<WorkerGuard> {
    let filter: Targets = level.parse().with_context(|| format!("invalid log_level {level:?}"))?;
    // Not lossy: past the queue's 128,000 lines, requests wait rather than lines vanish.
    let (writer, guard) = NonBlockingBuilder::default().lossy(false).finish(std::io::stderr());
    let registry = tracing_subscriber::registry().with(filter);
    let result = match format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    // The request span alone says all; the list of enclosing spans
                    // would repeat it on every line, doubling what each line costs.
                    .with_span_list(false)
                    .with_writer(writer),
            )
            .try_init(),
        LogFormat::Pretty => registry
            .with(tracing_subscriber::fmt::layer().with_writer(writer))
            .try_init(),
    };
    // Already initialised (several servers in one test process) is fine.
    if result.is_ok() {
        // Panics go to the log as one event in the configured format, not as plain text
        // on stderr where a JSON log shipper would trip over them.
        std::panic::set_hook(Box::new(|info| {
            let location = info
                .location()
                .map(|at| format!("{}:{}", at.file(), at.line()))
                .unwrap_or_default();
            tracing::error!(%location, "panic: {}", panic_message(info));
        }));
    }
    Ok(guard)
}

fn panic_message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}
