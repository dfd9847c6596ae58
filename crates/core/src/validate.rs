//! Checks of a parsed dataset. Every problem names its JSON path and says what was
//! expected; what cannot be shown is left out, so the rest of the dataset still draws.
//!
//! Like `geo`'s `Validation`, one pass collects every problem ([`check`]), and
//! [`Dataset::is_valid`](crate::dataset::Dataset::is_valid) asks whether there were any.

use crate::dataset::Problem;
use crate::model::{FlowValue, RawDataset};
use crate::text::Localized;
use std::collections::HashSet;

/// Amounts above this (ten trillion) are taken for a typing mistake.
pub const ABSURD_AMOUNT: f64 = 1e13;

/// ISO 4217 codes accepted in values: the region's currencies and the usual reference ones.
pub const CURRENCIES: [&str; 24] = [
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RUB", "UAH", "RSD", "BAM", "MKD", "ALL", "BGN",
    "RON", "HUF", "CZK", "PLN", "TRY", "ILS", "KZT", "KGS", "AMD", "BYN", "INR",
];

/// Collects the problems of one dataset.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: String, message: String) {
        self.problems.push(Problem {
            path,
            message,
            warning: false,
        });
    }

    /// Reports an id that is empty or used twice; true when the item is usable.
    fn unique_id(
        &mut self,
        seen: &mut HashSet<String>,
        path: String,
        kind: &str,
        id: &str,
    ) -> bool {
        if id.trim().is_empty() {
            self.report(path, format!("this {kind} has an empty id; it is left out"));
            false
        } else if !seen.insert(id.to_string()) {
            self.report(
                path,
                format!("the {kind} id \"{id}\" is used twice; the second one is left out"),
            );
            false
        } else {
            true
        }
    }

    fn not_blank(&mut self, path: String, what: &str, text: &Localized) -> bool {
        let ok = !text.is_blank();
        if !ok {
            self.report(
                path,
                format!("{what} is empty; write the text shown to readers"),
            );
        }
        ok
    }
}

/// True for an `http://` or `https://` link: the only kind a page may make clickable.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.trim().len() > "https://".len()
}

