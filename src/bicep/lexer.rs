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
    /// A single-line string piece holding a `\` escape: the parser takes
    /// the others' text as it is, without a second scan for one.
    pub escaped: bool,
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

/// What a byte starts, for the dispatch in `lex`: one lookup instead of a
/// chain of comparisons.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Not a token start: a non-ASCII character or an ASCII byte Bicep
    /// does not use (an error).
    Other,
    /// ` `, `\t`, `\r`.
    Blank,
    Newline,
    IdentStart,
    Digit,
    Quote,
    LBrace,
    RBrace,
    /// A token of this one byte whatever follows it.
    One(Tok),
    // Bytes whose token depends on the next byte.
    Slash,
    Dot,
    Colon,
    Question,
    Assign,
    Bang,
    Lt,
    Gt,
    Amp,
    Pipe,
    Hash,
    DoubleQuote,
}

const CLASS: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = match b {
            b' ' | b'\t' | b'\r' => Class::Blank,
            b'\n' => Class::Newline,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => Class::IdentStart,
            b'0'..=b'9' => Class::Digit,
            b'\'' => Class::Quote,
            b'{' => Class::LBrace,
            b'}' => Class::RBrace,
            b'[' => Class::One(Tok::LBrack),
            b']' => Class::One(Tok::RBrack),
            b'(' => Class::One(Tok::LParen),
            b')' => Class::One(Tok::RParen),
            b',' => Class::One(Tok::Comma),
            b'@' => Class::One(Tok::At),
            b'+' => Class::One(Tok::Plus),
            b'-' => Class::One(Tok::Minus),
            b'*' => Class::One(Tok::Star),
            b'%' => Class::One(Tok::Percent),
            b'/' => Class::Slash,
            b'.' => Class::Dot,
            b':' => Class::Colon,
            b'?' => Class::Question,
            b'=' => Class::Assign,
            b'!' => Class::Bang,
            b'<' => Class::Lt,
            b'>' => Class::Gt,
            b'&' => Class::Amp,
            b'|' => Class::Pipe,
            b'#' => Class::Hash,
            b'"' => Class::DoubleQuote,
            _ => Class::Other,
        };
        c += 1;
    }
    t
};

/// `[A-Za-z0-9_]`: the bytes after an identifier's first.
const IDENT_CHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c == b'_' as usize;
        c += 1;
    }
    t
};

