//! The dataset written as editors read it: pretty JSON, whole amounts without a `.0`.

use flowmap_core::model::RawDataset;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io;

/// serde_json's pretty layout, but `143900000` rather than `143900000.0`.
struct Pretty<'a>(PrettyFormatter<'a>);

/// Whole numbers below this are written as integers (exact in an `f64`).
const EXACT: f64 = 9_007_199_254_740_992.0;

impl Formatter for Pretty<'_> {
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, v: f64) -> io::Result<()> {
        if v.fract() == 0.0 && v.abs() < EXACT {
            write!(w, "{}", v as i64)
        } else {
            self.0.write_f64(w, v)
        }
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The dataset as pretty JSON (two-space indent), ending with a newline.
pub fn to_pretty(raw: &RawDataset) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty(PrettyFormatter::new()));
    raw.serialize(&mut ser).expect("the model always serialises");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod test {
    use super::*;
    use flowmap_core::dataset::Dataset;

    #[test]
    fn whole_amounts_have_no_decimal_point_and_read_back_the_same() {
        let d = Dataset::from_json("t", include_str!("../tests/fixtures/v2.json")).unwrap();
        let text = to_pretty(&d.raw);
        assert!(text.contains("\"amount\": 143900000,"), "{text}");
        assert!(text.contains("20.46"), "{text}");
        assert_eq!(Dataset::from_json("t", &text).unwrap().raw, d.raw);
    }
}
