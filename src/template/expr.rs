//! The ARM template expression language: `[concat('a', parameters('b'))]`.
//! A recursive-descent parser with byte spans relative to the expression text.

use crate::source::MAX_DEPTH;

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    /// Byte range within the expression text (the JSON string without its brackets).
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Str(String),
    Num(f64),
    Bool(bool),
    Null,
    /// `name(args)`; user-defined functions keep their namespace (`ns.fn`).
    Call {
        name: String,
        args: Vec<Expr>,
    },
    Prop(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub message: String,
    /// Byte offset within the expression text.
    pub offset: usize,
}

/// What a JSON string holds: a literal (with the `[[` escape undone) or an expression.
#[derive(Debug, PartialEq, Eq)]
pub enum StringForm<'a> {
    Literal(std::borrow::Cow<'a, str>),
    /// The expression text between the outer brackets, and its byte offset in the string.
    Expression(&'a str, usize),
}

pub fn classify(s: &str) -> StringForm<'_> {
    if s.starts_with("[[") {
        return StringForm::Literal(std::borrow::Cow::Owned(s[1..].to_string()));
    }
    if s.len() >= 2 && s.starts_with('[') && s.ends_with(']') {
        return StringForm::Expression(&s[1..s.len() - 1], 1);
    }
    StringForm::Literal(std::borrow::Cow::Borrowed(s))
}

