//! The validator's checks, through `Dataset::from_json`: each problem's JSON path and
//! words, and what is left out.

use flowmap_core::dataset::{Dataset, LoadError};
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
    d.problems.iter().map(std::string::ToString::to_string).collect()
}

/// The first problem is at `path` and contains `words`; others may follow from it.
fn one(edit: impl FnOnce(&mut Value), path: &str, words: &str) {
    let p = problems(edit);
    assert!(
        !p.is_empty() && p[0].starts_with(&format!("{path}: ")) && p[0].contains(words),
        "{p:#?}"
    );
    assert!(p[1..].iter().all(|q| q.contains("left out (see above)")), "{p:#?}");
}

#[test]
fn the_base_is_valid() {
    assert_eq!(problems(|_| {}), Vec::<String>::new());
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = Dataset::from_json("t.json", "{\"version\": 1,\n \"meta\": }").unwrap_err();
    assert!(matches!(err, LoadError::Syntax { line: 2, column: 10, .. }), "{err}");
}

#[test]
fn missing_field_names_its_path() {
    let mut v = base();
    v["flows"][0].as_object_mut().unwrap().remove("status");
    let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
    assert_eq!(d.raw.flows.len(), 0);
    assert_eq!(
        d.problems[0].to_string(),
        "flows[0]: a flow needs \"status\", one of \"documented\", \"reported\", \"alleged\", \"denied\" or \"unverified\"; it is missing (line 1, column 112; flow \"f\" not shown)"
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
            v["locations"].as_array_mut().unwrap().push(l);
        },
        "locations[3].id",
        "used twice",
    );
    one(
        |v| {
            let s = v["sources"][0].clone();
            v["sources"].as_array_mut().unwrap().push(s);
        },
        "sources[2].id",
        "used twice",
    );
    one(
        |v| {
            let s = v["speakers"][0].clone();
            v["speakers"].as_array_mut().unwrap().push(s);
        },
        "speakers[3].id",
        "used twice",
    );
    one(
        |v| {
            let f = v["flows"][0].clone();
            v["flows"].as_array_mut().unwrap().push(f);
        },
        "flows[1].id",
        "used twice",
    );
}

#[test]
fn unknown_references() {
    one(|v| v["flows"][0]["to"] = json!("XXX"), "flows[0].to", "location \"XXX\"");
    one(|v| v["flows"][0]["category"] = json!("food"), "flows[0].category", "category \"food\"");
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
    one(|v| v["events"][0]["sources"][0] = json!("nope"), "events[0].sources[0]", "not defined");
}

#[test]
fn values_must_be_sane() {
    one(|v| v["flows"][0]["value"]["amount"] = json!(-1), "flows[0].value.amount", "positive");
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
    assert!(matches!(Dataset::from_json("t.json", &text), Err(LoadError::Syntax { .. })));
}

#[test]
fn impossible_dates_and_reversed_periods() {
    let mut v = base();
    v["flows"][0]["period"]["end"] = json!("2023-02-30");
    let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
    assert_eq!(d.problems[0].path, "flows[0].period.end");
    assert!(d.problems[0].message.contains("\"2023-02-30\" is not a date"), "{d:?}");
    one(
        |v| v["flows"][0]["period"]["end"] = json!("2021"),
        "flows[0].period",
        "ends (2021) before it starts (2022-03)",
    );
}

