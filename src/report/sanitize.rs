//! Text from scanned files on its way to a terminal, a CI log or a pull
//! request. Resource names, values, file names and source lines are written
//! by whoever opened the pull request: an ESC sequence in them could recolour
//! or clear the reader's terminal or set their clipboard (OSC 52), a CR could
//! overwrite the line before it, and a bidi override could make a snippet
//! read differently from what it holds. Such characters are shown as
//! visible escapes (`\x1b`, `\r`, `\u{202e}`), never written raw.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters a terminal or a log viewer acts on instead of showing: C0
/// and C1 controls, DEL, bidi embeddings, overrides, isolates and marks,
/// and the Unicode line and paragraph separators.
pub fn hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// One line of text (a message, a file name, a reason): every hostile
/// character escaped but tab, which only moves the cursor forward.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| hostile(c) && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hostile(c) && c != '\t' {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Source text with its hostile characters escaped, and where the escapes
/// moved the text after them, so spans into the original still find their
/// place.
pub struct Escaped {
    pub text: String,
    /// (offset of an escaped character in the original, growth of the text
    /// up to and including it), in order.
    shifts: Vec<(u32, u32)>,
}

impl Escaped {
    /// Where offset `o` of the original is in the escaped text.
    pub fn offset(&self, o: u32) -> u32 {
        let i = self.shifts.partition_point(|(at, _)| *at < o);
        o + if i == 0 { 0 } else { self.shifts[i - 1].1 }
    }
}

/// Source text as shown in a snippet: as [`line`], but a line break (`\n`,
/// and a `\r` right before one) stays a line break and tab stays a tab, so
/// the snippet keeps its lines. `None` when there is nothing to escape.
pub fn source(s: &str) -> Option<Escaped> {
    let b = s.as_bytes();
    let escaped = |i: usize, c: char| {
        hostile(c) && c != '\n' && c != '\t' && !(c == '\r' && b.get(i + 1) == Some(&b'\n'))
    };
    if !s.char_indices().any(|(i, c)| escaped(i, c)) {
        return None;
    }
    let mut text = String::with_capacity(s.len() + 16);
    let mut shifts = Vec::new();
    let mut growth = 0u32;
    for (i, c) in s.char_indices() {
        if escaped(i, c) {
            let before = text.len();
            push_escape(&mut text, c);
            growth += (text.len() - before - c.len_utf8()) as u32;
            shifts.push((i as u32, growth));
        } else {
            text.push(c);
        }
    }
    Some(Escaped { text, shifts })
}

/// serde_json's pretty output, with the characters of [`hostile`] that JSON
/// lets through raw (C1 controls, DEL, bidi controls, line separators)
/// written as `\uXXXX` too: the same document to a parser, and nothing for
/// a terminal to act on when the report is printed to a CI log.
pub struct SafeJson<'a>(serde_json::ser::PrettyFormatter<'a>);

impl SafeJson<'_> {
    pub fn new() -> Self {
        SafeJson(serde_json::ser::PrettyFormatter::new())
    }
}

impl Default for SafeJson<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl serde_json::ser::Formatter for SafeJson<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if hostile(c) {
                w.write_all(&fragment.as_bytes()[from..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(w, "\\u{:04x}", u)?;
                }
                from = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[from..])
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `v` as pretty JSON through [`SafeJson`].
pub fn write_json<T: serde::Serialize + ?Sized>(
    w: &mut dyn std::io::Write,
    v: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, SafeJson::new());
    v.serialize(&mut ser)
}

/// `v` as pretty JSON text through [`SafeJson`].
pub fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_json(&mut out, v)?;
    // The formatter writes only what serde_json gives it and ASCII escapes.
    Ok(String::from_utf8(out).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_show_controls_as_escapes() {
        assert_eq!(line("plain\ttext"), "plain\ttext");
        assert_eq!(
            line("a\u{1b}]52;c;eA==\u{7}b\r\nc\u{202e}d\u{85}\u{7f}"),
            r"a\x1b]52;c;eA==\x07b\r\nc\u{202e}d\u{85}\x7f"
        );
    }

    #[test]
    fn source_keeps_line_breaks_and_maps_offsets() {
        assert!(source("a\r\nb\tc\n").is_none());
        let e = source("ab\u{1b}cd\re\n").unwrap();
        assert_eq!(e.text, "ab\\x1bcd\\re\n");
        assert_eq!(e.offset(2), 2, "the escape starts where the character did");
        assert_eq!(e.offset(3), 6);
        assert_eq!(e.offset(5), 8);
        assert_eq!(e.offset(6), 10);
        let s = source("\u{202e}x").unwrap();
        assert_eq!(s.text, "\\u{202e}x");
        assert_eq!(s.offset(3), 8);
    }

    #[test]
    fn json_is_the_same_document_without_raw_controls() {
        let v = serde_json::json!({"m": "a\u{1b}b\u{85}c\u{202e}d😀"});
        let text = to_json(&v).unwrap();
        assert!(!text.chars().any(hostile_or_not_newline), "{text}");
        assert!(
            text.contains(r"\u0085") && text.contains(r"\u202e"),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
        assert_eq!(
            text,
            serde_json::to_string_pretty(&v)
                .unwrap()
                .replace('\u{85}', r"\u0085")
                .replace('\u{202e}', r"\u202e")
        );
    }

    fn hostile_or_not_newline(c: char) -> bool {
        hostile(c) && c != '\n'
    }
}
