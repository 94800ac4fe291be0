use crate::findings::{Diagnostic, Severity};
use crate::rules::{Family, Formats, RuleMeta, ScanCheck, ScanCtx, ScanRule};
use crate::suppress::{distinct, expired};

pub static RULE: ScanRule = ScanRule {
    meta: RuleMeta {
        id: "META001",
        name: "unused-suppression",
        family: Family::Meta,
        severity: Severity::Low,
        formats: Formats::Both,
        summary:
            "suppression (comment or configuration entry) that suppresses nothing, or names no rule",
        help: "remove the suppression: the finding it was written for is gone",
        docs: include_str!("../../../rules/META001-unused-suppression/README.md"),
    },
    check: ScanCheck {
        collect: None,
        check,
        after_suppression: true,
    },
};

/// A suppression of a rule that did not run proves nothing either way, so
/// only suppressions whose every rule is selected can be unused.
fn check(cx: &ScanCtx, out: &mut Vec<Diagnostic>) {
    let Some(usage) = cx.suppressions else { return };
    for (i, s) in distinct(cx.inline) {
        let unknown: Vec<&str> = s
            .rules
            .iter()
            .map(String::as_str)
            .filter(|t| crate::rules::lookup(t).is_none())
            .collect();
        if !unknown.is_empty() {
            out.push(Diagnostic::at(
                &RULE.meta,
                &s.file,
                s.comment,
                format!("`idlint:ignore` names no rule `{}`", unknown.join("`, `")),
                &format!("inline:{}", s.comment.start),
            ));
        } else if s.rules.iter().all(|t| cx.enabled(t)) && !usage.inline[i] {
            out.push(Diagnostic::at(
                &RULE.meta,
                &s.file,
                s.comment,
                format!("`idlint:ignore {}` suppresses nothing", s.rules.join(",")),
                &format!("inline:{}", s.rules.join(",")),
            ));
        }
    }
    for (i, s) in cx.suppress.iter().enumerate() {
        if !expired(s, cx.today) && !usage.config[i] && cx.enabled(s.rule) {
            out.extend(super::on_config_entry(
                &RULE.meta,
                cx,
                s,
                format!("suppression of `{}` suppresses nothing", s.rule),
            ));
        }
    }
}
