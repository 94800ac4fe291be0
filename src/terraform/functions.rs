//! Terraform's built-in functions, folded over known values.

use super::eval::{charge, cost, measure, parts, Scope, SCAN_PER_STEP, STEP_BYTES};
use crate::model::value::ops::{
    equal, from_parts, json_size_within, to_json, MAX_ITEMS, MAX_STRING,
};
use crate::model::value::{merge_via, Entry, Kind, Loc, Part, Step, Unknown, Value};
use crate::source::read::{read_bytes, NOT_REGULAR};
use base64::Engine as _;
use std::path::Path;

/// Largest file `file()`/`templatefile()` will read.
const MAX_READ: u64 = 1024 * 1024;

fn num(n: f64, loc: Loc) -> Value {
    Value::new(Kind::Number(n), loc)
}
fn boolean(b: bool, loc: Loc) -> Value {
    Value::new(Kind::Bool(b), loc)
}

/// The first unknown argument, kept with its kind: a secret stays a secret
/// through `lower()` or `base64encode()`.
fn pass_unknown(args: &[Value], loc: Loc) -> Option<Value> {
    args.iter().find(|a| a.is_unknown()).map(|u| Value {
        kind: u.kind.clone(),
        loc,
        via: merge_via(args.iter(), loc),
    })
}

fn unknown_or(args: &[Value], loc: Loc, why: &str) -> Value {
    pass_unknown(args, loc).unwrap_or_else(|| Value::opaque(why.to_string(), loc))
}

/// A string function over literal parts only.
fn map_str(a: &[Value], loc: Loc, f: impl Fn(&str) -> String) -> Value {
    match a.first().and_then(Value::as_str) {
        Some(s) => Value {
            kind: Kind::String(f(s)),
            loc,
            via: merge_via(a.iter(), loc),
        },
        None => unknown_or(a, loc, "string function of an unknown value"),
    }
}

/// What a function gives when its result would be over a limit, or
/// building it over the step budget.
fn too_much(name: &str, what: &str, loc: Loc) -> Value {
    Value::opaque(format!("`{name}()` giving {what} too large to follow"), loc)
}

fn out_of_steps(loc: Loc) -> Value {
    Value::opaque("too much to evaluate", loc)
}

/// Steps copying `items` costs.
fn cost_of<'v>(items: impl IntoIterator<Item = &'v Value>) -> usize {
    items.into_iter().map(cost).sum()
}