#[test]
fn routes_visit_each_place_once() {
    one(|v| v["flows"][0]["via"] = json!(["CZE", "CZE"]), "flows[0].via[1]", "twice");
    one(|v| v["flows"][0]["via"] = json!(["UKR"]), "flows[0].via[0]", "its own ends");
    one(
        |v| {
            v["flows"][0]["to"] = json!("SRB");
            v["flows"][0]["via"] = json!([]);
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
    assert_eq!(d.raw.flows.len(), 1, "the flow still shows, without the link");
}

#[test]
fn empty_names_and_texts() {
    one(|v| v["locations"][2]["name"] = json!({"en": " "}), "locations[2].name", "empty");
    one(|v| v["sources"][0]["outlet"] = json!(""), "sources[0].outlet", "empty");
    one(|v| v["speakers"][0]["name"] = json!(""), "speakers[0].name", "empty");
    one(|v| v["flows"][0]["description"] = json!(""), "flows[0].description", "empty");
    one(
        |v| v["flows"][0]["citations"][0]["quote"] = json!(" "),
        "flows[0].citations[0].quote",
        "without a quote",
    );
    one(|v| v["flows"][0]["citations"] = json!([]), "flows[0].citations", "no citation");
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
        v["flows"][0]["value"] = json!({"amount": 1e6, "unit": "rounds", "basis": "estimate"});
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
    assert!(p.iter().all(|m| m.contains("the flow is shown as marked")), "{p:#?}");
    p
}

#[test]
fn claim_status_follows_the_citations() {
    // Documented needs records or official data.
    assert_eq!(claim_warnings("documented", &[("rec", "confirms", "s")]), Vec::<String>::new());
    let w = claim_warnings("documented", &[("svr", "claims", "s"), ("gov", "claims", "s")]);
    assert!(
        w[0].starts_with("flows[0].status: ") && w[0].contains("allow at most reported"),
        "{w:?}"
    );
    // A party with a stake claiming it allows alleged, not reported.
    assert!(claim_warnings("reported", &[("svr", "claims", "s")])[0].contains("at most alleged"));
    assert_eq!(
        claim_warnings("alleged", &[("svr", "claims", "s"), ("gov", "denies", "s")]),
        Vec::<String>::new()
    );
    // Records cited only through a secondary analysis are unverified.
    assert!(
        claim_warnings("documented", &[("rec", "confirms", "a")])[0].contains("at most unverified")
    );
    assert!(claim_warnings("alleged", &[("svr", "claims", "a")])[0].contains("at most unverified"));
    assert_eq!(claim_warnings("unverified", &[("svr", "claims", "a")]), Vec::<String>::new());
    // Denied needs a denial.
    assert!(claim_warnings("denied", &[("svr", "claims", "s"), ("gov", "disputes", "s")])[0]
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
    one(|v| v["meta"]["language"] = json!("de"), "meta.language", "sr-Latn");
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
    assert_eq!(d.raw.flows.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["g"]);
    assert_eq!(d.problems.len(), 2, "{:#?}", d.problems);
    assert!(d.problems[1].message.ends_with("(flow not shown)"));
}

/// The base with a `dataset` source ("stat", with its address) and the flow's citation of
/// it by series, after `edit`.
fn dataset_problems(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    problems(|v| {
        v["sources"].as_array_mut().unwrap().push(
            json!({"id": "stat", "outlet": "Statistics office", "url": "https://example.org/t", "kind": "dataset"}),
        );
        v["flows"][0]["status"] = json!("documented");
        v["flows"][0]["citations"] = json!([{"source": "stat", "speaker": "rec", "stance": "finds",
                                             "series": "Exports by partner, HS 93"}]);
        edit(v);
    })
}

#[test]
fn a_dataset_is_cited_by_its_series_without_a_quote() {
    assert_eq!(dataset_problems(|_| {}), Vec::<String>::new());
    let d = {
        let mut v = base();
        v["sources"] = json!([{"id": "stat", "outlet": "O", "url": "https://example.org/t", "kind": "dataset"}]);
        v["events"] = json!([]);
        v["flows"][0]["status"] = json!("documented");
        v["flows"][0]["citations"] =
            json!([{"source": "stat", "speaker": "rec", "stance": "finds", "series": "Table 4"}]);
        Dataset::from_json("t.json", &v.to_string()).unwrap()
    };
    assert_eq!(d.raw.flows[0].citations[0].series.as_deref(), Some("Table 4"));
    let written = serde_json::to_value(&d.raw.flows[0].citations[0]).unwrap();
    assert_eq!(written.get("quote"), None, "an absent quote is not written as \"\"");
}

#[test]
fn a_citation_needs_a_quote_or_for_a_dataset_a_series() {
    let p = dataset_problems(|v| {
        v["flows"][0]["citations"][0].as_object_mut().unwrap().remove("series").unwrap();
    });
    assert!(
        p[0].starts_with("flows[0].citations[0].series: ")
            && p[0].contains("without a quote or a series"),
        "{p:#?}"
    );
    let p = dataset_problems(|v| v["flows"][0]["citations"][0]["series"] = json!(" "));
    assert!(
        p[0].starts_with("flows[0].citations[0].series: ") && p[0].contains("empty series"),
        "{p:#?}"
    );
    // An article needs its quote even with a series, which only a dataset has.
    one(
        |v| {
            v["flows"][0]["citations"][0]["series"] = json!("Table 4");
        },
        "flows[0].citations[0].series",
        "not a dataset source",
    );
    one(
        |v| {
            v["flows"][0]["citations"][0].as_object_mut().unwrap().remove("quote").unwrap();
        },
        "flows[0].citations[0].quote",
        "without a quote",
    );
}

#[test]
fn a_dataset_without_an_address_is_a_warning_and_the_flow_shows() {
    let mut v = base();
    v["sources"] = json!([{"id": "stat", "outlet": "O", "kind": "dataset"}]);
    v["events"] = json!([]);
    v["flows"][0]["status"] = json!("documented");
    v["flows"][0]["citations"] =
        json!([{"source": "stat", "speaker": "rec", "stance": "finds", "series": "Table 4"}]);
    let d = Dataset::from_json("t.json", &v.to_string()).unwrap();
    assert_eq!(d.problems.len(), 1, "{:?}", d.problems);
    assert!(d.problems[0].warning && d.problems[0].message.contains("no url"), "{}", d.problems[0]);
    assert_eq!(d.raw.flows.len(), 1);
}
