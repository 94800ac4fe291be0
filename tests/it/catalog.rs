//! The built-in role catalog the binary embeds is the shared reference data:
//! `data/azure-builtin-roles.json` equals `../shared/data/azure-builtin-roles.json`
//! when that file is beside the checkout (a clone of the repository alone
//! has no `../shared`, and the test then has nothing to compare).

use idlint::model::roles::{builtin_by_guid, builtin_by_name, builtin_roles, CATALOG_JSON};
use std::path::Path;

fn shared() -> Option<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/azure-builtin-roles.json");
    std::fs::read_to_string(p).ok()
}

#[test]
fn the_repository_copy_matches_the_shared_catalog() {
    let Some(text) = shared() else {
        eprintln!("../shared/data/azure-builtin-roles.json absent: nothing to compare");
        return;
    };
    let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ours: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
    assert!(
        theirs == ours,
        "data/azure-builtin-roles.json differs from ../shared/data/azure-builtin-roles.json: copy the shared file over"
    );
}

#[test]
fn every_role_of_the_shared_catalog_resolves_by_guid_and_by_name() {
    let text = shared().unwrap_or_else(|| CATALOG_JSON.to_string());
    let roles: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(roles.len(), builtin_roles().len());
    for r in &roles {
        let name = r["name"].as_str().unwrap();
        let id = r["id"].as_str().unwrap();
        let by_guid = builtin_by_guid(id).unwrap_or_else(|| panic!("{id} ({name})"));
        assert_eq!(by_guid.name, name);
        let by_name = builtin_by_name(&name.to_lowercase()).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(by_name.guid, id.to_lowercase());
        let owned = |k: &str| -> Vec<&str> {
            r[k].as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect()
        };
        assert_eq!(by_guid.permissions.actions, owned("actions"), "{name}");
        assert_eq!(
            by_guid.permissions.not_actions,
            owned("notActions"),
            "{name}"
        );
        assert_eq!(
            by_guid.permissions.data_actions,
            owned("dataActions"),
            "{name}"
        );
        assert_eq!(
            by_guid.permissions.not_data_actions,
            owned("notDataActions"),
            "{name}"
        );
    }
}
