//! A file's bytes as text: UTF-8 with or without a byte-order mark, UTF-16 with one (what
//! Excel's "Unicode Text" saves), or else Windows-1252 (Excel's plain "CSV" on Windows), with
//! a warning. What is none of these is refused at the row of its first unreadable byte.

use super::problem::SheetProblem;
use encoding_rs::{DecoderResult, Encoding, UTF_8, WINDOWS_1252};

/// How to save a sheet so that it is read as written.
const SAVE_AS_UTF8: &str =
    "in Excel, save it with \"Save as\" and the type \"CSV UTF-8 (Comma delimited)\"; \
     in LibreOffice, choose the character set \"Unicode (UTF-8)\" when saving";

/// A file's text, and a warning when its encoding was guessed.
#[derive(Debug)]
pub(super) struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Set when the file was not UTF-8 and was read as Windows-1252.
    pub warning: Option<SheetProblem>,
}

/// Reads `bytes`, the file `file`, as text.
pub(super) fn decode(file: &str, bytes: &[u8]) -> Result<Decoded, SheetProblem> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let text = strict(encoding, &bytes[bom..]).map_err(|before| {
            let message = format!(
                "this file starts as {} text, but this row holds bytes that are not {0}; \
                 the file may be damaged: save it again from the spreadsheet ({SAVE_AS_UTF8})",
                encoding.name()
            );
            SheetProblem::in_row(file, row_at_end(&before), None, message)
        })?;
        return no_nul(file, text, None);
    }
    let utf8 = strict(UTF_8, bytes);
    let Err(before) = utf8 else {
        return no_nul(file, utf8.unwrap_or_default(), None);
    };
    // Letters written as UTF-8 before the bad bytes: a damaged UTF-8 file, not Windows-1252.
    if !before.is_ascii() {
        let message = format!(
            "this row holds bytes that are not UTF-8, though the text before it is UTF-8; the file may be \
             damaged, or pasted together from files saved differently: save it again from the spreadsheet ({SAVE_AS_UTF8})"
        );
        return Err(SheetProblem::in_row(file, row_at_end(&before), None, message));
    }
    let text = strict(WINDOWS_1252, bytes).unwrap_or_else(|before| before);
    // Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come out as
    // control characters: the file is in some other encoding.
    if let Some(at) = text.find(|c: char| ('\u{80}'..='\u{9f}').contains(&c)) {
        let message = format!(
            "this file is neither UTF-8 nor Windows-1252, and this row holds a byte neither can read; \
             save the file again from the spreadsheet ({SAVE_AS_UTF8})"
        );
        return Err(SheetProblem::in_row(file, row_at_end(&text[..at]), None, message));
    }
    let warning = SheetProblem::in_file(
        file,
        format!(
            "this file is not UTF-8, so it was read as Windows-1252 (what Excel saves as plain \"CSV\" on \
             Windows); check its accented letters and symbols, and to be sure of them, save it as UTF-8: {SAVE_AS_UTF8}"
        ),
    );
    no_nul(file, text, Some(warning))
}

/// `text` when it holds no NUL character (which UTF-16 without a byte-order mark would).
fn no_nul(
    file: &str,
    text: String,
    warning: Option<SheetProblem>,
) -> Result<Decoded, SheetProblem> {
    match text.find('\0') {
        None => Ok(Decoded { text, warning }),
        Some(at) => Err(SheetProblem::in_row(
            file,
            row_at_end(&text[..at]),
            None,
            format!(
                "this row holds a NUL character, which no sheet has: the file may be UTF-16 without a \
                 byte-order mark, or not a sheet at all; save it again from the spreadsheet ({SAVE_AS_UTF8})"
            ),
        )),
    }
}

/// `bytes` decoded as `encoding` without replacing anything; `Err` holds the text before the
/// first malformed bytes.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, String> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::new();
    let mut rest = bytes;
    loop {
        let room = decoder.max_utf8_buffer_length_without_replacement(rest.len());
        text.reserve(room.unwrap_or(rest.len()).max(4));
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(..) => return Err(text),
        }
    }
}

