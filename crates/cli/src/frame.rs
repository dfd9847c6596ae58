//! `flowmap-data frame`: the page's first frame for a dataset, drawn at build time so that
//! the page shows the map before the WebAssembly has loaded
//! ([`flowmap_core::export::first_frame`]).

use crate::{read_bytes, UsageError};
use flowmap_core::atlas::Atlas;
use flowmap_core::dataset::Dataset;
use flowmap_core::export::first_frame;
use flowmap_core::i18n::Lang;
use std::process::ExitCode;

/// Where the frame goes in the page given with `--page`.
pub const MARKER: &str = "<!-- first frame -->";

/// `frame FILE.json --atlas ATLAS.json [--page PAGE.html]`: prints the frame, in the dataset's
/// language (else English), or puts it in PAGE.html in place of [`MARKER`].
pub fn frame(args: &[String]) -> Result<ExitCode, UsageError> {
    let (mut file, mut atlas, mut page) = (None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--atlas" | "--page" => {
                let value = it
                    .next()
                    .cloned()
                    .ok_or_else(|| UsageError::Arguments(format!("{arg} needs a file")))?;
                if arg == "--atlas" {
                    atlas = Some(value);
                } else {
                    page = Some(value);
                }
            }
            flag if flag.starts_with('-') => {
                return Err(UsageError::Arguments(format!("unknown argument {flag}")))
            }
            _ if file.is_some() => {
                return Err(UsageError::Arguments("frame takes one dataset".into()))
            }
            _ => file = Some(arg.clone()),
        }
    }
    let (Some(file), Some(atlas_file)) = (file, atlas) else {
        return Err(UsageError::Arguments("frame needs the dataset and --atlas".into()));
    };
    let d = match Dataset::from_bytes(&file, &read_bytes(&file)?) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let text = String::from_utf8_lossy(&read_bytes(&atlas_file)?).into_owned();
    let atlas = match Atlas::from_json(&text) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{atlas_file}: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let lang = d.raw.meta.language.as_deref().and_then(Lang::parse).unwrap_or_default();
    let html = first_frame(&d, &atlas, lang);
    let Some(page) = page else {
        println!("{html}");
        return Ok(ExitCode::SUCCESS);
    };
    let before = String::from_utf8_lossy(&read_bytes(&page)?).into_owned();
    if !before.contains(MARKER) {
        eprintln!("{page}: no {MARKER} to replace");
        return Ok(ExitCode::from(1));
    }
    crate::write(Some(page), &before.replacen(MARKER, &html, 1))?;
    Ok(ExitCode::SUCCESS)
}
