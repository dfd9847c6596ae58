//! `flowmap-data`: validate a dataset, convert CSV sheets into one (or only check them), or
//! migrate one to the current format version.
//!
//! ```text
//! flowmap-data validate public/data/flows.json
//! flowmap-data convert --locations locations.csv --sources sources.csv --flows flows.csv \
//!     [--speakers speakers.csv] [--categories categories.csv] [--meta meta.json] [--out flows.json]
//! flowmap-data check-csv --locations locations.csv --sources sources.csv --flows flows.csv [...]
//! flowmap-data migrate old.json [--out new.json]
//! flowmap-data head flows.json [--lang ru] [--site https://example.org/map/]
//! flowmap-data frame flows.json --atlas atlas.json [--page dist/index.html]
//! flowmap-data --help | --version
//! ```
//! Exit codes: 0 no problem, 1 the data has problems, 2 the command could not run.

mod convert;
mod frame;
mod head;
mod json;
mod migrate;

use flowmap_core::dataset::Dataset;
use flowmap_core::model::FORMAT_VERSION;
use std::process::ExitCode;

const USAGE: &str = "usage:
  flowmap-data validate FILE.json
  flowmap-data convert --locations FILE.csv --sources FILE.csv --flows FILE.csv
                       [--speakers FILE.csv] [--categories FILE.csv] [--meta FILE.json]
                       [--out FILE.json] [--check]
  flowmap-data check-csv --locations FILE.csv --sources FILE.csv --flows FILE.csv
                       [--speakers FILE.csv] [--categories FILE.csv] [--meta FILE.json]
  flowmap-data migrate FILE.json [--out FILE.json]
  flowmap-data head FILE.json [--lang TAG] [--site URL]
  flowmap-data frame FILE.json --atlas ATLAS.json [--page PAGE.html]
  flowmap-data help | --help | -h
  flowmap-data --version | -V";

/// What `--help` prints: what the tool does, its usage, and what it reads.
const HELP: &str =
    "checks a flow-map dataset, makes one from a spreadsheet's sheets, or rewrites one \
in the current format version.

  validate   lists the problems of a dataset (JSON), by path
  convert    turns CSV sheets into a dataset, written to --out or standard output; problems by
             sheet, row and column
  check-csv  lists the same problems as convert and writes nothing (= convert --check)
  migrate    rewrites a dataset in the current format version, with what to check
  head       prints the <title>, description and social-card tags for the page's <head> (link
             previews do not run the map): in the dataset's language or --lang's, the picture
             (meta.image, else fallback.LANG.png made at build time) resolved against --site
  frame      prints the page's first frame (title, summary and the map drawn on the atlas) as
             HTML, which the page shows before the map has loaded; --page puts it in that page
             in place of its <!-- first frame --> line

