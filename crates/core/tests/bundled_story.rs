//! The bundled dataset's story (`public/data/flows.json`, `story`) is journalism like its
//! flows: every figure and date in a step's text is in a seed article, the same figures are
//! in every language, and each step names the speakers it cites. `docs/fact-check.md` lists
//! each step's sentences with their seed.

use flowmap_core::dataset::Dataset;
use flowmap_core::story::step;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn bundled() -> Dataset {
    let path = root().join("public/data/flows.json");
    Dataset::from_json("flows.json", &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn seeds() -> String {
    let dir = root().join("../shared/seeds");
    let mut all = String::new();
    for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        all.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    all
}

/// The numbers written in `text` (digit runs joined by `.` or `,`).
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = (c == '.' || c == ',')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || joins {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A number's digits alone: `2,550`, `2.550` and `2550` are the same figure; so are `71.1`
/// and `71,1`.
fn digits(n: &str) -> String {
    n.chars().filter(char::is_ascii_digit).collect()
}

#[test]
fn the_story_has_five_steps_and_their_callouts_in_five_languages() {
    let d = bundled();
    assert_eq!(d.raw.story.len(), 5);
    for (i, s) in d.raw.story.iter().enumerate() {
        let notes = s.annotations.iter().map(|a| ("callout", &a.text));
        let texts: Vec<_> =
            [("title", &s.title), ("text", &s.text)].into_iter().chain(notes).collect();
        for lang in ["en", "ru", "uk", "sr-Latn", "sr-Cyrl"] {
            for &(what, t) in &texts {
                let given = match t {
                    flowmap_core::text::Localized::ByLanguage(m) => m.get(lang),
                    flowmap_core::text::Localized::Plain(_) => None,
                };
                assert!(
                    given.is_some_and(|g| !g.trim().is_empty()),
                    "step {} {what}: no {lang}",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn every_figure_in_a_step_and_its_callouts_is_in_the_seeds_and_in_every_language() {
    let d = bundled();
    let seeds = seeds();
    let seed_digits: Vec<String> = numbers(&seeds).iter().map(|n| digits(n)).collect();
    for (i, s) in d.raw.story.iter().enumerate() {
        // The step's text and its callouts, in one language.
        let said = |lang: &str| {
            let notes = s.annotations.iter().map(|a| a.text.get(lang));
            std::iter::once(s.text.get(lang)).chain(notes).collect::<Vec<_>>().join(" ")
        };
        let mut en: Vec<String> = numbers(&said("en")).iter().map(|n| digits(n)).collect();
        for n in &en {
            // "$71.1 million" is "$71.1mn" in the seed: the digits are what must match.
            assert!(seed_digits.contains(n), "step {}: {n} is in no seed", i + 1);
        }
        en.sort();
        for lang in ["ru", "uk", "sr-Latn", "sr-Cyrl"] {
            let mut other: Vec<String> = numbers(&said(lang)).iter().map(|n| digits(n)).collect();
            other.sort();
            assert_eq!(other, en, "step {} in {lang} has other figures than in English", i + 1);
        }
    }
}

#[test]
fn each_step_names_the_speakers_it_cites() {
    let d = bundled();
    for (i, s) in d.raw.story.iter().enumerate() {
        assert!(!s.cites.is_empty(), "step {} cites no one", i + 1);
        for c in &s.cites {
            let speaker = d.speaker(&c.speaker).expect("a defined speaker");
            assert!(d.source(&c.source).is_some());
            // The name's last two words, or the short name it gives in brackets ("(SVR)").
            let full = speaker.name.get("en");
            let (name, short) = full.split_once(" (").unwrap_or((full, ""));
            let words: Vec<&str> = name.split(' ').collect();
            let tail = words[words.len().saturating_sub(2)..].join(" ");
            let short = short.trim_end_matches(')');
            let text = s.text.get("en");
            let named = text.contains(&tail)
                || (short.len() <= 5 && !short.is_empty() && text.contains(short));
            assert!(named, "step {} does not name {name}", i + 1);
        }
    }
}

#[test]
fn every_step_refers_only_to_what_the_dataset_has() {
    let d = bundled();
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    for n in 1..=5 {
        let s = step(&d, n).unwrap();
        assert!(!s.view.extent.is_empty(), "step {n} zooms to nothing");
        if let Some(f) = &s.view.flow {
            let v = flowmap_core::story::view_of(&d, n, Default::default());
            let shown = v.filter.shown(
                &d,
                &flowmap_core::flow_codes::FlowCodes::of(&d),
                &v.filter.passes(&d),
            );
            let i = d.raw.flows.iter().position(|x| &x.id == f).unwrap();
            assert!(shown[i], "step {n} pins {f}, which its filters hide");
        }
    }
}
