//! The bundled dataset reads cleanly and every quote in it is a sentence of the reporting
//! in `../shared/seeds/`.

use flowmap_core::dataset::Dataset;
use flowmap_core::model::FlowValue;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().parent().unwrap()
}

fn bundled() -> Dataset {
    let path = root().join("public/data/flows.json");
    let text = std::fs::read_to_string(&path).unwrap();
    Dataset::from_json("public/data/flows.json", &text).unwrap()
}

#[test]
fn has_no_problems() {
    let d = bundled();
    assert!(d.problems.is_empty(), "{:#?}", d.problems);
    assert!(d.raw.flows.len() >= 4);
}

/// Collapses every run of whitespace (the seeds contain non-breaking spaces) to one space.
fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_quote_is_in_the_seeds() {
    let seeds_dir = root().join("../shared/seeds");
    let seeds: Vec<String> = std::fs::read_dir(&seeds_dir)
        .unwrap_or_else(|e| panic!("{}: {e} (shared/ must sit beside the repository)", seeds_dir.display()))
        .map(|e| normalized(&std::fs::read_to_string(e.unwrap().path()).unwrap()))
        .collect();
    for flow in &bundled().raw.flows {
        for c in &flow.citations {
            let quote = normalized(&c.quote);
            assert!(seeds.iter().any(|s| s.contains(&quote)), "flow {}: quote not in any seed: {}", flow.id, c.quote);
        }
    }
}

#[test]
fn every_figure_appears_in_the_flows_quotes() {
    for flow in &bundled().raw.flows {
        if let FlowValue::Known(m) = &flow.value {
            let (scaled, short, long) =
                if m.amount >= 1e9 { (m.amount / 1e9, "bn", "billion") } else { (m.amount / 1e6, "mn", "million") };
            let n = format!("{scaled:.2}");
            let n = n.trim_end_matches('0').trim_end_matches('.');
            let quotes: String = flow.citations.iter().map(|c| c.quote.as_str()).collect();
            assert!(quotes.contains(&format!("{n}{short}")) || quotes.contains(&format!("{n} {long}")),
                "flow {}: {n} {long} is not in its quotes", flow.id);
        }
    }
}
