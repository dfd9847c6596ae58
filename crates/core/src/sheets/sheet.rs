//! CSV sheets as exported from a spreadsheet: a header row, then one item per row, the cells
//! separated by commas, semicolons or tabs. Every error names the file, the spreadsheet row
//! (the header is row 1) and the column.

use super::problem::SheetProblem;

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
    /// Parses CSV text, its cells separated as its header row's are; blank rows are ignored.
    pub fn parse(file: &str, text: &str) -> Result<Sheet, SheetProblem> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter(text))
            .from_reader(text.as_bytes());
        let err = |row: Option<usize>, message: String| SheetProblem {
            row,
            ..SheetProblem::in_file(file, message)
        };
        let header = reader
            .headers()
            .map_err(|e| err(Some(1), format!("the header row cannot be read: {e}")))?;
        let mut rows_at = RowNumbers { text, in_cells: 0, counted: 0, counted_to: 0 };
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

    /// The column names, as written in the header row.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The rows with their spreadsheet numbers (blank rows left out).
    pub fn numbered_rows(&self) -> &[(usize, Vec<String>)] {
        &self.rows
    }

    /// An error for every cell longer than the map reads ([`crate::limits::MAX_TEXT_CHARS`]).
    pub fn long_cells(&self) -> Vec<SheetProblem> {
        let limit = crate::limits::MAX_TEXT_CHARS;
        self.rows
            .iter()
            .flat_map(|(number, cells)| cells.iter().enumerate().map(move |(i, c)| (*number, i, c)))
            .filter(|(_, _, cell)| cell.len() > limit && cell.chars().count() > limit)
            .map(|(number, i, cell)| {
                let n = cell.chars().count();
                let message = format!(
                    "this cell holds {n} characters; the map accepts texts of up to {limit}"
                );
                SheetProblem::in_row(
                    &self.file,
                    number,
                    self.headers.get(i).map(String::as_str),
                    message,
                )
            })
            .collect()
    }

    /// An error for every required column the header lacks.
    pub fn missing_columns(&self, required: &[&str]) -> Vec<SheetProblem> {
        required
            .iter()
            .filter(|c| !self.has(c))
            .map(|c| {
                let columns = self.headers.join(", ");
                let message = format!("the header has no \"{c}\" column (columns: {columns})");
                SheetProblem::in_row(&self.file, 1, Some(c), message)
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
    /// The line breaks before byte `counted_to`: records come in order, so each is counted
    /// from the last one, not from the start of the file.
    counted: usize,
    counted_to: usize,
}

impl RowNumbers<'_> {
    /// The row of the record the csv crate places at byte `byte`: where it says the record
    /// starts, which is before the blank lines that precede it.
    fn at(&mut self, byte: u64) -> usize {
        let from = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        let rest = self.text.get(from..).unwrap_or_default();
        let start = self.text.len() - rest.trim_start_matches(['\r', '\n']).len();
        if start < self.counted_to {
            (self.counted, self.counted_to) = (0, 0);
        }
        self.counted += line_breaks(self.text.get(self.counted_to..start).unwrap_or_default());
        self.counted_to = start;
        1 + self.counted.saturating_sub(self.in_cells)
    }

    /// Counts the line breaks inside the cells of `record`, read past.
    fn passed(&mut self, record: &csv::StringRecord) {
        self.in_cells += record.iter().map(line_breaks).sum::<usize>();
    }
}

/// The cell separator of a sheet: the tab, semicolon or comma that its header row (its first
/// line) holds most of outside quotes; a comma when it holds none.
fn delimiter(text: &str) -> u8 {
    let header = text.split(['\r', '\n']).next().unwrap_or_default();
    let mut quoted = false;
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b && !quoted) {
            c.1 += 1;
        }
    }
    counts.iter().rev().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
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
    pub fn error(&self, column: &str, message: String) -> SheetProblem {
        SheetProblem::in_row(&self.sheet.file, self.number, Some(column), message)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn rows_are_numbered_as_in_the_spreadsheet() {
        let s = Sheet::parse("f.csv", "id,name\nSRB, Serbia \n,\nUKR,Ukraine\n").unwrap();
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
    fn cells_are_separated_as_in_the_header_row() {
        for text in [
            "id\tname\n\"S,R;B\"\tSerbia, Republic of\n",
            "id;name\n\"S,R;B\";Serbia, Republic of\n",
            "\"id;x\",name,\"a;b\"\n\"S,R;B\",\"Serbia, Republic of\"\n",
        ] {
            let s = Sheet::parse("f.csv", text).unwrap();
            let row = s.rows().next().unwrap();
            assert_eq!((row.get("name"), row.number), ("Serbia, Republic of", 2), "{text:?}");
        }
        let one = Sheet::parse("f.csv", "via\nCZE; BGR\n").unwrap();
        assert_eq!(one.rows().next().unwrap().list("via"), ["CZE", "BGR"], "one column");
    }

    #[test]
    fn lists_split_on_semicolons() {
        let s = Sheet::parse("f.csv", "via\n\"CZE; BGR;\"\n").unwrap();
        assert_eq!(s.rows().next().unwrap().list("via"), ["CZE", "BGR"]);
    }
}
