//! The ARM template function library, folded over known values.

use super::eval::{
    context, inherit_via, make_string, parts_of, size_within, via_of, Evaluator, MAX_ITEMS,
    MAX_STRING,
};
use crate::model::ids::ScopeLevel;
use crate::model::value::ops::json_size_within;
use crate::model::value::{
    format_number, ContextValue as C, Entry, Kind, Loc, Part, Unknown, Value,
};
use base64::Engine as _;

fn num(n: f64, loc: Loc) -> Value {
    Value::new(Kind::Number(n), loc)
}
fn boolean(b: bool, loc: Loc) -> Value {
    Value::new(Kind::Bool(b), loc)
}
fn field(key: &str, value: Value) -> Entry {
    Entry {
        key: key.into(),
        key_loc: value.loc,
        value,
    }
}

/// The unknown argument that makes a result unknown, passed through with its
/// kind intact (a secret stays a secret through `toLower()` or `base64()`).
fn pass_unknown(args: &[Value], loc: Loc) -> Option<Value> {
    args.iter().find(|a| a.is_unknown()).map(|u| Value {
        kind: u.kind.clone(),
        loc,
        via: via_of(args, loc),
    })
}

pub fn call(ev: &Evaluator, lname: &str, name: &str, a: Vec<Value>, loc: Loc) -> Value {
    let via = via_of(&a, loc);
    let s = |i: usize| a.get(i).and_then(Value::as_str);
    let n = |i: usize| a.get(i).and_then(Value::as_number);
    macro_rules! need {
        ($k:expr) => {
            if a.len() < $k {
                return ev.arity(name, loc);
            }
        };
    }
    let v = match lname {
        "concat" => {
            if a.first().is_some_and(|v| matches!(v.kind, Kind::Array(_))) {
                let mut out = Vec::new();
                for v in &a {
                    match &v.kind {
                        Kind::Array(items) => out.extend(items.iter().cloned()),
                        Kind::Null => {}
                        _ => return Value::opaque("`concat()` of an unknown array", loc),
                    }
                    if out.len() > MAX_ITEMS {
                        return Value::opaque("`concat()` of a huge array", loc);
                    }
                }
                Value::array(out, loc)
            } else {
                let mut parts = Vec::new();
                for v in &a {
                    match parts_of(v) {
                        Some(p) => parts.extend(p),
                        None => return Value::opaque("`concat()` of mixed values", loc),
                    }
                }
                return make_string(parts, loc, via);
            }
        }
        "format" => {
            need!(1);
            let Some(fmt) = s(0) else {
                return pass_unknown(&a, loc)
                    .unwrap_or_else(|| Value::opaque("format string is not known", loc));
            };
            match format_parts(fmt, &a[1..]) {
                Some(parts) => return make_string(parts, loc, via),
                None => Value::opaque("`format()` with an unsupported placeholder", loc),
            }
        }
        "string" => {
            need!(1);
            match &a[0].kind {
                Kind::Array(_) | Kind::Object(_)
                    if size_within(&a[0], MAX_ITEMS).is_none()
                        || json_size_within(&a[0], MAX_STRING).is_none() =>
                {
                    Value::opaque("`string()` of a value too large to follow", loc)
                }
                Kind::Array(_) | Kind::Object(_) => match to_json(&a[0]) {
                    Some(j) => Value::string(j, loc),
                    None => Value::opaque("`string()` of a value with unknown parts", loc),
                },
                _ => match parts_of(&a[0]) {
                    Some(p) => return make_string(p, loc, via),
                    None => Value::opaque("`string()` of an unknown value", loc),
                },
            }
        }
        "int" => match (n(0), a.first()) {
            (Some(x), _) => num(x.trunc(), loc),
            (None, Some(u)) if u.is_unknown() => return pass_unknown(&a, loc).unwrap_or(u.clone()),
            _ => Value::opaque("`int()` of a non-number", loc),
        },
        "float" | "json_number" => match n(0) {
            Some(x) => num(x, loc),
            None => Value::opaque("`float()` of a non-number", loc),
        },
        "bool" => match a.first() {
            Some(v) => match (v.as_bool(), v.as_number()) {
                (Some(b), _) => boolean(b, loc),
                (None, Some(x)) => boolean(x != 0.0, loc),
                _ => Value::opaque("`bool()` of an unknown value", loc),
            },
            None => return ev.arity(name, loc),
        },
        "tolower" | "toupper" => {
            need!(1);
            let upper = lname == "toupper";
            match a[0].string_parts() {
                Some(parts) if !a[0].is_unknown() => {
                    let parts = parts
                        .into_iter()
                        .map(|p| match p {
                            Part::Lit(s) if upper => Part::Lit(s.to_uppercase()),
                            Part::Lit(s) => Part::Lit(s.to_lowercase()),
                            h => h,
                        })
                        .collect();
                    return make_string(parts, loc, via);
                }
                _ => {
                    return pass_unknown(&a, loc)
                        .unwrap_or_else(|| Value::opaque("not a string", loc))
                }
            }
        }
        "trim" => match s(0) {
            Some(x) => Value::string(x.trim(), loc),
            None => {
                return pass_unknown(&a, loc).unwrap_or_else(|| Value::opaque("not a string", loc))
            }
        },
        "equals" => {
            need!(2);
            match (
                a[0].match_key(),
                a[1].match_key(),
                a[0].is_unknown() || a[1].is_unknown(),
            ) {
                (Some(x), Some(y), false) if !has_holes(&a[0]) && !has_holes(&a[1]) => boolean(
                    crate::model::value::ops::equal(&a[0], &a[1]).unwrap_or(x == y),
                    loc,
                ),
                _ => Value::opaque("`equals()` of unknown values", loc),
            }
        }
        "not" => match a.first().and_then(Value::as_bool) {
            Some(b) => boolean(!b, loc),
            None => Value::opaque("`not()` of an unknown value", loc),
        },
        // Strings compare as strings in ARM, with culture rules (`'A' > 'a'`):
        // only numbers are folded.
        "greater" | "less" | "greaterorequals" | "lessorequals" => {
            match (a.first().map(|v| &v.kind), a.get(1).map(|v| &v.kind)) {
                (Some(Kind::Number(x)), Some(Kind::Number(y))) => boolean(
                    match lname {
                        "greater" => x > y,
                        "less" => x < y,
                        "greaterorequals" => x >= y,
                        _ => x <= y,
                    },
                    loc,
                ),
                _ => Value::opaque("comparison of unknown values", loc),
            }
        }
        "add" | "sub" | "mul" | "div" | "mod" => match (n(0), n(1)) {
            (Some(x), Some(y)) => match lname {
                "add" => num(x + y, loc),
                "sub" => num(x - y, loc),
                "mul" => num(x * y, loc),
                "div" if y != 0.0 => num((x / y).trunc(), loc),
                "mod" if y != 0.0 => num(x % y, loc),
                _ => Value::opaque("division by zero", loc),
            },
            _ => Value::opaque("arithmetic on unknown values", loc),
        },
        "min" | "max" => {
            let nums: Option<Vec<f64>> = match a.as_slice() {
                [one] if one.as_array().is_some() => one
                    .as_array()
                    .unwrap_or(&[])
                    .iter()
                    .map(Value::as_number)
                    .collect(),
                _ => a.iter().map(Value::as_number).collect(),
            };
            match nums.filter(|v| !v.is_empty()) {
                Some(v) => num(
                    if lname == "min" {
                        v.into_iter().fold(f64::INFINITY, f64::min)
                    } else {
                        v.into_iter().fold(f64::NEG_INFINITY, f64::max)
                    },
                    loc,
                ),
                None => Value::opaque("`min()`/`max()` of unknown values", loc),
            }
        }
        "empty" => match a.first().map(|v| &v.kind) {
            Some(Kind::Null) => boolean(true, loc),
            Some(Kind::String(x)) => boolean(x.is_empty(), loc),
            Some(Kind::Array(x)) => boolean(x.is_empty(), loc),
            Some(Kind::Object(x)) => boolean(x.is_empty(), loc),
            Some(Kind::Template(parts))
                if parts
                    .iter()
                    .any(|p| matches!(p, Part::Lit(s) if !s.is_empty())) =>
            {
                boolean(false, loc)
            }
            _ => Value::opaque("`empty()` of an unknown value", loc),
        },
        "length" => match a.first().map(|v| &v.kind) {
            Some(Kind::String(x)) => num(x.chars().count() as f64, loc),
            Some(Kind::Array(x)) => num(x.len() as f64, loc),
            Some(Kind::Object(x)) => num(x.len() as f64, loc),
            _ => Value::opaque("`length()` of an unknown value", loc),
        },
        "contains" => {
            need!(2);
            match (&a[0].kind, &a[1]) {
                (Kind::String(h), x) => match x.as_str() {
                    Some(needle) => boolean(h.contains(needle), loc),
                    None => match x.as_number() {
                        Some(nb) => boolean(h.contains(&format_number(nb)), loc),
                        None => Value::opaque("`contains()` of an unknown value", loc),
                    },
                },
                (Kind::Array(items), x) if !x.is_unknown() => {
                    match items
                        .iter()
                        .map(|i| crate::model::value::ops::equal(i, x))
                        .collect::<Option<Vec<_>>>()
                    {
                        Some(r) => boolean(r.contains(&true), loc),
                        None => Value::opaque("`contains()` over unknown items", loc),
                    }
                }
                (Kind::Object(_), x) => match x.as_str() {
                    Some(k) => boolean(a[0].entry(k).is_some(), loc),
                    None => Value::opaque("`contains()` with an unknown key", loc),
                },
                _ => Value::opaque("`contains()` of an unknown value", loc),
            }
        }
        "startswith" | "endswith" | "indexof" | "lastindexof" => match (s(0), s(1)) {
            (Some(h), Some(x)) => {
                let (hl, xl) = (h.to_lowercase(), x.to_lowercase());
                match lname {
                    "startswith" => boolean(hl.starts_with(&xl), loc),
                    "endswith" => boolean(hl.ends_with(&xl), loc),
                    // Character positions, not byte offsets.
                    "indexof" => num(char_index(&hl, hl.find(&xl)), loc),
                    _ => num(char_index(&hl, hl.rfind(&xl)), loc),
                }
            }
            _ => Value::opaque(format!("`{name}()` of unknown values"), loc),
        },
        "union" | "intersection" => set_op(lname, &a, loc),
        "shallowmerge" => match a.first().and_then(Value::as_array) {
            Some(items) => set_op("union", items, loc),
            None => Value::opaque("`shallowMerge()` of an unknown array", loc),
        },
        "createobject" => {
            if !a.len().is_multiple_of(2) {
                return ev.arity(name, loc);
            }
            let mut entries = Vec::with_capacity(a.len() / 2);
            for pair in a.chunks(2) {
                let Some(k) = pair[0].as_str() else {
                    return Value::opaque("`createObject()` with an unknown key", loc);
                };
                entries.push(Entry {
                    key: k.to_string(),
                    key_loc: pair[0].loc,
                    value: pair[1].clone(),
                });
            }
            // Members keep their own provenance; the new object combines nothing.
            return Value::object(entries, loc);
        }
        "createarray" | "array" if lname == "createarray" || a.len() != 1 => {
            return Value::array(a.clone(), loc);
        }
        "array" => match &a[0].kind {
            Kind::Array(_) => a[0].clone(),
            Kind::Unknown(_) => Value::opaque("`array()` of an unknown value", loc),
            _ => Value::array(vec![a[0].clone()], loc),
        },
        "json" => match s(0) {
            Some(text) => match crate::source::jsonc::parse(text) {
                Ok(doc) => crate::model::value::ops::from_json(&doc.root, None, loc),
                Err(e) => {
                    return Value::opaque(format!("`json()` of invalid JSON: {}", e.message), loc)
                }
            },
            None => {
                return pass_unknown(&a, loc).unwrap_or_else(|| Value::opaque("not a string", loc))
            }
        },
        "split" => match (s(0), a.get(1)) {
            (Some(x), Some(d)) => {
                let delims: Vec<String> = match &d.kind {
                    Kind::String(d) => vec![d.clone()],
                    Kind::Array(ds) => ds
                        .iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect(),
                    _ => return Value::opaque("`split()` with an unknown delimiter", loc),
                };
                // Count before building: a 4 MiB string of delimiters is
                // four million pieces.
                let mut count = 1usize;
                for d in delims.iter().filter(|d| !d.is_empty()) {
                    count = count.saturating_add(x.matches(d.as_str()).count());
                    if count > MAX_ITEMS {
                        return Value::opaque(
                            format!("`split()` into more than {MAX_ITEMS} items"),
                            loc,
                        );
                    }
                }
                let mut pieces = vec![x.to_string()];
                for d in delims.iter().filter(|d| !d.is_empty()) {
                    pieces = pieces
                        .iter()
                        .flat_map(|p| p.split(d.as_str()).map(String::from).collect::<Vec<_>>())
                        .collect();
                }
                Value::array(
                    pieces.into_iter().map(|p| Value::string(p, loc)).collect(),
                    loc,
                )
            }
            _ => Value::opaque("`split()` of an unknown string", loc),
        },
        "replace" => match (s(0), s(1), s(2)) {
            (Some(x), Some(from), Some(to)) if !from.is_empty() => {
                let grows = to.len().saturating_sub(from.len());
                if x.len() + x.matches(from).count().saturating_mul(grows) > MAX_STRING {
                    return Value::opaque("`replace()` giving a huge string", loc);
                }
                Value::string(x.replace(from, to), loc)
            }
            (Some(x), Some(""), Some(_)) => Value::string(x, loc),
            _ => {
                return pass_unknown(&a, loc)
                    .unwrap_or_else(|| Value::opaque("`replace()` of unknown values", loc))
            }
        },
        "substring" => match (s(0), n(1)) {
            (Some(x), Some(start)) => {
                let chars: Vec<char> = x.chars().collect();
                let st = start.max(0.0) as usize;
                let len = n(2)
                    .map(|l| l.max(0.0) as usize)
                    .unwrap_or(chars.len().saturating_sub(st));
                if st > chars.len() || st.saturating_add(len) > chars.len() {
                    Value::opaque("`substring()` out of range", loc)
                } else {
                    Value::string(chars[st..st + len].iter().collect::<String>(), loc)
                }
            }
            _ => {
                return pass_unknown(&a, loc)
                    .unwrap_or_else(|| Value::opaque("`substring()` of unknown values", loc))
            }
        },
        "padleft" => match (a.first(), n(1)) {
            (Some(v), Some(w))
                if parts_of(v).is_some_and(|p| p.iter().all(|x| matches!(x, Part::Lit(_)))) =>
            {
                let x = v.display();
                let pad = s(2).and_then(|p| p.chars().next()).unwrap_or(' ');
                let missing = (w as usize).saturating_sub(x.chars().count());
                if missing > MAX_STRING {
                    return Value::opaque("`padLeft()` to a huge length", loc);
                }
                Value::string(format!("{}{}", pad.to_string().repeat(missing), x), loc)
            }
            _ => Value::opaque("`padLeft()` of unknown values", loc),
        },
        "first" | "last" => match a.first().map(|v| &v.kind) {
            Some(Kind::Array(items)) => {
                let it = if lname == "first" {
                    items.first()
                } else {
                    items.last()
                };
                return match it {
                    Some(v) => inherit_via(v.clone(), &a[0]),
                    None => Value::new(Kind::Null, loc),
                };
            }
            Some(Kind::String(x)) => {
                let c = if lname == "first" {
                    x.chars().next()
                } else {
                    x.chars().last()
                };
                Value::string(c.map(String::from).unwrap_or_default(), loc)
            }
            _ => Value::opaque(format!("`{name}()` of an unknown value"), loc),
        },
        "take" | "skip" => match (a.first().map(|v| &v.kind), n(1)) {
            (Some(Kind::Array(items)), Some(k)) => {
                let k = (k.max(0.0) as usize).min(items.len());
                let slice = if lname == "take" {
                    &items[..k]
                } else {
                    &items[k..]
                };
                Value::array(slice.to_vec(), loc)
            }
            (Some(Kind::String(x)), Some(k)) => {
                let k = k.max(0.0) as usize;
                let out: String = if lname == "take" {
                    x.chars().take(k).collect()
                } else {
                    x.chars().skip(k).collect()
                };
                Value::string(out, loc)
            }
            _ => Value::opaque(format!("`{name}()` of unknown values"), loc),
        },
        "range" => match (n(0), n(1)) {
            (Some(st), Some(c)) if (0.0..=10_000.0).contains(&c) => Value::array(
                (0..c as i64).map(|i| num(st + i as f64, loc)).collect(),
                loc,
            ),
            _ => Value::opaque("`range()` of unknown values", loc),
        },
        "join" => match (a.first().and_then(Value::as_array), s(1)) {
            (Some(items), Some(d)) => {
                let mut parts = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        parts.push(Part::Lit(d.to_string()));
                    }
                    match parts_of(it) {
                        Some(p) => parts.extend(p),
                        None => return Value::opaque("`join()` of mixed values", loc),
                    }
                }
                return make_string(parts, loc, via);
            }
            _ => Value::opaque("`join()` of unknown values", loc),
        },
        // ARM lists the entries sorted by key.
        "items" => match a.first().and_then(Value::as_object) {
            Some(entries) => Value::array(
                sorted_by_key(entries)
                    .into_iter()
                    .map(|e| {
                        Value::object(
                            vec![
                                field("key", Value::string(e.key.clone(), e.key_loc)),
                                field("value", e.value.clone()),
                            ],
                            e.key_loc,
                        )
                    })
                    .collect(),
                loc,
            ),
            None => Value::opaque("`items()` of an unknown object", loc),
        },
        "objectkeys" => match a.first().and_then(Value::as_object) {
            Some(entries) => Value::array(
                entries
                    .iter()
                    .map(|e| Value::string(e.key.clone(), e.key_loc))
                    .collect(),
                loc,
            ),
            None => Value::opaque("`objectKeys()` of an unknown object", loc),
        },
        "flatten" => match a.first().and_then(Value::as_array) {
            Some(items) => {
                let mut out = Vec::new();
                for it in items {
                    match it.as_array() {
                        Some(inner) => out.extend(inner.iter().cloned()),
                        None => return Value::opaque("`flatten()` of unknown items", loc),
                    }
                    if out.len() > MAX_ITEMS {
                        return Value::opaque("`flatten()` of a huge array", loc);
                    }
                }
                Value::array(out, loc)
            }
            None => Value::opaque("`flatten()` of an unknown array", loc),
        },
        "tryget" => {
            need!(1);
            let mut cur = a[0].clone();
            for k in &a[1..] {
                cur = match (&cur.kind, &k.kind) {
                    (Kind::Null, _) => return Value::new(Kind::Null, loc),
                    (Kind::Object(_), Kind::String(key)) => match cur.entry(key) {
                        Some(_) => super::eval::member_of(&cur, key, loc),
                        None => return Value::new(Kind::Null, loc),
                    },
                    (Kind::Array(items), _) if k.as_number().is_some() => {
                        let i = k.as_number().unwrap_or(-1.0);
                        if i < 0.0 || i as usize >= items.len() {
                            return Value::new(Kind::Null, loc);
                        }
                        super::eval::index_of(&cur, k, loc)
                    }
                    _ => return super::eval::index_of(&cur, k, loc),
                };
            }
            return cur;
        }
        "null" => Value::new(Kind::Null, loc),
        "true" => boolean(true, loc),
        "false" => boolean(false, loc),
        "base64" => match s(0) {
            Some(x) => Value::string(base64::engine::general_purpose::STANDARD.encode(x), loc),
            None => {
                return pass_unknown(&a, loc)
                    .unwrap_or_else(|| Value::opaque("`base64()` of a non-string", loc))
            }
        },
        "base64tostring" => match s(0) {
            Some(x) => match base64::engine::general_purpose::STANDARD
                .decode(x.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
            {
                Some(t) => Value::string(t, loc),
                None => Value::opaque("`base64ToString()` of invalid base64", loc),
            },
            None => {
                return pass_unknown(&a, loc).unwrap_or_else(|| Value::opaque("not a string", loc))
            }
        },
        "uri" => match (s(0), s(1)) {
            (Some(base), Some(rel)) => Value::string(join_uri(base, rel), loc),
            // Whatever the base, the relative part ends the result: kept,
            // a token appended to it (`uri(base, concat('x.sh', sas))`)
            // stays in sight when the base or the token is unknown.
            _ => match a.get(1).and_then(parts_of) {
                Some(rel) => {
                    let mut parts = vec![Part::Hole(Unknown::Opaque {
                        reason: "the base of `uri()`".into(),
                    })];
                    parts.extend(rel);
                    return make_string(parts, loc, via);
                }
                None => Value::opaque("`uri()` of unknown values", loc),
            },
        },
        "resourceid" => resource_id(ev, &a, loc),
        "subscriptionresourceid" => {
            let (sub, rest) = split_scope_args(&a, 1);
            let mut prefix = vec![Part::Lit("/subscriptions/".into())];
            prefix.extend(
                sub.first()
                    .and_then(parts_of)
                    .unwrap_or_else(|| vec![context(C::SubscriptionId)]),
            );
            return id_with(prefix, rest, loc, via);
        }
        "tenantresourceid" => return id_with(Vec::new(), &a, loc, via),
        "managementgroupresourceid" => {
            let (mg, rest) = split_scope_args(&a, 1);
            let mut prefix = vec![Part::Lit(
                "/providers/Microsoft.Management/managementGroups/".into(),
            )];
            prefix.extend(
                mg.first()
                    .and_then(parts_of)
                    .unwrap_or_else(|| vec![context(C::ManagementGroupName)]),
            );
            return id_with(prefix, rest, loc, via);
        }
        "extensionresourceid" => {
            need!(2);
            let prefix = parts_of(&a[0]).unwrap_or_else(|| {
                vec![Part::Hole(Unknown::Opaque {
                    reason: "unknown scope".into(),
                })]
            });
            return id_with(prefix, &a[1..], loc, via);
        }
        "subscription" => {
            let id = make_string(
                vec![
                    Part::Lit("/subscriptions/".into()),
                    context(C::SubscriptionId),
                ],
                loc,
                Vec::new(),
            );
            Value::object(
                vec![
                    field("id", id),
                    field(
                        "subscriptionId",
                        Value::unknown(Unknown::Context(C::SubscriptionId), loc),
                    ),
                    field(
                        "tenantId",
                        Value::unknown(Unknown::Context(C::TenantId), loc),
                    ),
                    field(
                        "displayName",
                        Value::opaque("subscription display name", loc),
                    ),
                ],
                loc,
            )
        }
        "resourcegroup" => {
            let id = make_string(
                vec![
                    Part::Lit("/subscriptions/".into()),
                    context(C::SubscriptionId),
                    Part::Lit("/resourceGroups/".into()),
                    context(C::ResourceGroupName),
                ],
                loc,
                Vec::new(),
            );
            Value::object(
                vec![
                    field("id", id),
                    field(
                        "name",
                        Value::unknown(Unknown::Context(C::ResourceGroupName), loc),
                    ),
                    field(
                        "location",
                        Value::unknown(Unknown::Context(C::ResourceGroupLocation), loc),
                    ),
                    field(
                        "type",
                        Value::string("Microsoft.Resources/resourceGroups", loc),
                    ),
                ],
                loc,
            )
        }
        "tenant" => Value::object(
            vec![
                field(
                    "tenantId",
                    Value::unknown(Unknown::Context(C::TenantId), loc),
                ),
                field(
                    "id",
                    make_string(
                        vec![Part::Lit("/tenants/".into()), context(C::TenantId)],
                        loc,
                        Vec::new(),
                    ),
                ),
            ],
            loc,
        ),
        "managementgroup" => Value::object(
            vec![
                field(
                    "id",
                    make_string(
                        vec![
                            Part::Lit("/providers/Microsoft.Management/managementGroups/".into()),
                            context(C::ManagementGroupName),
                        ],
                        loc,
                        Vec::new(),
                    ),
                ),
                field(
                    "name",
                    Value::unknown(Unknown::Context(C::ManagementGroupName), loc),
                ),
            ],
            loc,
        ),
        "deployment" => Value::object(
            vec![field(
                "name",
                Value::unknown(Unknown::Context(C::DeploymentName), loc),
            )],
            loc,
        ),
        "environment" => Value::unknown(Unknown::Context(C::Environment), loc),
        "guid" | "uniquestring" => Value::unknown(
            Unknown::Derived {
                function: name.to_string(),
                args: a.clone(),
            },
            loc,
        ),
        "newguid" | "utcnow" => Value::unknown(
            Unknown::Volatile {
                function: format!("{name}()"),
            },
            loc,
        ),
        "reference" => {
            need!(1);
            ev.reference(&a, loc)
        }
        "pickzones"
        | "datetimeadd"
        | "datetimefromepoch"
        | "datetimetoepoch"
        | "datauri"
        | "datauritostring"
        | "uricomponent"
        | "uricomponenttostring"
        | "providers"
        | "loadtextcontent"
        | "loadfileasbase64"
        | "loadjsoncontent"
        | "indexfromend"
        | "tryindexfromend"
        | "lastindexfromend"
        | "cidrsubnet"
        | "cidrhost"
        | "parsecidr"
        | "externalinput"
        | "buildresourceid" => Value::opaque(format!("`{name}()` is not evaluated"), loc),
        _ => Value::opaque(format!("unknown function `{name}()`"), loc),
    };
    Value { via, ..v }
}