/// The bytes that stop the scan of a single-line string's text.
const STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\'' as usize] = true;
    t[b'$' as usize] = true;
    t[b'\\' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

/// SWAR: sixteen bytes of the text in one `u128`, the first in the lowest
/// byte, tested all at once with plain arithmetic.
type Word = u128;
const WORD: usize = std::mem::size_of::<Word>();
/// `0x01` in every byte.
const LO: Word = Word::MAX / 0xff;
/// `0x80` in every byte.
const HI: Word = LO * 0x80;

/// The bytes at `k` as a word, if there are enough.
#[inline(always)]
fn word(b: &[u8], k: usize) -> Option<Word> {
    Some(Word::from_le_bytes(*b.get(k..)?.first_chunk::<WORD>()?))
}

/// The offset of the first byte whose high bit is set in the mask `m`.
#[inline(always)]
fn first(m: Word) -> usize {
    (m.trailing_zeros() / 8) as usize
}

/// The high bit of each byte of `w` equal to `c`, and maybe of bytes after
/// one: the lowest bit set is exact (a borrow starts only at a match).
#[inline(always)]
fn bytes_eq(w: Word, c: u8) -> Word {
    let x = w ^ (LO * c as Word);
    x.wrapping_sub(LO) & !x & HI
}

/// The high bit of each byte of `w` that is not `[A-Za-z0-9_]` (exact).
#[inline(always)]
fn non_ident_bytes(w: Word) -> Word {
    let x = w & !HI;
    // With every byte at most 0x7f, adding at most 0x80 carries into no
    // other byte: the high bit says whether the byte reached the bound.
    let ge = |x: Word, lo: u8| x + LO * (0x80 - lo) as Word;
    let gt = |x: Word, hi: u8| x + LO * (0x7f - hi) as Word;
    let digit = ge(x, b'0') & !gt(x, b'9');
    let lower = x | (LO * 0x20);
    let letter = ge(lower, b'a') & !gt(lower, b'z');
    let underscore = !((x ^ (LO * b'_' as Word)) + LO * 0x7f);
    !((digit | letter | underscore) & !w) & HI
}

/// The high bit of each byte of `w` that stops a string's text: `'`, `$`,
/// `\`, `\n`, `\r` (the lowest bit set is exact).
#[inline(always)]
fn string_stop_bytes(w: Word) -> Word {
    bytes_eq(w, b'\'')
        | bytes_eq(w, b'$')
        | bytes_eq(w, b'\\')
        | bytes_eq(w, b'\n')
        | bytes_eq(w, b'\r')
}

/// The offset of the first byte at or after `k` that stops a string's text.
#[inline]
fn string_stop(b: &[u8], mut k: usize) -> Option<usize> {
    while let Some(w) = word(b, k) {
        let m = string_stop_bytes(w);
        if m != 0 {
            return Some(k + first(m));
        }
        k += WORD;
    }
    let rest = b.get(k..)?;
    rest.iter()
        .position(|&c| STRING_STOP[c as usize])
        .map(|p| k + p)
}

/// The end of the identifier characters at `k`.
#[inline]
fn ident_end(b: &[u8], mut k: usize) -> usize {
    while let Some(w) = word(b, k) {
        let m = non_ident_bytes(w);
        if m != 0 {
            return k + first(m);
        }
        k += WORD;
    }
    while let Some(&c) = b.get(k) {
        if !IDENT_CHAR[c as usize] {
            break;
        }
        k += 1;
    }
    k
}

/// The length in bytes of the character at `i` (1 past the end).
fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

/// Cuts `text` into tokens, ending with one `Eof`.
pub fn lex(text: &str) -> Result<Vec<Token>, ParseError> {
    let b = text.as_bytes();
    // Real files have about one token per 10 bytes.
    let mut out: Vec<Token> = Vec::with_capacity(b.len() / 6 + 16);
    // One entry per open interpolation: the depth of `{` inside it, and
    // where its `${` is.
    let mut interp: Vec<(u32, usize)> = Vec::new();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // Whether the last token pushed is a `Newline`: newlines with only
    // blanks and comments between them make one.
    let mut after_newline = false;
    loop {
        // Blanks between tokens, skipped here rather than dispatched.
        while let Some(b' ' | b'\t' | b'\r') = b.get(i) {
            i += 1;
        }
        let Some(&c) = b.get(i) else { break };
        let start = i;
        let mut escaped = false;
        let tok = match CLASS[c as usize] {
            Class::Blank => {
                i += 1;
                continue;
            }
            Class::Newline => {
                (i, after_newline) = newline(b, i, &mut out, after_newline);
                continue;
            }
            Class::IdentStart => {
                i = name(b, i, &mut out);
                after_newline = false;
                if b.get(i) == Some(&b'\n') {
                    (i, after_newline) = newline(b, i, &mut out, false);
                }
                continue;
            }
            Class::Digit => {
                i += 1;
                while let Some(c) = b.get(i) {
                    if !c.is_ascii_digit() {
                        break;
                    }
                    i += 1;
                }
                Tok::Int
            }
            Class::Quote => {
                if b.get(i + 1) == Some(&b'\'') && b.get(i + 2) == Some(&b'\'') {
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
                    i = close + 3;
                    Tok::MultiStr
                } else {
                    let (end, interpolates, esc) = string_body(b, i + 1, i)?;
                    i = end;
                    escaped = esc;
                    if interpolates {
                        interp.push((0, end - 2));
                        Tok::StrStart
                    } else {
                        Tok::StrFull
                    }
                }
            }
            Class::LBrace => {
                if let Some(top) = interp.last_mut() {
                    top.0 += 1;
                }
                i += 1;
                Tok::LBrace
            }
            Class::RBrace => match interp.last_mut() {
                Some((0, _)) => {
                    interp.pop();
                    let (end, interpolates, esc) = string_body(b, i + 1, i)?;
                    i = end;
                    escaped = esc;
                    if interpolates {
                        interp.push((0, end - 2));
                        Tok::StrMid
                    } else {
                        Tok::StrEnd
                    }
                }
                top => {
                    if let Some(top) = top {
                        top.0 -= 1;
                    }
                    i += 1;
                    Tok::RBrace
                }
            },
            Class::One(tok) => {
                i += 1;
                tok
            }
            Class::Slash => match b.get(i + 1) {
                Some(b'/') => {
                    i = line_end(b, i);
                    continue;
                }
                Some(b'*') => {
                    match text[i + 2..].find("*/") {
                        Some(k) => i += 2 + k + 2,
                        None => {
                            return err("unterminated comment: `/*` has no closing `*/`", i, i + 2)
                        }
                    }
                    continue;
                }
                _ => {
                    i += 1;
                    Tok::Slash
                }
            },
            Class::Dot => {
                if b.get(i + 1) == Some(&b'.') && b.get(i + 2) == Some(&b'.') {
                    i += 3;
                    Tok::Ellipsis
                } else {
                    i += 1;
                    Tok::Dot
                }
            }
            Class::Colon => pair(b, &mut i, b':', Tok::DoubleColon, Tok::Colon),
            Class::Question => pair(b, &mut i, b'?', Tok::DoubleQuestion, Tok::Question),
            Class::Assign => match b.get(i + 1) {
                Some(b'=') => {
                    i += 2;
                    Tok::EqEq
                }
                Some(b'~') => {
                    i += 2;
                    Tok::EqI
                }
                Some(b'>') => {
                    i += 2;
                    Tok::Arrow
                }
                _ => {
                    i += 1;
                    Tok::Assign
                }
            },
            Class::Bang => match b.get(i + 1) {
                Some(b'=') => {
                    i += 2;
                    Tok::NotEq
                }
                Some(b'~') => {
                    i += 2;
                    Tok::NotEqI
                }
                _ => {
                    i += 1;
                    Tok::Bang
                }
            },
            Class::Lt => pair(b, &mut i, b'=', Tok::Le, Tok::Lt),
            Class::Gt => pair(b, &mut i, b'=', Tok::Ge, Tok::Gt),
            Class::Pipe => pair(b, &mut i, b'|', Tok::OrOr, Tok::Pipe),
            Class::Amp => {
                if b.get(i + 1) != Some(&b'&') {
                    // A lone `&`.
                    return unexpected(text, i);
                }
                i += 2;
                Tok::AndAnd
            }
            Class::Hash => {
                let rest = &b[i + 1..];
                if rest.starts_with(b"disable-") || rest.starts_with(b"restore-") {
                    i = line_end(b, i);
                    continue;
                }
                return err(
                    "unexpected `#`: only pragmas such as `#disable-next-line` start with it",
                    i,
                    i + 1,
                );
            }
            Class::DoubleQuote => {
                return err(
                    "unexpected `\"`: Bicep strings are in single quotes",
                    i,
                    i + 1,
                )
            }
            Class::Other => return unexpected(text, i),
        };
        out.push(Token {
            tok,
            escaped,
            start: start as u32,
            end: i as u32,
        });
        after_newline = false;
        // Most lines end right after a token.
        if b.get(i) == Some(&b'\n') {
            (i, after_newline) = newline(b, i, &mut out, false);
        }
    }
    if let Some(&(_, at)) = interp.last() {
        return err(
            "unterminated interpolation: `${` has no closing `}`",
            at,
            at + 2,
        );
    }
    out.push(Token {
        tok: Tok::Eof,
        escaped: false,
        start: b.len() as u32,
        end: b.len() as u32,
    });
    Ok(out)
}

/// At the `\n` at `i`: pushes a `Newline` unless the last token pushed is
/// one (`after_newline`), skips the blank lines and indentation after it,
/// and lexes the name that most often starts the next line. The offset
/// after all that and whether the last token pushed is a `Newline`.
#[inline(always)]
fn newline(b: &[u8], mut i: usize, out: &mut Vec<Token>, after_newline: bool) -> (usize, bool) {
    if !after_newline {
        out.push(Token {
            tok: Tok::Newline,
            escaped: false,
            start: i as u32,
            end: (i + 1) as u32,
        });
    }
    i += 1;
    while let Some(b' ' | b'\t' | b'\r' | b'\n') = b.get(i) {
        i += 1;
    }
    match b.get(i) {
        Some(&c) if CLASS[c as usize] == Class::IdentStart => (name(b, i, out), false),
        _ => (i, true),
    }
}

/// Pushes the name at `i` and the `.`, `:` or `(` after it if there is
/// one, and the names after such dots: the offset after them. These are the
/// most common pairs of tokens, and branches of their own predict them
/// better than the dispatch in `lex`.
#[inline(always)]
fn name(b: &[u8], mut i: usize, out: &mut Vec<Token>) -> usize {
    loop {
        let start = i;
        i = ident_end(b, i + 1);
        out.push(Token {
            tok: Tok::Ident,
            escaped: false,
            start: start as u32,
            end: i as u32,
        });
        let (follow, more) = match (b.get(i), b.get(i + 1)) {
            (Some(b'.'), Some(&c)) if c != b'.' => {
                (Tok::Dot, CLASS[c as usize] == Class::IdentStart)
            }
            (Some(b'.'), None) => (Tok::Dot, false),
            (Some(b':'), c) if c != Some(&b':') => (Tok::Colon, false),
            (Some(b'('), _) => (Tok::LParen, false),
            _ => return i,
        };
        out.push(Token {
            tok: follow,
            escaped: false,
            start: i as u32,
            end: (i + 1) as u32,
        });
        i += 1;
        if !more {
            return i;
        }
    }
}

/// The token of two bytes `two` if the byte after `i` is `second`, else
/// the token of one byte `one`; moves `i` past it.
#[inline(always)]
fn pair(b: &[u8], i: &mut usize, second: u8, two: Tok, one: Tok) -> Tok {
    if b.get(*i + 1) == Some(&second) {
        *i += 2;
        two
    } else {
        *i += 1;
        one
    }
}

/// The error for a character that starts no token, at `i`.
#[cold]
fn unexpected(text: &str, i: usize) -> Result<Vec<Token>, ParseError> {
    let n = char_len(text, i);
    err(
        format!("unexpected character `{}`", text[i..i + n].escape_debug()),
        i,
        i + n,
    )
}

/// The offset of the `\n` that ends the line at `from` (or the end).
#[inline]
fn line_end(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &b[from..]).map_or(b.len(), |k| from + k)
}

