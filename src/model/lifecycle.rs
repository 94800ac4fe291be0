//! Lifecycle facts computed once per unit: which resources are replaced on
//! deployments and which are parallel instances of one declaration, so that
//! MID, RBAC and BG rules ask a predicate rather than each other.

use super::resource::{Lifecycle, Resource};
use super::value::Loc;
use super::ResId;
use std::collections::HashMap;

/// Why a resource is replaced (destroyed and created anew, or created under
/// a new name) on a deployment: each time it gets new system-assigned
/// principal, with none of the old one's grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Replace {
    /// Terraform `create_before_destroy = true`.
    CreateBeforeDestroy,
    /// Terraform `replace_triggered_by`.
    ReplaceTriggeredBy,
    /// A name built from `utcNow()`, `newGuid()`, `timestamp()`, `uuid()`.
    VolatileName,
}

impl Replace {
    pub fn describe(self) -> &'static str {
        match self {
            Replace::CreateBeforeDestroy => "created before the old one is destroyed",
            Replace::ReplaceTriggeredBy => "replaced when another resource changes",
            Replace::VolatileName => "named anew on each deployment",
        }
    }
}

/// The first reason `l` says the resource is replaced, with where it is written.
pub fn replaceable(l: &Lifecycle) -> Option<(Replace, Loc)> {
    l.create_before_destroy
        .map(|loc| (Replace::CreateBeforeDestroy, loc))
        .or(l
            .replace_triggered_by
            .map(|loc| (Replace::ReplaceTriggeredBy, loc)))
        .or(l.volatile_name.map(|loc| (Replace::VolatileName, loc)))
}

/// A family of instances of one `copy`/`count`/`for_each` declaration,
/// reached through one chain of nested deployments or module calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u32);

#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    /// The `copy`, `count` or `for_each`.
    pub loc: Loc,
    /// The instances in the unit, in load order: one when the loop was not
    /// unrolled (then it stands for all of them).
    pub members: Vec<ResId>,
    /// How many instances the declaration makes, when known.
    pub size: Option<usize>,
}

impl Family {
    /// More than one instance certainly exists: `Some(false)` when at most
    /// one does, `None` when the count is not known.
    pub fn parallel(&self) -> Option<bool> {
        self.size.map(|n| n > 1)
    }
}

/// Families of a unit, and each resource's family.
#[derive(Clone, Debug, Default)]
pub struct Families {
    pub list: Vec<Family>,
    of: HashMap<ResId, FamilyId>,
}

impl Families {
    /// Groups replicated resources by loop, declaration and call chain:
    /// the same module called twice makes two families, not one.
    pub fn build(resources: &[Resource]) -> Families {
        type Key<'a> = (Loc, Loc, Vec<(Loc, &'a str)>);
        let mut index: HashMap<Key, FamilyId> = HashMap::new();
        let mut out = Families::default();
        for (i, r) in resources.iter().enumerate() {
            let Some(loop_loc) = r.lifecycle.replicated else {
                continue;
            };
            let key = (
                loop_loc,
                r.loc,
                r.via.iter().map(|s| (s.loc, s.name.as_str())).collect(),
            );
            let id = *index.entry(key).or_insert_with(|| {
                out.list.push(Family {
                    loc: loop_loc,
                    members: Vec::new(),
                    size: r.lifecycle.instances,
                });
                FamilyId(out.list.len() as u32 - 1)
            });
            let res = ResId(i as u32);
            out.list[id.0 as usize].members.push(res);
            out.of.insert(res, id);
        }
        out
    }

    pub fn of(&self, r: ResId) -> Option<FamilyId> {
        self.of.get(&r).copied()
    }

    pub fn get(&self, f: FamilyId) -> &Family {
        &self.list[f.0 as usize]
    }
}
