//! `orgs-server roles check` and `roles reassign`, and the start refused while a role
//! taken out of the file is still held: the binary against a real SQLite file.

use crate::helpers::settings_from_file;
use crate::matrix_roles::ROLES_TOML;
use orgs_core::{Action, Actor, OrgId, Page, Role};
use orgs_ports::{EventFilter, TxMode};
use orgs_server::storage::Backend;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn roles_command(dir: &Path, config: &str, args: &[&str]) -> Output {
    std::fs::write(dir.join("orgs.toml"), config).unwrap();
    Command::new(env!("CARGO_BIN_EXE_orgs-server"))
        .args(["--config", "orgs.toml"])
        .args(args)
        .current_dir(dir)
        .env_remove("ORGS_CONFIG")
        .env(
            "ORGS_DATABASE_URL",
            format!("sqlite://{}", dir.join("orgs.db").display()),
        )
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn bad_declarations_stop_the_check_with_their_reason() {
    let dir = std::env::temp_dir().join(format!("orgs-roles-bad-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    for (config, reason) in [
        ("[[roles]]\nrole = \"admin\"\nrank = 10\n", "built in"),
        ("[[roles]]\nrole = \"x\"\nrank = 300\n", "outside 1 to 299"),
        (
            "[[roles]]\nrole = \"x\"\nrank = 1\n[[roles]]\nrole = \"x\"\nrank = 2\n",
            "declared twice",
        ),
        ("[[roles]]\nrole = \"Billing\"\nrank = 10\n", "\"Billing\""),
        (
            "[[roles]]\nrole = \"x\"\nrank = 10\npermissions = [\"billing\"]\n",
            "resource:action",
        ),
        ("[[roles]]\nrole = \"x\"\nrank = 10\ncolour = \"red\"\n", "colour"),
    ] {
        let out = roles_command(&dir, config, &["roles", "check"]);
        assert!(!out.status.success(), "{config}");
        assert!(stderr(&out).contains(reason), "{config}: {}", stderr(&out));
        let serve = roles_command(&dir, config, &["serve"]);
        assert!(!serve.status.success(), "serve with {config}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retired_role_still_held_stops_the_start_until_reassigned() {
    let dir = std::env::temp_dir().join(format!("orgs-roles-cli-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let checked = roles_command(&dir, ROLES_TOML, &["roles", "check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    let table: Value = serde_json::from_slice(&checked.stdout).unwrap();
    let names: Vec<&str> = table["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["owner", "manager", "admin", "billing", "steward", "member", "viewer"]
    );
    assert_eq!(table["roles"][3]["rank"], 150);

    // A billing member, seeded while the file still declares billing.
    let database_url = format!("sqlite://{}", dir.join("orgs.db").display());
    let settings = settings_from_file(None, &[("ORGS_DATABASE_URL", database_url.as_str())]);
    let store = Backend::open(&settings).await.unwrap().store();
    let (owner, biller) = (
        orgs_store_tests::seed_user(&store).await,
        orgs_store_tests::seed_user(&store).await,
    );
    let organization = orgs_store_tests::seed_organization(
        &store,
        &[(owner.id, Role::OWNER), (biller.id, Role::parse("billing").unwrap())],
    )
    .await
    .id;

    let without_billing = ROLES_TOML.replace("role = \"billing\"", "role = \"billing-old\"");
    let refused = roles_command(&dir, &without_billing, &["roles", "check"]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("\"billing\" (1 memberships, 0 pending invitations, 0 join codes)"),
        "{}",
        stderr(&refused)
    );
    assert!(stderr(&refused).contains("roles reassign --from billing"));
    let serve = roles_command(&dir, &without_billing, &["serve"]);
    assert!(!serve.status.success());
    assert!(stderr(&serve).contains("\"billing\""), "{}", stderr(&serve));

    let wrong = roles_command(
        &dir,
        &without_billing,
        &["roles", "reassign", "--from", "billing", "--to", "billing"],
    );
    assert!(
        !wrong.status.success(),
        "billing is no longer declared, so nothing may move to it"
    );
    let moved = roles_command(
        &dir,
        &without_billing,
        &["roles", "reassign", "--from", "billing", "--to", "viewer"],
    );
    assert!(moved.status.success(), "{}", stderr(&moved));
    let report: Value = serde_json::from_slice(&moved.stdout).unwrap();
    assert_eq!(
        report,
        serde_json::json!({"from": "billing", "to": "viewer", "organizations": 1, "memberships": 1,
                           "invitations": 0, "joinCodes": 0})
    );
    let checked = roles_command(&dir, &without_billing, &["roles", "check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));

    let mut tx = store.begin(TxMode::Read).await.unwrap();
    assert_eq!(
        tx.find_role(organization, biller.id).await.unwrap(),
        Some(Role::parse("viewer").unwrap())
    );
    let filter = EventFilter {
        actions: vec![Action::MemberRoleChanged],
        ..EventFilter::default()
    };
    let events = tx
        .list_events(
            OrgId::from_uuid(organization.as_uuid()),
            &filter,
            Page { limit: 10, after: None },
        )
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor, Actor::Operator);
    let data: Value = serde_json::from_str(&events[0].data).unwrap();
    assert_eq!(
        (data["oldRole"].as_str(), data["newRole"].as_str()),
        (Some("billing"), Some("viewer"))
    );
    drop(tx);
    std::fs::remove_dir_all(dir).ok();
}
