//! ARM JSON templates (hand-written or compiled from Bicep) into the model.

pub mod eval;
pub mod expr;
mod functions;
pub mod params;
pub mod parse;

pub use parse::{load, load_parameter_file, schema_level};

/// What a JSON document's `$schema` says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArmKind {
    Template,
    Parameters,
}

pub fn classify_schema(schema: &str) -> Option<ArmKind> {
    let s = schema.to_ascii_lowercase();
    if !s.contains("schema.management.azure.com") {
        return None;
    }
    if s.contains("deploymenttemplate.json") {
        Some(ArmKind::Template)
    } else if s.contains("deploymentparameters.json") {
        Some(ArmKind::Parameters)
    } else {
        None
    }
}

#[cfg(test)]
mod eval_tests;
