//! Rule options: `.idlint.yaml` `rules: { ID: { option: value } }`. Each rule
//! that takes options declares them ([`OptionsSpec`]) and its own typed
//! struct, built once when the configuration is read and read back by the
//! rule with [`Options::get`]. The configuration knows no rule's options.

use crate::rules::RuleMeta;
use std::any::Any;
use std::sync::Arc;

/// A line and column (1-based) in the configuration file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub line: u32,
    pub column: u32,
}

/// An option's value as written.
#[derive(Clone, Debug)]
pub enum Raw {
    Scalar(String, At),
    List(Vec<(String, At)>),
}

/// A bad option value, with where it is written.
#[derive(Clone, Debug)]
pub struct OptionError {
    pub at: At,
    pub message: String,
}

/// A rule's typed options, as [`OptionsSpec::parse`] builds them.
pub type Typed = Arc<dyn Any + Send + Sync>;

/// Builds a rule's typed options from the options given, in file order.
pub type Parse = fn(&[(&str, Raw)]) -> Result<Typed, OptionError>;

/// The options a rule takes.
pub struct OptionsSpec {
    /// Their names; any other is a configuration error.
    pub names: &'static [&'static str],
    /// The rule's typed options from the options given (names already
    /// checked, in file order). Bad values are errors at their place.
    pub parse: Parse,
}

/// Every configured rule's options, each of its rule's own type.
#[derive(Clone, Default)]
pub struct Options {
    by_rule: Vec<(&'static str, Typed)>,
}

impl Options {
    pub fn set(&mut self, rule: &'static str, options: Typed) {
        self.by_rule.retain(|(r, _)| *r != rule);
        self.by_rule.push((rule, options));
    }

    /// The options of `rule`, when the configuration gives any.
    pub fn get<T: Any>(&self, rule: &RuleMeta) -> Option<&T> {
        self.by_rule
            .iter()
            .find(|(r, _)| *r == rule.id)
            .and_then(|(_, o)| o.downcast_ref())
    }
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.by_rule.iter().map(|(r, _)| r))
            .finish()
    }
}

/// The list an option takes; a single value is a list of one.
pub fn list(raw: &Raw) -> Vec<(String, At)> {
    match raw {
        Raw::Scalar(s, at) => vec![(s.clone(), *at)],
        Raw::List(v) => v.clone(),
    }
}
