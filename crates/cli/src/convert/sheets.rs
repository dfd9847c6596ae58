//! The sheets named on the command line: their texts, and each parsed with the columns it
//! needs.

use crate::sheet::{CellError, Sheet};

/// Paths of the sheets given on the command line.
#[derive(Debug, Default)]
pub struct Files {
    pub locations: Option<String>,
    pub sources: Option<String>,
    pub speakers: Option<String>,
    pub flows: Option<String>,
    pub categories: Option<String>,
    pub meta: Option<String>,
}

/// The sheets' texts, with their file names.
#[derive(Debug, Default)]
pub struct Texts {
    pub locations: (String, String),
    pub sources: (String, String),
    pub speakers: Option<(String, String)>,
    pub flows: (String, String),
    pub categories: Option<(String, String)>,
    pub meta: Option<(String, String)>,
}

impl Files {
    /// Reads every file with `read`; locations, sources and flows are required.
    pub fn read(
        self,
        read: impl Fn(&str) -> Result<String, crate::UsageError>,
    ) -> Result<Texts, crate::UsageError> {
        let need = |f: Option<String>, flag: &str| {
            f.ok_or_else(|| crate::UsageError::Arguments(format!("convert needs {flag} FILE.csv")))
        };
        let pair = |p: String| read(&p).map(|t| (p, t));
        let (l, s, f) = (
            need(self.locations, "--locations")?,
            need(self.sources, "--sources")?,
            need(self.flows, "--flows")?,
        );
        Ok(Texts {
            locations: pair(l)?,
            sources: pair(s)?,
            speakers: self.speakers.map(pair).transpose()?,
            flows: pair(f)?,
            categories: self.categories.map(pair).transpose()?,
            meta: self.meta.map(pair).transpose()?,
        })
    }
}

/// An error in the header (row 1) of `sheet`, at `column`.
fn header_error(sheet: &Sheet, column: &str, message: String) -> String {
    CellError { file: sheet.file.clone(), row: Some(1), column: Some(column.into()), message }
        .to_string()
}

/// The sheet `(file, text)` when it parses and has its `required` columns; otherwise its
/// errors are added to `errors`. `format1` lists columns from format 1 whose meaning would
/// be lost, with what to do instead.
pub(super) fn parse(
    (file, text): &(String, String),
    required: &[&str],
    format1: &[(&str, String)],
    errors: &mut Vec<String>,
) -> Option<Sheet> {
    match Sheet::parse(file, text) {
        Ok(s) => {
            let before = errors.len();
            errors.extend(s.missing_columns(required).iter().map(std::string::ToString::to_string));
            for (column, message) in format1.iter().filter(|(c, _)| s.has(c)) {
                errors.push(header_error(&s, column, message.clone()));
            }
            (errors.len() == before).then_some(s)
        }
        Err(e) => {
            errors.push(e.to_string());
            None
        }
    }
}