/// Runs every check; returns the dataset without the items that failed, and the problems.
pub fn check(mut raw: RawDataset) -> (RawDataset, Vec<Problem>) {
    let mut c = Checker {
        problems: Vec::new(),
    };

    // Ids of items left out, so that references to them say so.
    let mut dropped: HashSet<String> = HashSet::new();

    // Locations.
    let mut seen = HashSet::new();
    let keep: Vec<bool> = raw
        .locations
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let path = format!("locations[{i}]");
            let ok = c.unique_id(&mut seen, format!("{path}.id"), "location", &l.id)
                & c.not_blank(format!("{path}.name"), &format!("the name of location \"{}\"", l.id), &l.name);
            if let Some([lon, lat]) = l.point {
                if !(lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
                    c.report(
                        format!("{path}.point"),
                        format!("[{lon}, {lat}] is not a [longitude, latitude] pair (−180…180, −90…90); location \"{}\" is left out", l.id),
                    );
                    return false;
                }
            }
            ok
        })
        .collect();
    dropped.extend(left_out(&raw.locations, &keep, |l| &l.id));
    retain_marked(&mut raw.locations, keep);

    // Categories.
    let mut seen = HashSet::new();
    let keep: Vec<bool> = raw
        .categories
        .iter()
        .enumerate()
        .map(|(i, k)| {
            c.unique_id(&mut seen, format!("categories[{i}].id"), "category", &k.id)
                & c.not_blank(
                    format!("categories[{i}].name"),
                    &format!("the name of category \"{}\"", k.id),
                    &k.name,
                )
        })
        .collect();
    dropped.extend(left_out(&raw.categories, &keep, |k| &k.id));
    retain_marked(&mut raw.categories, keep);

    // Sources: a bad link is dropped but the source stays.
    let mut seen = HashSet::new();
    let keep: Vec<bool> = raw
        .sources
        .iter_mut()
        .enumerate()
        .map(|(i, s)| {
            let path = format!("sources[{i}]");
            let mut ok = c.unique_id(&mut seen, format!("{path}.id"), "source", &s.id);
            if s.outlet.is_blank() {
                c.report(format!("{path}.outlet"), format!("the outlet of source \"{}\" is empty; the source is left out", s.id));
                ok = false;
            }
            if s.title.as_ref().is_some_and(|t| t.trim().is_empty()) {
                c.report(
                    format!("{path}.title"),
                    format!("the title of source \"{}\" is empty; write it as published, or leave the field out when it has none", s.id),
                );
                s.title = None;
            }
            if let Some(url) = s.url.as_ref().filter(|u| !is_web_link(u)) {
                c.report(
                    format!("{path}.url"),
                    format!("\"{url}\" is not an http(s) link; source \"{}\" is shown without it", s.id),
                );
                s.url = None;
            }
            ok
        })
        .collect();
    dropped.extend(left_out(&raw.sources, &keep, |s| &s.id));
    retain_marked(&mut raw.sources, keep);

    // Speakers.
    let mut seen = HashSet::new();
    let keep: Vec<bool> = raw
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            c.unique_id(&mut seen, format!("speakers[{i}].id"), "speaker", &s.id)
                & c.not_blank(
                    format!("speakers[{i}].name"),
                    &format!("the name of speaker \"{}\"", s.id),
                    &s.name,
                )
        })
        .collect();
    dropped.extend(left_out(&raw.speakers, &keep, |s| &s.id));
    retain_marked(&mut raw.speakers, keep);

    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<HashSet<String>>();
    let locations = ids(raw.locations.iter().map(|l| &l.id).collect());
    let focus = std::mem::take(&mut raw.meta.focus);
    for (i, id) in focus.iter().enumerate() {
        if !locations.contains(id) {
            c.report(
                format!("meta.focus[{i}]"),
                format!(
                    "the map cannot focus on location \"{id}\", {}; it is ignored",
                    missing(&dropped, id)
                ),
            );
        }
    }
    raw.meta.focus = focus
        .into_iter()
        .filter(|id| locations.contains(id))
        .collect();
    if let Some(tag) = raw.meta.language.take() {
        if crate::i18n::Lang::parse(&tag).is_some() {
            raw.meta.language = Some(tag);
        } else {
            let known: Vec<&str> = crate::i18n::Lang::ALL.iter().map(|l| l.tag()).collect();
            c.report(
                "meta.language".into(),
                format!("\"{tag}\" is not a language the map's interface is written in ({}); readers get their browser's language", known.join(", ")),
            );
        }
    }
    let categories = ids(raw.categories.iter().map(|k| &k.id).collect());
    let sources = ids(raw.sources.iter().map(|s| &s.id).collect());
    let speakers = ids(raw.speakers.iter().map(|s| &s.id).collect());

    // Flows.
    let mut seen = HashSet::new();
    let keep: Vec<bool> = raw
        .flows
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let path = format!("flows[{i}]");
            let before = c.problems.len();
            let name = format!("flow \"{}\"", f.id);
            c.unique_id(&mut seen, format!("{path}.id"), "flow", &f.id);
            let mut refer = |ok: bool, field: String, what: &str, id: &str| {
                if !ok {
                    let why = missing(&dropped, id);
                    c.report(format!("{path}.{field}"), format!("{name} refers to {what} \"{id}\", {why}"));
                }
            };
            refer(locations.contains(&f.from), "from".into(), "location", &f.from);
            refer(locations.contains(&f.to), "to".into(), "location", &f.to);
            for (j, v) in f.via.iter().enumerate() {
                refer(locations.contains(v), format!("via[{j}]"), "location", v);
            }
            refer(categories.contains(&f.category), "category".into(), "category", &f.category);
            for (j, cit) in f.citations.iter().enumerate() {
                refer(sources.contains(&cit.source), format!("citations[{j}].source"), "source", &cit.source);
                refer(speakers.contains(&cit.speaker), format!("citations[{j}].speaker"), "speaker", &cit.speaker);
            }
            // The route must visit each place once.
            if f.from == f.to {
                c.report(format!("{path}.to"), format!("{name} starts and ends at \"{}\"; a flow needs two places", f.to));
            }
            let mut route_seen = HashSet::from([f.from.as_str(), f.to.as_str()]);
            for (j, v) in f.via.iter().enumerate() {
                if !route_seen.insert(v.as_str()) {
                    c.report(
                        format!("{path}.via[{j}]"),
                        format!("{name} passes through \"{v}\" twice or through one of its own ends; a route visits each place once"),
                    );
                }
            }
            if let FlowValue::Known(q) = &f.value {
                crate::quantity::check(&mut c.problems, &format!("{path}.value"), &name, q);
            }
            if let Some(p) = f.period.as_ref().filter(|p| p.is_reversed()) {
                let (a, b) = (p.start.unwrap(), p.end.unwrap());
                c.report(format!("{path}.period"), format!("{name} ends ({b}) before it starts ({a})"));
            }
            c.not_blank(format!("{path}.description"), &format!("the description of {name}"), &f.description);
            if f.citations.is_empty() {
                c.report(format!("{path}.citations"), format!("{name} has no citation; every flow needs a source"));
            }
            for (j, cit) in f.citations.iter().enumerate() {
                if cit.quote.trim().is_empty() {
                    c.report(format!("{path}.citations[{j}].quote"), format!("{name} cites \"{}\" without a quote", cit.source));
                }
            }
            let ok = c.problems[before..].iter().all(|p| p.warning);
            if ok {
                // The claim status against the citations: warnings only, the flow is shown.
                crate::claims::check(&raw.sources, &raw.speakers, &path, f, &mut c.problems);
            } else {
                c.problems[before..].iter_mut().filter(|p| !p.warning).for_each(|p| p.message.push_str(" (flow not shown)"));
            }
            ok
        })
        .collect();
    retain_marked(&mut raw.flows, keep);

    // Events.
    let keep: Vec<bool> = raw
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut ok = c.not_blank(
                format!("events[{i}].label"),
                "the label of an event",
                &e.label,
            );
            for (j, s) in e.sources.iter().enumerate() {
                if !sources.contains(s) {
                    c.report(
                        format!("events[{i}].sources[{j}]"),
                        format!(
                            "an event refers to source \"{s}\", {}",
                            missing(&dropped, s)
                        ),
                    );
                    ok = false;
                }
            }
            ok
        })
        .collect();
    retain_marked(&mut raw.events, keep);

    (raw, c.problems)
}

