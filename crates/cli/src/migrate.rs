//! `migrate`: a dataset in any version this build reads, written in the current one, with
//! what the editor of a migrated file should check.

use flowmap_core::dataset::{Dataset, Problem};
use flowmap_core::model::RawDataset;
use flowmap_core::JsonPath;

/// What migrating one document gave.
#[derive(Debug)]
pub struct Migrated {
    /// The document in the current format, as pretty JSON.
    pub json: String,
    /// The version it was read in.
    pub read_version: u32,
    /// The validator's problems of the migrated document.
    pub problems: Vec<Problem>,
    /// What to check, in words, one paragraph per item; empty for a current document.
    pub checks: Vec<String>,
}

/// The name serde gives a kebab-case enum value (`news-outlet`).
fn key<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_value(t).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

/// Reads `text` (any version) and writes it in the current version; `Err` is the load
/// error's message when it cannot be read at all, or the items that cannot be read (the
/// file written would lose them).
pub fn migrate(file: &str, text: &str) -> Result<Migrated, String> {
    let read = flowmap_core::read::read(file, text).map_err(|e| e.to_string())?;
    if !read.problems.is_empty() {
        let lines: Vec<String> = read.problems.iter().map(|p| format!("{file}: {p}")).collect();
        return Err(lines.join("\n"));
    }
    // The checked dataset leaves out what failed the checks; the migrated file keeps all.
    let raw: RawDataset = read.raw;
    let checked = Dataset { read_version: read.version, ..Dataset::check(raw.clone()) };
    let checks = if checked.read_version == 1 { checks(&raw) } else { Vec::new() };
    Ok(Migrated {
        json: crate::json::to_pretty(&raw),
        read_version: checked.read_version,
        problems: checked.problems,
        checks,
    })
}

/// What the editor of a file migrated from version 1 should check.
fn checks(raw: &RawDataset) -> Vec<String> {
    let mut out = Vec::new();
    let mut speakers = format!(
        "Each of the {} sources is now a publication (in \"sources\") and a speaker (in \"speakers\") with the same id:",
        raw.sources.len()
    );
    for (source, speaker) in raw.sources.iter().zip(&raw.speakers) {
        let name = speaker.name.get("en");
        let named = if name == source.outlet.get("en") {
            " (its outlet: the source cited no body)"
        } else {
            ""
        };
        speakers.push_str(&format!(
            "\n    {}: {} -> speaker \"{name}\"{named}, kind {}, no stake",
            source.id,
            source.outlet.get("en"),
            key(&speaker.kind)
        ));
    }
    speakers.push_str(
        "\n  Check each speaker's kind and name, and give a \"stake\" to a speaker with an interest in what it says \
         (a party to the war, the accused): the stake decides how solid a claim resting on it can be.",
    );
    out.push(speakers);
    let citations: usize = raw.flows.iter().map(|f| f.citations.len()).sum();
    let against: Vec<String> = raw
        .flows
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            f.citations.iter().enumerate().filter(|(_, c)| c.stance.is_against()).map(
                move |(j, c)| {
                    let at = JsonPath::root().key("flows").index(i).key("citations").index(j);
                    format!(
                        "\n    {at} (flow \"{}\"): {} by speaker \"{}\"",
                        f.id,
                        c.stance.key(),
                        c.speaker
                    )
                },
            )
        })
        .collect();
    let mut who = format!(
        "Each of the {citations} citations names its source's speaker. Check who says each quote: an article often quotes \
         an accusation and its denial, and version 1 filed both under the article's source. Give a denial its own speaker \
         (the accused, not the accuser)."
    );
    if !against.is_empty() {
        who.push_str(" The citations that speak against a flow:");
        who.push_str(&against.concat());
    }
    out.push(who);
    out.push(
        "Stances: \"supports\" is now \"claims\"; make it \"finds\", \"confirms\", \"estimates\" or \"acknowledges\" where \
         that is what the speaker does. \"disputes\" is unchanged, except on a flow marked denied, where it is now \"denies\": \
         make it \"disputes\" again where the speaker questions the flow rather than flatly denies it (the flow then needs another status)."
            .into(),
    );
    out.push(
        "Values: \"qualifier\" is now \"basis\" (at-least is minimum, about is estimate); add \"parts\" or \"of\" where the \
         reporting gives them, and figures other than money take a \"unit\" instead of a \"currency\"."
            .into(),
    );
    out
}
