//! Hostile shapes (issue 22): documents an editor, a broken server or a careless export can
//! produce. Each is read quickly and either works or gets a clear message; an item that
//! cannot be read is left out, not the document.

use flowmap_core::dataset::{Dataset, LoadError};
use serde_json::{json, Value};

const TWO_FLOWS: &str = include_str!("fixtures/two_flows.json");

fn base() -> Value {
    serde_json::from_str(TWO_FLOWS).unwrap()
}

fn read(v: &Value) -> Dataset {
    Dataset::from_json("t.json", &v.to_string()).unwrap()
}

/// The message of a document that cannot be read at all.
fn refused(text: &str) -> LoadError {
    Dataset::from_json("t.json", text).unwrap_err()
}

/// The problems as "path: message".
fn problems(d: &Dataset) -> Vec<String> {
    d.problems.iter().map(ToString::to_string).collect()
}

fn ids(d: &Dataset) -> Vec<&str> {
    d.raw.flows.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn an_empty_file() {
    for text in ["", "  \n"] {
        let e = refused(text);
        assert!(matches!(e, LoadError::Syntax { .. }), "{e}");
        assert!(e.to_string().contains("the file is empty; a dataset is one JSON object"), "{e}");
    }
}

#[test]
fn null_a_list_and_other_values_are_not_a_dataset() {
    for (text, found) in [
        ("null", "found null"),
        ("[]", "found an empty list"),
        ("[1, 2]", "found a list of 2"),
        ("\"flows\"", "found the text \"flows\""),
        ("42", "found the number 42"),
    ] {
        let e = refused(text);
        let LoadError::Shape { path, message, .. } = &e else { panic!("{text}: {e}") };
        assert_eq!(path, "the top level");
        assert!(message.starts_with("a dataset is one JSON object, {"), "{e}");
        assert!(message.ends_with(found), "{e}");
    }
}

#[test]
fn an_html_error_page() {
    let page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let e = refused(page);
    assert_eq!(
        e.to_string(),
        "t.json, line 1, column 1: this is a web page (HTML), not JSON: perhaps an error page from the server; a dataset is one JSON object, { … }"
    );
}

#[test]
fn a_truncated_document() {
    let e = refused(&TWO_FLOWS[..TWO_FLOWS.len() / 2]);
    let LoadError::Syntax { line, message, .. } = &e else { panic!("{e}") };
    assert_eq!(*line, 12);
    assert_eq!(
        message,
        "the file ends before the JSON is complete (an object, { … }, is not closed)"
    );
    let e = refused(TWO_FLOWS.trim_end().trim_end_matches('}'));
    assert!(e.to_string().ends_with("(an object, { … }, is not closed)"), "{e}");
}

#[test]
fn a_byte_order_mark_is_read_past() {
    let d = Dataset::from_json("t.json", &format!("\u{feff}{TWO_FLOWS}")).unwrap();
    assert!(d.is_valid(), "{:?}", d.problems);
    assert_eq!(d.raw.flows.len(), 2);
    // Positions are counted without it.
    let e = refused("\u{feff}{\n  \"version\": 2,\n  oops");
    assert!(e.to_string().starts_with("t.json, line 3, column 3: "), "{e}");
}

#[test]
fn duplicate_keys() {
    // At the top level, the last one counts (as in other JSON readers) and the first is named.
    let text = TWO_FLOWS.replacen("\"flows\": [", "\"flows\": [],\n  \"flows\": [", 1);
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert_eq!(d.raw.flows.len(), 2);
    assert_eq!(
        problems(&d),
        ["flows: \"flows\" is given twice at the top level; the first one (line 13) is ignored"]
    );
    // In an item, the item is left out.
    let text = TWO_FLOWS.replacen("{\"id\": \"kits\",", "{\"id\": \"kits\", \"id\": \"kits2\",", 1);
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert_eq!(ids(&d), ["goods"]);
    assert_eq!(
        problems(&d),
        ["flows[0].id: \"id\" is given twice in a flow; write it once (line 14, column 23; flow not shown)"]
    );
}

#[test]
fn deep_nesting_leaves_out_its_item_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // As the document: not an object.
    let e = refused(&deep);
    assert!(e.to_string().ends_with("found a list of 1"), "{e}");
    assert!(e.to_string().starts_with("t.json, line 1, column 1, at the top level: "), "{e}");
    // Inside a flow: the flow is left out at the first value of the wrong kind, the rest reads.
    let text = TWO_FLOWS.replacen("\"value\": \"undisclosed\"", &format!("\"value\": {deep}"), 1);
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert_eq!(ids(&d), ["goods"]);
    assert_eq!(
        problems(&d),
        ["flows[0].value: value must be a figure, {\"amount\": …, \"currency\": …}, or \"undisclosed\"; found a list of 1 (line 14, column 93; flow \"kits\" not shown)"]
    );
    // Deep objects too, where text per language belongs.
    let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let text = TWO_FLOWS.replacen("\"Rocket kits\"", &deep, 1);
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert_eq!(ids(&d), ["goods"]);
    assert!(
        problems(&d)[0].starts_with("flows[0].description.a: a must be text; found an object"),
        "{:?}",
        d.problems
    );
    // In meta, the document is refused, with where and why.
    let text = TWO_FLOWS.replacen("\"Two flows\"", &deep, 1);
    assert!(refused(&text)
        .to_string()
        .contains("at meta.title.a: a must be text; found an object"));
}

