//! `convert` and `check-csv`: the sheets named on the command line, read and converted by
//! the core's [`flowmap_core::sheets`]; the dataset written, or with `--check` only the
//! problems listed.

use crate::{problems, write, UsageError};
use flowmap_core::sheets::{self, SheetFile, Sheets};
use std::process::ExitCode;

/// The file a flag names, read.
fn read(path: &str) -> Result<SheetFile, UsageError> {
    let bytes =
        std::fs::read(path).map_err(|source| UsageError::Read { path: path.into(), source })?;
    Ok(SheetFile::new(path, bytes))
}

/// The sheets and options of a `convert` command line.
#[derive(Default)]
struct Arguments {
    locations: Option<String>,
    sources: Option<String>,
    speakers: Option<String>,
    flows: Option<String>,
    categories: Option<String>,
    meta: Option<String>,
    out: Option<String>,
    check: bool,
}

impl Arguments {
    fn parse(args: &[String], check: bool) -> Result<Arguments, UsageError> {
        let mut a = Arguments { check, ..Arguments::default() };
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            if flag == "--check" {
                a.check = true;
                continue;
            }
            let value = it
                .next()
                .cloned()
                .ok_or_else(|| UsageError::Arguments(format!("{flag} needs a file")));
            let slot = match flag.as_str() {
                "--locations" => &mut a.locations,
                "--sources" => &mut a.sources,
                "--speakers" => &mut a.speakers,
                "--flows" => &mut a.flows,
                "--categories" => &mut a.categories,
                "--meta" => &mut a.meta,
                "--out" | "-o" => &mut a.out,
                other => return Err(UsageError::Arguments(format!("unknown argument {other}"))),
            };
            *slot = Some(value?);
        }
        if a.check && a.out.is_some() {
            return Err(UsageError::Arguments(
                "a check writes nothing: leave out --out, or run convert without --check".into(),
            ));
        }
        Ok(a)
    }

    /// Reads every file; locations, sources and flows are required.
    fn read(self, command: &str) -> Result<Sheets, UsageError> {
        let need = |f: Option<String>, flag: &str| {
            f.ok_or_else(|| UsageError::Arguments(format!("{command} needs {flag} FILE.csv")))
        };
        let (l, s, f) = (
            need(self.locations, "--locations")?,
            need(self.sources, "--sources")?,
            need(self.flows, "--flows")?,
        );
        Ok(Sheets {
            locations: read(&l)?,
            sources: read(&s)?,
            speakers: self.speakers.as_deref().map(read).transpose()?,
            flows: read(&f)?,
            categories: self.categories.as_deref().map(read).transpose()?,
            meta: self.meta.as_deref().map(read).transpose()?,
        })
    }
}

/// `convert` (or `check-csv` when `check`): the problems on standard error; the dataset
/// written to `--out` or standard output unless checking.
pub fn convert(args: &[String], check: bool) -> Result<ExitCode, UsageError> {
    let a = Arguments::parse(args, check)?;
    let (check, out) = (a.check, a.out.clone());
    let command = if check { "check-csv" } else { "convert" };
    let converted = sheets::convert(&a.read(command)?);
    for w in &converted.warnings {
        eprintln!("warning: {w}");
    }
    for n in &converted.notes {
        eprintln!("note: {n}");
    }
    for p in &converted.problems {
        eprintln!("{p}");
    }
    let failed = if converted.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) };
    if check {
        match (&converted.dataset, converted.problems.len()) {
            (Some(d), 0) => println!(
                "{} flows, {} sources, {} speakers, {} locations: no problems",
                d.flows.len(),
                d.sources.len(),
                d.speakers.len(),
                d.locations.len()
            ),
            (_, n) => eprintln!("{}", problems(n)),
        }
        return Ok(failed);
    }
    let Some(dataset) = converted.dataset else {
        eprintln!("nothing written: fix the problems above");
        return Ok(ExitCode::from(1));
    };
    write(out, &crate::json::to_pretty(&dataset))?;
    Ok(failed)
}