pub fn call(s: &dyn Scope, name: &str, a: Vec<Value>, loc: Loc) -> Value {
    let st = |i: usize| a.get(i).and_then(Value::as_str);
    let n = |i: usize| a.get(i).and_then(Value::as_number);
    let via = merge_via(a.iter(), loc);
    let v = match name {
        "lower" => return map_str(&a, loc, str::to_lowercase),
        "upper" => return map_str(&a, loc, str::to_uppercase),
        "trimspace" => return map_str(&a, loc, |x| x.trim().to_string()),
        "title" => return map_str(&a, loc, |x| x.to_string()),
        "chomp" => return map_str(&a, loc, |x| x.trim_end_matches(['\n', '\r']).to_string()),
        "tostring" => match a.first().map(|v| &v.kind) {
            Some(Kind::String(_) | Kind::Template(_) | Kind::Unknown(_)) => return a[0].clone(),
            Some(_) => match a.first().and_then(parts) {
                Some(p) => return from_parts(p, loc, via),
                None => Value::opaque("`tostring()` of a collection", loc),
            },
            None => Value::opaque("`tostring()` without an argument", loc),
        },
        "tonumber" => match n(0) {
            Some(x) => num(x, loc),
            None => unknown_or(&a, loc, "`tonumber()` of a non-number"),
        },
        "tobool" => match a.first().and_then(Value::as_bool) {
            Some(b) => boolean(b, loc),
            None => unknown_or(&a, loc, "`tobool()` of a non-boolean"),
        },
        "tolist" | "toset" | "tomap" | "sensitive" | "nonsensitive" | "type" => match a.first() {
            Some(v) => return v.clone(),
            None => Value::opaque(format!("`{name}()` without an argument"), loc),
        },
        "format" => match st(0) {
            Some(f) => match format_parts(f, &a[1..]) {
                Some(p) => return from_parts(p, loc, via),
                None => Value::opaque("`format()` with an unsupported verb", loc),
            },
            None => unknown_or(&a, loc, "format string is not known"),
        },
        "join" => match (st(0), a.get(1).and_then(Value::as_array)) {
            (Some(sep), Some(items)) => {
                let bytes = items
                    .iter()
                    .map(super::eval::text_len)
                    .sum::<usize>()
                    .saturating_add(sep.len().saturating_mul(items.len()));
                if bytes > MAX_STRING || items.len() > MAX_ITEMS {
                    return too_much(name, "a string", loc);
                }
                if !charge(s, items.len() + bytes / STEP_BYTES, loc) {
                    return out_of_steps(loc);
                }
                let mut p = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        p.push(Part::Lit(sep.to_string()));
                    }
                    match parts(it) {
                        Some(x) => p.extend(x),
                        None => return Value::opaque("`join()` of collections", loc),
                    }
                }
                return from_parts(p, loc, via);
            }
            _ => Value::opaque("`join()` of unknown values", loc),
        },
        "split" => match (st(0), st(1)) {
            (Some(sep), Some(x)) if !sep.is_empty() => {
                // Counting stops at the limit: a 4 MiB string has 4 million.
                if x.matches(sep).nth(MAX_ITEMS - 1).is_some() {
                    return too_much(name, "a list", loc);
                }
                let n = x.matches(sep).count() + 1;
                if !charge(s, n + x.len() / STEP_BYTES, loc) {
                    return out_of_steps(loc);
                }
                Value::array(x.split(sep).map(|p| Value::string(p, loc)).collect(), loc)
            }
            _ => Value::opaque("`split()` of unknown values", loc),
        },
        "replace" => match (st(0), st(1), st(2)) {
            (Some(x), Some(from), Some(to)) if !from.starts_with('/') && !from.is_empty() => {
                // The result's length first: three nested calls can ask for
                // gigabytes. Only so many matches fit; counting stops there.
                let grows = to.len().saturating_sub(from.len());
                let fit = MAX_STRING.saturating_sub(x.len()) / grows.max(1);
                if grows > 0 && x.matches(from).nth(fit).is_some() {
                    return too_much(name, "a string", loc);
                }
                Value::string(x.replace(from, to), loc)
            }
            _ => unknown_or(&a, loc, "`replace()` of unknown values or a regex"),
        },
        "substr" => match (st(0), n(1), n(2)) {
            (Some(x), Some(off), Some(len)) => {
                let chars: Vec<char> = x.chars().collect();
                let start = if off < 0.0 {
                    chars.len().saturating_sub((-off) as usize)
                } else {
                    (off as usize).min(chars.len())
                };
                let end = if len < 0.0 {
                    chars.len()
                } else {
                    (start + len as usize).min(chars.len())
                };
                Value::string(chars[start..end].iter().collect::<String>(), loc)
            }
            _ => unknown_or(&a, loc, "`substr()` of unknown values"),
        },
        "startswith" | "endswith" | "strcontains" => match (st(0), st(1)) {
            (Some(x), Some(y)) => boolean(
                match name {
                    "startswith" => x.starts_with(y),
                    "endswith" => x.ends_with(y),
                    _ => x.contains(y),
                },
                loc,
            ),
            _ => Value::opaque(format!("`{name}()` of unknown values"), loc),
        },
        "concat" => {
            let Some(lists) = a.iter().map(Value::as_array).collect::<Option<Vec<_>>>() else {
                return Value::opaque("`concat()` of unknown lists", loc);
            };
            if lists.iter().map(|l| l.len()).sum::<usize>() > MAX_ITEMS {
                return too_much(name, "a list", loc);
            }
            if !charge(s, cost_of(lists.iter().flat_map(|l| l.iter())), loc) {
                return out_of_steps(loc);
            }
            Value::array(lists.concat(), loc)
        }
        "merge" => {
            let mut out: Vec<Entry> = Vec::new();
            // Position in `out` of each key: a later map's member replaces it there.
            let mut at: std::collections::HashMap<&str, usize> = Default::default();
            for v in &a {
                match &v.kind {
                    Kind::Object(entries) => {
                        if out.len() + entries.len() > MAX_ITEMS {
                            return too_much(name, "a map", loc);
                        }
                        if !charge(s, cost_of(entries.iter().map(|e| &e.value)), loc) {
                            return out_of_steps(loc);
                        }
                        for e in entries.iter() {
                            crate::probes::add(1);
                            match at.get(e.key.as_str()) {
                                Some(&i) => out[i] = e.clone(),
                                None => {
                                    at.insert(&e.key, out.len());
                                    out.push(e.clone());
                                }
                            }
                        }
                    }
                    Kind::Null => {}
                    _ => return Value::opaque("`merge()` of unknown maps", loc),
                }
            }
            Value::object(out, loc)
        }
        "lookup" => match (a.first(), st(1)) {
            (Some(m), Some(_))
                if !charge(
                    s,
                    m.as_object().map_or(0, <[Entry]>::len) / SCAN_PER_STEP,
                    loc,
                ) =>
            {
                out_of_steps(loc)
            }
            (Some(m), Some(k)) if m.as_object().is_some() => match m.get(k) {
                Some(v) => return v.clone(),
                None => match a.get(2) {
                    Some(d) => return d.clone(),
                    None => Value::opaque(format!("`lookup()` of missing key `{k}`"), loc),
                },
            },
            _ => Value::opaque("`lookup()` of unknown values", loc),
        },
        "element" => match (a.first().and_then(Value::as_array), n(1)) {
            (Some(items), Some(i)) if !items.is_empty() && i >= 0.0 => {
                return items[i as usize % items.len()].clone()
            }
            _ => Value::opaque("`element()` of unknown values", loc),
        },
        "one" => match a.first().and_then(Value::as_array) {
            Some([]) => Value::new(Kind::Null, loc),
            Some([x]) => return x.clone(),
            _ => Value::opaque("`one()` of an unknown list", loc),
        },
        "try" => {
            // The first argument that does not fail. An unknown one is the
            // answer, unknown: it may hold a value or fail at deployment.
            // A `null` fallback after an attribute an input did not give
            // (`try(each.value.expiration_date, null)`) comes through that
            // input: the input decides, so the null is not written in place.
            let mut failed_via: Option<&Vec<Step>> = None;
            for v in &a {
                if !matches!(v.as_unknown(), Some(Unknown::Failed { .. })) {
                    let mut v = v.clone();
                    if let Some(via) = failed_via.filter(|_| v.is_null() && v.via.is_empty()) {
                        v.via = via.clone();
                    }
                    return v;
                }
                if failed_via.is_none() && !v.via.is_empty() {
                    failed_via = Some(&v.via);
                }
            }
            Value::opaque("`try()` with no argument that succeeds", loc)
        }
        "can" => match a.first().map(|v| v.as_unknown()) {
            Some(None) => boolean(true, loc),
            Some(Some(Unknown::Failed { .. })) => boolean(false, loc),
            _ => Value::opaque("`can()` of an unknown value", loc),
        },
        "coalesce" => {
            for (i, v) in a.iter().enumerate() {
                match &v.kind {
                    Kind::Null => continue,
                    Kind::String(x) if x.is_empty() => continue,
                    // The last candidate: the result is that value.
                    Kind::Unknown(_) if i + 1 == a.len() => return v.clone(),
                    Kind::Unknown(_) => {
                        return Value::opaque("`coalesce()` of an unknown value", loc)
                    }
                    _ => return v.clone(),
                }
            }
            Value::opaque("`coalesce()` with no non-empty argument", loc)
        }
        "coalescelist" => {
            for v in &a {
                match v.as_array() {
                    Some([]) => continue,
                    Some(_) => return v.clone(),
                    None => return Value::opaque("`coalescelist()` of an unknown list", loc),
                }
            }
            Value::array(Vec::new(), loc)
        }
        "compact" => match a.first().and_then(Value::as_array) {
            Some(items) if !charge(s, cost_of(items.iter()), loc) => out_of_steps(loc),
            Some(items) => Value::array(
                items
                    .iter()
                    .filter(|v| !(v.is_null() || v.as_str() == Some("")))
                    .cloned()
                    .collect(),
                loc,
            ),
            None => Value::opaque("`compact()` of an unknown list", loc),
        },
        "distinct" => match a.first().and_then(Value::as_array) {
            Some(items) => {
                // Hashing and comparing walk every item, and copying them costs.
                if let Err(why) = measure(s, &a[0], loc) {
                    return Value::opaque(why, loc);
                }
                if !charge(s, cost_of(items.iter()), loc) {
                    return out_of_steps(loc);
                }
                Value::array(distinct(items), loc)
            }
            None => Value::opaque("`distinct()` of an unknown list", loc),
        },
        "flatten" => match a.first().and_then(Value::as_array) {
            Some(items) => {
                let inner = |it: &'_ Value| it.as_array().map_or(1, <[Value]>::len);
                if items.iter().map(inner).sum::<usize>() > MAX_ITEMS {
                    return too_much(name, "a list", loc);
                }
                let copied = items
                    .iter()
                    .flat_map(|it| it.as_array().unwrap_or(std::slice::from_ref(it)));
                if !charge(s, cost_of(copied), loc) {
                    return out_of_steps(loc);
                }
                let mut out = Vec::new();
                for it in items {
                    match (it.as_array(), &it.kind) {
                        (Some(inner), _) => out.extend(inner.iter().cloned()),
                        // An unknown item may be a list of any length.
                        (None, Kind::Unknown(_)) => {
                            return Value::opaque("`flatten()` of unknown items", loc)
                        }
                        (None, _) => out.push(it.clone()),
                    }
                }
                Value::array(out, loc)
            }
            None => Value::opaque("`flatten()` of an unknown list", loc),
        },
        "keys" | "values" => match a.first().and_then(Value::as_object) {
            Some(entries) if !charge(s, cost_of(entries.iter().map(|e| &e.value)), loc) => {
                out_of_steps(loc)
            }
            Some(entries) => Value::array(
                entries
                    .iter()
                    .map(|e| {
                        if name == "keys" {
                            Value::string(e.key.clone(), e.key_loc)
                        } else {
                            e.value.clone()
                        }
                    })
                    .collect(),
                loc,
            ),
            None => Value::opaque(format!("`{name}()` of an unknown map"), loc),
        },
        "zipmap" => match (
            a.first().and_then(Value::as_array),
            a.get(1).and_then(Value::as_array),
        ) {
            (Some(ks), Some(vs)) if ks.len() == vs.len() => {
                if !charge(s, cost_of(ks.iter().chain(vs.iter())), loc) {
                    return out_of_steps(loc);
                }
                let mut out = Vec::new();
                for (k, v) in ks.iter().zip(vs.iter()) {
                    let Some(k) = k.as_str() else {
                        return Value::opaque("`zipmap()` with unknown keys", loc);
                    };
                    out.push(Entry {
                        key: k.to_string(),
                        key_loc: loc,
                        value: v.clone(),
                    });
                }
                Value::object(out, loc)
            }
            _ => Value::opaque("`zipmap()` of unknown lists", loc),
        },
        "contains" => match (a.first().and_then(Value::as_array), a.get(1)) {
            (Some(_), Some(x)) if measure(s, &a[0], loc).and(measure(s, x, loc)).is_err() => {
                Value::opaque("`contains()` of values too large to follow", loc)
            }
            (Some(items), Some(x)) => match items
                .iter()
                .map(|i| equal(i, x))
                .collect::<Option<Vec<_>>>()
            {
                Some(r) => boolean(r.contains(&true), loc),
                None => Value::opaque("`contains()` over unknown items", loc),
            },
            _ => Value::opaque("`contains()` of unknown values", loc),
        },
        "length" => match a.first().map(|v| &v.kind) {
            Some(Kind::String(x)) => num(x.chars().count() as f64, loc),
            Some(Kind::Array(x)) => num(x.len() as f64, loc),
            Some(Kind::Object(x)) => num(x.len() as f64, loc),
            _ => Value::opaque("`length()` of an unknown value", loc),
        },
        "abs" => match n(0) {
            Some(x) => num(x.abs(), loc),
            None => Value::opaque("`abs()` of an unknown value", loc),
        },
        "min" | "max" => match a.iter().map(Value::as_number).collect::<Option<Vec<_>>>() {
            Some(v) if !v.is_empty() => num(
                if name == "min" {
                    v.into_iter().fold(f64::INFINITY, f64::min)
                } else {
                    v.into_iter().fold(f64::NEG_INFINITY, f64::max)
                },
                loc,
            ),
            _ => Value::opaque(format!("`{name}()` of unknown values"), loc),
        },
        "jsonencode" => match a.first() {
            Some(v) if measure(s, v, loc).is_err() => {
                Value::opaque("a value too large to encode", loc)
            }
            // Strings are shared inside arrays and objects, so a value of few
            // items can still hold gigabytes of text.
            Some(v) if json_size_within(v, MAX_STRING).is_none() => {
                Value::opaque("a value too large to encode", loc)
            }
            Some(v) => match to_json(v) {
                Some(j) => Value::string(j, loc),
                None => match &v.kind {
                    Kind::Unknown(_) => v.clone(),
                    _ => return from_parts(crate::model::value::ops::to_json_parts(v), loc, via),
                },
            },
            None => Value::opaque("`jsonencode()` without an argument", loc),
        },
        "jsondecode" => match st(0) {
            Some(text) => match crate::source::jsonc::parse(text) {
                Ok(doc) => crate::model::value::ops::bounded(crate::model::value::ops::from_json(
                    &doc.root, None, loc,
                )),
                Err(e) => Value::opaque(
                    format!("`jsondecode()` of invalid JSON: {}", e.message),
                    loc,
                ),
            },
            None => unknown_or(&a, loc, "`jsondecode()` of an unknown string"),
        },
        "base64encode" => match st(0) {
            Some(x) => Value::string(base64::engine::general_purpose::STANDARD.encode(x), loc),
            None => unknown_or(&a, loc, "`base64encode()` of an unknown string"),
        },
        "base64decode" => match st(0) {
            Some(x) => match base64::engine::general_purpose::STANDARD
                .decode(x.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
            {
                Some(t) => Value::string(t, loc),
                None => Value::opaque("`base64decode()` of invalid base64", loc),
            },
            None => unknown_or(&a, loc, "`base64decode()` of an unknown string"),
        },
        "file" | "templatefile" | "filebase64" => match st(0) {
            Some(p) => match read_relative(s, p) {
                Ok(text) if name == "filebase64" => {
                    Value::string(base64::engine::general_purpose::STANDARD.encode(text), loc)
                }
                Ok(text) if name == "templatefile" => {
                    if text.contains("${") || text.contains("%{") {
                        Value::opaque("`templatefile()` with interpolations", loc)
                    } else {
                        Value::string(text, loc)
                    }
                }
                Ok(text) => Value::string(text, loc),
                Err(why) => Value::opaque(format!("`{name}(\"{p}\")`: {why}"), loc),
            },
            None => Value::opaque(format!("`{name}()` of an unknown path"), loc),
        },
        "fileexists" => match st(0) {
            Some(p) => match exists_relative(s, p) {
                Ok(b) => boolean(b, loc),
                Err(why) => Value::opaque(format!("`fileexists(\"{p}\")`: {why}"), loc),
            },
            None => Value::opaque("`fileexists()` of an unknown path", loc),
        },
        "fileset" => match (st(0), st(1)) {
            (Some(base), Some(pattern)) => match fileset(s, base, pattern, loc) {
                Ok(v) => v,
                Err(why) => Value::opaque(format!("`fileset(\"{base}\")`: {why}"), loc),
            },
            _ => Value::opaque("`fileset()` of an unknown path or pattern", loc),
        },
        // A file's hash is a typed unknown: what it is a hash of (the path),
        // never its content, and only for a file that could be read.
        "filemd5" | "filesha1" | "filesha256" | "filesha512" | "filebase64sha256"
        | "filebase64sha512" => match st(0) {
            Some(p) => match allowed(s, p).and_then(|path| regular(&path)) {
                Ok(()) => Value::unknown(
                    Unknown::Derived {
                        function: name.to_string(),
                        args: a.clone(),
                    },
                    loc,
                ),
                Err(why) => Value::opaque(format!("`{name}(\"{p}\")`: {why}"), loc),
            },
            None => Value::opaque(format!("`{name}()` of an unknown path"), loc),
        },
        // The home directory is the runner's, not the repository's.
        "pathexpand" => match st(0) {
            Some(p) if p == "~" || p.starts_with("~/") || p.starts_with("~\\") => {
                Value::opaque("`pathexpand()` of the home directory is not read", loc)
            }
            Some(p) => Value::string(p, loc),
            None => unknown_or(&a, loc, "`pathexpand()` of an unknown path"),
        },
        "uuid" | "timestamp" | "plantimestamp" | "bcrypt" | "uuidv5" => Value::unknown(
            Unknown::Volatile {
                function: format!("{name}()"),
            },
            loc,
        ),
        "md5" | "sha1" | "sha256" | "sha512" | "base64sha256" | "base64sha512" => Value::unknown(
            Unknown::Derived {
                function: name.to_string(),
                args: a.clone(),
            },
            loc,
        ),
        _ => Value::opaque(format!("function `{name}()` is not evaluated"), loc),
    };
    Value { via, ..v }
}