fn has_holes(v: &Value) -> bool {
    matches!(v.kind, Kind::Template(_))
}

/// Character position of a byte offset in `s` (`-1` for none).
fn char_index(s: &str, byte: Option<usize>) -> f64 {
    byte.map_or(-1.0, |i| s[..i].chars().count() as f64)
}

/// Object entries ordered by key, ignoring case (as `items()` lists them).
fn sorted_by_key(entries: &[Entry]) -> Vec<&Entry> {
    let mut out: Vec<&Entry> = entries.iter().collect();
    out.sort_by(|x, y| {
        x.key
            .to_lowercase()
            .cmp(&y.key.to_lowercase())
            .then_with(|| x.key.cmp(&y.key))
    });
    out
}

/// `union()` of objects: later members win, and members that are objects on
/// both sides merge recursively (arrays do not).
fn merge_objects(out: &mut Vec<Entry>, add: &[Entry]) {
    for e in add {
        match out.iter_mut().find(|x| x.key.eq_ignore_ascii_case(&e.key)) {
            Some(x) => match (x.value.as_object(), e.value.as_object()) {
                (Some(old), Some(new)) => {
                    let mut merged = old.to_vec();
                    merge_objects(&mut merged, new);
                    let mut value = e.value.clone();
                    value.kind = Kind::Object(std::sync::Arc::new(merged));
                    *x = Entry {
                        key: e.key.clone(),
                        key_loc: e.key_loc,
                        value,
                    };
                }
                _ => *x = e.clone(),
            },
            None => out.push(e.clone()),
        }
    }
}