/// Why a referenced id cannot be found.
fn missing(dropped: &HashSet<String>, id: &str) -> &'static str {
    if dropped.contains(id) {
        "which was left out (see above)"
    } else {
        "which is not defined"
    }
}

/// Ids of the items marked to be left out whose id no kept item shares.
fn left_out<T>(items: &[T], keep: &[bool], id: impl Fn(&T) -> &String) -> Vec<String> {
    let kept: HashSet<&String> = items
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(t, _)| id(t))
        .collect();
    items
        .iter()
        .zip(keep)
        .filter(|(t, k)| !**k && !kept.contains(id(t)))
        .map(|(t, _)| id(t).clone())
        .collect()
}

fn retain_marked<T>(items: &mut Vec<T>, keep: Vec<bool>) {
    let mut k = keep.into_iter();
    items.retain(|_| k.next().unwrap_or(false));
}

#[cfg(test)]
mod test {
    use crate::dataset::{Dataset, LoadError};
    use serde_json::{json, Value};

    fn base() -> Value {
        json!({
          "version": 2,
          "meta": {"title": "T"},
          "locations": [{"id": "SRB", "name": "Serbia", "point": [20.4, 44.8]},
                        {"id": "CZE", "name": "Czechia"}, {"id": "UKR", "name": "Ukraine"}],
          "categories": [{"id": "arms", "name": "Arms"}],
          "sources": [{"id": "s", "outlet": "O", "title": "T", "url": "https://example.org/a", "kind": "news-report"},
                      {"id": "a", "outlet": "Analysis", "kind": "analysis"}],
          "speakers": [{"id": "svr", "name": "Russia's SVR", "kind": "intelligence", "stake": "a party to the war"},
                       {"id": "gov", "name": "Serbian officials", "kind": "government", "plural": true},
                       {"id": "rec", "name": "Customs records", "kind": "records"}],
          "flows": [{"id": "f", "from": "SRB", "to": "UKR", "via": ["CZE"], "category": "arms",
                     "value": {"amount": 5e6, "currency": "EUR"}, "period": {"start": "2022-03", "end": "2023-07"},
                     "description": "d", "status": "alleged",
                     "citations": [{"source": "s", "speaker": "svr", "stance": "claims", "quote": "q"}]}],
          "events": [{"date": "2025-06", "label": "E", "sources": ["s"]}]
        })
    }

