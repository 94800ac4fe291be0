//! Suppressions: `idlint:ignore` comments in the source and `suppress`
//! entries of the configuration. This applies them and says which were
//! used; the META scan rules (`crate::rules::meta`) report the stale ones
//! so ignores do not pile up.

use crate::findings::{Diagnostic, Suppressed, SuppressionKind};
use crate::source::{SourceFile, Span};
use std::path::Path;
use std::sync::Arc;

/// A suppression entry of the configuration.
#[derive(Clone, Debug)]
pub struct Suppress {
    /// Rule ID (resolved from an ID or a name).
    pub rule: &'static str,
    /// Globs relative to the configuration file's directory; empty means everywhere.
    pub paths: Vec<String>,
    /// `Type/name` of the resource, compared ignoring case.
    pub resource: Option<String>,
    pub reason: Option<String>,
    /// `(year, month, day)`.
    pub expires: Option<(i32, u32, u32)>,
    /// 1-based line of the entry in the configuration file.
    pub line: u32,
}

const MARKER: &str = "idlint:ignore";

/// An `idlint:ignore` comment and the text it covers.
#[derive(Clone, Debug)]
pub struct Inline {
    pub file: Arc<SourceFile>,
    /// The comment, from its `#`/`//`/`/*` to the end of the line.
    pub comment: Span,
    /// Rule IDs or names as written.
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// Byte range of the block, attribute or property it covers.
    pub covers: Span,
}

/// The `idlint:ignore` comments of a file. A comment at the end of a line
/// covers that line's construct; a comment alone on its line covers the
/// next construct. A construct that opens a bracket covers up to its close.
pub fn find_inline(file: &Arc<SourceFile>) -> Vec<Inline> {
    let text = &file.text;
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), MARKER) {
        let line = file.lines.line_of(at);
        let Some((ls, le)) = file.lines.line_span(text, line) else {
            continue;
        };
        let before = &text[ls..at];
        let Some(starter) = comment_start(before) else {
            continue;
        };
        let comment_at = ls + starter;
        let (ids, reason) = parse_directive(&text[at + MARKER.len()..le]);
        if ids.is_empty() {
            continue;
        }
        let code_before = !text[ls..comment_at].trim().is_empty();
        let target = if code_before {
            Some(line)
        } else {
            next_code_line(file, line + 1)
        };
        let Some(target) = target else { continue };
        let Some((ts, te)) = file.lines.line_span(text, target) else {
            continue;
        };
        let end = construct_end(text, ts, te);
        out.push(Inline {
            file: file.clone(),
            comment: Span::new(comment_at, le),
            rules: ids,
            reason,
            covers: Span::new(ts, end),
        });
    }
    out
}

/// Where the comment holding the marker starts in `before` (the line up to
/// the marker), when only spaces separate the comment opener from it.
fn comment_start(before: &str) -> Option<usize> {
    let trimmed = before.trim_end();
    for opener in ["//", "/*", "#"] {
        if let Some(stripped) = trimmed.strip_suffix(opener) {
            return Some(stripped.len());
        }
    }
    None
}

/// `MID004,acr-admin-user-enabled the reason` → (ids, reason).
fn parse_directive(rest: &str) -> (Vec<String>, Option<String>) {
    let rest = rest.trim_end().trim_end_matches("*/").trim();
    let (ids, reason) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let ids: Vec<String> = ids
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let reason = reason.trim().trim_start_matches(['-', ':', '—']).trim();
    (ids, (!reason.is_empty()).then(|| reason.to_string()))
}

fn next_code_line(file: &SourceFile, mut line: usize) -> Option<usize> {
    while line < file.lines.line_count() {
        let (s, e) = file.lines.line_span(&file.text, line)?;
        let t = file.text[s..e].trim();
        if !(t.is_empty()
            || t.starts_with('#')
            || t.starts_with("//")
            || t.starts_with("/*")
            || t.starts_with('*'))
        {
            return Some(line);
        }
        line += 1;
    }
    None
}