fn set_op(lname: &str, a: &[Value], loc: Loc) -> Value {
    if a.iter()
        .any(|v| !matches!(v.kind, Kind::Object(_) | Kind::Array(_) | Kind::Null))
    {
        return Value::opaque(format!("`{lname}()` of unknown values"), loc);
    }
    let objects = a.iter().any(|v| matches!(v.kind, Kind::Object(_)));
    if objects {
        let mut out: Vec<Entry> = Vec::new();
        if lname == "union" {
            for v in a {
                merge_objects(&mut out, v.as_object().unwrap_or(&[]));
            }
        } else {
            let first = a.first().and_then(Value::as_object).unwrap_or(&[]);
            for e in first {
                if a[1..].iter().all(|o| {
                    o.get(&e.key)
                        .and_then(|v| crate::model::value::ops::equal(v, &e.value))
                        == Some(true)
                }) {
                    out.push(e.clone());
                }
            }
        }
        Value::object(out, loc)
    } else {
        let mut out: Vec<Value> = Vec::new();
        if lname == "union" {
            for v in a {
                for it in v.as_array().unwrap_or(&[]) {
                    if !out
                        .iter()
                        .any(|o| crate::model::value::ops::equal(o, it) == Some(true))
                    {
                        out.push(it.clone());
                    }
                }
            }
        } else {
            let first = a.first().and_then(Value::as_array).unwrap_or(&[]);
            for it in first {
                if a[1..].iter().all(|o| {
                    o.as_array()
                        .unwrap_or(&[])
                        .iter()
                        .any(|x| crate::model::value::ops::equal(x, it) == Some(true))
                }) {
                    out.push(it.clone());
                }
            }
        }
        Value::array(out, loc)
    }
}

