//! How the source wrote a property that its loader mapped onto an ARM path.
//! Rules look properties up by ARM path, yet a finding must name what the
//! user wrote (`admin_password`, not `adminPassword`) and keep the subject
//! its baseline recorded; the loader leaves that here, so no rule needs to
//! know the format.

use super::resource::Resource;
use super::secrets::written_entries_at;
use super::value::{Entry, Loc, Value};

/// One property of the ARM-shaped body as the source spells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    /// The ARM property path (`properties.osProfile.adminPassword`), arrays
    /// walked through as `entries_at` does.
    pub path: String,
    /// The same property as written, with the same convention
    /// (`os_profile.admin_password`).
    pub written: String,
    /// An alternative spelling of the property whose value the deployment
    /// tool does not keep after applying it (Terraform write-only
    /// attributes), as written; `None` when the source offers none.
    pub write_only: Option<&'static str>,
    /// A property the deployment tool keeps, with no write-only spelling:
    /// the design that needs no value there, in words; `None` otherwise.
    pub instead: Option<&'static str>,
}

impl Spelling {
    /// The property's own name as written: the last step of its path.
    pub fn key(&self) -> &str {
        self.written.rsplit('.').next().unwrap_or(&self.written)
    }
}

impl Resource {
    /// How the source spells the property at ARM `path`, when it spells it differently.
    pub fn spelling(&self, path: &str) -> Option<&Spelling> {
        self.spellings
            .iter()
            .find(|s| s.path.eq_ignore_ascii_case(path))
    }

    /// `path` as the source writes it, for findings' subjects: fingerprints
    /// must not change when a loader starts mapping a property.
    pub fn written_path<'a>(&'a self, path: &'a str) -> &'a str {
        self.spelling(path).map_or(path, |s| s.written.as_str())
    }
}

/// A property found at an ARM path, named as the user wrote it.
#[derive(Clone, Copy, Debug)]
pub struct Prop<'r> {
    /// The property path as written (see `Resource::written_path`).
    pub path: &'r str,
    /// The property's name as written, for messages.
    pub key: &'r str,
    pub key_loc: Loc,
    pub value: &'r Value,
    pub entry: &'r Entry,
}

/// The properties at ARM `path` of `r` (arrays walked through), each named as written.
pub fn props_at<'r>(r: &'r Resource, path: &'r str) -> Vec<Prop<'r>> {
    let sp = r.spelling(path);
    written_entries_at(&r.body, path)
        .into_iter()
        .map(|(e, key_loc)| Prop {
            path: sp.map_or(path, |s| s.written.as_str()),
            key: sp.map_or(e.key.as_str(), Spelling::key),
            key_loc,
            value: &e.value,
            entry: e,
        })
        .collect()
}
