//! A span-keeping JSON parser with the extensions ARM accepts: `//` and `/* */`
//! comments, trailing commas, and raw control characters (newlines) inside
//! strings. Written here rather than taken from a crate so that nesting is
//! bounded without recursion surprises, comments are kept for inline
//! suppressions, and every error carries the exact span.

use super::{Span, MAX_DEPTH};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub kind: JsonKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Span,
}

/// A parsed document with its comments (for inline suppressions) and any keys
/// that appear twice in one object (the later one wins, as in ARM).
#[derive(Debug)]
pub struct Document {
    pub root: Json,
    pub comments: Vec<Span>,
    pub duplicate_keys: Vec<Span>,
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            JsonKind::Object(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.kind {
            JsonKind::Array(a) => Some(a),
            _ => None,
        }
    }
    /// Member lookup ignoring ASCII case (ARM property names are case-insensitive).
    /// The last duplicate wins, as in ARM.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.member(key).map(|m| &m.value)
    }
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.as_object()?
            .iter()
            .rev()
            .find(|m| m.key.eq_ignore_ascii_case(key))
    }
    /// True when a string value was written without escapes, so that an offset
    /// into the decoded string maps to `span.start + 1 + offset` in the file.
    pub fn string_is_verbatim(&self) -> bool {
        matches!(&self.kind, JsonKind::String(s) if s.len() + 2 == self.span.len())
    }
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "a boolean",
            JsonKind::Number(_) => "a number",
            JsonKind::String(_) => "a string",
            JsonKind::Array(_) => "an array",
            JsonKind::Object(_) => "an object",
        }
    }
}

/// Objects with up to this many members look for a repeated key by scanning
/// them; larger ones by a hash set.
const SCAN_KEYS: usize = 16;

pub fn parse(text: &str) -> Result<Document, ParseError> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
        comments: Vec::new(),
        duplicate_keys: Vec::new(),
    };
    p.skip_ws()?;
    if p.pos >= p.src.len() {
        return Err(p.err_here("empty document: expected a JSON value"));
    }
    let root = p.value(0)?;
    p.skip_ws()?;
    if p.pos < p.src.len() {
        return Err(p.err_here("unexpected content after the end of the JSON value"));
    }
    Ok(Document {
        root,
        comments: p.comments,
        duplicate_keys: p.duplicate_keys,
    })
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    comments: Vec<Span>,
    duplicate_keys: Vec<Span>,
}

impl<'a> Parser<'a> {
    fn err(&self, message: impl Into<String>, start: usize, end: usize) -> ParseError {
        let end = end.max(start).min(self.src.len());
        ParseError {
            message: message.into(),
            span: Span::new(start.min(self.src.len()), end),
        }
    }

    fn err_here(&self, message: impl Into<String>) -> ParseError {
        let end = self.next_char_end();
        self.err(message, self.pos, end)
    }

