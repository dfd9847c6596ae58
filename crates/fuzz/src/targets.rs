//! What is fuzzed, and the property each must keep: the dataset reader and validator (and
//! everything drawn from what they accept: layout, words, exports), the URL-hash reader and
//! the query-string reader. A panic or a broken property is a finding.

use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::Dataset;
use flowmap_core::export;
use flowmap_core::i18n::Lang;
use flowmap_core::layout::{self, MapView};
use flowmap_core::query;
use flowmap_core::view_state::ViewState;
use flowmap_core::zoom::Zoom;
use geo::Coord;
use std::path::Path;

/// A fuzzed reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `Dataset::from_bytes`, then the layout at two sizes, every language's words and the
    /// exports of what it accepted.
    Dataset,
    /// `ViewState::from_hash` (the URL hash a shared link carries).
    Hash,
    /// The query string: `?data=`, `?lang=` and the embed address.
    Query,
    /// CSV sheets into a dataset (`sheets::convert`): the input is the sheets joined by
    /// [`SHEET_BREAK`], in the order locations, sources, flows, speakers, categories.
    Sheets,
}

/// What separates the sheets in a [`Target::Sheets`] input (the ASCII record separator).
pub const SHEET_BREAK: u8 = 0x1e;

/// The example sheets, in the order a [`Target::Sheets`] input holds them.
const SHEET_FILES: [&str; 5] =
    ["locations.csv", "sources.csv", "flows.csv", "speakers.csv", "categories.csv"];

impl Target {
    /// Every target.
    pub const ALL: [Target; 4] = [Target::Dataset, Target::Hash, Target::Query, Target::Sheets];

    /// Its name: the folder of its findings under `tests/fixtures/fuzz/`.
    pub fn name(self) -> &'static str {
        match self {
            Target::Dataset => "dataset",
            Target::Hash => "hash",
            Target::Query => "query",
            Target::Sheets => "sheets",
        }
    }

    /// True when inputs are JSON, mutated with their structure in mind.
    pub fn is_json(self) -> bool {
        self == Target::Dataset
    }

    /// Inputs to start from, read from the repository at `root`.
    pub fn seeds(self, root: &Path) -> Vec<Vec<u8>> {
        match self {
            Target::Dataset => {
                let mut files = vec![root.join("public/data/flows.json")];
                for dir in ["tests/fixtures", "crates/core/tests/fixtures"] {
                    let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
                        .into_iter()
                        .flatten()
                        .flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "json"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
            }
            Target::Hash => [
                "",
                "#cat=-arms&status=-alleged&src=svr&from=2023-01&to=2024&flow=kits&zoom=2,-100,-50",
                "#flow=a%20b&zoom=1.500,10.0,-3.0",
                "#speaker=vucic&from=2024-06-15&to=2025",
            ]
            .map(|s| s.as_bytes().to_vec())
            .to_vec(),
            Target::Query => [
                "?data=drafts/flows.json&lang=ru&theme=dark&embed=1",
                "?data=https://example.com/x.json",
                "?lang=sr-Cyrl&data=%2F%2Fexample.com",
                "?embed=true&data=a%2Bb.json",
            ]
            .map(|s| s.as_bytes().to_vec())
            .to_vec(),
            Target::Sheets => {
                let read = |name: &str| std::fs::read(root.join("docs/examples").join(name));
                let all: Vec<Vec<u8>> = SHEET_FILES.iter().filter_map(|n| read(n).ok()).collect();
                let joined = |parts: &[Vec<u8>]| parts.join(&SHEET_BREAK);
                // With every sheet, and without the optional ones.
                vec![joined(&all), joined(&all[..3.min(all.len())])]
            }
        }
    }

    /// Runs one input; panics (the finding) when a property does not hold.
    pub fn run(self, input: &[u8], atlas: &Atlas) {
        // The page and the command-line tool read a dataset's or a sheet's bytes; the URL's
        // parts come as text.
        let text = || String::from_utf8_lossy(input);
        match self {
            Target::Dataset => dataset(input, atlas),
            Target::Sheets => sheets(input),
            Target::Hash => hash(&text()),
            Target::Query => query(&text()),
        }
    }
}