/// `format()` placeholders `{0}`, `{1:fmt}`, and `{{`/`}}` escapes.
fn format_parts(fmt: &str, args: &[Value]) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = fmt.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if fmt[i + 1..].starts_with('{') => {
                lit.push('{');
                chars.next();
            }
            '}' if fmt[i + 1..].starts_with('}') => {
                lit.push('}');
                chars.next();
            }
            '{' => {
                let close = fmt[i..].find('}')? + i;
                let spec = &fmt[i + 1..close];
                let (idx, f) = spec
                    .split_once(':')
                    .map_or((spec, None), |(a, b)| (a, Some(b)));
                let idx: usize = idx.trim().parse().ok()?;
                let arg = args.get(idx)?;
                out.push(Part::Lit(std::mem::take(&mut lit)));
                match (f.map(str::trim), &arg.kind) {
                    (None | Some(""), _) => out.extend(parts_of(arg)?),
                    // .NET `D<n>`: at least n digits, the sign in front.
                    (Some(f), Kind::Number(n))
                        if (f.starts_with('D') || f.starts_with('d')) && n.fract() == 0.0 =>
                    {
                        let width: usize = if f.len() == 1 {
                            0
                        } else {
                            f[1..].parse().ok()?
                        };
                        if width > 1000 {
                            return None;
                        }
                        let sign = if *n < 0.0 { "-" } else { "" };
                        let digits = format!("{:0width$}", n.abs() as u64);
                        out.push(Part::Lit(format!("{sign}{digits}")));
                    }
                    // Other .NET format strings (`N0`, `X`, dates...) are not emulated.
                    _ => return None,
                }
                while chars.peek().is_some_and(|(j, _)| *j <= close) {
                    chars.next();
                }
            }
            c => lit.push(c),
        }
    }
    out.push(Part::Lit(lit));
    Some(out)
}

