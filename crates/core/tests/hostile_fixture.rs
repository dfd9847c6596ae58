//! `tests/fixtures/hostile.json` (written by `scripts/hostile.mjs`; the browser tests load it):
//! a dataset whose every text and id is an HTML, script or URL payload must stay valid, so
//! that every flow draws, and come back unchanged from the JSON download.

use flowmap_core::dataset::Dataset;
use flowmap_core::export::{json, xml_escape};

const FIXTURE: &str = include_str!("../../../tests/fixtures/hostile.json");

fn load(text: &str) -> Dataset {
    Dataset::from_json("hostile.json", text).expect("hostile.json reads")
}

#[test]
fn is_valid_and_keeps_every_flow() {
    let d = load(FIXTURE);
    let problems: Vec<String> = d.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(d.raw.flows.len(), 6);
    assert!(d.raw.flows.iter().all(|f| f.id.contains(['"', '\'', '<', '#', '\u{202E}'])));
}

#[test]
fn the_json_download_loads_again_with_the_same_flows() {
    let d = load(FIXTURE);
    let all: Vec<usize> = (0..d.raw.flows.len()).collect();
    let again = load(&json(&d, &all));
    assert!(again.problems.is_empty());
    assert_eq!(again.raw, d.raw);
}

#[test]
fn every_text_escapes_to_well_formed_xml() {
    let raw: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    fn texts(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| texts(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    texts(&raw, &mut all);
    assert!(all.iter().any(|t| t.contains('\u{1}')), "the fixture lost its control characters");
    for t in &all {
        let e = xml_escape(t);
        assert!(!e.contains(['<', '>', '"']), "{e}");
        assert!(!e.chars().any(|c| (c < ' ' && !"\t\n\r".contains(c)) || c == '\u{FFFE}'), "{e:?}");
    }
}