/// The path `p` names from the module directory, if file functions may read
/// it: resolved (symbolic links followed) inside the scan roots. Outside,
/// the value stays unknown; its content must never reach a report.
fn allowed(s: &dyn Scope, p: &str) -> Result<std::path::PathBuf, String> {
    let Some(roots) = s.roots() else {
        return Err("files are not read here".into());
    };
    roots.admit(&s.module_dir().join(p)).map_err(|e| e.message)
}

fn regular(path: &Path) -> Result<(), String> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(NOT_REGULAR.into()),
        Err(e) => Err(crate::source::io_message(&e)),
    }
}

/// `file("x")` relative to the module directory: regular files inside the
/// roots only, bounded size.
fn read_relative(s: &dyn Scope, p: &str) -> Result<String, String> {
    let path = allowed(s, p)?;
    let bytes = read_bytes(&path, MAX_READ, s.roots()).map_err(|e| e.message)?;
    crate::source::decode(bytes).map_err(|e| e.message)
}

/// `fileexists()`: an answer only about paths inside the roots, so that it
/// cannot probe the machine running the scan.
fn exists_relative(s: &dyn Scope, p: &str) -> Result<bool, String> {
    let Some(roots) = s.roots() else {
        return Err("files are not read here".into());
    };
    match roots.admit(&s.module_dir().join(p)) {
        Ok(path) => Ok(std::fs::metadata(path).is_ok_and(|m| m.is_file())),
        Err(e) if e.skip => Err(e.message),
        // Inside, but missing (or a broken link): Terraform says false.
        Err(_) => Ok(false),
    }
}

