//! The Bicep lexer: one pass over the bytes into a flat token list.
//!
//! Comments (`//`, `/* */`) and pragmas (`#disable-next-line ...`,
//! `#disable-diagnostics ...`, `#restore-diagnostics ...`) are trivia and
//! leave no token. Runs of newlines become one `Newline` token: newlines
//! separate statements and object/array items, and the parser decides where
//! they matter. Interpolated strings are cut into pieces as Bicep's own lexer
//! does: `'a${` (`StrStart`), `}b${` (`StrMid`), `}c'` (`StrEnd`), with the
//! expressions' tokens between them; a brace depth per open interpolation
//! tells a `}` that closes one from a `}` that closes an object inside it.

use super::ast::ParseError;
use crate::source::Span;
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Ident,
    Int,
    /// `'abc'`: a whole string without interpolation.
    StrFull,
    /// `'abc${`
    StrStart,
    /// `}abc${`
    StrMid,
    /// `}abc'`
    StrEnd,
    /// `'''...'''`
    MultiStr,
    LBrace,
    RBrace,
    LBrack,
    RBrack,
    LParen,
    RParen,
    Comma,
    Dot,
    /// `...`
    Ellipsis,
    Colon,
    /// `::`
    DoubleColon,
    Question,
    /// `??`
    DoubleQuestion,
    At,
    /// `=`
    Assign,
    /// `==`
    EqEq,
    /// `!=`
    NotEq,
    /// `=~`
    EqI,
    /// `!~`
    NotEqI,
    Lt,
    Le,
    Gt,
    Ge,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    /// `!`
    Bang,
    AndAnd,
    OrOr,
    Pipe,
    /// `=>`
    Arrow,
    Newline,
    Eof,
}

