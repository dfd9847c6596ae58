//! `flowmap-data head`: the tags an outlet's page puts in its `<head>` for a dataset, so that
//! link previews (which read the head without running the map) show its title, description
//! and picture.

use crate::{read_bytes, UsageError};
use flowmap_core::dataset::Dataset;
use flowmap_core::i18n::Lang;
use flowmap_core::page_meta::page_meta;
use std::process::ExitCode;

/// Prints the head's tags for `FILE.json [--lang TAG] [--site URL]`: in the dataset's language
/// (else English) unless `--lang` says otherwise, the picture resolved against `--site`.
pub fn head(args: &[String]) -> Result<ExitCode, UsageError> {
    let (mut file, mut lang, mut site) = (None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--lang" | "--site" => {
                let value = it
                    .next()
                    .cloned()
                    .ok_or_else(|| UsageError::Arguments(format!("{arg} needs a value")))?;
                if arg == "--lang" {
                    lang = Some(value);
                } else {
                    site = Some(value);
                }
            }
            flag if flag.starts_with('-') => {
                return Err(UsageError::Arguments(format!("unknown argument {flag}")))
            }
            _ if file.is_some() => return Err(UsageError::Arguments("head takes one file".into())),
            _ => file = Some(arg.clone()),
        }
    }
    let Some(file) = file else {
        return Err(UsageError::Arguments("head needs the dataset's file".into()));
    };
    let d = match Dataset::from_bytes(&file, &read_bytes(&file)?) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    let lang = match lang.as_deref().map(|tag| (tag, Lang::parse(tag))) {
        Some((_, Some(lang))) => lang,
        Some((tag, None)) => {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
            return Err(UsageError::Arguments(format!(
                "--lang {tag}: the map's interface is written in {}",
                known.join(", ")
            )));
        }
        None => d.raw.meta.language.as_deref().and_then(Lang::parse).unwrap_or_default(),
    };
    // The published page's own dataset: its picture is the one made at build time.
    println!(
        "{}",
        page_meta(&d, &flowmap_core::flow_codes::FlowCodes::of(&d), lang, true)
            .tags(site.as_deref())
    );
    Ok(ExitCode::SUCCESS)
}
