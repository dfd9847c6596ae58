//! CSV sheets as exported from a spreadsheet: a header row, then one item per row.
//! Every error names the file, the spreadsheet row (the header is row 1) and the column.

use std::fmt;

/// A problem in one cell, row or file of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The sheet's file name.
    pub file: String,
    /// Spreadsheet row number (header = 1), if the problem is in one row.
    pub row: Option<usize>,
    /// Column name, if the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column \"{c}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A parsed sheet.
#[derive(Debug)]
pub struct Sheet {
    /// File name, for messages.
    pub file: String,
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// One data row of a sheet.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    sheet: &'a Sheet,
    /// Spreadsheet row number.
    pub number: usize,
    cells: &'a [String],
}

impl Sheet {
    /// Parses CSV text; a byte-order mark and blank rows are ignored.
    pub fn parse(file: &str, text: &str) -> Result<Sheet, CellError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let err = |row: Option<usize>, message: String| CellError {
            file: file.into(),
            row,
            column: None,
            message,
        };
        let header = reader
            .headers()
            .map_err(|e| err(Some(1), format!("the header row cannot be read: {e}")))?;
        let mut rows_at = RowNumbers { text, in_cells: 0 };
        rows_at.passed(header);
        let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let row = e.position().map(|p| rows_at.at(p.byte()));
                err(row, format!("not valid CSV: {e}"))
            })?;
            let number = rows_at.at(record.position().map_or(0, csv::Position::byte));
            rows_at.passed(&record);
            let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
            if cells.iter().all(std::string::String::is_empty) {
                continue;
            }
            if cells.len() > headers.len() {
                return Err(err(
                    Some(number),
                    format!(
                        "{} cells but only {} column names in the header",
                        cells.len(),
                        headers.len()
                    ),
                ));
            }
            rows.push((number, cells));
        }
        Ok(Sheet { file: file.into(), headers, rows })
    }

    /// An error for every required column the header lacks.
    pub fn missing_columns(&self, required: &[&str]) -> Vec<CellError> {
        required
            .iter()
            .filter(|c| !self.has(c))
            .map(|c| CellError {
                file: self.file.clone(),
                row: Some(1),
                column: Some(c.to_string()),
                message: format!(
                    "the header has no \"{c}\" column (columns: {})",
                    self.headers.join(", ")
                ),
            })
            .collect()
    }

    /// True when the header names this column.
    pub fn has(&self, column: &str) -> bool {
        self.headers.iter().any(|h| h == column)
    }

    /// Column names that start with `prefix`.
    pub fn columns_with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().map(String::as_str).filter(move |h| h.starts_with(prefix))
    }

    /// The data rows, in order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(number, cells)| Row { sheet: self, number: *number, cells })
    }
}

/// Spreadsheet row numbers in a CSV text: the header is row 1, each line a row (a blank
/// line too), except the line breaks inside a quoted cell; `\n`, `\r\n` and `\r` end a line.
/// (The csv crate's line numbers count a CRLF sheet's rows from 1, and a record after blank
/// lines or a cell on several lines at the wrong line.)
struct RowNumbers<'a> {
    text: &'a str,
    /// Line breaks inside the cells of the records passed so far.
    in_cells: usize,
}

impl RowNumbers<'_> {
    /// The row of the record the csv crate places at byte `byte`: where it says the record
    /// starts, which is before the blank lines that precede it.
    fn at(&self, byte: u64) -> usize {
        let from = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        let rest = self.text.get(from..).unwrap_or_default();
        let start = self.text.len() - rest.trim_start_matches(['\r', '\n']).len();
        let before = self.text.get(..start).unwrap_or_default();
        1 + line_breaks(before).saturating_sub(self.in_cells)
    }

    /// Counts the line breaks inside the cells of `record`, read past.
    fn passed(&mut self, record: &csv::StringRecord) {
        self.in_cells += record.iter().map(line_breaks).sum::<usize>();
    }
}

/// The line breaks in `s`: `\r\n`, `\n` or `\r`, each counted once.
fn line_breaks(s: &str) -> usize {
    s.matches('\n').count() + s.matches('\r').count() - s.matches("\r\n").count()
}

impl<'a> Row<'a> {
    /// The trimmed cell in `column`, or "" when the column or cell is absent.
    pub fn get(&self, column: &str) -> &'a str {
        self.sheet
            .headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The cell, or `None` when it is empty.
    pub fn optional(&self, column: &str) -> Option<&'a str> {
        Some(self.get(column)).filter(|s| !s.is_empty())
    }

    /// Items of a `;`-separated cell.
    pub fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    /// An error about one cell of this row.
    pub fn error(&self, column: &str, message: String) -> CellError {
        CellError {
            file: self.sheet.file.clone(),
            row: Some(self.number),
            column: Some(column.into()),
            message,
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn rows_are_numbered_as_in_the_spreadsheet() {
        let s = Sheet::parse("f.csv", "\u{feff}id,name\nSRB, Serbia \n,\nUKR,Ukraine\n").unwrap();
        let rows: Vec<_> = s.rows().map(|r| (r.number, r.get("name"))).collect();
        assert_eq!(rows, [(2, "Serbia"), (4, "Ukraine")]);
        assert_eq!(s.rows().next().unwrap().get("absent"), "");
    }

    #[test]
    fn rows_are_numbered_alike_whatever_the_line_endings() {
        let lf = "id,name\nSRB,\"Serbia,\nSrbija\"\n\n,\nUKR,Ukraine\n\"\nCZE\",Czechia";
        for text in [lf.to_string(), lf.replace('\n', "\r\n"), lf.replace('\n', "\r")] {
            let s = Sheet::parse("f.csv", &text).unwrap();
            let rows: Vec<_> = s.rows().map(|r| (r.number, r.get("id"))).collect();
            assert_eq!(rows, [(2, "SRB"), (5, "UKR"), (6, "CZE")], "{text:?}");
        }
        let e =
            Sheet::parse("f.csv", "id,name\r\nSRB,Serbia\r\nUKR,Ukraine,extra\r\n").unwrap_err();
        assert_eq!(e.to_string(), "f.csv, row 3: 3 cells but only 2 column names in the header");
    }

    #[test]
    fn missing_columns_and_long_rows_are_named() {
        let s = Sheet::parse("f.csv", "id,name\nSRB,Serbia\n").unwrap();
        assert_eq!(s.missing_columns(&["id", "point"])[0].to_string(), "f.csv, row 1, column \"point\": the header has no \"point\" column (columns: id, name)");
        let e = Sheet::parse("f.csv", "id,name\nSRB,Serbia,extra\n").unwrap_err();
        assert_eq!(e.to_string(), "f.csv, row 2: 3 cells but only 2 column names in the header");
    }

    #[test]
    fn lists_split_on_semicolons() {
        let s = Sheet::parse("f.csv", "via\n\"CZE; BGR;\"\n").unwrap();
        assert_eq!(s.rows().next().unwrap().list("via"), ["CZE", "BGR"]);
    }
}