/// `resourceId([subscriptionId], [resourceGroupName], type, names...)`.
fn resource_id(ev: &Evaluator, a: &[Value], loc: Loc) -> Value {
    let via = via_of(a, loc);
    let type_at = a.iter().position(|v| {
        v.as_str()
            .is_some_and(|s| s.contains('/') && !s.starts_with('/'))
    });
    let Some(t) = type_at.filter(|t| *t <= 2) else {
        return Value::opaque("`resourceId()` with an unknown resource type", loc);
    };
    let scope = &a[..t];
    let mut prefix = Vec::new();
    let sub = if t == 2 { parts_of(&a[0]) } else { None };
    let rg = if t >= 1 { parts_of(&a[t - 1]) } else { None };
    let at_rg = t >= 1 || matches!(ev.level, Some(ScopeLevel::ResourceGroup) | None);
    if at_rg || ev.level == Some(ScopeLevel::Subscription) {
        prefix.push(Part::Lit("/subscriptions/".into()));
        prefix.extend(sub.unwrap_or_else(|| vec![context(C::SubscriptionId)]));
        if at_rg {
            prefix.push(Part::Lit("/resourceGroups/".into()));
            prefix.extend(rg.unwrap_or_else(|| vec![context(C::ResourceGroupName)]));
        }
    }
    let _ = scope;
    id_with(prefix, &a[t..], loc, via)
}

