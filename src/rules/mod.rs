//! The rule registry. A rule is one file over the model plus its folder
//! `rules/<ID>-<name>/` (README and fixtures); the registry is the only list.

pub mod bg;
pub mod kit;
pub mod meta;
pub mod mid;
pub mod rbac;
pub mod sec;

use crate::findings::{Finding, Severity};
use crate::model::Unit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    Sec,
    Mid,
    Rbac,
    Bg,
    Meta,
}

impl Family {
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Sec => "SEC",
            Family::Mid => "MID",
            Family::Rbac => "RBAC",
            Family::Bg => "BG",
            Family::Meta => "META",
        }
    }
}

/// Which source formats a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formats {
    Both,
    ArmOnly,
    TerraformOnly,
}

impl Formats {
    pub fn as_str(self) -> &'static str {
        match self {
            Formats::Both => "arm, terraform",
            Formats::ArmOnly => "arm",
            Formats::TerraformOnly => "terraform",
        }
    }
    pub fn arm(self) -> bool {
        self != Formats::TerraformOnly
    }
    pub fn terraform(self) -> bool {
        self != Formats::ArmOnly
    }
}

#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub formats: Formats,
    /// One line: what the rule catches.
    pub summary: &'static str,
    /// The default fix, shown as `help`.
    pub help: &'static str,
    /// The rule's README (front matter and sections), for `explain` and SARIF.
    pub docs: &'static str,
}

pub struct Rule {
    pub meta: RuleMeta,
    pub check: fn(&Ctx, &mut Vec<Finding>),
}

/// Per-rule options from the configuration.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// RBAC001: assignments at scopes matching these globs are allowed.
    pub allowed_scopes: Vec<(&'static str, globset::GlobSet)>,
}

impl Options {
    pub fn allowed_scopes(&self, rule: &str) -> Option<&globset::GlobSet> {
        self.allowed_scopes
            .iter()
            .find(|(r, _)| *r == rule)
            .map(|(_, g)| g)
    }
}

/// What a rule sees: the unit (through `Deref`) and its options.
pub struct Ctx<'a> {
    pub unit: &'a Unit,
    pub options: &'a Options,
}

impl std::ops::Deref for Ctx<'_> {
    type Target = Unit;
    fn deref(&self) -> &Unit {
        self.unit
    }
}

/// Every rule idlint ships, in ID order.
pub static REGISTRY: &[&Rule] = &[
    &sec::sec001::RULE,
    &sec::sec002::RULE,
    &sec::sec003::RULE,
    &sec::sec004::RULE,
    &sec::sec005::RULE,
    &sec::sec006::RULE,
    &sec::sec007::RULE,
    &sec::sec008::RULE,
    &sec::sec009::RULE,
    &sec::sec010::RULE,
    &sec::sec011::RULE,
    &sec::sec012::RULE,
    &sec::sec013::RULE,
    &sec::sec014::RULE,
    &sec::sec015::RULE,
    &sec::sec016::RULE,
    &sec::sec017::RULE,
    &mid::mid004::RULE,
    &rbac::rbac001::RULE,
    &bg::bg001::RULE,
    &meta::META001,
    &meta::META002,
    &meta::META003,
];

/// A rule by ID or name, ignoring case.
pub fn lookup(id_or_name: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| {
        r.meta.id.eq_ignore_ascii_case(id_or_name) || r.meta.name.eq_ignore_ascii_case(id_or_name)
    })
}

/// Does `token` (ID, name or family prefix) name this rule?
pub fn token_matches(meta: &RuleMeta, token: &str) -> bool {
    meta.id.eq_ignore_ascii_case(token)
        || meta.name.eq_ignore_ascii_case(token)
        || meta.family.prefix().eq_ignore_ascii_case(token)
}

/// Is `token` a valid rule ID, name or family prefix?
pub fn token_is_known(token: &str) -> bool {
    [
        Family::Sec,
        Family::Mid,
        Family::Rbac,
        Family::Bg,
        Family::Meta,
    ]
    .iter()
    .any(|f| f.prefix().eq_ignore_ascii_case(token))
        || lookup(token).is_some()
}

/// Which rules run.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn enabled(&self, meta: &RuleMeta) -> bool {
        (self.select.is_empty() || self.select.iter().any(|t| token_matches(meta, t)))
            && !self.ignore.iter().any(|t| token_matches(meta, t))
    }

    /// Tokens that name no rule or family.
    pub fn unknown_tokens(&self) -> Vec<&str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .map(String::as_str)
            .filter(|t| !token_is_known(t))
            .collect()
    }
}

/// What the rules make of a unit.
#[derive(Debug, Default)]
pub struct Checked {
    /// The selected rules' findings.
    pub findings: Vec<Finding>,
    /// Every place a SEC rule marked as a secret, selected or not.
    pub secrets: Vec<crate::model::Loc>,
}

/// Runs the selected rules over one unit. The SEC family runs even where it
/// is not selected: a secret must be masked in every snippet that shows it,
/// and only the rule that knows a value is a secret can say where it is.
pub fn check(unit: &Unit, selection: &Selection, options: &Options) -> Checked {
    let cx = Ctx { unit, options };
    let mut out = Checked::default();
    for rule in REGISTRY {
        let selected = selection.enabled(&rule.meta);
        if !selected && rule.meta.family != Family::Sec {
            continue;
        }
        let from = out.findings.len();
        (rule.check)(&cx, &mut out.findings);
        for f in &out.findings[from..] {
            out.secrets.extend(f.redact.iter().copied());
        }
        if !selected {
            out.findings.truncate(from);
        }
    }
    out
}
