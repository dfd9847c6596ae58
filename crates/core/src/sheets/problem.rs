//! A problem as the editor finds it: in a sheet's row and column, or at a place in a JSON
//! file.

use crate::JsonPath;
use std::fmt;

/// A problem in the files given: the file, the spreadsheet row (the header is row 1) and the
/// column, or the place in a JSON file; as much of these as is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    /// The file's name, when the problem is in one file.
    pub file: Option<String>,
    /// Spreadsheet row number (header = 1), if the problem is in one row.
    pub row: Option<usize>,
    /// Column name, if the problem is in one cell.
    pub column: Option<String>,
    /// Where in a JSON file (the meta file), or in the dataset when no file is named.
    pub at: Option<JsonPath>,
    /// What is wrong and what to do.
    pub message: String,
}

impl SheetProblem {
    /// A problem with a whole file.
    pub fn in_file(file: &str, message: impl Into<String>) -> SheetProblem {
        SheetProblem {
            file: Some(file.into()),
            row: None,
            column: None,
            at: None,
            message: message.into(),
        }
    }

    /// A problem in one row of a sheet, or in one of its cells when `column` is given.
    pub fn in_row(
        file: &str,
        row: usize,
        column: Option<&str>,
        message: impl Into<String>,
    ) -> SheetProblem {
        SheetProblem {
            row: Some(row),
            column: column.map(String::from),
            ..SheetProblem::in_file(file, message)
        }
    }
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(file) = &self.file {
            place.push(file.clone());
        }
        if let Some(r) = self.row {
            place.push(format!("row {r}"));
        }
        if let Some(c) = &self.column {
            place.push(format!("column \"{c}\""));
        }
        match (&self.at, &self.file) {
            (Some(at), Some(_)) => place.push(format!("at {at}")),
            (Some(at), None) => place.push(at.to_string()),
            (None, _) => {}
        }
        if place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", place.join(", "), self.message)
        }
    }
}

impl std::error::Error for SheetProblem {}
