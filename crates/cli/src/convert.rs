//! CSV sheets → the dataset's JSON, with the validator's problems given by sheet row.
//!
//! Columns (header names; `_<lang>` variants such as `name_ru` add translations):
//! - locations: `id`, `name`, `lon`, `lat`
//! - categories (optional; else each flow's category id is its own name): `id`, `name`
//! - sources: `id`, `outlet`, `cites`, `title`, `date`, `url`, `kind`
//! - flows: `id`, `from`, `to`, `via` (`;`-separated), `category`, `amount` (empty or
//!   `undisclosed` when not given), `currency`, `qualifier`, `start`, `end`, `actors_from`,
//!   `actors_via`, `actors_to` (`;`-separated), `description`, `status`, `note`, and
//!   citations as `source`, `quote`, `stance`, `source_2`, `quote_2`, `stance_2`, …
//!   (`stance` is `supports`, the default, or `disputes`)

use crate::sheet::{CellError, Row, Sheet};
use flowmap_core::dataset::Dataset;
use flowmap_core::date::{PartialDate, Period};
use flowmap_core::model::*;
use flowmap_core::text::Localized;
use std::collections::BTreeMap;

/// Paths of the sheets given on the command line.
#[derive(Debug, Default)]
pub struct Files {
    pub locations: Option<String>,
    pub sources: Option<String>,
    pub flows: Option<String>,
    pub categories: Option<String>,
    pub meta: Option<String>,
}

/// The sheets' texts, keyed by file name.
#[derive(Debug, Default)]
pub struct Texts {
    pub locations: (String, String),
    pub sources: (String, String),
    pub flows: (String, String),
    pub categories: Option<(String, String)>,
    pub meta: Option<(String, String)>,
}

impl Files {
    /// Reads every file with `read`; the three sheets are required.
    pub fn read(self, read: impl Fn(&str) -> Result<String, crate::UsageError>) -> Result<Texts, crate::UsageError> {
        let need = |f: Option<String>, flag: &str| {
            f.ok_or_else(|| crate::UsageError::Arguments(format!("convert needs {flag} FILE.csv")))
        };
        let pair = |p: String| read(&p).map(|t| (p, t));
        let (l, s, f) = (need(self.locations, "--locations")?, need(self.sources, "--sources")?, need(self.flows, "--flows")?);
        Ok(Texts {
            locations: pair(l)?,
            sources: pair(s)?,
            flows: pair(f)?,
            categories: self.categories.map(pair).transpose()?,
            meta: self.meta.map(pair).transpose()?,
        })
    }
}

/// Text in `column` with its `column_<lang>` translations.
fn localized(row: &Row, sheet: &Sheet, column: &str) -> Localized {
    let prefix = format!("{column}_");
    let mut by_lang: BTreeMap<String, String> = sheet
        .columns_with_prefix(&prefix)
        .filter_map(|c| row.optional(c).map(|v| (c[prefix.len()..].to_string(), v.to_string())))
        .collect();
    if by_lang.is_empty() {
        return Localized::Plain(row.get(column).to_string());
    }
    if let Some(en) = row.optional(column) {
        by_lang.insert("en".into(), en.to_string());
    }
    Localized::ByLanguage(by_lang)
}

/// Parses a kebab-case enum cell through its serde names.
fn choice<T: serde::de::DeserializeOwned>(row: &Row, column: &str, allowed: &str) -> Result<T, CellError> {
    let v = row.get(column);
    serde_json::from_value(serde_json::Value::String(v.into()))
        .map_err(|_| row.error(column, format!("\"{v}\" is not one of: {allowed}")))
}

fn date(row: &Row, column: &str) -> Result<Option<PartialDate>, CellError> {
    row.optional(column).map(|v| v.parse().map_err(|e: flowmap_core::date::DateError| row.error(column, e.to_string()))).transpose()
}

