//! Where a problem is, in the editor's words.

use crate::i18n::editor::{say, Word};
use crate::i18n::Lang;
use crate::sheets::SheetProblem;

/// The file, row and column of `problem` (or its JSON path) in `lang`: "flows.csv, row 4,
/// column amount"; empty when it is in no file.
///
/// # Examples
/// ```
/// use flowmap_core::editor::place;
/// use flowmap_core::i18n::Lang;
/// use flowmap_core::sheets::SheetProblem;
/// let p = SheetProblem::in_row("flows.csv", 4, Some("amount"), "not a number");
/// assert_eq!(place(&p, Lang::Uk), "flows.csv, рядок 4, стовпець amount");
/// ```
pub fn place(problem: &SheetProblem, lang: Lang) -> String {
    let mut parts: Vec<String> = problem.file.iter().cloned().collect();
    if let Some(row) = problem.row {
        parts.push(say(lang, Word::Row, &row.to_string()));
    }
    if let Some(column) = &problem.column {
        parts.push(say(lang, Word::Column, column));
    }
    if let Some(at) = &problem.at {
        parts.push(at.to_string());
    }
    parts.join(", ")
}