Sheets are CSV with a header row, the cells separated by commas, semicolons or tabs, in UTF-8
(with or without a byte-order mark) or UTF-16 with a byte-order mark (Excel's \"Unicode Text\");
a file in neither is read as Windows-1252 (Excel's plain \"CSV\") with a warning. The columns are
listed in docs/data-format.md.

Exit codes: 0 no problem, 1 the data has problems, 2 the command could not run.
";

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

/// "1 problem", "3 problems".
fn problems(n: usize) -> String {
    format!("{n} problem{}", if n == 1 { "" } else { "s" })
}

/// A file's bytes.
fn read_bytes(path: &str) -> Result<Vec<u8>, UsageError> {
    std::fs::read(path).map_err(|source| UsageError::Read { path: path.into(), source })
}

/// Writes `text` to `path`, or to standard output without one.
fn write(out: Option<String>, text: &str) -> Result<(), UsageError> {
    match out {
        Some(path) => {
            std::fs::write(&path, text).map_err(|source| UsageError::Write { path, source })
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn validate(args: &[String]) -> Result<ExitCode, UsageError> {
    let [file] = args else {
        return Err(UsageError::Arguments("validate takes one file".into()));
    };
    // A file over the map's size limit is refused before it is read, as the page does.
    let size = std::fs::metadata(file)
        .map_err(|source| UsageError::Read { path: file.clone(), source })?;
    if let Err(reason) =
        flowmap_core::limits::check_size(usize::try_from(size.len()).unwrap_or(usize::MAX))
    {
        eprintln!("{file}: {reason}");
        return Ok(ExitCode::from(1));
    }
    let bytes = read_bytes(file)?;
    let d = match Dataset::from_bytes(file, &bytes) {
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
        Ok(d) => d,
    };
    let counts = format!(
        "{} flows, {} sources, {} speakers, {} locations",
        d.raw.flows.len(),
        d.raw.sources.len(),
        d.raw.speakers.len(),
        d.raw.locations.len()
    );
    if d.is_valid() {
        println!("{file}: {counts}: no problems");
    } else {
        // Warnings (a claim status stronger than its citations allow) leave the item shown.
        for p in &d.problems {
            let kind = if p.warning { "warning: " } else { "" };
            eprintln!("{file}: {kind}{p}");
        }
        let warnings = match d.problems.iter().filter(|p| p.warning).count() {
            0 => String::new(),
            n => format!(" (warnings: {n})"),
        };
        eprintln!(
            "{file}: {}{warnings}; {} flows can be shown",
            problems(d.problems.len()),
            d.raw.flows.len()
        );
    }
    if d.read_version < FORMAT_VERSION {
        let paths = if d.is_valid() {
            ""
        } else {
            " The paths above are those of its version 2 form: speakers[i] is the speaker made from sources[i]."
        };
        eprintln!(
            "{file}: this file is in format version {}, read as version {FORMAT_VERSION}.{paths} Rewrite it with \
             `flowmap-data migrate {file} --out {file}` and check what that lists (docs/data-format.md, \"From version 1 to 2\").",
            d.read_version
        );
    }
    Ok(if d.is_valid() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn migrate(args: &[String]) -> Result<ExitCode, UsageError> {
    let (mut file, mut out) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--out" | "-o" => {
                out = Some(
                    it.next()
                        .cloned()
                        .ok_or_else(|| UsageError::Arguments(format!("{arg} needs a file")))?,
                );
            }
            flag if flag.starts_with('-') => {
                return Err(UsageError::Arguments(format!("unknown argument {flag}")))
            }
            _ if file.is_some() => {
                return Err(UsageError::Arguments("migrate takes one file".into()))
            }
            _ => file = Some(arg.clone()),
        }
    }
    let Some(file) = file else {
        return Err(UsageError::Arguments("migrate needs the file to migrate".into()));
    };
    // Read as the map reads it: a file the map refuses (too large, not UTF-8, a text over the
    // limit) is not migrated.
    let bytes = read_bytes(&file)?;
    let text = match flowmap_core::dataset::text_of(&file, &bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let m = match migrate::migrate(&file, text) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("nothing written: fix the problem above");
            return Ok(ExitCode::from(1));
        }
    };
    let out_name = out.clone();
    let target = out.clone().unwrap_or_else(|| "standard output".into());
    write(out, &m.json)?;
    if m.read_version == FORMAT_VERSION {
        eprintln!(
            "{file}: already in format version {FORMAT_VERSION}; wrote it unchanged to {target}"
        );
    } else {
        eprintln!("{file}: read format version {}; wrote format version {FORMAT_VERSION} to {target}. Check before publishing:", m.read_version);
        for (n, c) in m.checks.iter().enumerate() {
            eprintln!("{}. {c}", n + 1);
        }
        let n = m.checks.len() + 1;
        if m.problems.is_empty() {
            eprintln!("{n}. The validator finds no problems in the migrated file; run `flowmap-data validate` again after your edits.");
        } else {
            eprintln!("{n}. The validator's warnings on the migrated file ({}):", m.problems.len());
        }
    }
    // The paths are those of the file written.
    let (name, indent) = (
        out_name.as_deref().unwrap_or(&file),
        if m.read_version == FORMAT_VERSION { "" } else { "    " },
    );
    for p in &m.problems {
        eprintln!("{indent}{name}: {p}");
    }
    if !m.problems.is_empty() {
        eprintln!("{name}: {}", problems(m.problems.len()));
    }
    Ok(if m.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The help, on standard output.
fn help() -> Result<ExitCode, UsageError> {
    println!("{} {}: {HELP}\n{USAGE}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
    Ok(ExitCode::SUCCESS)
}

fn run() -> Result<ExitCode, UsageError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        return Err(UsageError::Arguments(
            "expected a command: validate, convert, check-csv, migrate, head or frame".into(),
        ));
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return help();
    }
    match cmd.as_str() {
        "validate" => validate(rest),
        "convert" => convert::convert(rest, false),
        "check-csv" => convert::convert(rest, true),
        "migrate" => migrate(rest),
        "head" => head::head(rest),
        "frame" => frame::frame(rest),
        "help" | "--help" | "-h" => help(),
        "--version" | "-V" => {
            println!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError::Arguments(format!(
            "unknown command {other}: expected validate, convert, check-csv, migrate, head or frame"
        ))),
    }
}

fn main() -> ExitCode {
    run().unwrap_or_else(|e| {
        eprintln!("flowmap-data: {e}");
        ExitCode::from(2)
    })
}
