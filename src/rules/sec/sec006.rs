use crate::findings::{redacted, Finding, Severity};
use crate::model::credentials;
use crate::model::{FileId, Loc};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};
use crate::source::Span;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        id: "SEC006",
        name: "credential-pattern-in-string",
        family: Family::Sec,
        severity: Severity::Critical,
        formats: Formats::Both,
        summary: "text that matches a high-confidence credential format (keys, SAS, client secrets, private keys, tokens, passwords)",
        help: "remove the credential from the code and rotate it; reference it from Key Vault or replace it with a managed identity",
        docs: include_str!("../../../rules/SEC006-credential-pattern-in-string/README.md"),
    },
    check,
};

/// Every file of the unit is searched as text, so a credential is reported
/// once where it is written, whatever uses it.
fn check(unit: &Ctx, out: &mut Vec<Finding>) {
    for (i, file) in unit.files.iter().enumerate() {
        let mut nth: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for c in credentials::find(&file.text) {
            let n = nth.entry(c.kind).or_default();
            *n += 1;
            let loc = Loc::new(FileId(i as u32), Span::new(c.start, c.end));
            let secret = &file.text[c.start..c.end];
            out.push(
                Finding::new(
                    &RULE.meta,
                    loc,
                    format!("{} `{}` is written in plain text", c.kind, redacted(secret)),
                )
                .redact(loc)
                .subject(format!("{}#{}", c.kind, n)),
            );
        }
    }
}