/// Directory entries `fileset()` looks at, and the depth it goes to, before
/// it gives up with an unknown: a pattern like `**` over a large tree must
/// not become a walk of the whole repository per call.
const FILESET_ENTRIES: usize = 10_000;
const FILESET_DEPTH: usize = 32;

/// `fileset(path, pattern)`: paths of regular files below `path` (relative
/// to it, `/`-separated, sorted) that match `pattern`. Links are followed
/// only to files inside the roots, never into directories.
fn fileset(s: &dyn Scope, base: &str, pattern: &str, loc: Loc) -> Result<Value, String> {
    let dir = allowed(s, base)?;
    let roots = s.roots().ok_or("files are not read here")?;
    let glob = globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid pattern: {}", e.kind()))?
        .compile_matcher();
    let mut found: Vec<String> = Vec::new();
    let mut seen = 0usize;
    // (directory, its path relative to `dir`, depth)
    let mut stack = vec![(dir.clone(), String::new(), 0usize)];
    while let Some((d, rel, depth)) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            seen += 1;
            if seen > FILESET_ENTRIES {
                return Err(format!("more than {FILESET_ENTRIES} entries to look at"));
            }
            let Some(name) = e.file_name().to_str().map(String::from) else {
                continue;
            };
            let rel = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if depth + 1 < FILESET_DEPTH && name_is_not_git(&e.path()) {
                    stack.push((e.path(), rel, depth + 1));
                }
                continue;
            }
            let file_ok = if ft.is_symlink() {
                roots
                    .admit(&e.path())
                    .is_ok_and(|t| std::fs::metadata(t).is_ok_and(|m| m.is_file()))
            } else {
                ft.is_file()
            };
            if file_ok && glob.is_match(&rel) {
                if found.len() >= MAX_ITEMS {
                    return Err(format!("more than {MAX_ITEMS} matches"));
                }
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(Value::array(
        found.into_iter().map(|f| Value::string(f, loc)).collect(),
        loc,
    ))
}

