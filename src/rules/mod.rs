//! The rule registry. A rule is one file over the model plus its folder
//! `rules/<ID>-<name>/` (README and fixtures); the registry is the only list.

pub mod bg;
pub(crate) mod facts;
pub(crate) mod kit;
pub mod meta;
pub mod mid;
pub(crate) mod options;
pub mod rbac;
pub(crate) mod scan_phase;
pub mod sec;

/// What a rule is, beside the findings it makes (they name it).
pub use crate::findings::{Family, Formats, RuleMeta};
pub use facts::{Fact, Place};
pub use options::{Options, OptionsSpec};
pub use scan_phase::{ScanCheck, ScanCtx, ScanRule};

use crate::findings::Finding;
use crate::model::{Loc, Unit};
use std::cell::RefCell;

/// A unit rule as its file declares it: it sees one unit at a time, while
/// the unit is loaded (`pub static RULE: Rule`, registered with
/// [`Registered::unit`]).
pub struct Rule {
    pub meta: RuleMeta,
    pub check: fn(&Ctx, &mut Vec<Finding>),
}

/// When a rule runs.
#[derive(Clone, Copy)]
pub enum Check {
    /// Over each unit, while it is loaded.
    Unit(fn(&Ctx, &mut Vec<Finding>)),
    /// Once, after every unit's rules, over what the units left behind:
    /// facts, findings, suppressions (see [`ScanCtx`]).
    Scan(&'static ScanCheck),
}

/// An entry of the registry: a unit or scan rule, and the options it takes.
pub struct Registered {
    pub meta: &'static RuleMeta,
    pub check: Check,
    pub options: Option<&'static OptionsSpec>,
    /// Scan phase, before suppression: revises the rule's own unit findings
    /// with what other units told (MID002 is high when a workload anywhere
    /// in the scan holds the service's keys).
    pub amend: Option<Amend>,
}

/// See [`Registered::amend`]: the facts of every unit, and every unit
/// finding, of which the rule changes only its own.
pub type Amend = fn(&ScanCtx, &mut [crate::findings::Diagnostic]);

impl Registered {
    pub const fn unit(r: &'static Rule) -> Registered {
        Registered {
            meta: &r.meta,
            check: Check::Unit(r.check),
            options: None,
            amend: None,
        }
    }
    pub const fn scan(r: &'static ScanRule) -> Registered {
        Registered {
            meta: &r.meta,
            check: Check::Scan(&r.check),
            options: None,
            amend: None,
        }
    }
    /// The rule takes the options `spec` declares.
    pub const fn with_options(self, spec: &'static OptionsSpec) -> Registered {
        Registered {
            options: Some(spec),
            ..self
        }
    }
    /// The rule revises its findings in the scan phase with `f`.
    pub const fn with_amend(self, f: Amend) -> Registered {
        Registered {
            amend: Some(f),
            ..self
        }
    }
}

/// What a rule sees: the unit (through `Deref`) and its options.
pub struct Ctx<'a> {
    pub unit: &'a Unit,
    pub options: &'a Options,
    facts: RefCell<Vec<Fact>>,
}

impl<'a> Ctx<'a> {
    pub fn new(unit: &'a Unit, options: &'a Options) -> Ctx<'a> {
        Ctx {
            unit,
            options,
            facts: RefCell::new(Vec::new()),
        }
    }

    /// Records a fact for the scan phase: the unit is gone by then, so what
    /// a scan rule needs from it is kept as a fact of `kind` about
    /// `subject` (comparable across units), with `detail`, at `loc`.
    pub fn export(&self, kind: &'static str, subject: String, detail: String, loc: Loc) {
        let fact = Fact::new(kind, subject, detail, self.unit, loc);
        self.facts.borrow_mut().push(fact);
    }
}

impl std::ops::Deref for Ctx<'_> {
    type Target = Unit;
    fn deref(&self) -> &Unit {
        self.unit
    }
}

