/// Line starts of a text, so that a byte offset maps to line:column by binary
/// search instead of a rescan from the start of the file.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| (i + 1) as u32));
        LineIndex { starts }
    }

    /// 1-based line and 1-based character column of `offset` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> super::LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line] as usize;
        let column = text[start..offset].chars().count() + 1;
        super::LineCol {
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of 0-based `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line)? as usize;
        let mut end = self
            .starts
            .get(line + 1)
            .map(|&s| s as usize - 1)
            .unwrap_or(text.len());
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some((start, end))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_to_line_and_char_column() {
        let text = "ab\ncé d\n\nx";
        let idx = LineIndex::new(text);
        let lc = |o| {
            let p = idx.line_col(text, o);
            (p.line, p.column)
        };
        assert_eq!(lc(0), (1, 1));
        assert_eq!(lc(2), (1, 3));
        assert_eq!(lc(3), (2, 1));
        // 'é' is two bytes but one column
        assert_eq!(lc(6), (2, 3));
        assert_eq!(lc(9), (3, 1));
        assert_eq!(lc(10), (4, 1));
        assert_eq!(lc(999), (4, 2));
        assert_eq!(idx.line_span(text, 1), Some((3, 8)));
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn handles_crlf() {
        let text = "a\r\nb";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_span(text, 0), Some((0, 1)));
        assert_eq!(idx.line_col(text, 3).line, 2);
    }
}