fn name_is_not_git(p: &Path) -> bool {
    p.file_name().is_none_or(|n| n != ".git")
}

/// Terraform `format()` verbs: `%s`, `%d`, `%v`, `%%`, `%q` (others unsupported).
fn format_parts(fmt: &str, args: &[Value]) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut next = 0;
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        // Skip flags and width.
        let mut verb = chars.next()?;
        while verb.is_ascii_digit() || matches!(verb, '-' | '+' | '#' | ' ' | '.') {
            verb = chars.next()?;
        }
        match verb {
            '%' => lit.push('%'),
            's' | 'd' | 'v' | 'q' | 'f' | 't' => {
                let arg = args.get(next)?;
                next += 1;
                out.push(Part::Lit(std::mem::take(&mut lit)));
                if verb == 'q' {
                    out.push(Part::Lit("\"".into()));
                }
                out.extend(parts(arg)?);
                if verb == 'q' {
                    out.push(Part::Lit("\"".into()));
                }
            }
            _ => return None,
        }
    }
    out.push(Part::Lit(lit));
    Some(out)
}

/// The items of a list without repeats, first occurrences in order. Items
/// are bucketed by a hash that equal items share, and compared only within
/// their bucket; an item with unknown parts, or an object naming a member
/// twice in different case, is kept as it is, since it equals nothing for
/// certain.
fn distinct(items: &[Value]) -> Vec<Value> {
    use std::hash::{BuildHasher, Hash, Hasher};
    let state = std::collections::hash_map::RandomState::new();
    fn hash(v: &Value, state: &impl BuildHasher, h: &mut impl Hasher) -> bool {
        match &v.kind {
            Kind::Null => 0u8.hash(h),
            Kind::Bool(b) => (1u8, b).hash(h),
            // `0.0 == -0.0`; NaN equals nothing, so any hash does.
            Kind::Number(n) => (2u8, if *n == 0.0 { 0 } else { n.to_bits() }).hash(h),
            Kind::String(t) => (3u8, t).hash(h),
            Kind::Array(items) => {
                (4u8, items.len()).hash(h);
                for i in items.iter() {
                    if !hash(i, state, h) {
                        return false;
                    }
                }
            }
            // Members in any order, names ignoring case, as `equal` compares them.
            Kind::Object(entries) => {
                let mut names = std::collections::HashSet::new();
                let mut sum = 0u64;
                for e in entries.iter() {
                    let name = e.key.to_ascii_lowercase();
                    let mut eh = state.build_hasher();
                    name.hash(&mut eh);
                    if !hash(&e.value, state, &mut eh) || !names.insert(name) {
                        return false;
                    }
                    sum = sum.wrapping_add(eh.finish());
                }
                (5u8, entries.len(), sum).hash(h);
            }
            Kind::Template(_) | Kind::Unknown(_) => return false,
        }
        true
    }
    let mut out: Vec<Value> = Vec::new();
    let mut buckets: std::collections::HashMap<u64, Vec<usize>> = Default::default();
    for it in items {
        let mut h = state.build_hasher();
        if !hash(it, &state, &mut h) {
            out.push(it.clone());
            continue;
        }
        let bucket = buckets.entry(h.finish()).or_default();
        crate::probes::add(1 + bucket.len() as u64);
        if !bucket.iter().any(|&j| equal(&out[j], it) == Some(true)) {
            bucket.push(out.len());
            out.push(it.clone());
        }
    }
    out
}