/// "71100000", "71,100,000" or "71100000.5"; thousands separators must be regular.
fn number(row: &Row, column: &str) -> Result<f64, CellError> {
    let v = row.get(column);
    let bad = || row.error(column, format!("\"{v}\" is not a number (write 71100000 or 71,100,000)"));
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let regular = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !regular {
        return Err(bad());
    }
    let plain = if frac.is_empty() { groups.concat() } else { format!("{}.{frac}", groups.concat()) };
    plain.parse().map_err(|_| bad())
}

fn location(row: &Row, sheet: &Sheet) -> Result<Location, CellError> {
    let point = match (row.optional("lon"), row.optional("lat")) {
        (None, None) => None,
        (Some(_), Some(_)) => Some([number(row, "lon")?, number(row, "lat")?]),
        _ => return Err(row.error(if row.optional("lon").is_none() { "lon" } else { "lat" }, "give both lon and lat, or neither".into())),
    };
    Ok(Location { id: row.get("id").into(), name: localized(row, sheet, "name"), point })
}

fn source(row: &Row) -> Result<Source, CellError> {
    Ok(Source {
        id: row.get("id").into(),
        outlet: row.get("outlet").into(),
        cites: row.optional("cites").map(String::from),
        title: row.get("title").into(),
        date: date(row, "date")?,
        url: row.optional("url").map(String::from),
        kind: choice(row, "kind", "customs-records, official-statement, intelligence-claim, news-estimate, news-report, analysis")?,
    })
}

fn flow(row: &Row, sheet: &Sheet) -> Result<Flow, CellError> {
    let value = match row.get("amount") {
        "" | "undisclosed" => FlowValue::Undisclosed(Undisclosed::Undisclosed),
        _ => FlowValue::Known(Money {
            amount: number(row, "amount")?,
            currency: row.get("currency").to_ascii_uppercase(),
            qualifier: row.optional("qualifier").map(|_| choice(row, "qualifier", "at-least, about")).transpose()?,
        }),
    };
    let (start, end) = (date(row, "start")?, date(row, "end")?);
    let mut citations = Vec::new();
    for k in 1.. {
        let (s, q) = if k == 1 { ("source".to_string(), "quote".to_string()) } else { (format!("source_{k}"), format!("quote_{k}")) };
        if !sheet.has(&s) {
            break;
        }
        match (row.optional(&s), row.optional(&q)) {
            (None, None) => {}
            (Some(source), quote) => {
                let st = if k == 1 { "stance".to_string() } else { format!("stance_{k}") };
                let stance = row.optional(&st).map(|_| choice(row, &st, "supports, disputes")).transpose()?.unwrap_or_default();
                citations.push(Citation { source: source.into(), quote: quote.unwrap_or("").into(), stance })
            }
            (None, Some(_)) => return Err(row.error(&s, format!("a quote in \"{q}\" needs the id of its source here"))),
        }
    }
    Ok(Flow {
        id: row.get("id").into(),
        from: row.get("from").into(),
        to: row.get("to").into(),
        via: row.list("via"),
        category: row.get("category").into(),
        value,
        period: (start.is_some() || end.is_some()).then_some(Period { start, end }),
        actors: Actors { from: row.list("actors_from"), via: row.list("actors_via"), to: row.list("actors_to") },
        description: localized(row, sheet, "description"),
        status: choice(row, "status", "documented, reported, alleged, denied, unverified")?,
        citations,
        note: row.optional("note").map(|_| localized(row, sheet, "note")),
    })
}

