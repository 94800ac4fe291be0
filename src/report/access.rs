//! `idlint access` output: the inventory's rows as an aligned table, JSON,
//! CSV or a Mermaid graph. Cells are single lines free of control
//! characters, whatever the templates hold.

use crate::access::{PrincipalOut, RoleOut, Row, ScopeOut};
use crate::report::sanitize::line;
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AccessFormat {
    Table,
    Json,
    Csv,
    Mermaid,
}

fn principal_text(p: &PrincipalOut) -> String {
    match &p.name {
        Some(n) => format!("{} {n}", p.kind),
        None => p.kind.to_string(),
    }
}

fn role_text(r: &RoleOut) -> String {
    let name = r
        .name
        .clone()
        .or_else(|| r.id.clone())
        .unwrap_or_else(|| "unknown role".into());
    if r.privileged {
        format!("{name} (privileged)")
    } else {
        name
    }
}

fn scope_text(s: &ScopeOut) -> String {
    match (s.level, &s.target) {
        (Some(l), Some(t)) => format!("{l} {t}"),
        (Some(l), None) => l.to_string(),
        (None, Some(t)) => t.clone(),
        (None, None) => "unknown".into(),
    }
}

/// The report in `format`; cells are single-line and free of control
/// characters, whatever the templates hold.
pub fn render(rows: &[Row], format: AccessFormat) -> String {
    match format {
        AccessFormat::Json => {
            // The escaping every JSON report gets: control characters and
            // bidi overrides from the templates as `\u` escapes.
            let mut s = crate::report::sanitize::to_json(rows).unwrap_or_default();
            s.push('\n');
            s
        }
        AccessFormat::Csv => {
            let mut out = String::from(
                "file,line,assignment,deployed,principal_kind,principal,principal_file,principal_line,principal_type,role,role_kind,role_id,privileged,capabilities,scope_level,scope,condition,findings\n",
            );
            for r in rows {
                let cells = [
                    r.file.clone(),
                    r.line.to_string(),
                    r.assignment.clone(),
                    r.deployed.to_string(),
                    r.principal.kind.to_string(),
                    r.principal.name.clone().unwrap_or_default(),
                    r.principal.file.clone().unwrap_or_default(),
                    r.principal.line.map(|l| l.to_string()).unwrap_or_default(),
                    r.principal.principal_type.clone().unwrap_or_default(),
                    r.role.name.clone().unwrap_or_default(),
                    r.role.kind.to_string(),
                    r.role.id.clone().unwrap_or_default(),
                    r.role.privileged.to_string(),
                    r.role.capabilities.join(";"),
                    r.scope.level.unwrap_or_default().to_string(),
                    r.scope.target.clone().unwrap_or_default(),
                    r.condition.to_string(),
                    r.findings.join(";"),
                ];
                let cells: Vec<String> = cells.iter().map(|c| csv_cell(&line(c))).collect();
                out.push_str(&cells.join(","));
                out.push('\n');
            }
            out
        }
        AccessFormat::Table => {
            let header = [
                "PRINCIPAL",
                "ROLE",
                "CAN",
                "SCOPE",
                "CONDITION",
                "SOURCE",
                "FINDINGS",
            ];
            let body: Vec<[String; 7]> = rows
                .iter()
                .map(|r| {
                    [
                        line(&principal_text(&r.principal)).into_owned(),
                        line(&role_text(&r.role)).into_owned(),
                        line(&r.role.capabilities.join(", ")).into_owned(),
                        line(&scope_text(&r.scope)).into_owned(),
                        if r.condition { "yes" } else { "no" }.to_string(),
                        line(&if r.deployed {
                            format!("{}:{}", r.file, r.line)
                        } else {
                            format!("{}:{} (deploys nothing)", r.file, r.line)
                        })
                        .into_owned(),
                        r.findings.join(","),
                    ]
                })
                .collect();
            let mut width = header.map(|h| h.chars().count());
            for row in &body {
                for (w, c) in width.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let mut out = String::new();
            let mut put = |cells: &[String]| {
                let mut l = String::new();
                for (i, (c, w)) in cells.iter().zip(width).enumerate() {
                    if i + 1 == cells.len() {
                        l.push_str(c);
                    } else {
                        let _ = write!(l, "{c:<w$}  ");
                    }
                }
                out.push_str(l.trim_end());
                out.push('\n');
            };
            put(&header.map(String::from));
            for row in &body {
                put(row);
            }
            let none = rows.iter().filter(|r| !r.deployed).count();
            let _ = writeln!(
                out,
                "{} role assignment(s), {} of them deploying nothing",
                rows.len(),
                none
            );
            out
        }
        AccessFormat::Mermaid => mermaid(rows),
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `principal -->|role| scope`: one node per distinct principal and scope,
/// one edge per assignment, so a principal's access reads off its edges.
fn mermaid(rows: &[Row]) -> String {
    let mut nodes: Vec<String> = Vec::new();
    let id = |label: String, nodes: &mut Vec<String>| -> usize {
        match nodes.iter().position(|n| *n == label) {
            Some(i) => i,
            None => {
                nodes.push(label);
                nodes.len() - 1
            }
        }
    };
    let mut edges = Vec::new();
    for r in rows.iter().filter(|r| r.deployed) {
        let p = id(format!("P:{}", principal_text(&r.principal)), &mut nodes);
        let s = id(format!("S:{}", scope_text(&r.scope)), &mut nodes);
        let mut label = role_text(&r.role);
        if r.condition {
            label.push_str(" (with condition)");
        }
        edges.push((p, label, s));
    }
    let text = |s: &str| line(s).replace('"', "#quot;");
    let mut out = String::from("flowchart LR\n");
    for (i, n) in nodes.iter().enumerate() {
        let (kind, label) = n.split_at(2);
        if kind == "P:" {
            let _ = writeln!(out, "  n{i}([\"{}\"])", text(label));
        } else {
            let _ = writeln!(out, "  n{i}[\"{}\"]", text(label));
        }
    }
    for (p, label, s) in edges {
        let _ = writeln!(out, "  n{p} -->|\"{}\"| n{s}", text(&label));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::tests::row;

    #[test]
    fn csv_quotes_and_mermaid_escapes() {
        let mut r = row("a,b.json", 2, "input", Some("say \"hi\""));
        r.scope.target = Some("x\ny".into());
        let csv = render(&[r.clone()], AccessFormat::Csv);
        assert!(csv.lines().nth(1).unwrap().starts_with("\"a,b.json\",2,"));
        assert_eq!(csv.lines().count(), 2, "{csv}");
        let m = render(&[r], AccessFormat::Mermaid);
        assert!(m.contains("#quot;hi#quot;"), "{m}");
        assert!(!m.contains("x\ny"));
    }
}
