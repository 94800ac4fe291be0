//! The rule kit: what rules that judge one property share, so such a rule is
//! a declaration plus its docs and fixtures, and every one of them answers
//! absent, unknown and false the same way.

use crate::findings::Finding;
use crate::model::{Entry, Kind, Resource, Value};
use crate::rules::{Ctx, RuleMeta};

/// Which values of the property are bad.
#[derive(Clone, Copy)]
pub enum Bad {
    /// `true` (or the string `"true"`, which ARM and Terraform both coerce).
    True,
    /// `false` (or `"false"`).
    False,
    /// One of these strings, ignoring ASCII case.
    OneOf(&'static [&'static str]),
    /// A judgement of a present, known value: `Some(true)` bad, `Some(false)`
    /// fine, `None` cannot tell. Keep it a small pure function with a test.
    Predicate(fn(&Value) -> Option<bool>),
}

impl Bad {
    /// `None`: the value does not say (a number where a bool belongs).
    fn judge(self, v: &Value) -> Option<bool> {
        match self {
            Bad::True => v.as_bool(),
            Bad::False => v.as_bool().map(|b| !b),
            Bad::OneOf(bad) => v
                .as_str()
                .map(|s| bad.iter().any(|b| b.eq_ignore_ascii_case(s))),
            Bad::Predicate(f) => f(v),
        }
    }
}

/// What an absent property means: the service default applies.
#[derive(Clone, Copy)]
pub enum Absent {
    /// The default is safe.
    Fine,
    /// The default is the bad setting: reported at the resource declaration
    /// (`Resource::loc`) with this message (`{label}` is the resource).
    Bad(&'static str),
}

/// The answer for one resource. Absent, fine and unknown are different
/// answers: only `Bad` and, where the default is bad, `Absent` are findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Bad,
    Fine,
    /// Not set (or `null`): the service default applies.
    Absent,
    /// Depends on something not known before deployment, or on a shape the
    /// rule cannot read: never a finding.
    Unknown,
}

/// A rule that judges one property of some resource types.
pub struct PropertyCheck {
    /// ARM types (Terraform resources are mapped to them by the loader).
    pub types: &'static [&'static str],
    /// Dotted path in the ARM-shaped body (`properties.adminUserEnabled`).
    pub path: &'static str,
    pub bad: Bad,
    pub absent: Absent,
    /// The finding's message for a bad value; `{label}` is the resource.
    /// Where the value came from (" via default of parameter `x`") is appended.
    pub message: &'static str,
    /// Overrides the rule's `help` for these findings.
    pub help: Option<&'static str>,
}

/// The property at `path`, or why there is none.
enum Lookup<'a> {
    Found(&'a Entry),
    Absent,
    Unknown,
}

/// How a finding on a role assignment names the role it grants, and how the
/// role got there (`` via variable `roles` ``), as RBAC messages write
/// `` `{role}`{via} ``.
pub fn role_phrase(cx: &Ctx, ra: &crate::model::RoleAssignment) -> (String, String) {
    let via = ra
        .role_entry
        .as_ref()
        .map(|e| crate::findings::via_text(&e.value))
        .unwrap_or_default();
    (crate::model::roles::describe_role(cx, &ra.role), via)
}

/// A member of an object that is unknown, or not an object, cannot be
/// proven absent.
fn lookup<'a>(body: &'a Value, path: &str) -> Lookup<'a> {
    let mut cur = body;
    let mut parts = path.split('.').peekable();
    while let Some(p) = parts.next() {
        match &cur.kind {
            Kind::Object(_) => match cur.entry(p) {
                Some(e) if parts.peek().is_none() => return Lookup::Found(e),
                Some(e) => cur = &e.value,
                None => return Lookup::Absent,
            },
            Kind::Null => return Lookup::Absent,
            _ => return Lookup::Unknown,
        }
    }
    Lookup::Unknown
}

impl PropertyCheck {
    /// The answer for a property value, `None` when absent. Pure: unit-test it.
    pub fn judge(&self, value: Option<&Value>) -> Answer {
        let Some(v) = value else {
            return Answer::Absent;
        };
        match &v.kind {
            Kind::Null => Answer::Absent,
            Kind::Unknown(_) | Kind::Template(_) => Answer::Unknown,
            _ => match self.bad.judge(v) {
                Some(true) => Answer::Bad,
                Some(false) => Answer::Fine,
                None => Answer::Unknown,
            },
        }
    }

