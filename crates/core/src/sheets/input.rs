//! The files given, as bytes with their names, and each sheet decoded and parsed with the
//! columns it needs.

use super::decode::decode;
use super::problem::SheetProblem;
use super::sheet::Sheet;
use super::Converted;

/// One file as the editor gave it: its name (for messages) and its bytes, as saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetFile {
    /// The file's name, as messages give it.
    pub name: String,
    /// The file's bytes, in any encoding [`convert`](super::convert) reads.
    pub bytes: Vec<u8>,
}

impl SheetFile {
    /// A file named `name` holding `bytes`.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> SheetFile {
        SheetFile { name: name.into(), bytes: bytes.into() }
    }
}

/// The sheets of one dataset, and its meta file; locations, sources and flows are required.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheets {
    /// The places (`id`, `name`, `lon`, `lat`).
    pub locations: SheetFile,
    /// The publications.
    pub sources: SheetFile,
    /// Who says what; without it each publication speaks for itself.
    pub speakers: Option<SheetFile>,
    /// The flows, one per row.
    pub flows: SheetFile,
    /// The categories; without it each flow's category is named by its id.
    pub categories: Option<SheetFile>,
    /// The meta file (JSON: title, notes, credit, language, focus).
    pub meta: Option<SheetFile>,
}

/// `file` as text; its problem, or a warning about its encoding, goes to `out`.
pub(super) fn text(file: &SheetFile, out: &mut Converted) -> Option<String> {
    match decode(&file.name, &file.bytes) {
        Ok(d) => {
            out.warnings.extend(d.warning);
            Some(d.text)
        }
        Err(e) => {
            out.problems.push(e);
            None
        }
    }
}

/// The sheet `file` when it can be read and has its `required` columns; otherwise its
/// problems go to `out`. `format1` lists columns from format 1 whose meaning would be lost,
/// with what to do instead.
pub(super) fn parse(
    file: &SheetFile,
    required: &[&str],
    format1: &[(&str, String)],
    out: &mut Converted,
) -> Option<Sheet> {
    let text = text(file, out)?;
    match Sheet::parse(&file.name, &text) {
        Ok(s) => {
            let before = out.problems.len();
            out.problems.extend(s.missing_columns(required));
            out.problems.extend(s.long_cells());
            for (column, message) in format1.iter().filter(|(c, _)| s.has(c)) {
                out.problems.push(SheetProblem::in_row(&s.file, 1, Some(column), message.clone()));
            }
            (out.problems.len() == before).then_some(s)
        }
        Err(e) => {
            out.problems.push(e);
            None
        }
    }
}