/// End of the construct starting on the line `[ls, le)`: the matching close
/// when the line opens a bracket or a heredoc, else the end of the line.
fn construct_end(text: &str, ls: usize, le: usize) -> usize {
    let b = text.as_bytes();
    let code = strip_trailing_comment(&text[ls..le]);
    let trimmed = code.trim_end();
    if let Some(h) = trimmed.find("<<") {
        let delim: String = trimmed[h + 2..]
            .trim_start_matches('-')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !delim.is_empty() {
            let mut pos = le;
            while pos < text.len() {
                let next = text[pos + 1..]
                    .find('\n')
                    .map_or(text.len(), |i| pos + 1 + i);
                if text.get(pos + 1..next).is_some_and(|l| l.trim() == delim) {
                    return next;
                }
                pos = next;
            }
            return text.len();
        }
    }
    let Some(open) = trimmed
        .chars()
        .last()
        .filter(|c| matches!(c, '{' | '[' | '('))
    else {
        return le;
    };
    let _ = open;
    // Scan from the opener for its close, skipping strings and comments.
    let mut depth = 0usize;
    let mut i = ls + trimmed.len() - 1;
    while i < b.len() {
        match b[i] {
            b'{' | b'[' | b'(' => depth += 1,
            b'}' | b']' | b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'#' => i = text[i..].find('\n').map_or(b.len(), |j| i + j),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |j| i + j)
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |j| i + 3 + j)
            }
            _ => {}
        }
        i += 1;
    }
    text.len()
}

fn strip_trailing_comment(line: &str) -> &str {
    let mut in_str = false;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => in_str = !in_str,
            b'\\' if in_str => i += 1,
            b'#' if !in_str => return &line[..i],
            b'/' if !in_str && matches!(b.get(i + 1), Some(b'/' | b'*')) => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

/// Where suppressions leave a report: kept findings, suppressed ones, and
/// which suppressions were used.
pub struct Outcome {
    pub kept: Vec<Diagnostic>,
    pub suppressed: Vec<Diagnostic>,
    pub usage: Usage,
    /// Inline comments not honoured (`--no-inline-suppressions`), each once.
    pub unhonoured: Vec<Unhonoured>,
}

/// Which suppressions matched a finding: what the META rules judge.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// Per entry of the `inline` list: it covers a finding of a rule it
    /// names (suppressed, or reported because inline ones are not honoured).
    pub inline: Vec<bool>,
    /// Per entry of `Config::suppress`: it suppressed a finding.
    pub config: Vec<bool>,
}

/// A configuration entry past its `expires` date no longer suppresses.
pub fn expired(s: &Suppress, today: (i32, u32, u32)) -> bool {
    s.expires.is_some_and(|e| e < today)
}

/// The inline comments with their index in `inline`, each once: a file read
/// by two jobs lists its comments twice.
pub fn distinct(inline: &[Inline]) -> impl Iterator<Item = (usize, &Inline)> {
    let mut seen = std::collections::HashSet::new();
    inline
        .iter()
        .enumerate()
        .filter(move |(_, s)| seen.insert((s.file.path.clone(), s.comment.start)))
}

/// An `idlint:ignore` comment that a PR gate did not honour, listed so a
/// reviewer sees what the change tried to silence.
#[derive(Clone, Debug, serde::Serialize, PartialEq, Eq)]
pub struct Unhonoured {
    pub file: String,
    pub line: u32,
    pub rules: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Findings it would have suppressed, all reported.
    pub would_suppress: usize,
}

/// Does a comment's token (an ID or a name) name the finding's rule? The
/// finding carries both, so no registry is needed.
fn names(d: &Diagnostic, token: &str) -> bool {
    d.rule_id.eq_ignore_ascii_case(token) || d.rule_name.eq_ignore_ascii_case(token)
}

/// Applies inline and configured suppressions to `diagnostics`. With
/// `honour_inline` false, comments in the scanned code suppress nothing
/// (the code under review cannot switch its own gate off) and are listed.
pub fn apply(
    diagnostics: Vec<Diagnostic>,
    inline: &[Inline],
    entries: &[Suppress],
    base: Option<&Path>,
    today: (i32, u32, u32),
    honour_inline: bool,
) -> Outcome {
    let mut used_inline = vec![false; inline.len()];
    let mut would_suppress = vec![0usize; inline.len()];
    let mut used_config = vec![false; entries.len()];
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    for mut d in diagnostics {
        let inline_hit = inline.iter().position(|s| {
            Arc::ptr_eq(&s.file, &d.source) || s.file.path == d.source.path
        } && d.span.start >= s.covers.start
            && d.span.start < s.covers.end.max(s.covers.start + 1)
            && s.rules.iter().any(|t| names(&d, t)));
        if let Some(i) = inline_hit.filter(|_| !honour_inline) {
            used_inline[i] = true;
            would_suppress[i] += 1;
        } else if let Some(i) = inline_hit {
            used_inline[i] = true;
            d.suppressed = Some(Suppressed {
                kind: SuppressionKind::Inline,
                justification: inline[i].reason.clone().unwrap_or_default(),
            });
            suppressed.push(d);
            continue;
        }
        let config_hit = entries.iter().position(|s| {
            s.rule == d.rule_id
                && !expired(s, today)
                && path_matches(s, &d.source.path, base)
                && resource_matches(s, &d)
        });
        if let Some(i) = config_hit {
            used_config[i] = true;
            d.suppressed = Some(Suppressed {
                kind: SuppressionKind::Config,
                justification: entries[i].reason.clone().unwrap_or_default(),
            });
            suppressed.push(d);
            continue;
        }
        kept.push(d);
    }
    let mut unhonoured = Vec::new();
    if !honour_inline {
        for (i, s) in distinct(inline) {
            unhonoured.push(Unhonoured {
                file: s.file.display.clone(),
                line: s.file.line_col(s.comment.start).line,
                rules: s.rules.clone(),
                reason: s.reason.clone(),
                would_suppress: would_suppress[i],
            });
        }
    }
    unhonoured.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Outcome {
        kept,
        suppressed,
        usage: Usage {
            inline: used_inline,
            config: used_config,
        },
        unhonoured,
    }
}

