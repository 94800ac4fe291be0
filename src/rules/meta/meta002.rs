use crate::findings::{Diagnostic, Severity};
use crate::rules::{Family, Formats, RuleMeta, ScanCheck, ScanCtx, ScanRule};
use crate::suppress::distinct;

pub static RULE: ScanRule = ScanRule {
    meta: RuleMeta {
        id: "META002",
        name: "suppression-without-reason",
        family: Family::Meta,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "suppression that does not say why",
        help: "add the reason after the rule IDs (`idlint:ignore MID004 break-glass access until Q3`) or as `reason:` in the configuration",
        docs: include_str!("../../../rules/META002-suppression-without-reason/README.md"),
    },
    check: ScanCheck {
        collect: None,
        check,
        after_suppression: true,
    },
};

/// A reason is what lets the next reader decide whether the suppression
/// still holds; without one it is kept forever.
fn check(cx: &ScanCtx, out: &mut Vec<Diagnostic>) {
    for (_, s) in distinct(cx.inline) {
        if s.reason.is_none() {
            out.push(Diagnostic::at(
                &RULE.meta,
                &s.file,
                s.comment,
                format!("`idlint:ignore {}` gives no reason", s.rules.join(",")),
                &format!("inline:{}", s.rules.join(",")),
            ));
        }
    }
    for s in cx.suppress {
        if s.reason.is_none() {
            out.extend(super::on_config_entry(
                &RULE.meta,
                cx,
                s,
                format!("suppression of `{}` gives no reason", s.rule),
            ));
        }
    }
}
