//! Times parsing and laying out a dataset natively (no browser), for profiling the layout:
//! `cargo run --release -p flowmap-core --example layout_timing -- bench/data/flows-10000.json`
//! (the datasets come from `node bench/generate.mjs`; the atlas is public/atlas.json).
use flowmap_core::{
    atlas::Atlas,
    dataset::Dataset,
    i18n::Lang,
    layout::{layout, plan, MapView},
    zoom::Zoom,
};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("give a dataset file")?;
    let text = std::fs::read_to_string(&path)?;
    let t = Instant::now();
    let dataset = Dataset::from_json(&path, &text)?;
    println!("parse and check: {:?}", t.elapsed());
    let atlas = Atlas::from_json(&std::fs::read_to_string("public/atlas.json")?)?;
    let visible: Vec<usize> = (0..dataset.raw.flows.len()).collect();
    let view = MapView { width: 1280.0, height: 800.0, zoom: Zoom::IDENTITY, lang: Lang::En };
    for run in 1..=3 {
        let t = Instant::now();
        let p = plan(&dataset, &atlas, &visible);
        let planned = t.elapsed();
        let l = layout(&dataset, &atlas, &p, &view);
        println!(
            "run {run}: plan {planned:?}, layout {:?} ({} flows)",
            t.elapsed() - planned,
            l.flows.len()
        );
    }
    Ok(())
}
