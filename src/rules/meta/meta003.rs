use crate::findings::{Diagnostic, Severity};
use crate::rules::{Family, Formats, RuleMeta, ScanCheck, ScanCtx, ScanRule};
use crate::suppress::expired;

pub static RULE: ScanRule = ScanRule {
    meta: RuleMeta {
        id: "META003",
        name: "expired-suppression",
        family: Family::Meta,
        severity: Severity::Low,
        formats: Formats::Both,
        summary: "configuration suppression past its `expires` date (it no longer suppresses)",
        help: "fix the finding, or extend `expires` with a reason",
        docs: include_str!("../../../rules/META003-expired-suppression/README.md"),
    },
    check: ScanCheck {
        collect: None,
        check,
        after_suppression: true,
    },
};

/// An expired entry silently stops suppressing: the finding it hid comes
/// back, and this says why.
fn check(cx: &ScanCtx, out: &mut Vec<Diagnostic>) {
    for s in cx.suppress {
        if expired(s, cx.today) {
            let (y, mo, d) = s.expires.unwrap_or_default();
            out.extend(super::on_config_entry(
                &RULE.meta,
                cx,
                s,
                format!(
                    "suppression of `{}` expired on {y:04}-{mo:02}-{d:02}",
                    s.rule
                ),
            ));
        }
    }
}
