//! The scan phase: rules that need the whole scan run once, after every
//! unit's rules. They see what units left behind (facts, findings), the
//! suppressions and the configuration's entries; never a unit.

use crate::findings::Diagnostic;
use crate::rules::{Check, Ctx, Fact, Options, Registered, RuleMeta, Selection};
use crate::suppress::{Inline, Suppress, Usage};

/// A scan rule as its file declares it (`pub static RULE: ScanRule`,
/// registered with [`Registered::scan`]).
pub struct ScanRule {
    pub meta: RuleMeta,
    pub check: ScanCheck,
}

pub struct ScanCheck {
    /// Unit phase, on every unit while the rule is selected: records what
    /// the scan check needs as facts (`Ctx::export`).
    pub collect: Option<fn(&Ctx)>,
    /// Scan phase: the rule's findings.
    pub check: fn(&ScanCtx, &mut Vec<Diagnostic>),
    /// Runs after suppressions are applied and sees which were used
    /// (`ScanCtx::suppressions`); its own findings are never suppressed,
    /// since a suppression must not hide the report that it is stale.
    pub after_suppression: bool,
}

/// What a scan rule sees.
pub struct ScanCtx<'a> {
    /// Every unit's facts, in [`Fact::key`] order.
    pub facts: &'a [Fact],
    /// Unit findings of the selected rules, deduplicated, in report order:
    /// all of them before suppression; after it, those kept.
    pub findings: &'a [Diagnostic],
    /// After suppression: the findings a suppression hid (each says which).
    pub suppressed: &'a [Diagnostic],
    /// After suppression: which suppressions were used.
    pub suppressions: Option<&'a Usage>,
    /// The `idlint:ignore` comments of the files reported on.
    pub inline: &'a [Inline],
    /// The configuration's `suppress` entries, and the file they are in.
    pub suppress: &'a [Suppress],
    pub config_source: Option<&'a std::sync::Arc<crate::source::SourceFile>>,
    pub selection: &'a Selection,
    pub options: &'a Options,
    /// `(year, month, day)`, UTC.
    pub today: (i32, u32, u32),
}

impl ScanCtx<'_> {
    /// The facts of one kind.
    pub fn facts_of<'s>(&'s self, kind: &'s str) -> impl Iterator<Item = &'s Fact> + 's {
        let from = self.facts.partition_point(|f| f.kind < kind);
        self.facts[from..]
            .iter()
            .take_while(move |f| f.kind == kind)
    }

    /// Is the rule named by `token` (ID or name) known and selected?
    pub fn enabled(&self, token: &str) -> bool {
        crate::rules::lookup(token).is_some_and(|r| self.selection.enabled(r.meta))
    }
}

/// Runs the selected scan rules of `rules` that run before suppression
/// (`after == false`) or after it.
pub fn run(rules: &[Registered], cx: &ScanCtx, after: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in rules {
        if let Check::Scan(s) = r.check {
            if s.after_suppression == after && cx.selection.enabled(r.meta) {
                (s.check)(cx, &mut out);
            }
        }
    }
    out
}

/// Lets each selected rule with an `amend` revise its own unit findings
/// (before configured severities and suppression apply).
pub fn amend(rules: &[Registered], cx: &ScanCtx, diags: &mut [Diagnostic]) {
    for r in rules {
        if let Some(f) = r.amend {
            if cx.selection.enabled(r.meta) {
                f(cx, diags);
            }
        }
    }
}
