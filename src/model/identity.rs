//! Managed identity as the model sees it, whatever the source spelling.

use super::value::{Loc, ResourceRef, Value};

/// Three answers a template can give: yes, no, or "cannot tell without deploying".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }
    pub fn is_yes(self) -> bool {
        self == Tri::Yes
    }
}

/// A declared `identity` (ARM) / `identity {}` block (Terraform).
#[derive(Clone, Debug, PartialEq)]
pub struct Identity {
    /// The identity `type` property, or the identity declaration when it has no type.
    pub loc: Loc,
    pub system: Tri,
    pub user: Tri,
    pub user_assigned: Vec<IdentityRef>,
}

/// One user-assigned identity attached to a resource.
#[derive(Clone, Debug, PartialEq)]
pub struct IdentityRef {
    /// The identity's resource ID as written (key of `userAssignedIdentities`, element of `identity_ids`).
    pub id: Value,
    pub loc: Loc,
    /// The identity resource, when the ID names one.
    pub target: Option<ResourceRef>,
}

impl Identity {
    /// From an identity type value: `SystemAssigned`, `UserAssigned`,
    /// `SystemAssigned, UserAssigned` (any spacing and case), `None`.
    pub fn from_type(type_value: Option<&Value>, loc: Loc) -> Identity {
        let (system, user) = match type_value {
            None => (Tri::No, Tri::No),
            Some(v) => match v.as_str() {
                Some(s) => {
                    let (sys, usr) = parse_type(s);
                    (Tri::from_bool(sys), Tri::from_bool(usr))
                }
                None if v.is_null() => (Tri::No, Tri::No),
                None => (Tri::Unknown, Tri::Unknown),
            },
        };
        Identity {
            loc,
            system,
            user,
            user_assigned: Vec::new(),
        }
    }

    /// True when the resource certainly has a system-assigned identity.
    pub fn has_system(&self) -> bool {
        self.system.is_yes()
    }

    /// True when the identity type is `None` or empty.
    pub fn is_none(&self) -> bool {
        self.system == Tri::No && self.user == Tri::No
    }
}

/// (system-assigned, user-assigned) named in an identity type string.
pub fn parse_type(s: &str) -> (bool, bool) {
    let mut sys = false;
    let mut usr = false;
    for part in s.split([',', ' ']).filter(|p| !p.is_empty()) {
        if part.eq_ignore_ascii_case("SystemAssigned") {
            sys = true;
        } else if part.eq_ignore_ascii_case("UserAssigned") {
            usr = true;
        }
    }
    (sys, usr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_spelling() {
        assert_eq!(parse_type("SystemAssigned"), (true, false));
        assert_eq!(parse_type("SystemAssigned, UserAssigned"), (true, true));
        assert_eq!(parse_type("systemassigned,userassigned"), (true, true));
        assert_eq!(parse_type("UserAssigned"), (false, true));
        assert_eq!(parse_type("None"), (false, false));
    }

    #[test]
    fn unknown_type_is_unknown() {
        let v = Value::opaque("parameter", Loc::default());
        let id = Identity::from_type(Some(&v), Loc::default());
        assert_eq!(id.system, Tri::Unknown);
        assert!(!id.has_system());
        assert!(!id.is_none());
    }
}
