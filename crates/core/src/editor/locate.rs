//! Where a problem is in the files, for showing it: the rows of a sheet around its row, or
//! the lines of a JSON file around its path.

use super::Work;
use crate::json_path::{JsonPath, Segment};
use crate::sheets::{excerpt, Excerpt, SheetFile, SheetProblem};
use serde_json::value::RawValue;
use std::collections::HashMap;

/// What the editor shows of the file a problem is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Rows of a sheet; the problem's row and, if known, the index of its column.
    Cells(Excerpt, usize, Option<usize>),
    /// Numbered lines of a JSON file, and the line where the problem's path starts.
    Lines(Vec<(usize, String)>, usize),
}

/// Rows or lines shown either side of the problem's.
const AROUND: usize = 3;

/// What to show of the file `problem` is in; `None` when it is in no one place.
pub fn locate(work: &Work, problem: &SheetProblem) -> Option<Shown> {
    let file = work.files.iter().rev().find(|f| Some(&f.name) == problem.file.as_ref())?;
    if let Some(row) = problem.row {
        let sheet = excerpt(&SheetFile::new(&file.name, file.bytes.clone()), row, AROUND)?;
        let column = problem.column.as_ref().and_then(|c| sheet.header.iter().position(|h| h == c));
        return Some(Shown::Cells(sheet, row, column));
    }
    let text = std::str::from_utf8(&file.bytes).ok()?;
    let line = line_of(text, problem.at.as_ref()?)?;
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.to_string()))
        .filter(|(n, _)| n.abs_diff(line) <= AROUND)
        .collect();
    Some(Shown::Lines(lines, line))
}

/// The line (from 1) where the value at `path` starts in the JSON `text`; the deepest
/// value of the path that exists when the rest does not (a missing field: its item).
///
/// # Examples
/// ```
/// use flowmap_core::editor::line_of;
/// use flowmap_core::JsonPath;
/// let text = "{\n  \"flows\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": 7\n    }\n  ]\n}";
/// assert_eq!(line_of(text, &JsonPath::root().key("flows").index(1).key("id")), Some(5));
/// assert_eq!(line_of(text, &JsonPath::root().key("flows").index(1).key("to")), Some(4));
/// ```
pub fn line_of(text: &str, path: &JsonPath) -> Option<usize> {
    let mut at: &str = text.trim_start();
    for segment in path.segments() {
        let next: Option<&RawValue> = match segment {
            Segment::Key(key) => serde_json::from_str::<HashMap<String, &RawValue>>(at)
                .ok()
                .and_then(|m| m.get(key).copied()),
            Segment::Index(i) => {
                serde_json::from_str::<Vec<&RawValue>>(at).ok().and_then(|v| v.get(*i).copied())
            }
        };
        match next {
            Some(value) => at = value.get(),
            None => break,
        }
    }
    // `at` is a slice of `text`: its offset is where it starts.
    let offset = (at.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    Some(text.get(..offset)?.matches('\n').count() + 1)
}
