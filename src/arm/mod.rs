//! ARM JSON templates (hand-written or compiled from Bicep) and their
//! parameter files. The template language itself lives in `template/`.

pub mod params;

use crate::model::value::{FileId, Step, StepKind};
use crate::model::{Parameter, Unit};
use crate::source::jsonc::Json;
use crate::source::SourceFile;
use std::sync::Arc;

pub use crate::template::schema_level;

const TEMPLATE: FileId = FileId(0);
const PARAMS: FileId = FileId(1);

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

/// Loads a template, with the values of one parameter file if given.
pub fn load(
    template: Arc<SourceFile>,
    root: &Json,
    param_file: Option<(Arc<SourceFile>, &Json)>,
) -> Unit {
    let mut files = vec![template];
    let mut errors = Vec::new();
    let given = match &param_file {
        Some((f, j)) => {
            files.push(f.clone());
            params::read(PARAMS, j, &mut errors)
        }
        None => Vec::new(),
    };
    crate::template::load(crate::template::Input {
        files,
        root,
        given,
        errors,
        module_files: Default::default(),
    })
}

/// A parameter file on its own: its values as inputs whose declarations are
/// unknown, so rules can still judge them by name.
pub fn load_parameter_file(file: Arc<SourceFile>, root: &Json) -> Unit {
    let mut errors = Vec::new();
    let given = params::read(TEMPLATE, root, &mut errors);
    let mut unit = Unit::new(vec![file]);
    unit.errors = errors;
    for g in given {
        unit.parameters.push(Parameter {
            name: g.name.clone(),
            loc: g.key_loc,
            ty: None,
            secure: false,
            default: None,
            given: Some(g.value.through(Step {
                kind: StepKind::Given,
                name: g.name.clone(),
                loc: g.key_loc,
                secure: false,
                noun: "parameter",
            })),
            noun: "parameter",
            declared: false,
            securable: true,
            enumerated: false,
            members_read: Vec::new(),
            unread: false,
            via: Vec::new(),
        });
    }
    unit.finish();
    unit
}