#[test]
fn extreme_numbers() {
    let with_amount = |amount: &str| {
        let text = TWO_FLOWS.replacen("143900000", amount, 1);
        Dataset::from_json("t.json", &text).unwrap()
    };
    // Readable, but taken for a typing mistake by the checks.
    let d = with_amount("1e308");
    assert_eq!(ids(&d), ["kits"]);
    assert!(problems(&d)[0].starts_with("flows[1].value.amount: "), "{:?}", d.problems);
    assert!(problems(&d)[0].contains("ten trillion"), "{:?}", d.problems);
    // Too large to read at all: the flow is left out, the rest reads.
    let d = with_amount("1e400");
    assert_eq!(ids(&d), ["kits"]);
    assert_eq!(
        problems(&d),
        ["flows[1].value.amount: amount holds a number too large to read; write an ordinary number (line 18, column 30; flow \"goods\" not shown)"]
    );
    // Zero, negative zero and the smallest number are figures.
    for small in ["-0", "0", "-0.0", "5e-324"] {
        let d = with_amount(small);
        assert_eq!(ids(&d), ["kits", "goods"], "{small}: {:?}", d.problems);
    }
    assert!(problems(&with_amount("-1"))[0].contains("expected a positive number"));
    // A point off the Earth or too large to read: the location is left out, and the flows
    // through it say so.
    for (lon, message) in [
        ("1e308", "[1e308, 44.82] is not a [longitude, latitude] pair"),
        ("1e400", "point[0] holds a number too large to read; write an ordinary number (line 4, column 63; location \"SRB\" left out)"),
    ] {
        let text = TWO_FLOWS.replacen("20.46", lon, 1);
        let d = Dataset::from_json("t.json", &text).unwrap();
        assert!(d.raw.flows.is_empty(), "{lon}");
        assert!(problems(&d)[0].starts_with("locations[0].point"), "{lon}: {:?}", d.problems);
        assert!(d.problems[0].message.contains(message), "{lon}: {:?}", d.problems);
        assert!(problems(&d)[1].contains("which was left out (see above)"), "{:?}", d.problems);
    }
}

#[test]
fn text_where_a_number_belongs() {
    let text = TWO_FLOWS.replacen("143900000", "\"143900000\"", 1);
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert_eq!(ids(&d), ["kits"]);
    assert_eq!(
        problems(&d),
        ["flows[1].value.amount: amount must be a number; found the text \"143900000\" (line 18, column 36; flow \"goods\" not shown)"]
    );
    let text = TWO_FLOWS.replacen("[20.46, 44.82]", "[\"20.46\", \"44.82\"]", 1);
    let d = Dataset::from_json("t.json", &text).unwrap();
    assert!(
        problems(&d)[0].starts_with(
            "locations[0].point[0]: point[0] must be a number; found the text \"20.46\""
        ),
        "{:?}",
        d.problems
    );
}

#[test]
fn ids_with_quotes_and_brackets() {
    let odd = "SR\"B[0].x]";
    let mut v = base();
    v["locations"][0]["id"] = json!(odd);
    v["flows"][0]["from"] = json!(odd);
    v["flows"][1]["from"] = json!(odd);
    v["flows"][1]["id"] = json!("goods\"][");
    let d = read(&v);
    assert!(d.is_valid(), "{:?}", d.problems);
    assert_eq!(d.route(&d.raw.flows[1]), [odd, "RUS"]);
    // Named as written, quoted, in messages; the paths are not confused by them.
    v["flows"][1]["to"] = json!("[\"]");
    let d = read(&v);
    assert_eq!(
        problems(&d),
        ["flows[1].to: flow \"goods\"][\" refers to location \"[\"]\", which is not defined (flow not shown)"]
    );
}

