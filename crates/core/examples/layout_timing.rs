//! Times what the map does with a dataset natively (no browser), step by step, for profiling:
//! `cargo run --release -p flowmap-core --example layout_timing -- bench/data/flows-10000.json`
//! (the datasets come from `node bench/generate.mjs`; the atlas is public/atlas.json).
use flowmap_core::{
    atlas::Atlas,
    batch::{layer_of, strokes},
    bundle::bundles,
    dataset::Dataset,
    describe::summary,
    filter::{indices, Filter},
    flow_codes::FlowCodes,
    i18n::Lang,
    layout::{layout, plan_with, MapView},
    legend::{LegendEntries, WidthKey},
    pick::FlowPicker,
    read::read,
    scale::DatasetScale,
    totals::Totals,
    zoom::Zoom,
};
use std::time::Instant;

/// The process's resident memory now and at its peak, in MB (Linux; 0 elsewhere).
fn resident() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_default();
        line.split_whitespace().nth(1).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0)
    };
    (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
}

/// Runs `f`, prints how long it took and the memory resident after it (and the peak so
/// far), and gives its result.
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let (now, peak) = resident();
    println!("{what:>24}: {ms:>9.1} ms, resident {now:>6.0} MB (peak {peak:>6.0} MB)");
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("give a dataset file")?;
    let bytes = timed("file", || std::fs::read(&path))?;
    let r = timed("read (parse, migrate)", || read(&path, std::str::from_utf8(&bytes).unwrap()))?;
    println!("{:>24}  {} flows, {} problems", "", r.raw.flows.len(), r.problems.len());
    let (version, mut problems) = (r.version, r.problems);
    let (raw, checked) = timed("check", || flowmap_core::validate::check_read(r.raw, r.origin));
    problems.extend(checked);
    let dataset = Dataset { raw, problems, read_version: version };
    println!("{:>24}  {} flows, {} problems", "", dataset.raw.flows.len(), dataset.problems.len());
    for p in dataset.problems.iter().take(3) {
        println!("{:>24}  {}: {}", "", p.path, p.message);
    }
    let atlas = Atlas::from_json(&std::fs::read_to_string("public/atlas.json")?)?;
    let passes = timed("filter (passes)", || Filter::default().passes(&dataset));
    let codes = timed("flow codes", || FlowCodes::of(&dataset));
    let mut one_hidden = Filter::default();
    one_hidden.hidden_categories.extend(dataset.raw.categories.first().map(|c| c.id.clone()));
    timed("filter (shown, one hidden)", || one_hidden.shown(&dataset, &codes, &passes));
    let shown = timed("filter (shown)", || Filter::default().shown(&dataset, &codes, &passes));
    let visible = indices(&shown);
    let scale = timed("width scale and lines", || DatasetScale::of(&dataset));
    let b = timed("bundles", || bundles(&dataset, &visible));
    println!("{:>24}  {} lines, several: {}", "", b.len(), scale.has_lines());
    timed("legend entries", || LegendEntries::of(&dataset, &codes, &visible));
    timed("summary", || summary(&dataset, &codes, &visible, Lang::En));
    timed("width key", || WidthKey::with_scale(&dataset, &scale.scale, Lang::En));
    timed("totals by location", || Totals::by_location(&dataset, &visible).len());
    timed("layer of", || layer_of(&dataset).len());
    let view = MapView { width: 1280.0, height: 800.0, zoom: Zoom::IDENTITY, lang: Lang::En };
    let layers = layer_of(&dataset);
    let count = dataset.categories_in_use().count();
    let mut kept = Vec::new();
    for run in 1..=2 {
        println!("run {run}");
        let p = timed("plan", || plan_with(&dataset, &atlas, &visible, &scale.scale));
        let l = timed("layout", || layout(&dataset, &atlas, &p, &view));
        println!("{:>24}  {} flows laid out", "", l.flows.len());
        let s = timed("strokes", || strokes(&l.flows, &layers, count, &passes, 1.0));
        let picker = timed("picker", || {
            let mut picker = FlowPicker::empty(view.width, view.height);
            picker.add(&l.flows);
            picker
        });
        kept = vec![(p, l, s, picker)];
    }
    drop(kept);
    Ok(())
}
