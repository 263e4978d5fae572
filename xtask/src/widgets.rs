//! The React widgets in `widgets/`: their component tests (jsdom) and browser tests
//! (Debian's Chromium, driven by playwright-core) against a freshly built server, the
//! console for people to use, and the screenshots in `docs/screenshots/`.

use std::path::{Path, PathBuf};

use crate::client::{self, npm, npm_install};
use crate::run;

const WIDGETS_DIR: &str = "widgets";

/// Type check, component tests, then the browser tests; screenshots go to `screenshots`.
pub fn test(root: &Path, clean_install: bool, screenshots: &Path) -> Result<(), String> {
    let chromium = chromium()?;
    let dir = root.join(WIDGETS_DIR);
    // The client's packages are installed once (clean in CI, by its own tests just before).
    client::build(root, false)?;
    npm_install(&dir, clean_install)?;
    run(npm(&dir, &["test", "--silent"]))?;
    let server = client::build_server(root)?;
    let mut browser_tests = npm(&dir, &["run", "e2e", "--silent"]);
    browser_tests
        .env("ORGS_SERVER_BIN", server)
        .env("CHROMIUM_PATH", chromium)
        .env("SCREENSHOT_DIR", screenshots);
    run(browser_tests)
}

/// Serves the console and the gallery with Vite until interrupted; `/orgs` is proxied to
/// `ORGS_URL` (default `http://127.0.0.1:8080`).
pub fn console(root: &Path) -> Result<(), String> {
    let dir = root.join(WIDGETS_DIR);
    client::build(root, false)?;
    npm_install(&dir, false)?;
    eprintln!("xtask: the console is at http://127.0.0.1:5173/ and the gallery at http://127.0.0.1:5173/gallery.html");
    run(npm(&dir, &["run", "console", "--silent"]))
}

fn chromium() -> Result<PathBuf, String> {
    let path = std::env::var_os("CHROMIUM_PATH").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "the browser tests need Chromium at {} (apt-get install chromium, or set CHROMIUM_PATH)",
            path.display()
        ))
    }
}