    fn next_char_end(&self) -> usize {
        match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
            Some(c) => self.pos + c.len_utf8(),
            None => self.pos,
        }
    }

    fn found(&self) -> String {
        match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
            None => "end of file".into(),
            Some(c) if c.is_control() => format!("`{}`", c.escape_default()),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_ws(&mut self) -> Result<(), ParseError> {
        loop {
            match self.src.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') => match self.src.get(self.pos + 1) {
                    Some(b'/') => {
                        let start = self.pos;
                        let end = memchr::memchr(b'\n', &self.src[self.pos..])
                            .map(|i| self.pos + i)
                            .unwrap_or(self.src.len());
                        self.comments.push(Span::new(start, end));
                        self.pos = end;
                    }
                    Some(b'*') => {
                        let start = self.pos;
                        match memchr::memmem::find(&self.src[self.pos + 2..], b"*/") {
                            Some(i) => {
                                self.pos += 2 + i + 2;
                                self.comments.push(Span::new(start, self.pos));
                            }
                            None => {
                                return Err(self.err(
                                    "unterminated block comment",
                                    start,
                                    start + 2,
                                ))
                            }
                        }
                    }
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(self.err_here(format!(
                "nesting deeper than {MAX_DEPTH} levels; refusing to parse further"
            )));
        }
        let start = self.pos;
        match self.src.get(self.pos) {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Json {
                    kind: JsonKind::String(s),
                    span: Span::new(start, self.pos),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.keyword("true", JsonKind::Bool(true)),
            Some(b'f') => self.keyword("false", JsonKind::Bool(false)),
            Some(b'n') => self.keyword("null", JsonKind::Null),
            Some(b'\'') => Err(self.err_here("single-quoted strings are not JSON; use `\"`")),
            _ => Err(self.err_here(format!("expected a JSON value, found {}", self.found()))),
        }
    }

    fn keyword(&mut self, word: &str, kind: JsonKind) -> Result<Json, ParseError> {
        let start = self.pos;
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            if !matches!(self.src.get(self.pos), Some(c) if c.is_ascii_alphanumeric() || *c == b'_')
            {
                return Ok(Json {
                    kind,
                    span: Span::new(start, self.pos),
                });
            }
        }
        let end = self.src[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
            .map(|i| start + i)
            .unwrap_or(self.src.len());
        Err(self.err(
            format!("unknown literal `{}`", &self.text[start..end]),
            start,
            end,
        ))
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        let s = self.src;
        let mut i = self.pos;
        if s.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        while matches!(s.get(i), Some(b'0'..=b'9')) {
            i += 1;
        }
        if i == int_start {
            return Err(self.err("expected digits after `-`", start, i + 1));
        }
        if s[int_start] == b'0' && i - int_start > 1 {
            return Err(self.err("numbers cannot have leading zeros", start, i));
        }
        if s.get(i) == Some(&b'.') {
            i += 1;
            let frac = i;
            while matches!(s.get(i), Some(b'0'..=b'9')) {
                i += 1;
            }
            if i == frac {
                return Err(self.err("expected digits after `.`", start, i));
            }
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(s.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let exp = i;
            while matches!(s.get(i), Some(b'0'..=b'9')) {
                i += 1;
            }
            if i == exp {
                return Err(self.err("expected digits in the exponent", start, i));
            }
        }
        self.pos = i;
        let n: f64 = self.text[start..i]
            .parse()
            .map_err(|_| self.err("invalid number", start, i))?;
        Ok(Json {
            kind: JsonKind::Number(n),
            span: Span::new(start, i),
        })
    }

    /// Parses a string starting at `"`; leaves `pos` after the closing quote.
    fn string(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.src[self.pos..];
            let Some(i) = memchr::memchr2(b'"', b'\\', rest) else {
                return Err(self.err("unterminated string", start, start + 1));
            };
            out.push_str(&self.text[self.pos..self.pos + i]);
            self.pos += i;
            if self.src[self.pos] == b'"' {
                self.pos += 1;
                return Ok(out);
            }
            // escape
            let esc_start = self.pos;
            let Some(&c) = self.src.get(self.pos + 1) else {
                return Err(self.err("unterminated string", start, start + 1));
            };
            self.pos += 2;
            match c {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let hi = self.hex4(esc_start)?;
                    if (0xD800..0xDC00).contains(&hi)
                        && self.src.get(self.pos) == Some(&b'\\')
                        && self.src.get(self.pos + 1) == Some(&b'u')
                    {
                        let save = self.pos;
                        self.pos += 2;
                        let lo = self.hex4(save)?;
                        if (0xDC00..0xE000).contains(&lo) {
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        } else {
                            out.push('\u{FFFD}');
                            out.push(char::from_u32(lo).unwrap_or('\u{FFFD}'));
                        }
                    } else {
                        out.push(char::from_u32(hi).unwrap_or('\u{FFFD}'));
                    }
                }
                _ => {
                    let end = self.next_char_end_from(esc_start + 1);
                    return Err(self.err(
                        format!("invalid escape `{}` in string", &self.text[esc_start..end]),
                        esc_start,
                        end,
                    ));
                }
            }
        }
    }

    fn next_char_end_from(&self, at: usize) -> usize {
        match self.text.get(at..).and_then(|s| s.chars().next()) {
            Some(c) => at + c.len_utf8(),
            None => at,
        }
    }

    fn hex4(&mut self, esc_start: usize) -> Result<u32, ParseError> {
        let digits = self.src.get(self.pos..self.pos + 4);
        let v = digits
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .and_then(|d| u32::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok());
        match v {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.err(
                "invalid `\\u` escape: expected four hex digits",
                esc_start,
                (self.pos + 4).min(self.src.len()),
            )),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws()?;
            match self.src.get(self.pos) {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json {
                        kind: JsonKind::Array(items),
                        span: Span::new(start, self.pos),
                    });
                }
                None => return Err(self.err("unclosed array: expected `]`", start, start + 1)),
                _ => {}
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws()?;
            match self.src.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                None => return Err(self.err("unclosed array: expected `]`", start, start + 1)),
                _ => {
                    return Err(
                        self.err_here(format!("expected `,` or `]`, found {}", self.found()))
                    )
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        // Keys seen, once the object is large enough for scanning them to
        // cost more than hashing: a 16 MiB object has a million keys.
        let mut seen: Option<HashSet<String>> = None;
        loop {
            self.skip_ws()?;
            match self.src.get(self.pos) {
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json {
                        kind: JsonKind::Object(members),
                        span: Span::new(start, self.pos),
                    });
                }
                Some(b'"') => {}
                None => return Err(self.err("unclosed object: expected `}`", start, start + 1)),
                _ => {
                    return Err(self.err_here(format!(
                        "expected a property name in double quotes, found {}",
                        self.found()
                    )))
                }
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws()?;
            if self.src.get(self.pos) != Some(&b':') {
                return Err(self.err_here(format!(
                    "expected `:` after property name, found {}",
                    self.found()
                )));
            }
            self.pos += 1;
            self.skip_ws()?;
            let value = self.value(depth + 1)?;
            let duplicate = match &mut seen {
                Some(set) => {
                    crate::probes::add(1);
                    !set.insert(key.clone())
                }
                None => {
                    crate::probes::add(members.len() as u64);
                    let dup = members.iter().any(|m| m.key == key);
                    if members.len() >= SCAN_KEYS {
                        let mut set: HashSet<String> =
                            members.iter().map(|m| m.key.clone()).collect();
                        set.insert(key.clone());
                        seen = Some(set);
                    }
                    dup
                }
            };
            if duplicate {
                self.duplicate_keys.push(key_span);
            }
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_ws()?;
            match self.src.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {}
                None => return Err(self.err("unclosed object: expected `}`", start, start + 1)),
                _ => {
                    return Err(
                        self.err_here(format!("expected `,` or `}}`, found {}", self.found()))
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Document {
        parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }
    fn err(text: &str) -> ParseError {
        parse(text).expect_err(text)
    }

    #[test]
    fn parses_values_with_spans() {
        let d = ok(r#" {"a": [1, -2.5e3, true, null], "b": "x\"y"} "#);
        let a = d.root.get("A").unwrap();
        assert_eq!(a.span, Span::new(7, 30));
        let items = a.as_array().unwrap();
        assert_eq!(items[1].kind, JsonKind::Number(-2500.0));
        let b = d.root.member("b").unwrap();
        assert_eq!(b.key_span, Span::new(32, 35));
        assert_eq!(b.value.as_str(), Some("x\"y"));
        assert!(!b.value.string_is_verbatim());
    }

    fn object_of(keys: impl Iterator<Item = String>) -> String {
        let members: Vec<String> = keys.map(|k| format!("\"{k}\": 1")).collect();
        format!("{{{}}}", members.join(", "))
    }

    #[test]
    fn records_duplicate_keys_in_large_objects_too() {
        // Keys 0..40, then 3 and 25 again: past the scanning size.
        let keys = (0..40).chain([3, 25]).map(|i| format!("k{i}"));
        let text = object_of(keys);
        let d = ok(&text);
        let at = |k: &str| {
            let i = text.rfind(&format!("\"{k}\"")).unwrap();
            Span::new(i, i + k.len() + 2)
        };
        assert_eq!(d.duplicate_keys, vec![at("k3"), at("k25")]);
        // Case matters: `A` and `a` are different keys to JSON.
        let d = ok(&object_of(
            (0..20).map(|i| format!("k{i}")).chain(["K1".into()]),
        ));
        assert!(d.duplicate_keys.is_empty());
    }

    #[test]
    fn duplicate_key_checks_grow_linearly() {
        let probes = |n: usize| {
            let text = object_of((0..n).map(|i| format!("k{i}")));
            let before = crate::probes::count();
            assert!(ok(&text).duplicate_keys.is_empty());
            crate::probes::count() - before
        };
        let (n, n2) = (probes(5_000), probes(10_000));
        assert!(n <= 2 * 5_000 && n2 <= 2 * 10_000, "{n} and {n2} probes");
        assert!(n2 <= 2 * n + 1_000, "{n} then {n2} probes: not linear");
    }

    #[test]
    fn accepts_arm_extensions() {
        let d = ok("// head\n{ /* c */ \"a\": [1,2,], \"b\": \"line1\nline2\", }\n");
        assert_eq!(d.comments.len(), 2);
        assert_eq!(d.root.get("b").unwrap().as_str(), Some("line1\nline2"));
    }

    #[test]
    fn decodes_escapes() {
        let d = ok(r#"["\u0041\ud83d\ude00\/\n"]"#);
        assert_eq!(d.root.as_array().unwrap()[0].as_str(), Some("A😀/\n"));
    }

    #[test]
    fn records_duplicate_keys() {
        let d = ok(r#"{"a": 1, "a": 2}"#);
        assert_eq!(d.duplicate_keys, vec![Span::new(9, 12)]);
        assert_eq!(d.root.get("a").unwrap().kind, JsonKind::Number(2.0));
    }

    #[test]
    fn errors_are_located() {
        let e = err(r#"{"a": 1 "b": 2}"#);
        assert_eq!(e.message, "expected `,` or `}`, found `\"`");
        assert_eq!(e.span.start, 8);
        let e = err(r#"{"a": 1"#);
        assert!(e.message.contains("unclosed object"));
        assert_eq!(e.span.start, 0);
        assert!(err("").message.contains("empty"));
        assert!(err("{} x").message.contains("after the end"));
        assert!(err(r#"["\q"]"#).message.contains("invalid escape"));
        assert!(err("/* x").message.contains("unterminated block comment"));
        assert!(err("[01]").message.contains("leading zeros"));
        assert!(err("[tru]").message.contains("unknown literal `tru`"));
        assert!(err("{'a': 1}").message.contains("double quotes"));
        assert!(err("[\"abc").message.contains("unterminated string"));
    }

    #[test]
    fn bounds_nesting() {
        let deep = "[".repeat(100_000);
        let e = err(&deep);
        assert!(e.message.contains("nesting deeper"), "{}", e.message);
        let fine = format!("{}{}", "[".repeat(200), "]".repeat(200));
        ok(&fine);
    }

    #[test]
    fn never_panics_on_truncations() {
        let text = r#"{"a": [1, {"b": "c\u00e9\"d"}, -0.5e+2, true], /*x*/ "e": null}"#;
        for i in 0..text.len() {
            if text.is_char_boundary(i) {
                let _ = parse(&text[..i]);
            }
        }
    }
}
