//! `.idlint.yaml`: rule selection, severities, excludes, per-rule options and
//! suppressions. Typos must not silently disable checks, so unknown keys and
//! bad values are errors that point at their line.

use crate::findings::Severity;
use crate::rules;
use crate::source::read::{read_bytes, NOT_REGULAR};
use crate::source::roots::Roots;
use crate::source::SourceFile;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FILE_NAMES: &[&str] = &[".idlint.yaml", ".idlint.yml"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    exclude: Option<Vec<Spanned<String>>>,
    severity: Option<HashMap<Spanned<String>, Spanned<String>>>,
    rules: Option<HashMap<Spanned<String>, RawRuleOptions>>,
    suppress: Option<Vec<RawSuppress>>,
    bicep: Option<Spanned<String>>,
}

/// One rule's options by name, as written.
type RawRuleOptions = HashMap<Spanned<String>, Spanned<RawValue>>;

/// A rule option's value: a scalar or a list of scalars; its rule says
/// what it means.
enum RawValue {
    Scalar(String),
    List(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RawValue, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value or a list of values")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
                Ok(RawValue::Scalar(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
                Ok(RawValue::Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
                Ok(RawValue::Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
                Ok(RawValue::Scalar(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
                Ok(RawValue::Scalar(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawValue, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = seq.next_element::<Spanned<String>>()? {
                    out.push(x);
                }
                Ok(RawValue::List(out))
            }
        }
        d.deserialize_any(V)
    }
}

fn at(l: &serde_saphyr::Location) -> rules::options::At {
    rules::options::At {
        line: l.line() as u32,
        column: l.column() as u32,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppress {
    rule: Spanned<String>,
    paths: Option<Vec<Spanned<String>>>,
    resource: Option<String>,
    reason: Option<String>,
    expires: Option<Spanned<String>>,
}

/// A `suppress` entry: its type lives with the suppressing, which reads it.
pub use crate::suppress::Suppress;

/// The configuration as idlint uses it.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it was read from.
    pub source: Option<Arc<SourceFile>>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<Option<Severity>>,
    pub exclude: Vec<String>,
    pub severity: Vec<(&'static str, Severity)>,
    /// Rule options (`rules:`), each typed by its rule.
    pub options: rules::Options,
    pub suppress: Vec<Suppress>,
    /// What is scanned where a `.bicep` file and the JSON compiled from it
    /// sit side by side.
    pub bicep: Option<BicepMode>,
}

/// `bicep:` in the configuration file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BicepMode {
    /// The `.bicep` file, where findings point at the lines a developer
    /// writes; the JSON compiled from it is skipped.
    #[default]
    Source,
    /// The compiled JSON; the `.bicep` file beside it is skipped. Registry
    /// modules (`br:`) are inlined there, so this sees into them.
    Compiled,
    /// Both (findings appear twice, once per file).
    Both,
}

impl Config {
    /// The directory globs in the file are relative to.
    pub fn base_dir(&self) -> Option<PathBuf> {
        let src = self.source.as_ref()?;
        Some(src.path.parent().map(Path::to_path_buf).unwrap_or_default())
    }
}

/// A configuration problem with its line and column in the file.
#[derive(Clone, Debug)]
pub struct ConfigError {
    pub source: Arc<SourceFile>,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl ConfigError {
    pub fn offset(&self) -> usize {
        let lines = &self.source.lines;
        match lines.line_span(&self.source.text, self.line.saturating_sub(1) as usize) {
            Some((start, end)) => {
                let col: usize = self.source.text[start..end]
                    .chars()
                    .take(self.column.saturating_sub(1) as usize)
                    .map(char::len_utf8)
                    .sum();
                start + col
            }
            None => self.source.text.len(),
        }
    }
}

/// What configuration discovery found.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    File(PathBuf),
    /// A configuration file that may not be read (a link leaving the
    /// roots, a FIFO), with the reason: reported as skipped.
    Refused(PathBuf, String),
}

/// Where configuration discovery starts for a scan of `paths`: the deepest
/// directory holding all of them (a file counts as its directory), so the
/// order of the paths does not matter and one path starts at itself. One
/// configuration governs the whole run.
pub fn discovery_start(paths: &[PathBuf]) -> PathBuf {
    let dirs: Vec<PathBuf> = paths
        .iter()
        .filter_map(|p| {
            let abs = crate::source::normalize(&std::path::absolute(p).ok()?);
            Some(if abs.is_dir() {
                abs
            } else {
                abs.parent().map(Path::to_path_buf).unwrap_or(abs)
            })
        })
        .collect();
    let Some((first, rest)) = dirs.split_first() else {
        return PathBuf::from(".");
    };
    let mut common: Vec<std::path::Component> = first.components().collect();
    for d in rest {
        let n = common
            .iter()
            .zip(d.components())
            .take_while(|(a, b)| **a == *b)
            .count();
        common.truncate(n);
    }
    common.iter().collect()
}

/// The nearest `.idlint.yaml` in `start` or its parents, up to the root that
/// holds `start`: a configuration above the repository is someone else's.
pub fn find(start: &Path, roots: &Roots) -> Option<Found> {
    let abs = std::path::absolute(start).ok()?;
    let mut dir = if abs.is_dir() {
        Some(abs.as_path())
    } else {
        abs.parent()
    };
    while let Some(d) = dir {
        if !std::fs::canonicalize(d).is_ok_and(|c| roots.contains(&c)) {
            return None;
        }
        for name in FILE_NAMES {
            let p = d.join(name);
            if std::fs::symlink_metadata(&p).is_err() {
                continue;
            }
            match roots.admit(&p) {
                Ok(c) => match std::fs::metadata(c) {
                    Ok(m) if m.is_file() => return Some(Found::File(p)),
                    Ok(m) if !m.is_dir() => return Some(Found::Refused(p, NOT_REGULAR.into())),
                    _ => {}
                },
                Err(e) if e.skip => return Some(Found::Refused(p, e.message)),
                // A broken link is no configuration, as before.
                Err(_) => {}
            }
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let empty = || Arc::new(SourceFile::new(path.to_path_buf(), String::new()));
    let bytes = read_bytes(path, crate::source::MAX_FILE_BYTES, None).map_err(|e| ConfigError {
        source: empty(),
        line: 0,
        column: 0,
        message: format!("cannot read {}: {}", path.display(), e.message),
    })?;
    let text = crate::source::decode(bytes).map_err(|e| ConfigError {
        source: empty(),
        line: 0,
        column: 0,
        message: e.message,
    })?;
    parse(Arc::new(SourceFile::new(path.to_path_buf(), text)))
}

fn err<T>(
    source: &Arc<SourceFile>,
    at: &serde_saphyr::Location,
    message: String,
) -> Result<T, ConfigError> {
    Err(ConfigError {
        source: source.clone(),
        line: at.line() as u32,
        column: at.column() as u32,
        message,
    })
}

fn rule_id(source: &Arc<SourceFile>, s: &Spanned<String>) -> Result<&'static str, ConfigError> {
    match rules::lookup(&s.value) {
        Some(r) => Ok(r.meta.id),
        None => err(
            source,
            &s.referenced,
            format!("no rule named `{}`", s.value),
        ),
    }
}

fn tokens(
    source: &Arc<SourceFile>,
    list: Option<Vec<Spanned<String>>>,
) -> Result<Vec<String>, ConfigError> {
    let mut out = Vec::new();
    for t in list.unwrap_or_default() {
        if !rules::token_is_known(&t.value) {
            return err(
                source,
                &t.referenced,
                format!("no rule, rule name or family `{}`", t.value),
            );
        }
        out.push(t.value);
    }
    Ok(out)
}

fn severity(source: &Arc<SourceFile>, s: &Spanned<String>) -> Result<Severity, ConfigError> {
    Severity::parse(&s.value).map_or_else(
        || {
            err(
                source,
                &s.referenced,
                format!(
                    "`{}` is not a severity: use critical, high, medium or low",
                    s.value
                ),
            )
        },
        Ok,
    )
}

pub fn parse(source: Arc<SourceFile>) -> Result<Config, ConfigError> {
    if source.text.trim().is_empty() {
        return Ok(Config {
            source: Some(source),
            ..Default::default()
        });
    }
    let raw: Raw = serde_saphyr::from_str(&source.text).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
        ConfigError {
            source: source.clone(),
            line,
            column,
            message: plain_message(&e.to_string()),
        }
    })?;
    let mut cfg = Config {
        source: Some(source.clone()),
        select: tokens(&source, raw.select)?,
        ignore: tokens(&source, raw.ignore)?,
        ..Default::default()
    };
    if let Some(f) = raw.fail_on {
        cfg.fail_on = Some(if f.value.eq_ignore_ascii_case("never") {
            None
        } else {
            match Severity::parse(&f.value) {
                Some(s) => Some(s),
                None => {
                    return err(
                        &source,
                        &f.referenced,
                        format!(
                        "`{}` is not a `fail_on` value: use critical, high, medium, low or never",
                        f.value
                    ),
                    )
                }
            }
        });
    }
    if let Some(b) = raw.bicep {
        cfg.bicep = Some(match b.value.to_ascii_lowercase().as_str() {
            "source" => BicepMode::Source,
            "compiled" => BicepMode::Compiled,
            "both" => BicepMode::Both,
            _ => {
                return err(
                    &source,
                    &b.referenced,
                    format!(
                        "`{}` is not a `bicep` value: use source, compiled or both",
                        b.value
                    ),
                )
            }
        });
    }
    for g in raw.exclude.unwrap_or_default() {
        if let Err(e) = globset::Glob::new(&g.value) {
            return err(
                &source,
                &g.referenced,
                format!("invalid glob `{}`: {}", g.value, e.kind()),
            );
        }
        cfg.exclude.push(g.value);
    }
    let mut sev: Vec<(Spanned<String>, Spanned<String>)> =
        raw.severity.unwrap_or_default().into_iter().collect();
    sev.sort_by_key(|(k, _)| (k.referenced.line(), k.referenced.column()));
    for (k, v) in sev {
        cfg.severity
            .push((rule_id(&source, &k)?, severity(&source, &v)?));
    }
    let mut opts: Vec<_> = raw.rules.unwrap_or_default().into_iter().collect();
    opts.sort_by_key(|(k, _)| (k.referenced.line(), k.referenced.column()));
    for (k, given) in opts {
        let id = rule_id(&source, &k)?;
        let spec = rules::lookup(id).and_then(|r| r.options);
        let mut given: Vec<_> = given.into_iter().collect();
        given.sort_by_key(|(n, _)| (n.referenced.line(), n.referenced.column()));
        let mut raw = Vec::new();
        for (name, v) in &given {
            if !spec.is_some_and(|s| s.names.contains(&name.value.as_str())) {
                return err(
                    &source,
                    &name.referenced,
                    format!("rule `{id}` has no option `{}`", name.value),
                );
            }
            let value = match &v.value {
                RawValue::Scalar(s) => rules::options::Raw::Scalar(s.clone(), at(&v.referenced)),
                RawValue::List(l) => rules::options::Raw::List(
                    l.iter()
                        .map(|s| (s.value.clone(), at(&s.referenced)))
                        .collect(),
                ),
            };
            raw.push((name.value.as_str(), value));
        }
        if let Some(spec) = spec {
            let typed = (spec.parse)(&raw).map_err(|e| ConfigError {
                source: source.clone(),
                line: e.at.line,
                column: e.at.column,
                message: e.message,
            })?;
            cfg.options.set(id, typed);
        }
    }
    for s in raw.suppress.unwrap_or_default() {
        let rule = rule_id(&source, &s.rule)?;
        let expires = match &s.expires {
            None => None,
            Some(e) => match parse_date(&e.value) {
                Some(d) => Some(d),
                None => {
                    return err(
                        &source,
                        &e.referenced,
                        format!("`{}` is not a date: write YYYY-MM-DD", e.value),
                    )
                }
            },
        };
        let mut paths = Vec::new();
        for p in s.paths.unwrap_or_default() {
            if let Err(e) = globset::Glob::new(&p.value) {
                return err(
                    &source,
                    &p.referenced,
                    format!("invalid glob `{}`: {}", p.value, e.kind()),
                );
            }
            paths.push(p.value);
        }
        cfg.suppress.push(Suppress {
            rule,
            paths,
            resource: s.resource,
            reason: s.reason.filter(|r| !r.trim().is_empty()),
            expires,
            line: s.rule.referenced.line() as u32,
        });
    }
    Ok(cfg)
}

/// The parser's message without its own location suffix (we show the line).
fn plain_message(s: &str) -> String {
    let first = s.lines().next().unwrap_or(s);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // `line 2 column 1: unknown field ...`
    let first = match first.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        Some((pos, rest)) if pos.contains("column") => rest,
        _ => first,
    };
    let cut = first.find(" at line ").map_or(first, |i| &first[..i]);
    cut.trim().to_string()
}

/// `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Today's date (UTC) as `(year, month, day)`, from the system clock.
pub fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 → proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> Result<Config, ConfigError> {
        parse(Arc::new(SourceFile::new(
            ".idlint.yaml".into(),
            text.to_string(),
        )))
    }

    #[test]
    fn reads_the_documented_example() {
        let c = cfg(r#"
select: [SEC, MID, RBAC, BG]
ignore: [SEC015]
fail_on: medium
exclude: ["examples/**"]
severity: { MID004: low }
rules:
  RBAC001: { allowed_scopes: ["/subscriptions/*/resourceGroups/platform-*"] }
suppress:
  - rule: acr-admin-user-enabled
    paths: ["legacy/**"]
    resource: "Microsoft.ContainerRegistry/registries/legacyacr"
    reason: "retired in Q3"
    expires: 2027-03-31
"#)
        .unwrap_or_else(|e| panic!("{}:{}: {}", e.line, e.column, e.message));
        assert_eq!(
            cfg_tokens(&c),
            (vec!["SEC", "MID", "RBAC", "BG"], vec!["SEC015"])
        );
        assert_eq!(c.fail_on, Some(Some(Severity::Medium)));
        assert_eq!(c.severity, vec![("MID004", Severity::Low)]);
        let rbac001 = &crate::rules::rbac::rbac001::RULE.meta;
        let o: &crate::rules::rbac::rbac001::Options = c.options.get(rbac001).unwrap();
        assert_eq!(o.allowed_scopes.len(), 1);
        let s = &c.suppress[0];
        assert_eq!(
            (s.rule, s.expires, s.line),
            ("MID004", Some((2027, 3, 31)), 10)
        );
    }

    fn cfg_tokens(c: &Config) -> (Vec<&str>, Vec<&str>) {
        (
            c.select.iter().map(String::as_str).collect(),
            c.ignore.iter().map(String::as_str).collect(),
        )
    }

    #[test]
    fn errors_point_at_the_line() {
        let e = cfg("select: [SEC]\nignor: [MID004]\n").err().unwrap();
        assert_eq!(e.line, 2, "{}", e.message);
        assert!(e.message.contains("unknown field `ignor`"), "{}", e.message);
        let e = cfg("fail_on: sometimes\n").err().unwrap();
        assert_eq!(
            (e.line, e.message.as_str()),
            (
                1,
                "`sometimes` is not a `fail_on` value: use critical, high, medium, low or never"
            )
        );
        let e = cfg("severity:\n  MID999: low\n").err().unwrap();
        assert_eq!((e.line, e.message.as_str()), (2, "no rule named `MID999`"));
        let e = cfg("suppress:\n  - rule: MID004\n    expires: soon\n")
            .err()
            .unwrap();
        assert_eq!(e.line, 3);
        let e = cfg("rules:\n  MID004: { allowed_scopes: [x] }\n")
            .err()
            .unwrap();
        assert_eq!(
            (e.line, e.message.as_str()),
            (2, "rule `MID004` has no option `allowed_scopes`")
        );
        let e = cfg("rules:\n  RBAC001:\n    allowed_scope: [x]\n")
            .err()
            .unwrap();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (3, 5, "rule `RBAC001` has no option `allowed_scope`")
        );
        let e = cfg("rules:\n  RBAC001:\n    allowed_scopes: [\"/a\", \"[b\"]\n")
            .err()
            .unwrap();
        assert_eq!((e.line, e.column), (3, 28), "{}", e.message);
        assert!(e.message.starts_with("invalid glob `[b`"), "{}", e.message);
        let e = cfg("suppress:\n  - rule: MID004\n    reasn: typo\n")
            .err()
            .unwrap();
        assert_eq!(e.line, 3, "{}", e.message);
        let e = cfg("select: [SEC\n").err().unwrap();
        assert!(e.line >= 1, "{}", e.message);
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_789), (2026, 12, 2));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(parse_date("2027-03-31"), Some((2027, 3, 31)));
        assert_eq!(parse_date("2027-13-01"), None);
    }
}
