use crate::findings::{Finding, Severity};
use crate::model::{Resource, Value};
use crate::rules::kit::{Absent, Answer, Bad, PropertyCheck};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "MID009",
        name: "vm-password-login",
        family: Family::Mid,
        severity: Severity::Medium,
        formats: Formats::Both,
        summary: "Linux VM or scale set that allows password login",
        help: "set `osProfile.linuxConfiguration.disablePasswordAuthentication` to true (Terraform: `disable_password_authentication = true`, the azurerm default) and sign in with SSH keys or Entra ID (`AADSSHLoginForLinux`)",
        docs: include_str!("../../../rules/MID009-vm-password-login/README.md"),
    },
    check,
};

/// A password is a shared secret an attacker can guess or spray; ARM's
/// absent `disablePasswordAuthentication` means false (password login
/// allowed), while azurerm's absent attribute means true (the loader gives
/// it the provider default). Unknown proves nothing; Windows VMs and VMs
/// without an `osProfile` (attached disks) are not judged.
pub static VM: PropertyCheck = PropertyCheck {
    types: &["Microsoft.Compute/virtualMachines"],
    path: "properties.osProfile.linuxConfiguration.disablePasswordAuthentication",
    bad: Bad::False,
    absent: Absent::Bad(
        "linux vm `{label}` does not set `disablePasswordAuthentication`; the default (false) allows password login",
    ),
    message: "linux vm `{label}` allows password login (`disablePasswordAuthentication` is false)",
    help: None,
};

pub static VMSS: PropertyCheck = PropertyCheck {
    types: &["Microsoft.Compute/virtualMachineScaleSets"],
    path: "properties.virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication",
    bad: Bad::False,
    absent: Absent::Bad(
        "linux scale set `{label}` does not set `disablePasswordAuthentication`; the default (false) allows password login",
    ),
    message: "linux scale set `{label}` allows password login (`disablePasswordAuthentication` is false)",
    help: None,
};

/// Image publishers whose images are Linux only.
const LINUX_PUBLISHERS: &[&str] = &[
    "Canonical",
    "RedHat",
    "OpenLogic",
    "SUSE",
    "Debian",
    "credativ",
    "kinvolk",
    "almalinux",
    "resf",
    "MicrosoftCBLMariner",
];

/// Whether the VM profile `vm` (the object holding `osProfile` and
/// `storageProfile`) provisions a Linux OS: `Some(true)` Linux, `Some(false)`
/// Windows or no OS provisioning, `None` cannot tell. A `linuxConfiguration`
/// other than `null` (even unknown) says Linux; else a `windowsConfiguration`,
/// the OS disk type or a Linux image publisher decide.
fn is_linux(vm: &Value) -> Option<bool> {
    let os = vm.entry("osProfile")?;
    if os.value.as_object().is_none() {
        // Absent or null: a specialized or attached disk, nothing to provision.
        return matches!(os.value.kind, crate::model::Kind::Null).then_some(false);
    }
    // `null` is what templates that also deploy Windows write
    // (`if(equals(authenticationType, 'password'), null(), ...)`): no proof.
    if os
        .value
        .get("linuxConfiguration")
        .is_some_and(|c| !matches!(c.kind, crate::model::Kind::Null))
    {
        return Some(true);
    }
    if os.value.entry("windowsConfiguration").is_some() {
        return Some(false);
    }
    let storage = vm.get("storageProfile");
    if let Some(t) = storage
        .and_then(|s| s.get("osDisk"))
        .and_then(|d| d.get("osType"))
        .and_then(Value::as_str)
    {
        return Some(t.eq_ignore_ascii_case("linux"));
    }
    let publisher = storage
        .and_then(|s| s.get("imageReference"))
        .and_then(|i| i.get("publisher"))
        .and_then(Value::as_str)?;
    LINUX_PUBLISHERS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(publisher))
        .then_some(true)
}

fn profile(r: &Resource, scale_set: bool) -> Option<&Value> {
    let props = r.body.get("properties")?;
    if scale_set {
        props.get("virtualMachineProfile")
    } else {
        Some(props)
    }
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (rule, scale_set) in [(&VM, false), (&VMSS, true)] {
        for r in cx
            .resources
            .iter()
            .filter(|r| rule.types.iter().any(|t| r.is_type(t)))
        {
            if r.deploys_nothing() || profile(r, scale_set).and_then(is_linux) != Some(true) {
                continue;
            }
            let fill = |m: &str| m.replace("{label}", &r.label);
            match rule.judge_resource(r) {
                Answer::Bad => {
                    if let Some(e) = r.prop(rule.path) {
                        out.push(
                            Finding::property(&RULE.meta, r, rule.path, e, fill(rule.message))
                                .traced(&e.value),
                        );
                    }
                }
                Answer::Absent => {
                    if let Absent::Bad(m) = rule.absent {
                        out.push(Finding::new(&RULE.meta, r.loc, fill(m)).resource(r, rule.path));
                    }
                }
                Answer::Fine | Answer::Unknown => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Loc};

    fn v(k: Kind) -> Value {
        Value::new(k, Loc::default())
    }
    fn obj(entries: Vec<(&str, Value)>) -> Value {
        crate::model::value::test_object(entries)
    }
    fn s(t: &str) -> Value {
        v(Kind::String(t.into()))
    }

    #[test]
    fn only_false_or_absent_allows_passwords() {
        assert_eq!(VM.judge(Some(&v(Kind::Bool(false)))), Answer::Bad);
        assert_eq!(VM.judge(Some(&s("false"))), Answer::Bad);
        assert_eq!(VM.judge(Some(&v(Kind::Bool(true)))), Answer::Fine);
        assert_eq!(VM.judge(None), Answer::Absent);
        assert_eq!(
            VM.judge(Some(&Value::opaque("parameter", Loc::default()))),
            Answer::Unknown
        );
    }

    #[test]
    fn linux_is_told_by_configuration_disk_or_image() {
        let linux = obj(vec![(
            "osProfile",
            obj(vec![("linuxConfiguration", obj(vec![]))]),
        )]);
        assert_eq!(is_linux(&linux), Some(true));
        // `if(password, null(), ...)` in a template that may deploy Windows
        let null = obj(vec![(
            "osProfile",
            obj(vec![("linuxConfiguration", v(Kind::Null))]),
        )]);
        assert_eq!(is_linux(&null), None);
        let windows = obj(vec![(
            "osProfile",
            obj(vec![("windowsConfiguration", obj(vec![]))]),
        )]);
        assert_eq!(is_linux(&windows), Some(false));
        let image = |p: &str| {
            obj(vec![
                ("osProfile", obj(vec![("adminUsername", s("azureuser"))])),
                (
                    "storageProfile",
                    obj(vec![("imageReference", obj(vec![("publisher", s(p))]))]),
                ),
            ])
        };
        assert_eq!(is_linux(&image("Canonical")), Some(true));
        assert_eq!(is_linux(&image("MicrosoftWindowsServer")), None);
        let disk = obj(vec![
            ("osProfile", obj(vec![])),
            (
                "storageProfile",
                obj(vec![("osDisk", obj(vec![("osType", s("Windows"))]))]),
            ),
        ]);
        assert_eq!(is_linux(&disk), Some(false));
        assert_eq!(is_linux(&obj(vec![])), None);
        assert_eq!(
            is_linux(&obj(vec![(
                "osProfile",
                Value::opaque("parameter", Loc::default())
            )])),
            None
        );
    }
}