pub fn parse(text: &str) -> Result<Expr, ExprError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        pos: 0,
    };
    p.ws();
    let e = p.expr(0)?;
    p.ws();
    if p.pos < p.s.len() {
        return Err(p.err(format!(
            "unexpected {} after the end of the expression",
            p.peek_char()
        )));
    }
    Ok(e)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, message: impl Into<String>) -> ExprError {
        ExprError {
            message: message.into(),
            offset: self.pos.min(self.s.len()),
        }
    }

    /// The next character in backticks, or "the end of the expression".
    fn peek_char(&self) -> String {
        self.text
            .get(self.pos..)
            .and_then(|t| t.chars().next())
            .map(|c| format!("`{c}`"))
            .unwrap_or_else(|| "the end of the expression".into())
    }

    /// Skips whitespace, including Unicode spaces (a no-break space pasted
    /// into an expression is accepted by ARM).
    fn ws(&mut self) {
        while let Some(c) = self.text.get(self.pos..).and_then(|t| t.chars().next()) {
            if !c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    fn expr(&mut self, depth: usize) -> Result<Expr, ExprError> {
        if depth > MAX_DEPTH {
            return Err(self.err("expression nested too deeply"));
        }
        let mut e = self.primary(depth)?;
        // Each `.p` and `[i]` wraps the expression so far one level deeper.
        let mut depth = depth;
        loop {
            self.ws();
            if matches!(self.s.get(self.pos), Some(b'.' | b'[')) {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(self.err("expression nested too deeply"));
                }
            }
            match self.s.get(self.pos) {
                Some(b'.') => {
                    self.pos += 1;
                    self.ws();
                    let name = self.ident().ok_or_else(|| {
                        self.err(format!(
                            "expected a property name after `.`, found {}",
                            self.peek_char()
                        ))
                    })?;
                    let start = e.start;
                    e = Expr {
                        kind: ExprKind::Prop(Box::new(e), name),
                        start,
                        end: self.pos,
                    };
                }
                Some(b'[') => {
                    self.pos += 1;
                    self.ws();
                    let idx = self.expr(depth + 1)?;
                    self.ws();
                    if self.s.get(self.pos) != Some(&b']') {
                        return Err(self.err(format!(
                            "expected `]` to close the index, found {}",
                            self.peek_char()
                        )));
                    }
                    self.pos += 1;
                    let start = e.start;
                    e = Expr {
                        kind: ExprKind::Index(Box::new(e), Box::new(idx)),
                        start,
                        end: self.pos,
                    };
                }
                _ => return Ok(e),
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        while matches!(self.s.get(self.pos), Some(c) if c.is_ascii_alphanumeric() || *c == b'_' || *c == b'$')
        {
            self.pos += 1;
        }
        (self.pos > start).then(|| self.text[start..self.pos].to_string())
    }

    fn primary(&mut self, depth: usize) -> Result<Expr, ExprError> {
        let start = self.pos;
        match self.s.get(self.pos) {
            Some(b'\'') => {
                let s = self.string()?;
                Ok(Expr {
                    kind: ExprKind::Str(s),
                    start,
                    end: self.pos,
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' || *c == b'$' => {
                let mut name = self.ident().unwrap_or_default();
                // Namespaced user-defined function: `ns.fn(`.
                let save = self.pos;
                if self.s.get(self.pos) == Some(&b'.') {
                    self.pos += 1;
                    match self.ident() {
                        Some(member) if self.peek_after_ws() == Some(b'(') => {
                            name = format!("{name}.{member}");
                        }
                        _ => self.pos = save,
                    }
                }
                self.ws();
                if self.s.get(self.pos) != Some(&b'(') {
                    let kind = match name.to_ascii_lowercase().as_str() {
                        "true" => ExprKind::Bool(true),
                        "false" => ExprKind::Bool(false),
                        "null" => ExprKind::Null,
                        _ => {
                            return Err(ExprError {
                                message: format!("expected `(` after function name `{name}`"),
                                offset: self.pos.min(self.s.len()),
                            })
                        }
                    };
                    return Ok(Expr {
                        kind,
                        start,
                        end: self.pos,
                    });
                }
                self.pos += 1;
                let mut args = Vec::new();
                self.ws();
                if self.s.get(self.pos) == Some(&b')') {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        args.push(self.expr(depth + 1)?);
                        self.ws();
                        match self.s.get(self.pos) {
                            Some(b',') => self.pos += 1,
                            Some(b')') => {
                                self.pos += 1;
                                break;
                            }
                            None => {
                                return Err(
                                    self.err(format!("unclosed call to `{name}`: expected `)`"))
                                )
                            }
                            _ => {
                                return Err(self.err(format!(
                                    "expected `,` or `)` in the arguments of `{name}`, found {}",
                                    self.peek_char()
                                )))
                            }
                        }
                    }
                }
                Ok(Expr {
                    kind: ExprKind::Call { name, args },
                    start,
                    end: self.pos,
                })
            }
            None => Err(self.err("expected an expression, found the end")),
            _ => Err(self.err(format!(
                "expected a function call, string or number, found {}",
                self.peek_char()
            ))),
        }
    }

    fn peek_after_ws(&self) -> Option<u8> {
        let rest = self.text.get(self.pos..)?;
        rest.trim_start().bytes().next()
    }

    fn string(&mut self) -> Result<String, ExprError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.s[self.pos..];
            match memchr::memchr(b'\'', rest) {
                None => {
                    return Err(ExprError {
                        message: "unterminated string: expected `'`".into(),
                        offset: open,
                    })
                }
                Some(i) => {
                    out.push_str(&self.text[self.pos..self.pos + i]);
                    self.pos += i + 1;
                    if self.s.get(self.pos) == Some(&b'\'') {
                        out.push('\'');
                        self.pos += 1;
                    } else {
                        return Ok(out);
                    }
                }
            }
        }
    }

    fn number(&mut self) -> Result<Expr, ExprError> {
        let start = self.pos;
        if self.s.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = self.pos;
        while matches!(self.s.get(self.pos), Some(b'0'..=b'9' | b'.')) {
            self.pos += 1;
        }
        let text = &self.text[start..self.pos];
        if self.pos == digits {
            return Err(self.err("expected digits after `-`"));
        }
        let n: f64 = text
            .parse()
            .map_err(|_| self.err(format!("invalid number `{text}`")))?;
        Ok(Expr {
            kind: ExprKind::Num(n),
            start,
            end: self.pos,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(e: &Expr) -> (&str, &[Expr]) {
        match &e.kind {
            ExprKind::Call { name, args } => (name, args),
            k => panic!("not a call: {k:?}"),
        }
    }

    #[test]
    fn classifies_strings() {
        assert_eq!(classify("[a()]"), StringForm::Expression("a()", 1));
        assert_eq!(classify("[[a()]"), StringForm::Literal("[a()]".into()));
        assert_eq!(classify("plain"), StringForm::Literal("plain".into()));
        assert_eq!(classify("[x"), StringForm::Literal("[x".into()));
    }

    #[test]
    fn parses_calls_strings_and_access() {
        let e = parse("concat('it''s', parameters('p').a[0], -1.5)").unwrap();
        let (name, args) = call(&e);
        assert_eq!(name, "concat");
        assert_eq!(args[0].kind, ExprKind::Str("it's".into()));
        assert!(
            matches!(&args[1].kind, ExprKind::Index(b, _) if matches!(&b.kind, ExprKind::Prop(_, p) if p == "a"))
        );
        assert_eq!(args[2].kind, ExprKind::Num(-1.5));
        assert_eq!((args[1].start, args[1].end), (16, 36));
    }

    #[test]
    fn parses_namespaced_and_literals() {
        let e = parse("__bicep.fn(true, null)").unwrap();
        assert_eq!(call(&e).0, "__bicep.fn");
        let e = parse(" reference('x').outputs.y.value ").unwrap();
        assert!(matches!(e.kind, ExprKind::Prop(_, ref p) if p == "value"));
    }

    #[test]
    fn errors_are_located() {
        let e = parse("concat('a', 'b'").unwrap_err();
        assert!(
            e.message.contains("unclosed call to `concat`"),
            "{}",
            e.message
        );
        assert_eq!(e.offset, 15);
        let e = parse("concat('a' 'b')").unwrap_err();
        assert!(e.message.contains("expected `,` or `)`"));
        assert_eq!(e.offset, 11);
        assert!(parse("'abc").unwrap_err().message.contains("unterminated"));
        assert!(parse("foo").unwrap_err().message.contains("expected `(`"));
        assert!(parse("a()]").unwrap_err().message.contains("after the end"));
        assert!(parse("").is_err());
        assert!(parse("a(").is_err());
        assert!(parse("a().").is_err());
        assert!(parse("a()[1").is_err());
    }

    #[test]
    fn accepts_unicode_whitespace() {
        let e = parse("concat('a',\u{a0}'b')").unwrap();
        assert_eq!(call(&e).1.len(), 2);
    }

    #[test]
    fn bounds_depth() {
        let deep = "a(".repeat(10_000);
        assert!(parse(&deep).unwrap_err().message.contains("too deeply"));
        // Property and index chains nest too (found by hand while fuzzing:
        // a million of them overflowed the stack).
        for link in [".a", "[0]"] {
            let long = format!("x(){}", link.repeat(1_000_000));
            assert!(parse(&long).unwrap_err().message.contains("too deeply"));
            let fine = format!("x(){}", link.repeat(200));
            parse(&fine).unwrap();
        }
    }

    #[test]
    fn never_panics_on_prefixes() {
        let text = "if(equals(parameters('a'),'x'''),createObject('k',[1]),variables('v')[0].p)";
        for i in 0..=text.len() {
            let _ = parse(&text[..i]);
        }
    }
}