/// The configuration entry at 1-based `line`, without its indentation.
pub fn config_line_span(src: &SourceFile, line: u32) -> Span {
    let (s, e) = src
        .lines
        .line_span(&src.text, line.saturating_sub(1) as usize)
        .unwrap_or((0, 0));
    let lead = src.text[s..e].len() - src.text[s..e].trim_start().len();
    Span::new(s + lead, e)
}

fn path_matches(s: &Suppress, path: &Path, base: Option<&Path>) -> bool {
    if s.paths.is_empty() {
        return true;
    }
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let abs = crate::source::normalize(&abs);
    let rel = base
        .map(|b| {
            let b = if b.is_absolute() {
                b.to_path_buf()
            } else {
                std::env::current_dir()
                    .map(|c| c.join(b))
                    .unwrap_or_default()
            };
            crate::source::normalize(&b)
        })
        .and_then(|b| abs.strip_prefix(&b).ok().map(Path::to_path_buf))
        .unwrap_or(abs);
    let rel = rel.to_string_lossy().replace('\\', "/");
    s.paths.iter().any(|g| {
        globset::GlobBuilder::new(g)
            .literal_separator(true)
            .build()
            .map(|g| g.compile_matcher().is_match(&rel))
            .unwrap_or(false)
    })
}

fn resource_matches(s: &Suppress, d: &Diagnostic) -> bool {
    match (&s.resource, &d.resource) {
        (None, _) => true,
        (Some(want), Some(r)) => {
            want.eq_ignore_ascii_case(&format!("{}/{}", r.ty, r.name))
                || want.eq_ignore_ascii_case(&r.name)
        }
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Arc<SourceFile> {
        Arc::new(SourceFile::new("main.tf".into(), text.to_string()))
    }

    fn covered(text: &str) -> Vec<(Vec<String>, Option<String>, String)> {
        let f = file(text);
        find_inline(&f)
            .into_iter()
            .map(|s| {
                (
                    s.rules,
                    s.reason,
                    text[s.covers.start as usize..s.covers.end as usize].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn comment_above_covers_the_next_construct() {
        let t = "# idlint:ignore MID004,SEC015 legacy agent, removed in Q3\nresource \"a\" \"b\" {\n  x = 1\n}\ny = 2\n";
        let c = covered(t);
        assert_eq!(c[0].0, ["MID004", "SEC015"]);
        assert_eq!(c[0].1.as_deref(), Some("legacy agent, removed in Q3"));
        assert_eq!(c[0].2, "resource \"a\" \"b\" {\n  x = 1\n}");
    }

    #[test]
    fn end_of_line_comment_covers_its_line() {
        let t = "{\n  \"adminUserEnabled\": true, // idlint:ignore MID004 break-glass only\n  \"b\": 1\n}\n";
        let c = covered(t);
        assert_eq!(
            c[0].2,
            "  \"adminUserEnabled\": true, // idlint:ignore MID004 break-glass only"
        );
    }

    #[test]
    fn markers_outside_comments_and_without_ids_are_ignored() {
        assert!(covered("x = \"idlint:ignore MID004\"\n").is_empty());
        assert!(covered("# idlint:ignore\nx = 1\n").is_empty());
        let c = covered("/* idlint:ignore MID004 */\nx = <<EOT\nhello\nEOT\nz = 1\n");
        assert_eq!(c[0].1, None);
        assert_eq!(c[0].2, "x = <<EOT\nhello\nEOT");
    }
}
