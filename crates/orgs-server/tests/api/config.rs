//! The configuration reference cannot drift: docs/configuration.md and
//! docs/orgs.example.toml must name every setting the server has, with its real default,
//! and the example must load.

use orgs_server::settings::{DEFAULTS, OPTIONAL};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

fn every_key() -> Vec<String> {
    let mut keys: Vec<String> = DEFAULTS
        .iter()
        .map(|(key, _)| key.to_string())
        .chain(OPTIONAL.iter().map(|k| k.to_string()))
        .collect();
    keys.sort();
    keys
}

#[test]
fn the_reference_table_lists_every_setting_with_its_real_default() {
    let text = std::fs::read_to_string(docs().join("configuration.md")).unwrap();
    let rows: BTreeMap<String, String> = text
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let variable = cells.get(1)?.strip_prefix("`ORGS_")?.strip_suffix('`')?;
            Some((variable.to_lowercase(), cells.get(2)?.trim_matches('`').to_owned()))
        })
        .collect();
    assert_eq!(rows.keys().cloned().collect::<Vec<_>>(), every_key());
    for (key, default) in DEFAULTS {
        assert_eq!(rows[*key], *default, "the documented default of {key}");
    }
    for key in OPTIONAL {
        assert_eq!(rows[*key], "unset", "{key}");
    }
}

#[test]
fn the_example_file_sets_every_setting_and_loads() {
    let path = docs().join("orgs.example.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut keys: Vec<String> = text
        .lines()
        .map(|line| line.trim_start_matches("# ").trim())
        .filter_map(|line| line.split_once(" = ").map(|(key, _)| key.to_owned()))
        .filter(|key| {
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(
        keys,
        every_key(),
        "the example names every setting, commented out or not"
    );
    let empty = config::Environment::with_prefix("ORGS").source(Some(Default::default()));
    let settings = orgs_server::Settings::load_from(Some(&path), empty).unwrap();
    assert_eq!(settings.jwt_audience.as_deref(), Some("orgs"));
    assert_eq!(settings.invitation_ttl, std::time::Duration::from_secs(7 * 24 * 3600));
    assert_eq!(settings.database_statement_cache, 100);
}
