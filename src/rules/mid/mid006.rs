use crate::findings::{Finding, Severity};
use crate::model::keys::{self, KeyService, KeyUse};
use crate::model::Loc;
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};
use std::collections::HashSet;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID006",
        name: "key-based-connection",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "workload setting, environment variable or secret built from the keys of a service that takes Entra tokens",
        help: "connect with the workload's managed identity and a data-plane role instead of the service's keys",
        docs: include_str!("../../../rules/MID006-key-based-connection/README.md"),
    },
    check,
};

/// Why a key use is left to another rule or to the platform.
#[derive(Debug, PartialEq, Eq)]
pub enum Skip {
    /// The platform takes nothing else here: Azure Files mounts of
    /// container groups and App Service, and the Functions content share
    /// (`WEBSITE_CONTENTAZUREFILECONNECTIONSTRING`).
    PlatformNeedsKey,
    /// A function app's runtime storage: MID007 reports it.
    FunctionsStorage,
    /// A Data Factory linked service: MID011 reports it.
    LinkedService,
}

/// VM extensions that take a storage key and nothing else: the legacy
/// diagnostics extensions (their replacement, the Azure Monitor Agent, is
/// another extension) and the Service Fabric node extension's log storage.
const KEY_ONLY_EXTENSIONS: &[&str] = &[
    "IaaSDiagnostics",
    "LinuxDiagnostic",
    "ServiceFabricNode",
    "ServiceFabricLinuxNode",
    // SQL Server IaaS Agent automated backup.
    "SqlIaaSAgent",
];

/// Whether a key use is one the platform requires or another rule
/// reports: where the key is held (`holder`, the `setting` or property,
/// its `path`, the VM `extension` it is a setting of).
pub fn skip(u: &KeyUse) -> Option<Skip> {
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let has_segment = |seg: &str| u.path.split('.').any(|p| is(p, seg));
    let holder = u.holder;
    let site = crate::model::secrets::holds_site_settings(holder);
    if holder.is_type("Microsoft.DataFactory/factories/linkedservices") {
        return Some(Skip::LinkedService);
    }
    if holder.is_type("Microsoft.ContainerInstance/containerGroups")
        && (has_segment("volumes") || has_segment("volume"))
    {
        return Some(Skip::PlatformNeedsKey);
    }
    if u.extension
        .is_some_and(|e| KEY_ONLY_EXTENSIONS.iter().any(|k| is(k, e)))
    {
        return Some(Skip::PlatformNeedsKey);
    }
    // A failover cluster's cloud witness authenticates with the account key only.
    if u.setting
        .is_some_and(|s| s.to_ascii_lowercase().contains("witness"))
    {
        return Some(Skip::PlatformNeedsKey);
    }
    if site {
        if u.setting.is_some_and(|s| is(s, "AzureWebJobsStorage"))
            || u.path.eq_ignore_ascii_case(keys::FUNCTION_STORAGE_KEY)
        {
            return Some(Skip::FunctionsStorage);
        }
        let mounts = has_segment("azureStorageAccounts")
            || has_segment("storage_account")
            || holder.name.as_ref().is_some_and(|n| {
                n.display()
                    .to_ascii_lowercase()
                    .ends_with("/azurestorageaccounts")
            });
        if mounts
            || u.setting
                .is_some_and(|s| is(s, "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"))
        {
            return Some(Skip::PlatformNeedsKey);
        }
    }
    None
}

