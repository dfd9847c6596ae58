//! Every message about a value that cannot be read is in an editor's words: it names the
//! path, says what was expected and what was found, and shows none of the program's own
//! names (no "struct", "enum" or "variant", no backticks).

use flowmap_core::dataset::{Dataset, LoadError};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
      "version": 2,
      "meta": {"title": "T"},
      "locations": [{"id": "SRB", "name": "Serbia", "point": [20.4, 44.8]}, {"id": "UKR", "name": "Ukraine"}],
      "categories": [{"id": "arms", "name": "Arms"}],
      "sources": [{"id": "s", "outlet": "O", "title": "T", "kind": "news-report"}],
      "speakers": [{"id": "svr", "name": "Russia's SVR", "kind": "intelligence"}],
      "flows": [{"id": "f", "from": "SRB", "to": "UKR", "category": "arms",
                 "value": {"amount": 5e6, "currency": "EUR", "parts": [{"amount": 1, "what": "w"}]},
                 "period": {"start": "2022-03"}, "actors": {"from": ["A"]},
                 "description": "d", "status": "alleged",
                 "citations": [{"source": "s", "speaker": "svr", "stance": "claims", "quote": "q"}]}],
      "events": [{"date": "2025-06", "label": "E", "sources": ["s"]}]
    })
}

/// Edits of one value each, as (JSON pointer, new value or None to remove it).
fn edits() -> Vec<(&'static str, Option<Value>)> {
    let mut out = Vec::new();
    let wrong = [
        json!(null),
        json!("71100000"),
        json!(3),
        json!(1.5),
        json!(true),
        json!([1]),
        json!({"a": 1}),
        json!(""),
    ];
    for pointer in [
        "/flows/0/id",
        "/flows/0/from",
        "/flows/0/via",
        "/flows/0/value",
        "/flows/0/value/amount",
        "/flows/0/value/currency",
        "/flows/0/value/basis",
        "/flows/0/value/parts",
        "/flows/0/value/parts/0",
        "/flows/0/value/parts/0/what",
        "/flows/0/value/of",
        "/flows/0/period",
        "/flows/0/period/end",
        "/flows/0/actors",
        "/flows/0/actors/from/0",
        "/flows/0/description",
        "/flows/0/status",
        "/flows/0/citations",
        "/flows/0/citations/0",
        "/flows/0/citations/0/stance",
        "/flows/0/note",
        "/flows/0",
        "/locations/0",
        "/locations/0/name",
        "/locations/0/point",
        "/locations/0/point/1",
        "/categories/0/name",
        "/sources/0/kind",
        "/sources/0/date",
        "/sources/0/title",
        "/speakers/0/kind",
        "/speakers/0/plural",
        "/speakers/0/stake",
        "/events/0/date",
        "/events/0/sources/0",
        "/events/0",
        "/flows/0/extra",
    ] {
        for w in &wrong {
            out.push((pointer, Some(w.clone())));
        }
    }
    for pointer in [
        "/flows/0/status",
        "/flows/0/citations/0/quote",
        "/locations/0/name",
        "/sources/0/kind",
        "/events/0/date",
        "/flows/0/value/amount",
    ] {
        out.push((pointer, None));
    }
    out
}

/// Sets or removes the value at `pointer`.
fn apply(v: &mut Value, pointer: &str, to: Option<Value>) {
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let p = v.pointer_mut(parent).unwrap();
    match (p, to) {
        (Value::Object(o), Some(to)) => {
            o.insert(last.into(), to);
        }
        (Value::Object(o), None) => {
            o.remove(last);
        }
        (Value::Array(a), Some(to)) => a[last.parse::<usize>().unwrap()] = to,
        (p, to) => panic!("{p} {to:?}"),
    }
}

fn clean(message: &str) -> bool {
    !["struct", "enum", "variant", "`"].iter().any(|w| message.contains(w))
}

#[test]
fn broken_values_are_explained_in_the_editors_words() {
    let mut seen = 0;
    for (pointer, to) in edits() {
        let mut v = base();
        apply(&mut v, pointer, to.clone());
        let text = serde_json::to_string_pretty(&v).unwrap();
        let path = pointer[1..].split('/').fold(String::new(), |p, s| match s.parse::<usize>() {
            Ok(n) => format!("{p}[{n}]"),
            Err(_) if p.is_empty() => s.to_string(),
            Err(_) => format!("{p}.{s}"),
        });
        // The item the value is in: "flows[0]".
        let item = path.split_once(']').map_or(path.clone(), |(i, _)| format!("{i}]"));
        match Dataset::from_json("t.json", &text) {
            Ok(d) => {
                for p in &d.problems {
                    assert!(clean(&p.message), "{pointer} = {to:?}: {p}");
                }
                if let Some(p) = d.problems.first() {
                    seen += 1;
                    let at = p.path.to_string();
                    assert!(at.starts_with(&item), "{pointer} = {to:?}: {p}");
                    if !p.warning && p.message.contains("(line ") {
                        // A value that could not be read names the field concerned.
                        assert!(
                            path.starts_with(&at) || at.starts_with(&path),
                            "{pointer} = {to:?}: {p}"
                        );
                    }
                    println!("{p}");
                }
            }
            Err(e) => {
                assert!(clean(&e.to_string()), "{pointer} = {to:?}: {e}");
                println!("ERR {e}");
            }
        }
    }
    assert!(seen > 200, "{seen}");
}

#[test]
fn broken_top_levels_are_explained_in_the_editors_words() {
    let cases = [
        ("/meta", Some(json!(null))),
        ("/meta", Some(json!("T"))),
        ("/meta/title", Some(json!(5))),
        ("/meta/focus", Some(json!("SRB"))),
        ("/meta/colour", Some(json!(1))),
        ("/meta", None),
        ("/flows", Some(json!({}))),
        ("/flows", None),
        ("/locations", Some(json!(null))),
        ("/version", Some(json!("2"))),
        ("/version", Some(json!(-1))),
        ("/version", Some(json!(2.5))),
        ("/$schema", Some(json!(3))),
    ];
    for (pointer, to) in cases {
        let mut v = base();
        apply(&mut v, pointer, to.clone());
        let e = Dataset::from_json("t.json", &v.to_string()).unwrap_err();
        let LoadError::Shape { path, message, .. } = &e else { panic!("{pointer}: {e}") };
        assert!(clean(message), "{pointer} = {to:?}: {e}");
        let named = pointer[1..].split('/').next().unwrap();
        assert!(path.starts_with(named) || path == "the top level", "{pointer} = {to:?}: {e}");
        println!("{e}");
    }
}
