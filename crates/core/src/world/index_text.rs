//! The index's text format ([`INDEX_FILE`](super::INDEX_FILE)): written at build time, read by the page.

use super::{Bbox, Bundled, IndexedCountry, WorldFile, WorldIndex, WORLD_VERSION};

impl WorldIndex {
    /// The index as [`INDEX_FILE`](super::INDEX_FILE) holds it.
    pub fn to_text(&self) -> String {
        let b = |bbox: &Bbox| bbox.map(|v| v.to_string()).join(" ");
        let mut lines = vec![format!("flowmap-world {}", self.version)];
        lines.push(format!(
            "bundled {} {}",
            b(&self.bundled.bbox),
            self.bundled.countries.join(" ")
        ));
        lines.extend(self.files.iter().map(|f| format!("file {} {}", f.name, b(&f.bbox))));
        lines.extend(
            self.countries.iter().map(|c| format!("country {} {} {}", c.id, c.file, b(&c.bbox))),
        );
        lines.join("\n") + "\n"
    }

    /// Reads [`INDEX_FILE`](super::INDEX_FILE); the error names the line that cannot be read.
    pub fn from_text(text: &str) -> Result<WorldIndex, String> {
        let mut lines = text.lines().enumerate();
        let version = match lines.next().map(|(_, l)| l.split_whitespace().collect::<Vec<_>>()) {
            Some(head) if head.first() == Some(&"flowmap-world") => {
                head.get(1).and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            _ => return Err("this is not an index of the world's outlines".into()),
        };
        if version != WORLD_VERSION {
            return Err(format!(
                "the world index has format version {version}, expected {WORLD_VERSION}"
            ));
        }
        let empty = Bundled { bbox: [0.0; 4], countries: Vec::new() };
        let mut index =
            WorldIndex { version, bundled: empty, files: Vec::new(), countries: Vec::new() };
        for (n, line) in lines {
            let bad = || format!("line {} of the world index cannot be read", n + 1);
            let fields: Vec<&str> = line.split_whitespace().collect();
            let bbox = |from: usize| -> Result<Bbox, String> {
                let mut b = [0.0; 4];
                for (k, v) in b.iter_mut().enumerate() {
                    // Whole degrees: an integer reader is far smaller in the WebAssembly
                    // than a float one.
                    let degrees: i32 =
                        fields.get(from + k).and_then(|f| f.parse().ok()).ok_or_else(bad)?;
                    *v = f64::from(degrees);
                }
                Ok(b)
            };
            match fields.first().copied() {
                Some("bundled") => {
                    let countries = fields.iter().skip(5).map(|id| (*id).to_string()).collect();
                    index.bundled = Bundled { bbox: bbox(1)?, countries };
                }
                Some("file") => {
                    let name = fields.get(1).ok_or_else(bad)?.to_string();
                    index.files.push(WorldFile { name, bbox: bbox(2)? });
                }
                Some("country") => {
                    let id = fields.get(1).ok_or_else(bad)?.to_string();
                    let file = fields.get(2).and_then(|f| f.parse().ok()).ok_or_else(bad)?;
                    index.countries.push(IndexedCountry { id, file, bbox: bbox(3)? });
                }
                None => {}
                Some(_) => return Err(bad()),
            }
        }
        if index.countries.iter().any(|c| c.file >= index.files.len()) {
            return Err("the world index names a file it does not list".into());
        }
        Ok(index)
    }
}