    /// The answer for a resource.
    pub fn judge_resource(&self, r: &Resource) -> Answer {
        match lookup(&r.body, self.path) {
            Lookup::Found(e) => self.judge(Some(&e.value)),
            Lookup::Absent => Answer::Absent,
            Lookup::Unknown => Answer::Unknown,
        }
    }

    /// Reports every resource of the types whose answer is a finding.
    pub fn run(&self, rule: &'static RuleMeta, cx: &Ctx, out: &mut Vec<Finding>) {
        // A `count`/`for_each` known to make no instance deploys nothing.
        let of_type =
            |r: &&Resource| self.types.iter().any(|t| r.is_type(t)) && !r.deploys_nothing();
        for r in cx.resources.iter().filter(of_type) {
            let (answer, entry) = match lookup(&r.body, self.path) {
                Lookup::Found(e) => (self.judge(Some(&e.value)), Some(e)),
                Lookup::Absent => (Answer::Absent, None),
                Lookup::Unknown => (Answer::Unknown, None),
            };
            let f = match (answer, entry, self.absent) {
                (Answer::Bad, Some(e), _) => {
                    Finding::property(rule, r, self.path, e, fill(self.message, r)).traced(&e.value)
                }
                (Answer::Absent, _, Absent::Bad(m)) => {
                    Finding::new(rule, r.loc, fill(m, r)).resource(r, self.path)
                }
                _ => continue,
            };
            out.push(match self.help {
                Some(h) => f.help(h),
                None => f,
            });
        }
    }
}

fn fill(template: &str, r: &Resource) -> String {
    template.replace("{label}", &r.label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn v(k: Kind) -> Value {
        Value::new(k, Loc::default())
    }

    const CHECK: PropertyCheck = PropertyCheck {
        types: &["Microsoft.X/y"],
        path: "properties.flag",
        bad: Bad::True,
        absent: Absent::Fine,
        message: "`{label}` has the flag",
        help: None,
    };

    #[test]
    fn absent_false_and_unknown_are_different_answers() {
        assert_eq!(CHECK.judge(None), Answer::Absent);
        assert_eq!(CHECK.judge(Some(&v(Kind::Null))), Answer::Absent);
        assert_eq!(CHECK.judge(Some(&v(Kind::Bool(true)))), Answer::Bad);
        assert_eq!(
            CHECK.judge(Some(&v(Kind::String("TRUE".into())))),
            Answer::Bad
        );
        assert_eq!(CHECK.judge(Some(&v(Kind::Bool(false)))), Answer::Fine);
        assert_eq!(
            CHECK.judge(Some(&Value::opaque("parameter", Loc::default()))),
            Answer::Unknown
        );
        assert_eq!(CHECK.judge(Some(&v(Kind::Number(1.0)))), Answer::Unknown);
    }

    #[test]
    fn bad_values() {
        let s = |t: &str| v(Kind::String(t.into()));
        assert_eq!(Bad::False.judge(&v(Kind::Bool(false))), Some(true));
        assert_eq!(Bad::OneOf(&["Enabled"]).judge(&s("enabled")), Some(true));
        assert_eq!(Bad::OneOf(&["Enabled"]).judge(&s("Disabled")), Some(false));
        assert_eq!(Bad::OneOf(&["Enabled"]).judge(&v(Kind::Bool(true))), None);
        let long = |v: &Value| v.as_str().map(|s| s.len() > 3);
        assert_eq!(Bad::Predicate(long).judge(&s("abcd")), Some(true));
    }

    #[test]
    fn a_parent_that_is_unknown_is_not_absent() {
        let obj = |entries: Vec<(&str, Value)>| crate::model::value::test_object(entries);
        let unknown = Value::opaque("parameter", Loc::default());
        assert!(matches!(
            lookup(&obj(vec![("properties", unknown)]), "properties.flag"),
            Lookup::Unknown
        ));
        assert!(matches!(
            lookup(&obj(vec![("properties", obj(vec![]))]), "properties.flag"),
            Lookup::Absent
        ));
        assert!(matches!(
            lookup(&obj(vec![]), "properties.flag"),
            Lookup::Absent
        ));
        let found = obj(vec![(
            "properties",
            obj(vec![("Flag", v(Kind::Bool(true)))]),
        )]);
        assert!(matches!(
            lookup(&found, "properties.flag"),
            Lookup::Found(_)
        ));
    }
}