/// The spreadsheet row that `before`, the text of a sheet up to some point, ends in: the
/// header is row 1, and a line break inside a quoted cell starts no row.
///
/// A quote opens a quoted cell only at the cell's start (`12" gun` is a plain cell), and
/// `""` inside a quoted cell is a quote, as CSV readers take them.
fn row_at_end(before: &str) -> usize {
    let (mut row, mut quoted, mut after_cr) = (1, false, false);
    let (mut cell_start, mut just_closed) = (true, false);
    for c in before.chars() {
        let closing = c == '"' && quoted;
        match c {
            '"' if quoted || cell_start || just_closed => quoted = !quoted,
            '\n' if !quoted && !after_cr => row += 1,
            '\r' if !quoted => row += 1,
            _ => {}
        }
        just_closed = closing;
        cell_start = !quoted && matches!(c, ',' | ';' | '\t' | '\n' | '\r');
        after_cr = c == '\r';
    }
    row
}

#[cfg(test)]
mod test {
    use super::*;

    /// Found by the review: a quote inside a plain cell started a quoted one.
    #[test]
    fn rows_ignore_quotes_inside_plain_cells_and_keep_escaped_ones() {
        assert_eq!(row_at_end("id,name\nA,12\" gun\nB,ok\nC,"), 4);
        assert_eq!(row_at_end("id,name\nA,\"say \"\"hi\"\"\nthere\"\nB,"), 3);
        assert_eq!(row_at_end("id;name\r\nA;\"x\r\ny\"\r\nB;"), 3);
    }

    /// `text` in UTF-16, little- or big-endian, with its byte-order mark.
    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let units = std::iter::once(0xfeff).chain(text.encode_utf16());
        units.flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    fn read(bytes: &[u8]) -> Result<Decoded, String> {
        decode("f.csv", bytes).map_err(|e| e.to_string())
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_is_read_as_is() {
        for bytes in
            ["id,name\nSRB,Србија\n".as_bytes(), "\u{feff}id,name\nSRB,Србија\n".as_bytes()]
        {
            let d = read(bytes).unwrap();
            assert_eq!(d.text, "id,name\nSRB,Србија\n");
            assert!(d.warning.is_none());
        }
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_either_way_round() {
        for little in [true, false] {
            let d = read(&utf16("id\tname\r\nSRB\tСрбија\r\n", little)).unwrap();
            assert_eq!(d.text, "id\tname\r\nSRB\tСрбија\r\n");
            assert!(d.warning.is_none());
        }
        // An unpaired surrogate in row 3 (the cell of row 2 is on two lines).
        let mut bytes = utf16("id,name\n\"SRB\nx\",Serbia\nUKR,", true);
        bytes.extend([0x00, 0xd8, b'x', 0]);
        let e = read(&bytes).unwrap_err();
        assert!(e.starts_with("f.csv, row 3: this file starts as UTF-16LE text, but this row holds bytes that are not UTF-16LE"), "{e}");
    }

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let d = read(b"id,name\nCIV,C\xf4te d\x92Ivoire \x80\n").unwrap();
        assert_eq!(d.text, "id,name\nCIV,Côte d’Ivoire €\n");
        let w = d.warning.unwrap().to_string();
        assert!(
            w.starts_with("f.csv: this file is not UTF-8, so it was read as Windows-1252"),
            "{w}"
        );
        assert!(w.contains("CSV UTF-8 (Comma delimited)"), "{w}");
    }

    #[test]
    fn what_cannot_be_read_is_refused_at_its_row() {
        let e = read(b"id,name\r\nSRB,Serbia\r\nX,\x81\r\n").unwrap_err();
        assert!(e.starts_with("f.csv, row 3: this file is neither UTF-8 nor Windows-1252"), "{e}");
        let e = read("id,name\nSRB,Србија\n\"a\nb\",\u{0}".as_bytes()).unwrap_err();
        assert!(e.starts_with("f.csv, row 3: this row holds a NUL character"), "{e}");
        let mut damaged = "id,name\nSRB,Србија\n".as_bytes().to_vec();
        damaged.extend(b"UKR,\xff\n");
        let e = read(&damaged).unwrap_err();
        assert!(e.starts_with("f.csv, row 3: this row holds bytes that are not UTF-8, though the text before it is UTF-8"), "{e}");
    }

    #[test]
    fn rows_are_counted_as_the_spreadsheet_does() {
        assert_eq!(row_at_end(""), 1);
        assert_eq!(row_at_end("a\r\nb\rc\nd"), 4);
        assert_eq!(row_at_end("a\n\"b\r\nc\"\n"), 3);
    }
}
