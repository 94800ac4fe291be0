//! The ARM template language, whoever wrote the template: expressions, the
//! function library, and the loader from a template's JSON shape into the
//! model. ARM JSON files (`arm/`) are read into this shape as they are;
//! Bicep source (`bicep/`) is lowered into it, as the Bicep compiler would,
//! so one evaluator serves both and no loader imports the other.

pub mod eval;
pub mod expr;
mod functions;
pub mod load;

use crate::model::value::{Loc, Value};

pub use load::{load, resource_key, schema_level, Input};

/// A value given for a parameter (by a parameter file, a `.bicepparam`
/// file or a calling module), with the location of its assignment.
pub struct Given {
    pub name: String,
    pub key_loc: Loc,
    pub value: Value,
}

#[cfg(test)]
mod eval_tests;
