//! House rules, checked by a plain `cargo test`: every Rust file says what it is for, no
//! test is skipped, and the crate graph points inward.

#[cfg(test)]
mod tests {
    use crate::root;
    use std::path::{Path, PathBuf};

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                out.push(path);
            }
        }
    }

    fn all_rust_files() -> Vec<PathBuf> {
        let mut files = Vec::new();
        rust_files(&root().join("crates"), &mut files);
        rust_files(&root().join("xtask"), &mut files);
        assert!(files.len() > 20, "found only {} files", files.len());
        files
    }

    #[test]
    fn every_rust_file_opens_with_a_module_doc() {
        for path in all_rust_files() {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("//!"),
                "{} must open with a `//!` line saying what it is for",
                path.display()
            );
        }
    }

    #[test]
    fn no_test_is_skipped() {
        let needle = ["#[", "ignore"].concat();
        for path in all_rust_files() {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains(&needle), "{} skips a test", path.display());
        }
    }

    /// The dependency names a crate's `[dependencies]` table lists.
    fn dependencies(krate: &str) -> Vec<String> {
        let manifest = std::fs::read_to_string(root().join("crates").join(krate).join("Cargo.toml")).unwrap();
        let mut in_dependencies = false;
        let mut names = Vec::new();
        for line in manifest.lines() {
            if line.starts_with('[') {
                in_dependencies = line == "[dependencies]";
            } else if in_dependencies && let Some((name, _)) = line.split_once(['=', '.']) {
                names.push(name.trim().to_owned());
            }
        }
        names
    }

    #[test]
    fn the_domain_and_its_ports_know_no_adapter() {
        let forbidden = [
            "sqlx",
            "axum",
            "serde",
            "serde_json",
            "utoipa",
            "tokio",
            "hyper",
            "orgs-http",
            "orgs-postgres",
            "orgs-sqlite",
        ];
        for krate in ["orgs-core", "orgs-ports", "orgs-app"] {
            let deps = dependencies(krate);
            assert!(!deps.is_empty(), "{krate} has no [dependencies]?");
            for dep in &deps {
                assert!(!forbidden.contains(&dep.as_str()), "{krate} must not depend on {dep}");
            }
        }
        let core = dependencies("orgs-core");
        assert!(
            core.iter()
                .all(|dep| ["chrono", "thiserror", "uuid"].contains(&dep.as_str())),
            "orgs-core: {core:?}"
        );
    }

    #[test]
    fn adapters_do_not_depend_on_each_other() {
        let adapters = ["orgs-postgres", "orgs-sqlite", "orgs-http", "orgs-auth"];
        for krate in adapters {
            for dep in dependencies(krate) {
                assert!(
                    !adapters.contains(&dep.as_str()),
                    "{krate} depends on the adapter {dep}"
                );
            }
        }
    }
}