/// Converts the sheets. Returns the JSON when every row could be read (the validator's
/// problems are then reported but the data is kept whole), and every problem in words.
pub fn convert(texts: &Texts) -> (Option<String>, Vec<String>) {
    let mut errors: Vec<String> = Vec::new();
    let parse = |(file, text): &(String, String), required: &[&str], errors: &mut Vec<String>| -> Option<Sheet> {
        match Sheet::parse(file, text) {
            Ok(s) => {
                let missing = s.missing_columns(required);
                errors.extend(missing.iter().map(|e| e.to_string()));
                missing.is_empty().then_some(s)
            }
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        }
    };
    let locations = parse(&texts.locations, &["id", "name"], &mut errors);
    let sources = parse(&texts.sources, &["id", "outlet", "title", "kind"], &mut errors);
    let flows = parse(&texts.flows, &["id", "from", "to", "category", "description", "status", "source", "quote"], &mut errors);
    let categories = texts.categories.as_ref().and_then(|c| parse(c, &["id", "name"], &mut errors));
    let meta: Meta = match &texts.meta {
        Some((file, text)) => match serde_json::from_str(text) {
            Ok(m) => m,
            Err(e) => {
                errors.push(format!("{file}: {e}"));
                return (None, errors);
            }
        },
        None => Meta {
            title: "Untitled flow map".into(),
            subtitle: None,
            notes: None,
            credit: None,
            language: None,
            focus: Vec::new(),
        },
    };
    let (Some(locations), Some(sources), Some(flows)) = (locations, sources, flows) else { return (None, errors) };

    // Each item remembers its spreadsheet row, so the validator's paths can be translated.
    fn collect<T>(sheet: &Sheet, read: impl Fn(&Row) -> Result<T, CellError>, errors: &mut Vec<String>) -> Vec<(usize, T)> {
        sheet.rows().filter_map(|r| read(&r).map(|t| (r.number, t)).map_err(|e| errors.push(e.to_string())).ok()).collect()
    }
    let locs = collect(&locations, |r| location(r, &locations), &mut errors);
    let srcs = collect(&sources, source, &mut errors);
    let fls = collect(&flows, |r| flow(r, &flows), &mut errors);
    let cats: Vec<(usize, Category)> = match &categories {
        Some(sheet) => collect(sheet, |r| Ok(Category { id: r.get("id").into(), name: localized(r, sheet, "name") }), &mut errors),
        None => {
            let mut ids: Vec<&str> = fls.iter().map(|(_, f)| f.category.as_str()).collect();
            ids.dedup();
            let mut seen = std::collections::HashSet::new();
            ids.into_iter().filter(|id| seen.insert(*id)).map(|id| (0, Category { id: id.into(), name: id.into() })).collect()
        }
    };
    if !errors.is_empty() {
        return (None, errors);
    }
    let raw = RawDataset {
        schema: Some("flows.schema.json".into()),
        version: FORMAT_VERSION,
        meta,
        locations: locs.iter().map(|(_, l)| l.clone()).collect(),
        categories: cats.iter().map(|(_, c)| c.clone()).collect(),
        sources: srcs.iter().map(|(_, s)| s.clone()).collect(),
        flows: fls.iter().map(|(_, f)| f.clone()).collect(),
        events: Vec::new(),
    };
    let json = serde_json::to_string_pretty(&raw).expect("the model always serialises");
    let rows = |list: &str, i: usize| -> Option<(String, usize)> {
        let (file, n) = match list {
            "locations" => (&locations.file, locs.get(i)?.0),
            "sources" => (&sources.file, srcs.get(i)?.0),
            "flows" => (&flows.file, fls.get(i)?.0),
            "categories" => (categories.as_ref().map_or(&flows.file, |c| &c.file), cats.get(i)?.0),
            _ => return None,
        };
        Some((file.clone(), n))
    };
    let problems = Dataset::check(raw)
        .problems
        .into_iter()
        .map(|p| match sheet_position(&p.path).and_then(|(list, i, field)| rows(list, i).map(|r| (r, field))) {
            Some(((file, row), field)) if row > 0 => format!("{file}, row {row}, column \"{field}\": {}", p.message),
            _ => p.to_string(),
        })
        .collect();
    (Some(json), problems)
}

/// `flows[3].citations[0].source` → ("flows", 3, "source"): the list, index and column.
fn sheet_position(path: &str) -> Option<(&str, usize, String)> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let field = rest.trim_start_matches('.');
    let column = match field.split(['.', '[']).next().unwrap_or("") {
        "citations" => {
            let k: usize = field.split_once('[')?.1.split_once(']')?.0.parse().ok()?;
            let col = if field.ends_with("quote") { "quote" } else { "source" };
            if k == 0 { col.to_string() } else { format!("{col}_{}", k + 1) }
        }
        "value" => if field.ends_with("currency") { "currency" } else { "amount" }.to_string(),
        "point" => "lon".to_string(),
        "period" => "end".to_string(),
        other => other.to_string(),
    };
    Some((list, index.parse().ok()?, column))
}

