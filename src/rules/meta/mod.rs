//! META: findings about suppressions themselves. They are produced by the
//! suppression stage (`crate::suppress`), which sees every unit's findings;
//! no single unit can tell whether a suppression was used.

use crate::findings::{Finding, Severity};
use crate::rules::{Ctx, Family, Formats, Rule, RuleMeta};

/// Units hold nothing META rules judge: see `crate::suppress::apply`.
fn no_unit_check(_: &Ctx, _: &mut Vec<Finding>) {}

pub static META001: Rule = Rule {
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
    check: no_unit_check,
};

pub static META002: Rule = Rule {
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
    check: no_unit_check,
};

pub static META003: Rule = Rule {
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
    check: no_unit_check,
};