/// The first `n` arguments are scope arguments when the type is not among them.
fn split_scope_args(a: &[Value], n: usize) -> (&[Value], &[Value]) {
    let first_is_type = a
        .first()
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains('/'));
    if first_is_type || a.len() <= n {
        (&[], a)
    } else {
        a.split_at(n)
    }
}

/// `prefix/providers/Namespace/type/name[/type/name]...` from a type and names.
fn id_with(
    prefix: Vec<Part>,
    type_and_names: &[Value],
    loc: Loc,
    via: Vec<crate::model::Step>,
) -> Value {
    let Some(ty) = type_and_names.first().and_then(Value::as_str) else {
        return Value::opaque("resource ID with an unknown type", loc);
    };
    let mut segs = ty.split('/');
    let ns = segs.next().unwrap_or_default();
    let types: Vec<&str> = segs.collect();
    // Names may be given one per type or joined with '/' in fewer arguments.
    let mut names: Vec<Vec<Part>> = Vec::new();
    for n in &type_and_names[1..] {
        let Some(parts) = parts_of(n) else {
            return Value::opaque("resource ID with an unknown name", loc);
        };
        let mut cur: Vec<Part> = Vec::new();
        for p in parts {
            match p {
                Part::Lit(s) => {
                    let mut first = true;
                    for piece in s.split('/') {
                        if !first {
                            names.push(std::mem::take(&mut cur));
                        }
                        first = false;
                        cur.push(Part::Lit(piece.to_string()));
                    }
                }
                h => cur.push(h),
            }
        }
        names.push(cur);
    }
    let mut parts = prefix;
    parts.push(Part::Lit(format!("/providers/{ns}")));
    for (i, t) in types.iter().enumerate() {
        parts.push(Part::Lit(format!("/{t}/")));
        match names.get(i) {
            Some(n) => parts.extend(n.iter().cloned()),
            None => parts.push(Part::Hole(Unknown::Opaque {
                reason: "missing name".into(),
            })),
        }
    }
    make_string(parts, loc, via)
}

/// `uri(base, rel)`: RFC 3986 reference resolution, as .NET `Uri` does it
/// (without dot-segment removal).
fn join_uri(base: &str, rel: &str) -> String {
    if rel.contains("://") {
        return rel.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    if rel.starts_with("//") {
        return format!("{}{}", &base[..scheme_end.saturating_sub(2)], rel);
    }
    let host_end = base[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |j| scheme_end + j);
    if rel.starts_with('/') {
        return format!("{}{}", &base[..host_end], rel);
    }
    let path_end = base[host_end..]
        .find(['?', '#'])
        .map_or(base.len(), |j| host_end + j);
    let path = &base[host_end..path_end];
    match path.rfind('/') {
        Some(i) => format!("{}{}{}", &base[..host_end], &path[..=i], rel),
        None => format!("{}/{}", &base[..host_end], rel),
    }
}

pub use crate::model::value::ops::to_json;