#[cfg(test)]
mod test {
    use super::*;

    fn texts(flows: &str) -> Texts {
        Texts {
            locations: ("locations.csv".into(), "id,name,name_ru,lon,lat\nSRB,Serbia,Сербия,20.46,44.82\nUKR,Ukraine,,30.52,50.45\nCZE,Czechia,,,\n".into()),
            sources: ("sources.csv".into(), "id,outlet,cites,title,date,url,kind\nrks,RKS News,SVR,Claims,2025-06,,intelligence-claim\n".into()),
            flows: ("flows.csv".into(), flows.into()),
            categories: None,
            meta: None,
        }
    }

    const HEADER: &str = "id,from,to,via,category,amount,currency,qualifier,start,end,description,status,source,quote,source_2,quote_2\n";

    #[test]
    fn converts_a_good_sheet() {
        let flows = format!("{HEADER}f1,SRB,UKR,CZE,arms,\"71,100,000\",usd,at-least,2022-03,2023-07,Kits,alleged,rks,They said so.,,\n");
        let (json, problems) = convert(&texts(&flows));
        assert_eq!(problems, Vec::<String>::new());
        let d = Dataset::from_json("out.json", &json.unwrap()).unwrap();
        assert!(d.is_valid());
        let f = &d.raw.flows[0];
        assert_eq!(f.via, ["CZE"]);
        assert_eq!(f.value, FlowValue::Known(Money { amount: 71.1e6, currency: "USD".into(), qualifier: Some(Qualifier::AtLeast) }));
        assert_eq!(d.raw.locations[0].name.get("ru"), "Сербия");
        assert_eq!(d.raw.locations[2].point, None);
    }

    #[test]
    fn cell_errors_name_row_and_column() {
        let flows = format!("{HEADER}f1,SRB,UKR,,arms,12.5.3,EUR,,2022-13,,Kits,rumoured,rks,q,,\n");
        let (json, problems) = convert(&texts(&flows));
        assert!(json.is_none());
        assert_eq!(problems, ["flows.csv, row 2, column \"amount\": \"12.5.3\" is not a number (write 71100000 or 71,100,000)"]);
        let flows = format!("{HEADER}f1,SRB,UKR,,arms,,,,2022-13,,Kits,alleged,rks,q,,\n");
        let (_, problems) = convert(&texts(&flows));
        assert_eq!(problems, ["flows.csv, row 2, column \"start\": \"2022-13\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"]);
        let flows = format!("{HEADER}f1,SRB,UKR,,arms,,,,,,Kits,rumoured,rks,q,,\n");
        let (_, problems) = convert(&texts(&flows));
        assert!(problems[0].starts_with("flows.csv, row 2, column \"status\": \"rumoured\" is not one of"), "{problems:?}");
    }

    #[test]
    fn validator_problems_are_given_by_row() {
        let flows = format!(
            "{HEADER}f1,SRB,UKR,,arms,,,,,,Kits,alleged,rks,q,,\nf2,SRB,XXX,,arms,,,,,,Kits,alleged,rks,q,nope,q2\n"
        );
        let (json, problems) = convert(&texts(&flows));
        assert!(json.is_some(), "the data is kept whole");
        assert_eq!(problems, [
            "flows.csv, row 3, column \"to\": flow \"f2\" refers to location \"XXX\", which is not defined (flow not shown)",
            "flows.csv, row 3, column \"source_2\": flow \"f2\" refers to source \"nope\", which is not defined (flow not shown)",
        ]);
    }

    #[test]
    fn missing_columns_stop_the_conversion() {
        let (json, problems) = convert(&texts("id,from,to\nf1,SRB,UKR\n"));
        assert!(json.is_none());
        assert!(problems[0].starts_with("flows.csv, row 1, column \"category\": the header has no"), "{problems:?}");
    }
}