    /// Applies `edit` to the base dataset and returns the problems as "path: message".
    fn problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut v = base();
        edit(&mut v);
        let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
        d.problems.iter().map(|p| p.to_string()).collect()
    }

    /// The first problem is at `path` and contains `words`; others may follow from it.
    fn one(edit: impl FnOnce(&mut Value), path: &str, words: &str) {
        let p = problems(edit);
        assert!(
            !p.is_empty() && p[0].starts_with(&format!("{path}: ")) && p[0].contains(words),
            "{p:#?}"
        );
        assert!(
            p[1..].iter().all(|q| q.contains("left out (see above)")),
            "{p:#?}"
        );
    }

    #[test]
    fn the_base_is_valid() {
        assert_eq!(problems(|_| {}), Vec::<String>::new());
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = Dataset::from_json("t.json", "{\"version\": 1,\n \"meta\": }").unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::Syntax {
                    line: 2,
                    column: 10,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn missing_field_names_its_path() {
        let mut v = base();
        v["flows"][0].as_object_mut().unwrap().remove("status");
        let err = Dataset::from_json("t.json", &v.to_string()).unwrap_err();
        assert!(
            err.to_string()
                .contains("at flows[0]: missing field `status`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_version_is_refused() {
        let mut v = base();
        v["version"] = json!(3);
        let err = Dataset::from_json("t.json", &v.to_string()).unwrap_err();
        assert!(matches!(err, LoadError::Version { found: 3, .. }));
    }

    #[test]
    fn duplicate_ids() {
        one(
            |v| {
                let l = v["locations"][0].clone();
                v["locations"].as_array_mut().unwrap().push(l)
            },
            "locations[3].id",
            "used twice",
        );
        one(
            |v| {
                let s = v["sources"][0].clone();
                v["sources"].as_array_mut().unwrap().push(s)
            },
            "sources[2].id",
            "used twice",
        );
        one(
            |v| {
                let s = v["speakers"][0].clone();
                v["speakers"].as_array_mut().unwrap().push(s)
            },
            "speakers[3].id",
            "used twice",
        );
        one(
            |v| {
                let f = v["flows"][0].clone();
                v["flows"].as_array_mut().unwrap().push(f)
            },
            "flows[1].id",
            "used twice",
        );
    }

    #[test]
    fn unknown_references() {
        one(
            |v| v["flows"][0]["to"] = json!("XXX"),
            "flows[0].to",
            "location \"XXX\"",
        );
        one(
            |v| v["flows"][0]["category"] = json!("food"),
            "flows[0].category",
            "category \"food\"",
        );
        one(
            |v| v["flows"][0]["citations"][0]["source"] = json!("nope"),
            "flows[0].citations[0].source",
            "not defined",
        );
        one(
            |v| v["flows"][0]["citations"][0]["speaker"] = json!("nope"),
            "flows[0].citations[0].speaker",
            "not defined",
        );
        one(
            |v| v["events"][0]["sources"][0] = json!("nope"),
            "events[0].sources[0]",
            "not defined",
        );
    }

    #[test]
    fn values_must_be_sane() {
        one(
            |v| v["flows"][0]["value"]["amount"] = json!(-1),
            "flows[0].value.amount",
            "positive",
        );
        one(
            |v| v["flows"][0]["value"]["amount"] = json!(1e15),
            "flows[0].value.amount",
            "ten trillion",
        );
        one(
            |v| v["flows"][0]["value"]["currency"] = json!("XYZ"),
            "flows[0].value.currency",
            "ISO 4217",
        );
    }

    #[test]
    fn nan_cannot_even_be_written() {
        // JSON has no NaN: it is a syntax error, caught before the checks.
        let text = base().to_string().replace("5000000.0", "NaN");
        assert!(matches!(
            Dataset::from_json("t.json", &text),
            Err(LoadError::Syntax { .. })
        ));
    }

    #[test]
    fn impossible_dates_and_reversed_periods() {
        let mut v = base();
        v["flows"][0]["period"]["end"] = json!("2023-02-30");
        let err = Dataset::from_json("t.json", &v.to_string()).unwrap_err();
        assert!(err.to_string().contains("flows[0].period.end"), "{err}");
        one(
            |v| v["flows"][0]["period"]["end"] = json!("2021"),
            "flows[0].period",
            "ends (2021) before it starts (2022-03)",
        );
    }

    #[test]
    fn routes_visit_each_place_once() {
        one(
            |v| v["flows"][0]["via"] = json!(["CZE", "CZE"]),
            "flows[0].via[1]",
            "twice",
        );
        one(
            |v| v["flows"][0]["via"] = json!(["UKR"]),
            "flows[0].via[0]",
            "its own ends",
        );
        one(
            |v| {
                v["flows"][0]["to"] = json!("SRB");
                v["flows"][0]["via"] = json!([])
            },
            "flows[0].to",
            "starts and ends",
        );
    }

    #[test]
    fn only_web_links_are_kept() {
        let mut v = base();
        v["sources"][0]["url"] = json!("javascript:alert(1)");
        let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].path, "sources[0].url");
        assert_eq!(d.raw.sources[0].url, None);
        assert_eq!(
            d.raw.flows.len(),
            1,
            "the flow still shows, without the link"
        );
    }

    #[test]
    fn empty_names_and_texts() {
        one(
            |v| v["locations"][2]["name"] = json!({"en": " "}),
            "locations[2].name",
            "empty",
        );
        one(
            |v| v["sources"][0]["outlet"] = json!(""),
            "sources[0].outlet",
            "empty",
        );
        one(
            |v| v["speakers"][0]["name"] = json!(""),
            "speakers[0].name",
            "empty",
        );
        one(
            |v| v["flows"][0]["description"] = json!(""),
            "flows[0].description",
            "empty",
        );
        one(
            |v| v["flows"][0]["citations"][0]["quote"] = json!(" "),
            "flows[0].citations[0].quote",
            "without a quote",
        );
        one(
            |v| v["flows"][0]["citations"] = json!([]),
            "flows[0].citations",
            "no citation",
        );
    }

    #[test]
    fn figures_say_what_they_count() {
        one(
            |v| v["flows"][0]["value"]["unit"] = json!("tonnes"),
            "flows[0].value",
            "either a currency or a unit",
        );
        one(
            |v| v["flows"][0]["value"] = json!({"amount": 5}),
            "flows[0].value",
            "without a currency or a unit",
        );
        one(
            |v| v["flows"][0]["value"]["parts"] = json!([{"amount": 6e6, "what": "x"}]),
            "flows[0].value.parts[0].amount",
            "larger than its value",
        );
        one(
            |v| v["flows"][0]["value"]["basis"] = json!("part"),
            "flows[0].value.of",
            "what it is part of",
        );
        one(
            |v| v["flows"][0]["value"]["of"] = json!({"amount": 9e6, "what": "all"}),
            "flows[0].value.basis",
            "\"part\"",
        );
        let ok = problems(|v| {
            v["flows"][0]["value"] = json!({"amount": 1e6, "unit": "rounds", "basis": "estimate"})
        });
        assert!(ok.is_empty(), "{ok:?}");
        // A unit without words is a warning: the flow is still shown.
        let mut v = base();
        v["flows"][0]["value"] = json!({"amount": 5, "unit": "crates"});
        let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
        assert_eq!(d.raw.flows.len(), 1);
        assert_eq!(d.problems.len(), 1);
        assert!(
            d.problems[0].warning && d.problems[0].path == "flows[0].value.unit",
            "{:?}",
            d.problems
        );
    }

    /// The warnings for the base flow with `status` and these citations (speaker, stance, source).
    fn claim_warnings(status: &str, citations: &[(&str, &str, &str)]) -> Vec<String> {
        let p = problems(|v| {
            v["flows"][0]["status"] = json!(status);
            v["flows"][0]["citations"] = citations
                .iter()
                .map(|(speaker, stance, source)| json!({"source": source, "speaker": speaker, "stance": stance, "quote": "q"}))
                .collect();
        });
        assert!(
            p.iter().all(|m| m.contains("the flow is shown as marked")),
            "{p:#?}"
        );
        p
    }

    #[test]
    fn claim_status_follows_the_citations() {
        // Documented needs records or official data.
        assert_eq!(
            claim_warnings("documented", &[("rec", "confirms", "s")]),
            Vec::<String>::new()
        );
        let w = claim_warnings(
            "documented",
            &[("svr", "claims", "s"), ("gov", "claims", "s")],
        );
        assert!(
            w[0].starts_with("flows[0].status: ") && w[0].contains("allow at most reported"),
            "{w:?}"
        );
        // A party with a stake claiming it allows alleged, not reported.
        assert!(
            claim_warnings("reported", &[("svr", "claims", "s")])[0].contains("at most alleged")
        );
        assert_eq!(
            claim_warnings("alleged", &[("svr", "claims", "s"), ("gov", "denies", "s")]),
            Vec::<String>::new()
        );
        // Records cited only through a secondary analysis are unverified.
        assert!(claim_warnings("documented", &[("rec", "confirms", "a")])[0]
            .contains("at most unverified"));
        assert!(
            claim_warnings("alleged", &[("svr", "claims", "a")])[0].contains("at most unverified")
        );
        assert_eq!(
            claim_warnings("unverified", &[("svr", "claims", "a")]),
            Vec::<String>::new()
        );
        // Denied needs a denial.
        assert!(claim_warnings(
            "denied",
            &[("svr", "claims", "s"), ("gov", "disputes", "s")]
        )[0]
        .contains("\"denies\""));
        assert_eq!(
            claim_warnings("denied", &[("svr", "claims", "s"), ("gov", "denies", "s")]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_denial_is_not_filed_under_the_claimant() {
        let w = claim_warnings("alleged", &[("svr", "claims", "s"), ("svr", "denies", "s")]);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("flows[0].citations[1].speaker: ")
                && w[0].contains("both supports the flow and denies it"),
            "{w:?}"
        );
    }

    #[test]
    fn focus_names_known_locations() {
        one(
            |v| v["meta"]["focus"] = json!(["SRB", "ATL"]),
            "meta.focus[1]",
            "\"ATL\", which is not defined",
        );
    }

    #[test]
    fn language_is_one_the_interface_speaks() {
        one(
            |v| v["meta"]["language"] = json!("de"),
            "meta.language",
            "sr-Latn",
        );
    }

    #[test]
    fn points_must_be_on_earth() {
        one(
            |v| v["locations"][0]["point"] = json!([200, 44]),
            "locations[0].point",
            "longitude, latitude",
        );
    }

    #[test]
    fn a_dropped_location_takes_its_flows_but_not_the_others() {
        let mut v = base();
        v["locations"][2]["name"] = json!("");
        let extra = json!({"id": "g", "from": "CZE", "to": "SRB", "category": "arms", "value": "undisclosed",
                           "description": "d", "status": "alleged",
                           "citations": [{"source": "s", "speaker": "svr", "stance": "claims", "quote": "q"}]});
        v["flows"].as_array_mut().unwrap().push(extra);
        let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
        assert_eq!(
            d.raw
                .flows
                .iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>(),
            ["g"]
        );
        assert_eq!(d.problems.len(), 2, "{:#?}", d.problems);
        assert!(d.problems[1].message.ends_with("(flow not shown)"));
    }
}