/// Every rule idlint ships, in ID order.
pub static REGISTRY: &[Registered] = &[
    Registered::unit(&sec::sec001::RULE),
    Registered::unit(&sec::sec002::RULE),
    Registered::unit(&sec::sec003::RULE),
    Registered::unit(&sec::sec004::RULE),
    Registered::unit(&sec::sec005::RULE),
    Registered::unit(&sec::sec006::RULE),
    Registered::unit(&sec::sec007::RULE),
    Registered::unit(&sec::sec008::RULE),
    Registered::unit(&sec::sec009::RULE),
    Registered::unit(&sec::sec010::RULE),
    Registered::unit(&sec::sec011::RULE),
    Registered::unit(&sec::sec012::RULE),
    Registered::unit(&sec::sec013::RULE),
    Registered::unit(&sec::sec014::RULE),
    Registered::unit(&sec::sec015::RULE),
    Registered::unit(&sec::sec016::RULE),
    Registered::unit(&sec::sec017::RULE),
    Registered::unit(&mid::mid001::RULE),
    Registered::unit(&mid::mid002::RULE).with_amend(mid::mid002::raise),
    Registered::unit(&mid::mid003::RULE),
    Registered::unit(&mid::mid004::RULE),
    Registered::unit(&mid::mid005::RULE),
    Registered::unit(&mid::mid006::RULE),
    Registered::unit(&mid::mid007::RULE),
    Registered::unit(&mid::mid008::RULE),
    Registered::unit(&mid::mid009::RULE),
    Registered::unit(&mid::mid010::RULE),
    Registered::unit(&mid::mid011::RULE),
    Registered::unit(&mid::mid012::RULE),
    Registered::unit(&mid::mid013::RULE),
    Registered::unit(&mid::mid014::RULE),
    Registered::unit(&mid::mid015::RULE),
    Registered::unit(&rbac::rbac001::RULE).with_options(&rbac::rbac001::OPTIONS),
    Registered::unit(&rbac::rbac002::RULE),
    Registered::unit(&rbac::rbac003::RULE),
    Registered::unit(&rbac::rbac004::RULE),
    Registered::unit(&rbac::rbac005::RULE),
    Registered::unit(&rbac::rbac006::RULE),
    Registered::unit(&rbac::rbac007::RULE),
    Registered::unit(&rbac::rbac008::RULE),
    Registered::unit(&rbac::rbac009::RULE),
    Registered::unit(&rbac::rbac010::RULE),
    Registered::unit(&rbac::rbac011::RULE),
    Registered::unit(&rbac::rbac012::RULE),
    Registered::unit(&rbac::rbac013::RULE),
    Registered::unit(&rbac::rbac014::RULE),
    Registered::unit(&rbac::rbac015::RULE),
    Registered::unit(&bg::bg001::RULE),
    Registered::unit(&bg::bg002::RULE),
    Registered::unit(&bg::bg003::RULE),
    Registered::unit(&bg::bg004::RULE),
    Registered::unit(&bg::bg005::RULE),
    Registered::unit(&bg::bg006::RULE),
    Registered::scan(&meta::meta001::RULE),
    Registered::scan(&meta::meta002::RULE),
    Registered::scan(&meta::meta003::RULE),
];

/// A rule by ID or name, ignoring case.
pub fn lookup(id_or_name: &str) -> Option<&'static Registered> {
    REGISTRY.iter().find(|r| {
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

/// Keys of resources that deploy nothing (`count = 0`, an empty
/// `for_each`; ARM's `condition: false` never reaches the model) and that no
/// deployed resource shares: no rule reports on them, whichever family, so
/// each rule need not remember to ask.
fn dead_resources(unit: &Unit) -> std::collections::HashSet<&str> {
    let live: std::collections::HashSet<&str> = unit
        .resources
        .iter()
        .filter(|r| !r.deploys_nothing())
        .map(|r| r.key.as_str())
        .collect();
    unit.resources
        .iter()
        .filter(|r| r.deploys_nothing() && !live.contains(r.key.as_str()))
        .map(|r| r.key.as_str())
        .collect()
}

/// A finding about a resource of `dead` (its subject is `key#path`).
fn about_dead(f: &Finding, dead: &std::collections::HashSet<&str>) -> bool {
    f.resource.is_some()
        && f.subject
            .split_once('#')
            .is_some_and(|(key, _)| dead.contains(key))
}

/// What the rules make of a unit.
#[derive(Debug, Default)]
pub struct Checked {
    /// The selected rules' findings.
    pub findings: Vec<Finding>,
    /// Every place a SEC rule marked as a secret, selected or not.
    pub secrets: Vec<crate::model::Loc>,
    /// Facts the selected rules recorded for the scan phase.
    pub facts: Vec<Fact>,
}

/// Runs the selected rules of `rules` over one unit: unit rules, and the
/// fact collection of scan rules. The SEC family runs even where it is not
/// selected: a secret must be masked in every snippet that shows it, and
/// only the rule that knows a value is a secret can say where it is.
pub fn check(
    unit: &Unit,
    selection: &Selection,
    options: &Options,
    rules: &[Registered],
) -> Checked {
    let cx = Ctx::new(unit, options);
    let mut out = Checked::default();
    let dead = dead_resources(unit);
    for rule in rules {
        let selected = selection.enabled(rule.meta);
        let from_facts = cx.facts.borrow().len();
        match rule.check {
            Check::Unit(check) => {
                if !selected && rule.meta.family != Family::Sec {
                    continue;
                }
                let from = out.findings.len();
                check(&cx, &mut out.findings);
                for f in &out.findings[from..] {
                    out.secrets.extend(f.redact.iter().copied());
                }
                if !selected {
                    out.findings.truncate(from);
                } else if !dead.is_empty() {
                    // One pass over this rule's findings: removing them one
                    // by one would be quadratic on a large unit.
                    let mine = out.findings.split_off(from);
                    out.findings
                        .extend(mine.into_iter().filter(|f| !about_dead(f, &dead)));
                }
            }
            Check::Scan(scan) => match scan.collect {
                Some(collect) if selected => collect(&cx),
                _ => {}
            },
        }
        if !selected {
            cx.facts.borrow_mut().truncate(from_facts);
        }
    }
    out.facts = cx.facts.into_inner();
    out
}
