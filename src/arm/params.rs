//! ARM parameter files: literal values and Key Vault references, by name.

use crate::model::value::{FileId, Loc, Unknown, Value};
use crate::model::LoadError;
use crate::source::jsonc::Json;

pub use crate::template::Given;

/// Reads `parameters` of a deployment parameter file. Values are literal:
/// ARM does not evaluate expressions in parameter files.
pub fn read(file: FileId, root: &Json, errors: &mut Vec<LoadError>) -> Vec<Given> {
    let loc = |j: &Json| Loc::new(file, j.span);
    let Some(params) = root.get("parameters") else {
        return Vec::new();
    };
    let Some(members) = params.as_object() else {
        errors.push(LoadError {
            loc: loc(params),
            message: format!(
                "`parameters` must be an object, found {}",
                params.type_name()
            ),
        });
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in members {
        let key_loc = Loc::new(file, m.key_span);
        let value = if let Some(v) = m.value.get("value") {
            literal(file, v)
        } else if let Some(r) = m.value.get("reference") {
            let written = r.get("secretName").and_then(Json::as_str);
            let secret = written.unwrap_or("a secret");
            Value::unknown(
                Unknown::KeyVault {
                    what: format!("`{secret}`"),
                    name: written.map(str::to_string),
                },
                loc(r),
            )
        } else {
            errors.push(LoadError {
                loc: key_loc,
                message: format!(
                    "parameter `{}` in the parameter file has neither `value` nor `reference`",
                    m.key
                ),
            });
            continue;
        };
        // The assignment is the `value`/`reference` key: that is where a
        // finding about the given value points.
        let assigned = m
            .value
            .member("value")
            .or_else(|| m.value.member("reference"))
            .map(|v| Loc::new(file, v.key_span))
            .unwrap_or(key_loc);
        out.push(Given {
            name: m.key.clone(),
            key_loc: assigned,
            value,
        });
    }
    out
}

/// A JSON value taken literally: ARM does not evaluate parameter files.
pub fn literal(file: FileId, j: &Json) -> Value {
    crate::model::value::ops::from_json(j, Some(file), Loc::new(file, j.span))
}