impl Tok {
    /// How an error message names the token kind (punctuation in backticks).
    pub fn describe(self) -> &'static str {
        match self {
            Tok::Ident => "a name",
            Tok::Int => "an integer",
            Tok::StrFull | Tok::StrStart | Tok::MultiStr => "a string",
            Tok::StrMid | Tok::StrEnd | Tok::RBrace => "`}`",
            Tok::LBrace => "`{`",
            Tok::LBrack => "`[`",
            Tok::RBrack => "`]`",
            Tok::LParen => "`(`",
            Tok::RParen => "`)`",
            Tok::Comma => "`,`",
            Tok::Dot => "`.`",
            Tok::Ellipsis => "`...`",
            Tok::Colon => "`:`",
            Tok::DoubleColon => "`::`",
            Tok::Question => "`?`",
            Tok::DoubleQuestion => "`??`",
            Tok::At => "`@`",
            Tok::Assign => "`=`",
            Tok::EqEq => "`==`",
            Tok::NotEq => "`!=`",
            Tok::EqI => "`=~`",
            Tok::NotEqI => "`!~`",
            Tok::Lt => "`<`",
            Tok::Le => "`<=`",
            Tok::Gt => "`>`",
            Tok::Ge => "`>=`",
            Tok::Plus => "`+`",
            Tok::Minus => "`-`",
            Tok::Star => "`*`",
            Tok::Slash => "`/`",
            Tok::Percent => "`%`",
            Tok::Bang => "`!`",
            Tok::AndAnd => "`&&`",
            Tok::OrOr => "`||`",
            Tok::Pipe => "`|`",
            Tok::Arrow => "`=>`",
            Tok::Newline => "a newline",
            Tok::Eof => "the end of the file",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub start: u32,
    pub end: u32,
}

impl Token {
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

fn err<T>(message: impl Into<String>, start: usize, end: usize) -> Result<T, ParseError> {
    Err(ParseError {
        message: message.into(),
        span: Span::new(start, end),
    })
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The length in bytes of the character at `i` (1 past the end).
fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

/// Cuts `text` into tokens, ending with one `Eof`.
pub fn lex(text: &str) -> Result<Vec<Token>, ParseError> {
    let b = text.as_bytes();
    let mut out: Vec<Token> = Vec::with_capacity(b.len() / 8 + 16);
    // One entry per open interpolation: the depth of `{` inside it, and
    // where its `${` is.
    let mut interp: Vec<(u32, usize)> = Vec::new();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let push = |out: &mut Vec<Token>, tok: Tok, start: usize, end: usize| {
        out.push(Token {
            tok,
            start: start as u32,
            end: end as u32,
        })
    };
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            // Indentation: the most common bytes of all.
            i += 1;
            while b.get(i) == Some(&b' ') {
                i += 1;
            }
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        let (tok, len) = match c {
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'\n' => {
                if out.last().map(|t| t.tok) != Some(Tok::Newline) {
                    push(&mut out, Tok::Newline, i, i + 1);
                }
                i += 1;
                continue;
            }
            b'/' if next == b'/' => {
                i = line_end(b, i);
                continue;
            }
            b'/' if next == b'*' => {
                match text[i + 2..].find("*/") {
                    Some(k) => i += 2 + k + 2,
                    None => return err("unterminated comment: `/*` has no closing `*/`", i, i + 2),
                }
                continue;
            }
            b'#' => {
                let rest = &text[i + 1..];
                if rest.starts_with("disable-") || rest.starts_with("restore-") {
                    i = line_end(b, i);
                    continue;
                }
                return err(
                    "unexpected `#`: only pragmas such as `#disable-next-line` start with it",
                    i,
                    i + 1,
                );
            }
            b'\'' => {
                if next == b'\'' && b.get(i + 2) == Some(&b'\'') {
                    let Some(k) = text[i + 3..].find("'''") else {
                        return err(
                            "unterminated multi-line string: `'''` has no closing `'''`",
                            i,
                            i + 3,
                        );
                    };
                    // `''''` at the end: the last three quotes close it.
                    let mut close = i + 3 + k;
                    while b.get(close + 3) == Some(&b'\'') {
                        close += 1;
                    }
                    push(&mut out, Tok::MultiStr, i, close + 3);
                    i = close + 3;
                    continue;
                }
                let (end, interpolates) = string_body(text, i + 1, i)?;
                if interpolates {
                    interp.push((0, end - 2));
                    push(&mut out, Tok::StrStart, i, end);
                } else {
                    push(&mut out, Tok::StrFull, i, end);
                }
                i = end;
                continue;
            }
            b'0'..=b'9' => {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                (Tok::Int, j - i)
            }
            c if is_ident_start(c) => {
                let mut j = i + 1;
                while j < b.len() && is_ident_char(b[j]) {
                    j += 1;
                }
                (Tok::Ident, j - i)
            }
            b'{' => {
                if let Some(top) = interp.last_mut() {
                    top.0 += 1;
                }
                (Tok::LBrace, 1)
            }
            b'}' => {
                match interp.last_mut() {
                    Some((0, _)) => {
                        interp.pop();
                        let (end, interpolates) = string_body(text, i + 1, i)?;
                        if interpolates {
                            interp.push((0, end - 2));
                            push(&mut out, Tok::StrMid, i, end);
                        } else {
                            push(&mut out, Tok::StrEnd, i, end);
                        }
                        i = end;
                        continue;
                    }
                    Some(top) => top.0 -= 1,
                    None => {}
                }
                (Tok::RBrace, 1)
            }
            b'[' => (Tok::LBrack, 1),
            b']' => (Tok::RBrack, 1),
            b'(' => (Tok::LParen, 1),
            b')' => (Tok::RParen, 1),
            b',' => (Tok::Comma, 1),
            b'@' => (Tok::At, 1),
            b'.' if next == b'.' && b.get(i + 2) == Some(&b'.') => (Tok::Ellipsis, 3),
            b'.' => (Tok::Dot, 1),
            b':' if next == b':' => (Tok::DoubleColon, 2),
            b':' => (Tok::Colon, 1),
            b'?' if next == b'?' => (Tok::DoubleQuestion, 2),
            b'?' => (Tok::Question, 1),
            b'=' if next == b'=' => (Tok::EqEq, 2),
            b'=' if next == b'~' => (Tok::EqI, 2),
            b'=' if next == b'>' => (Tok::Arrow, 2),
            b'=' => (Tok::Assign, 1),
            b'!' if next == b'=' => (Tok::NotEq, 2),
            b'!' if next == b'~' => (Tok::NotEqI, 2),
            b'!' => (Tok::Bang, 1),
            b'<' if next == b'=' => (Tok::Le, 2),
            b'<' => (Tok::Lt, 1),
            b'>' if next == b'=' => (Tok::Ge, 2),
            b'>' => (Tok::Gt, 1),
            b'&' if next == b'&' => (Tok::AndAnd, 2),
            b'|' if next == b'|' => (Tok::OrOr, 2),
            b'|' => (Tok::Pipe, 1),
            b'+' => (Tok::Plus, 1),
            b'-' => (Tok::Minus, 1),
            b'*' => (Tok::Star, 1),
            b'/' => (Tok::Slash, 1),
            b'%' => (Tok::Percent, 1),
            b'"' => {
                return err(
                    "unexpected `\"`: Bicep strings are in single quotes",
                    i,
                    i + 1,
                )
            }
            _ => {
                let n = char_len(text, i);
                return err(
                    format!("unexpected character `{}`", text[i..i + n].escape_debug()),
                    i,
                    i + n,
                );
            }
        };
        push(&mut out, tok, i, i + len);
        i += len;
    }
    if let Some(&(_, at)) = interp.last() {
        return err(
            "unterminated interpolation: `${` has no closing `}`",
            at,
            at + 2,
        );
    }
    push(&mut out, Tok::Eof, b.len(), b.len());
    Ok(out)
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |k| from + k)
}

/// Scans a single-line string's text from `j` (just after its `'` or the
/// `}` that closes an interpolation): the offset just past the closing `'`
/// (false) or past the `${` that opens an interpolation (true).
fn string_body(text: &str, mut j: usize, tok_start: usize) -> Result<(usize, bool), ParseError> {
    let b = text.as_bytes();
    loop {
        match b.get(j) {
            Some(b'\'') => return Ok((j + 1, false)),
            Some(b'$') if b.get(j + 1) == Some(&b'{') => return Ok((j + 2, true)),
            Some(b'\\') if !matches!(b.get(j + 1), None | Some(b'\n' | b'\r')) => {
                j += 1 + char_len(text, j + 1);
            }
            None | Some(b'\n' | b'\r' | b'\\') => {
                return err(
                    "unterminated string: a `'` string ends on its line (use `'''` for text over several lines)",
                    tok_start,
                    j,
                )
            }
            Some(_) => j += 1,
        }
    }
}

/// The text of a single-line string piece with its escapes resolved. `base`
/// is the offset of `raw` in the file, for the span of a bad escape.
pub fn unescape(raw: &str, base: usize) -> Result<Cow<'_, str>, ParseError> {
    if !raw.contains('\\') {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut at = base;
    while let Some(k) = rest.find('\\') {
        out.push_str(&rest[..k]);
        at += k;
        rest = &rest[k..];
        let esc = rest[1..].chars().next().unwrap_or('\\');
        let (ch, used) = match esc {
            '\'' => ('\'', 2),
            '\\' => ('\\', 2),
            'n' => ('\n', 2),
            'r' => ('\r', 2),
            't' => ('\t', 2),
            '$' => ('$', 2),
            'u' => {
                let close = rest.find('}');
                let hex = match close {
                    Some(c)
                        if rest[2..].starts_with('{')
                            && c > 3
                            && c <= 9
                            && rest[3..c].bytes().all(|h| h.is_ascii_hexdigit()) =>
                    {
                        &rest[3..c]
                    }
                    _ => {
                        return err(
                            "invalid escape: `\\u` takes 1 to 6 hex digits in braces, as in `\\u{1F600}`",
                            at,
                            at + 2,
                        )
                    }
                };
                let ch = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                match (ch, close) {
                    (Some(ch), Some(c)) => (ch, c + 1),
                    _ => {
                        return err(
                            format!("invalid escape: `\\u{{{hex}}}` is not a character"),
                            at,
                            at + close.map_or(2, |c| c + 1),
                        )
                    }
                }
            }
            other => {
                let n = 1 + other.len_utf8();
                return err(
                    format!(
                        "unknown escape `\\{}`: Bicep knows `\\'`, `\\\\`, `\\n`, `\\r`, `\\t`, `\\$` and `\\u{{...}}`",
                        other.escape_debug()
                    ),
                    at,
                    at + n,
                );
            }
        };
        out.push(ch);
        at += used;
        rest = &rest[used..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}
