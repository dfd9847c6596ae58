//! Lines and columns: of a byte in the text, and of a position inside one of its items.

/// A line and column in the document, both from 1 (the column counts bytes, as serde_json's
/// do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

impl Position {
    /// The position of the byte at `offset` of `text`.
    pub fn of(text: &str, offset: usize) -> Position {
        let before = &text.as_bytes()[..offset.min(text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        Position {
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: offset - line_start + 1,
        }
    }

    /// The position in the document of `line` and `column` (as serde_json reports them) of
    /// an item that starts at this position.
    pub fn within(self, line: usize, column: usize) -> Position {
        if line <= 1 {
            Position { line: self.line, column: self.column - 1 + column }
        } else {
            Position { line: self.line + line - 1, column }
        }
    }
}

/// The byte offset of `part`, a slice of `text`, within it.
pub(super) fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len())
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn positions_of_bytes_and_within_items() {
        let text = "{\n  \"a\": [1,\n    {\"b\": 2}]}";
        let item = text.find("{\"b\"").unwrap();
        let at = Position::of(text, item);
        assert_eq!(at, Position { line: 3, column: 5 });
        assert_eq!(at.within(1, 7), Position { line: 3, column: 11 });
        assert_eq!(at.within(2, 3), Position { line: 4, column: 3 });
        assert_eq!(Position::of(text, 0), Position { line: 1, column: 1 });
        assert_eq!(offset_in(text, &text[item..]), item);
    }
}