fn dataset(bytes: &[u8], atlas: &Atlas) {
    let full = Dataset::from_bytes("fuzz.json", bytes);
    // The page's plain reader (the full one is a chunk fetched when needed) reads what the
    // full one reads, or leaves it to the full one; never a different result.
    match Dataset::from_bytes_plain("fuzz.json", bytes) {
        Err(flowmap_core::dataset::LoadError::NotPlain { .. }) => {}
        plain => assert_eq!(plain, full, "the plain reader differs from the full one"),
    }
    let d = match full {
        Ok(d) => d,
        Err(e) => {
            let m = e.to_string();
            assert!(!m.is_empty(), "an error without a message");
            in_words(&m);
            return;
        }
    };
    for p in &d.problems {
        assert!(!p.message.trim().is_empty(), "a problem without a message at {}", p.path);
        in_words(&p.message);
    }
    let visible: Vec<usize> = (0..d.raw.flows.len()).collect();
    let codes = flowmap_core::flow_codes::FlowCodes::of(&d);
    let plan = layout::plan(&d, atlas, &visible);
    for (width, height, zoom) in
        [(1280.0, 720.0, Zoom::IDENTITY), (375.0, 420.0, Zoom { k: 4.0, x: -300.0, y: -200.0 })]
    {
        let view = MapView { width, height, zoom, lang: Lang::En };
        let map = layout::layout(&d, atlas, &plan, &view);
        let countries =
            layout::countries(atlas, &layout::projection(&d, atlas, width, height, zoom));
        let finite = |c: &Coord<f64>| c.x.is_finite() && c.y.is_finite();
        for m in &map.markers {
            assert!(
                finite(&m.at) && finite(&m.label.at) && m.radius.is_finite(),
                "marker {:?} at {:?}",
                m.id,
                m.at
            );
        }
        for f in &map.flows {
            let points = f.legs.iter().flat_map(|l| {
                [l.start, l.control, l.base, l.tip, l.middle, l.corners[0], l.corners[1]]
            });
            assert!(
                f.width.is_finite() && points.into_iter().all(|c| finite(&c)),
                "flow {} has a point that is not a number",
                f.index
            );
        }
        let (svg, _) = export::svg(&countries, &map, width, height, 1.0, &export::Frame::default());
        assert!(!svg.contains("<script"), "the picture has a script");
    }
    for lang in Lang::ALL {
        let _ = flowmap_core::describe::summary(&d, &codes, &visible, lang);
        for f in d.raw.flows.iter().take(20) {
            let _ = flowmap_core::describe::accessible_name(&d, f, lang);
            for s in flowmap_core::describe::statements(&d, f) {
                let _ = s.line(lang);
            }
        }
    }
    let _ = export::csv(&d, &visible, Lang::En);
    // The data download reads back as a dataset with the same flows.
    let json = export::json(&d, &visible);
    let again = Dataset::from_json("download.json", &json).expect("the JSON download reads back");
    assert_eq!(again.raw.flows.len(), d.raw.flows.len(), "the JSON download lost flows");
}

/// A message a person reads has none of serde's or Rust's words (a message may quote the
/// data, so only words the mutations never write are looked for).
fn in_words(m: &str) {
    for words in ["invalid type", "expected f64", "expected struct", "untagged enum", "variant"] {
        assert!(!m.contains(words), "a message with the program's words: {m}");
    }
}

fn hash(text: &str) {
    let view = ViewState::from_hash(text);
    let z = view.zoom;
    assert!(z.k.is_finite() && z.k > 0.0 && z.x.is_finite() && z.y.is_finite(), "zoom {z:?}");
    // What a link writes, it reads back the same.
    let written = view.to_hash();
    assert_eq!(ViewState::from_hash(&written).to_hash(), written, "the hash does not round-trip");
}

fn query(text: &str) {
    // A page of this site may also hand over a blob: of its own origin (the editor's
    // preview); that one has a scheme, so it is checked on its own below.
    let origin = "https://example.org";
    let checked = query::dataset_url(text, "data/flows.json", origin);
    if let Some(rest) = checked.as_deref().ok().and_then(|u| u.strip_prefix("blob:")) {
        assert!(rest.starts_with("https://example.org/"), "{rest:?} is another origin's blob");
        assert!(!rest.chars().any(char::is_control), "{rest:?} holds a control character");
    } else if let Ok(url) = checked {
        // What the browser would fetch: it drops tabs and line breaks anywhere and controls
        // and spaces at the ends; it must be an address on this site.
        let fetched: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        let fetched = fetched.trim_matches(|c: char| c <= ' ');
        let head = fetched.split(['/', '?', '#']).next().unwrap_or("");
        assert!(
            !fetched.starts_with("//") && !fetched.starts_with("\\") && !fetched.contains('\\'),
            "{url:?} would be fetched from another site"
        );
        let scheme = head.split_once(':').map(|(s, _)| s);
        assert!(
            scheme.is_none_or(|s| {
                !(s.starts_with(|c: char| c.is_ascii_alphabetic())
                    && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
            }),
            "{url:?} has a scheme"
        );
    }
    let _ = query::param(text, "lang");
    let embed = query::embed_url("https://example.org/map/", text, "#flow=a");
    assert!(
        !embed.contains(['"', '<', '>', ' ', '\n']),
        "the embed address {embed:?} needs escaping"
    );
}

fn sheets(input: &[u8]) {
    use flowmap_core::sheets::{convert, SheetFile, Sheets};
    let mut parts = input.split(|&b| b == SHEET_BREAK);
    let mut file = |name: &str| parts.next().map(|bytes| SheetFile::new(name, bytes));
    let (locations, sources, flows) =
        (file(SHEET_FILES[0]), file(SHEET_FILES[1]), file(SHEET_FILES[2]));
    let (speakers, categories) = (file(SHEET_FILES[3]), file(SHEET_FILES[4]));
    let sheets = Sheets {
        locations: locations.unwrap_or_default(),
        sources: sources.unwrap_or_default(),
        flows: flows.unwrap_or_default(),
        speakers,
        categories,
        meta: None,
    };
    let converted = convert(&sheets);
    for p in converted.problems.iter().chain(&converted.warnings) {
        let m = p.to_string();
        assert!(!p.message.trim().is_empty(), "a problem without a message: {m}");
        in_words(&m);
    }
    if let Some(raw) = converted.dataset {
        // What the sheets became reads back as a dataset, as the map would read it.
        let text = serde_json::to_string(&raw).expect("a dataset writes as JSON");
        Dataset::from_json("converted.json", &text).expect("a converted dataset reads back");
    }
}