/// Scans a single-line string's text from `j` (just after its `'` or the
/// `}` that closes an interpolation): the offset just past the closing `'`
/// (false) or past the `${` that opens an interpolation (true).
#[inline]
fn string_body(
    b: &[u8],
    mut j: usize,
    tok_start: usize,
) -> Result<(usize, bool, bool), ParseError> {
    let mut escaped = false;
    loop {
        let Some(k) = string_stop(b, j) else {
            return unterminated_string(tok_start, b.len());
        };
        j = k;
        match (b[j], b.get(j + 1)) {
            (b'\'', _) => return Ok((j + 1, false, escaped)),
            (b'$', Some(b'{')) => return Ok((j + 2, true, escaped)),
            (b'$', _) => j += 1,
            // An escape: its character is skipped (no byte of a non-ASCII
            // character stops the scan).
            (b'\\', Some(c)) if !matches!(c, b'\n' | b'\r') => {
                escaped = true;
                j += 2
            }
            _ => return unterminated_string(tok_start, j),
        }
    }
}

#[cold]
fn unterminated_string(start: usize, end: usize) -> Result<(usize, bool, bool), ParseError> {
    err(
        "unterminated string: a `'` string ends on its line (use `'''` for text over several lines)",
        start,
        end,
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        match lex(text) {
            Ok(toks) => toks
                .iter()
                .map(|t| format!("{:?} {}..{}", t.tok, t.start, t.end))
                .collect::<Vec<_>>()
                .join(", "),
            Err(e) => format!("error {}..{}: {}", e.span.start, e.span.end, e.message),
        }
    }

    /// Tokens and errors, spans and messages, of every kind of input; the
    /// expectations are what the lexer before the word-at-a-time scans gave.
    #[test]
    fn tokens_and_errors() {
        let cases: &[(&str, &str)] = &[
            ("", "Eof 0..0"),
            ("\u{feff}", "Eof 3..3"),
            ("\u{feff}x", "Ident 3..4, Eof 4..4"),
            ("a.b.c(d)\n\n  e: 'f'\r\n\t}", "Ident 0..1, Dot 1..2, Ident 2..3, Dot 3..4, Ident 4..5, LParen 5..6, Ident 6..7, RParen 7..8, Newline 8..9, Ident 12..13, Colon 13..14, StrFull 15..18, Newline 19..20, RBrace 21..22, Eof 22..22"),
            ("x... a..b a::b a?.b ?? c", "Ident 0..1, Ellipsis 1..4, Ident 5..6, Dot 6..7, Dot 7..8, Ident 8..9, Ident 10..11, DoubleColon 11..13, Ident 13..14, Ident 15..16, Question 16..17, Dot 17..18, Ident 18..19, DoubleQuestion 20..22, Ident 23..24, Eof 24..24"),
            ("a == b =~ c => d != e !~ f <= g >= h < i > j && k || l | m", "Ident 0..1, EqEq 2..4, Ident 5..6, EqI 7..9, Ident 10..11, Arrow 12..14, Ident 15..16, NotEq 17..19, Ident 20..21, NotEqI 22..24, Ident 25..26, Le 27..29, Ident 30..31, Ge 32..34, Ident 35..36, Lt 37..38, Ident 39..40, Gt 41..42, Ident 43..44, AndAnd 45..47, Ident 48..49, OrOr 50..52, Ident 53..54, Pipe 55..56, Ident 57..58, Eof 58..58"),
            ("!x + -1 * 2 / 3 % 4 [0] @d x, y", "Bang 0..1, Ident 1..2, Plus 3..4, Minus 5..6, Int 6..7, Star 8..9, Int 10..11, Slash 12..13, Int 14..15, Percent 16..17, Int 18..19, LBrack 20..21, Int 21..22, RBrack 22..23, At 24..25, Ident 25..26, Ident 27..28, Comma 28..29, Ident 30..31, Eof 31..31"),
            ("'a${b}c${ {d: 1} }e' {}", "StrStart 0..4, Ident 4..5, StrMid 5..9, LBrace 10..11, Ident 11..12, Colon 12..13, Int 14..15, RBrace 15..16, StrEnd 17..20, LBrace 21..22, RBrace 22..23, Eof 23..23"),
            ("'''multi\n'''x ''''q'''' '''''',", "MultiStr 0..12, Ident 12..13, MultiStr 14..23, MultiStr 24..30, Comma 30..31, Eof 31..31"),
            ("'\\'' '\\\\' '\\u{1F600}' '$x' '$' '\\é' 'ü'", "StrFull 0..4, StrFull 5..9, StrFull 10..21, StrFull 22..26, StrFull 27..30, StrFull 31..36, StrFull 37..41, Eof 41..41"),
            ("// c\n/* d */ #disable-next-line x\n#restore-diagnostics y\nv // z", "Newline 4..5, Ident 57..58, Eof 63..63"),
            ("n\n// c\n\n  // d\n  /* e\n */\nm", "Ident 0..1, Newline 1..2, Ident 26..27, Eof 27..27"),
            ("resourceGroupLocationName_1234567890.abcdefghijklmnopq", "Ident 0..36, Dot 36..37, Ident 37..54, Eof 54..54"),
            ("'0123456789abcdefghijklmnopqrstuvwxyz${x}0123456789abcdefghij'", "StrStart 0..39, Ident 39..40, StrEnd 40..62, Eof 62..62"),
            ("'abc", "error 0..4: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
            ("'a\nb'", "error 0..2: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
            ("'a\rb'", "error 0..2: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
            ("'a\\", "error 0..2: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
            ("'a\\\n'", "error 0..2: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
            ("x '0123456789abcdefghij\\\r'", "error 2..23: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
            ("/* x", "error 0..2: unterminated comment: `/*` has no closing `*/`"),
            ("'''x''", "error 0..3: unterminated multi-line string: `'''` has no closing `'''`"),
            ("'${a", "error 1..3: unterminated interpolation: `${` has no closing `}`"),
            ("'${a}${b", "error 5..7: unterminated interpolation: `${` has no closing `}`"),
            ("'${ {} ", "error 1..3: unterminated interpolation: `${` has no closing `}`"),
            ("#x", "error 0..1: unexpected `#`: only pragmas such as `#disable-next-line` start with it"),
            ("#disable", "error 0..1: unexpected `#`: only pragmas such as `#disable-next-line` start with it"),
            ("\"x\"", "error 0..1: unexpected `\"`: Bicep strings are in single quotes"),
            ("a & b", "error 2..3: unexpected character `&`"),
            ("é", "error 0..2: unexpected character `é`"),
            ("x\u{feff}", "error 1..4: unexpected character `\\u{feff}`"),
            ("a ~ b", "error 2..3: unexpected character `~`"),
            ("a\0b", "error 1..2: unexpected character `\\0`"),
            ("}a'", "error 2..3: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
        ];
        for (text, want) in cases {
            assert_eq!(show(text), *want, "{text:?}");
        }
    }

    fn ident_end_bytewise(b: &[u8], k: usize) -> usize {
        (k..b.len())
            .find(|&j| !IDENT_CHAR[b[j] as usize])
            .unwrap_or(b.len())
    }

    fn string_stop_bytewise(b: &[u8], k: usize) -> Option<usize> {
        (k..b.len()).find(|&j| STRING_STOP[b[j] as usize])
    }

    /// The word-at-a-time scans stop where a byte-at-a-time scan does: every
    /// byte value at every offset of a word, alone and after another one.
    #[test]
    fn word_scans_match_bytewise() {
        for c in 0..=255u8 {
            for at in 0..WORD + 2 {
                for len in [at + 1, WORD + 3, 2 * WORD + 1] {
                    let mut buf = vec![b'a'; len.max(at + 1)];
                    buf[at] = c;
                    assert_eq!(ident_end(&buf, 0), ident_end_bytewise(&buf, 0), "{buf:?}");
                    assert_eq!(
                        string_stop(&buf, 0),
                        string_stop_bytewise(&buf, 0),
                        "{buf:?}"
                    );
                    assert_eq!(ident_end(&buf, 1), ident_end_bytewise(&buf, 1), "{buf:?}");
                    assert_eq!(
                        string_stop(&buf, 1),
                        string_stop_bytewise(&buf, 1),
                        "{buf:?}"
                    );
                }
            }
            for d in 0..=255u8 {
                for (p, q) in [(2, 3), (2, 9), (0, WORD - 1)] {
                    let mut buf = vec![b'x'; WORD + 4];
                    buf[p] = c;
                    buf[q] = d;
                    assert_eq!(ident_end(&buf, 0), ident_end_bytewise(&buf, 0), "{buf:?}");
                    assert_eq!(
                        string_stop(&buf, 0),
                        string_stop_bytewise(&buf, 0),
                        "{buf:?}"
                    );
                }
            }
        }
    }
}
