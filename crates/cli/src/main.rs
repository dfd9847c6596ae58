//! `flowmap-data`: validate a dataset, or convert CSV sheets into one.
//!
//! ```text
//! flowmap-data validate public/data/flows.json
//! flowmap-data convert --locations locations.csv --sources sources.csv --flows flows.csv \
//!     [--categories categories.csv] [--meta meta.json] [--out flows.json]
//! ```
//! Exit codes: 0 no problem, 1 the data has problems, 2 the command could not run.

mod convert;
mod sheet;

use flowmap_core::dataset::Dataset;
use std::process::ExitCode;

const USAGE: &str = "usage:
  flowmap-data validate FILE.json
  flowmap-data convert --locations FILE.csv --sources FILE.csv --flows FILE.csv
                       [--categories FILE.csv] [--meta FILE.json] [--out FILE.json]";

/// What went wrong before any data could be checked.
#[derive(Debug, thiserror::Error)]
enum UsageError {
    #[error("{0}\n{USAGE}")]
    Arguments(String),
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: String, source: std::io::Error },
}

fn read(path: &str) -> Result<String, UsageError> {
    std::fs::read_to_string(path).map_err(|source| UsageError::Read { path: path.into(), source })
}

fn validate(args: &[String]) -> Result<ExitCode, UsageError> {
    let [file] = args else { return Err(UsageError::Arguments("validate takes one file".into())) };
    let text = read(file)?;
    match Dataset::from_json(file, &text) {
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(1))
        }
        Ok(d) if d.is_valid() => {
            println!("{file}: {} flows, {} sources, {} locations: no problems", d.raw.flows.len(), d.raw.sources.len(), d.raw.locations.len());
            Ok(ExitCode::SUCCESS)
        }
        Ok(d) => {
            for p in &d.problems {
                eprintln!("{file}: {p}");
            }
            eprintln!("{file}: {} problems; {} flows can be shown", d.problems.len(), d.raw.flows.len());
            Ok(ExitCode::from(1))
        }
    }
}

fn convert(args: &[String]) -> Result<ExitCode, UsageError> {
    let mut files = convert::Files::default();
    let mut out = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().cloned().ok_or_else(|| UsageError::Arguments(format!("{flag} needs a file")));
        match flag.as_str() {
            "--locations" => files.locations = Some(value?),
            "--sources" => files.sources = Some(value?),
            "--flows" => files.flows = Some(value?),
            "--categories" => files.categories = Some(value?),
            "--meta" => files.meta = Some(value?),
            "--out" | "-o" => out = Some(value?),
            other => return Err(UsageError::Arguments(format!("unknown argument {other}"))),
        }
    }
    let sheets = files.read(read)?;
    let (json, problems) = convert::convert(&sheets);
    for p in &problems {
        eprintln!("{p}");
    }
    let Some(json) = json else {
        eprintln!("nothing written: fix the problems above");
        return Ok(ExitCode::from(1));
    };
    match out {
        Some(path) => std::fs::write(&path, json).map_err(|source| UsageError::Write { path, source })?,
        None => println!("{json}"),
    }
    Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn run() -> Result<ExitCode, UsageError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, rest)) if cmd == "validate" => validate(rest),
        Some((cmd, rest)) if cmd == "convert" => convert(rest),
        _ => Err(UsageError::Arguments("expected a command: validate or convert".into())),
    }
}

fn main() -> ExitCode {
    run().unwrap_or_else(|e| {
        eprintln!("flowmap-data: {e}");
        ExitCode::from(2)
    })
}