/// A flow may have up to 1,000 citations (`limits::MAX_CITATIONS`); one with 10,000 is left
/// out with a message that says so.
#[test]
fn a_flow_with_ten_thousand_citations() {
    let mut v = base();
    let citation = v["flows"][1]["citations"][0].clone();
    v["flows"][1]["citations"] = Value::Array(vec![citation.clone(); 1_000]);
    let d = read(&v);
    assert!(d.is_valid(), "{:?}", &d.problems[..d.problems.len().min(3)]);
    assert_eq!(d.raw.flows[1].citations.len(), 1_000);
    // One of them broken: the flow is left out, once.
    v["flows"][1]["citations"][999]["stance"] = json!("maybe");
    let d = read(&v);
    assert_eq!(ids(&d), ["kits"]);
    assert_eq!(d.problems.len(), 1);
    assert!(problems(&d)[0].starts_with("flows[1].citations[999].stance: stance must be one of"));
    v["flows"][1]["citations"] = Value::Array(vec![citation; 10_000]);
    let d = read(&v);
    assert_eq!(ids(&d), ["kits"]);
    assert_eq!(
        problems(&d),
        ["flows[1].citations: flow \"goods\" has 10000 citations; the map shows flows with up to 1000 (flow not shown)"]
    );
}

#[test]
fn loops_in_via() {
    for (via, at) in [
        (json!(["UKR"]), "flows[0].via[0]"),
        (json!(["SRB"]), "flows[0].via[0]"),
        (json!(["CZE", "CZE"]), "flows[0].via[1]"),
        (json!(["CZE", "RUS", "CZE"]), "flows[0].via[2]"),
    ] {
        let mut v = base();
        v["flows"][0]["via"] = via.clone();
        let d = read(&v);
        assert_eq!(ids(&d), ["goods"], "{via}");
        let p = &d.problems[0];
        assert_eq!(p.path, at, "{via}");
        assert!(
            p.message.contains("a route visits each place once")
                && p.message.ends_with("(flow not shown)"),
            "{p}"
        );
    }
    // A long via that goes round: one problem per repeated stop, quickly.
    let mut v = base();
    v["flows"][0]["via"] = json!(["CZE", "RUS"].repeat(5_000));
    assert_eq!(read(&v).problems.len(), 9_998);
}

#[test]
fn a_version_1_document_is_read_item_by_item_too() {
    let v1 = include_str!("fixtures/two_flows_v1.json");
    let text = v1.replacen("\"kind\": \"intelligence-claim\"", "\"kind\": \"spy\"", 1);
    let d = Dataset::from_json("v1.json", &text).unwrap();
    assert_eq!(d.read_version, 1);
    let p = problems(&d);
    assert!(p[0].starts_with("sources[0].kind: kind must be one of \"customs-records\""), "{p:?}");
    assert!(p[0].ends_with("source \"svr\" left out)"), "{p:?}");
    // The flow citing it says why it cannot be shown; the other flow is drawn.
    assert!(p[1..].iter().all(|p| p.contains("which was left out (see above)")), "{p:?}");
    assert_eq!(d.raw.flows.len(), 1);
    // A version 1 stance is one of its own words.
    let text = v1.replacen("\"quote\"", "\"stance\": \"claims\", \"quote\"", 1);
    let d = Dataset::from_json("v1.json", &text).unwrap();
    assert!(
        problems(&d)[0]
            .contains("stance must be one of \"supports\" or \"disputes\"; found \"claims\""),
        "{:?}",
        d.problems
    );
}

/// Past a list's limit (`limits::MAX_PLACES`), items are not read; what refers to them says
/// they were left out, and a top level with many unknown members is not a problem per member.
#[test]
fn items_past_a_limit_and_many_unknown_members() {
    let mut v = base();
    let first = v["locations"][0].clone();
    let mut locations: Vec<Value> = v["locations"].as_array().unwrap().clone();
    for i in 0..flowmap_core::limits::MAX_PLACES {
        let mut l = first.clone();
        l["id"] = json!(format!("P{i}"));
        locations.push(l);
    }
    let last = locations.last().unwrap()["id"].as_str().unwrap().to_string();
    v["locations"] = Value::Array(locations);
    v["flows"][1]["to"] = json!(last);
    let d = read(&v);
    let p = problems(&d);
    assert!(
        p[0].starts_with(
            "locations[10000]: the map shows at most 10000 places; the 4 after that are left out"
        ),
        "{p:?}"
    );
    assert!(
        p.iter().any(|m| m.contains(&format!("refers to location \"{last}\", which was left out"))),
        "{p:?}"
    );
    let mut v = base();
    for i in 0..1_000 {
        v[format!("extra{i}")] = json!(i);
    }
    let p = problems(&read(&v));
    assert_eq!(p.len(), 21, "{:?}", &p[..3]);
    assert!(
        p[0].starts_with(".: the top level has 1000 members a dataset does not have"),
        "{}",
        p[0]
    );
}