/// The service a key comes from, when it takes Entra tokens: for Cosmos DB
/// that depends on the account's API, so the account must be declared in
/// the unit and known to take them.
fn service_of(cx: &Ctx, u: &KeyUse) -> Option<(&'static KeyService, Option<String>)> {
    let service = keys::key_service(&u.target.ty)?;
    // The declared service (or the service a declared child belongs to).
    let declared = cx.resolve(u.target).next().and_then(|r| {
        if r.is_type(service.ty) {
            Some(r)
        } else {
            let parent = r.parent.as_ref()?;
            cx.resolve(parent).find(|p| p.is_type(service.ty))
        }
    });
    if service.ty == "Microsoft.DocumentDB/databaseAccounts"
        && declared.and_then(keys::takes_entra) != Some(true)
    {
        return None;
    }
    let label = declared.map(|r| r.label.clone()).or_else(|| {
        u.subject()
            .and_then(|s| s.rsplit('/').next().map(String::from))
    });
    Some((service, label))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let uses = keys::key_uses(&cx.resources);
    // Terraform keeps a mapped attribute as written beside its ARM
    // spelling: a place skipped under either name is skipped.
    let skipped: HashSet<Loc> = uses
        .iter()
        .filter(|u| skip(u).is_some())
        .map(|u| u.loc)
        .collect();
    let mut reported = HashSet::new();
    for u in &uses {
        if u.holder.deploys_nothing() || skipped.contains(&u.loc) || !reported.insert(u.loc) {
            continue;
        }
        let Some((service, label)) = service_of(cx, u) else {
            continue;
        };
        let what = match u.setting {
            Some(s) => format!("`{s}` of `{}`", u.holder.label),
            None => format!("a setting of `{}`", u.holder.label),
        };
        let from = match &label {
            Some(l) => format!("{} `{l}`", service.noun),
            None => format!("{} {}", article(service.noun), service.noun),
        };
        out.push(
            Finding::new(
                &RULE.meta,
                u.loc,
                format!("{what} is built from the keys of {from} (`{}`)", u.source),
            )
            .resource(u.holder, &u.path)
            .help(format!("stop holding the key: use {}", service.instead)),
        );
    }
}

fn article(noun: &str) -> &'static str {
    match noun.chars().next() {
        Some('A' | 'E' | 'I' | 'O' | 'U' | 'a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Resource, ResourceRef};

    fn res(ty: &str, name: &str) -> Resource {
        Resource::sample(ty, name)
    }

    fn at<'a>(
        holder: &'a Resource,
        target: &'a ResourceRef,
        setting: Option<&'a str>,
        path: &str,
        extension: Option<&'a str>,
    ) -> KeyUse<'a> {
        KeyUse {
            holder,
            target,
            name: None,
            source: "listKeys()",
            loc: Loc::default(),
            setting,
            path: path.into(),
            extension,
        }
    }

    #[test]
    fn keys_the_platform_needs_or_other_rules_report() {
        let st = ResourceRef {
            ty: "microsoft.storage/storageaccounts".into(),
            key: "microsoft.storage/storageaccounts/st".into(),
        };
        let site = res("Microsoft.Web/sites", "func");
        let settings = "properties.siteConfig.appSettings.value";
        let s = |setting: &'static str| skip(&at(&site, &st, Some(setting), settings, None));
        assert_eq!(s("AzureWebJobsStorage"), Some(Skip::FunctionsStorage));
        assert_eq!(
            s("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"),
            Some(Skip::PlatformNeedsKey)
        );
        assert_eq!(s("ServiceBusConnection"), None);
        let mount = "properties.siteConfig.azureStorageAccounts.share.accessKey";
        assert_eq!(
            skip(&at(&site, &st, Some("accessKey"), mount, None)),
            Some(Skip::PlatformNeedsKey)
        );
        let mounts = res("Microsoft.Web/sites/config", "func/azurestorageaccounts");
        assert_eq!(
            skip(&at(
                &mounts,
                &st,
                Some("accessKey"),
                "properties.share.accessKey",
                None
            )),
            Some(Skip::PlatformNeedsKey)
        );
        let aci = res("Microsoft.ContainerInstance/containerGroups", "aci");
        let vol = "properties.volumes.azureFile.storageAccountKey";
        assert_eq!(
            skip(&at(&aci, &st, Some("storageAccountKey"), vol, None)),
            Some(Skip::PlatformNeedsKey)
        );
        let env = "properties.containers.properties.environmentVariables.secureValue";
        assert_eq!(skip(&at(&aci, &st, Some("STORAGE_KEY"), env, None)), None);
        let vm = res("Microsoft.Compute/virtualMachines/extensions", "vm/diag");
        let key = "properties.protectedSettings.storageAccountKey";
        let ext = |e: &'static str| skip(&at(&vm, &st, Some("storageAccountKey"), key, Some(e)));
        assert_eq!(ext("IaaSDiagnostics"), Some(Skip::PlatformNeedsKey));
        assert_eq!(ext("CustomScript"), None);
        let ls = res("Microsoft.DataFactory/factories/linkedservices", "adf/blob");
        assert_eq!(
            skip(&at(&ls, &st, None, "properties", None)),
            Some(Skip::LinkedService)
        );
    }

    #[test]
    fn finds_nothing_in_an_empty_unit() {
        let unit = crate::model::Unit::default();
        let options = crate::rules::Options::default();
        let mut out = Vec::new();
        check(&Ctx::new(&unit, &options), &mut out);
        assert!(out.is_empty());
    }
}
