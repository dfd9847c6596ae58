//! The rows of a sheet around one, for showing an editor where a problem is.

use super::decode::decode;
use super::sheet::Sheet;
use super::SheetFile;

/// Rows of a sheet: its header and the numbered rows shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The column names.
    pub header: Vec<String>,
    /// The rows shown, with their spreadsheet numbers (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The rows of `file` within `around` of spreadsheet row `row`; `None` when the sheet
/// cannot be read as a whole (its problem says where).
///
/// # Examples
/// ```
/// use flowmap_core::sheets::{excerpt, SheetFile};
/// let file = SheetFile::new("f.csv", "id,amount\na,1\nb,x\nc,3\nd,4\n");
/// let e = excerpt(&file, 3, 1).unwrap();
/// assert_eq!(e.header, ["id", "amount"]);
/// assert_eq!(e.rows.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [2, 3, 4]);
/// ```
pub fn excerpt(file: &SheetFile, row: usize, around: usize) -> Option<Excerpt> {
    let text = decode(&file.name, &file.bytes).ok()?.text;
    let sheet = Sheet::parse(&file.name, &text).ok()?;
    let rows =
        sheet.numbered_rows().iter().filter(|(n, _)| n.abs_diff(row) <= around).cloned().collect();
    Some(Excerpt { header: sheet.headers().to_vec(), rows })
}
