//! CSV sheets → the dataset's JSON (format 2), with the validator's problems given by sheet row.
//!
//! Columns (header names; `_<lang>` variants such as `name_ru` add translations):
//! - locations: `id`, `name`, `lon`, `lat`
//! - categories (optional; else each flow's category id is its own name): `id`, `name`
//! - sources (publications): `id`, `outlet`, `title` (optional), `date`, `url`, `kind`
//! - speakers (optional): `id`, `name`, `kind`, `stake`, `plural` (`yes`/`no`). Without a
//!   speakers sheet each source is also a speaker with its id (named by a `cites` column if
//!   the sheet has one, else by its outlet), as in format 1.
//! - flows: `id`, `from`, `to`, `via` (`;`-separated), `category`, `amount` (empty or
//!   `undisclosed` when not given), `currency` or `unit`, `basis`, parts as `part_amount`,
//!   `part_what`, `part_amount_2`, `part_what_2`, …, the larger figure as `of_amount`,
//!   `of_what`, then `start`, `end`, `actors_from`, `actors_via`, `actors_to`
//!   (`;`-separated), `description`, `status`, `note`, and citations as `source`, `speaker`,
//!   `stance`, `quote`, `source_2`, `speaker_2`, `stance_2`, `quote_2`, …

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
    pub speakers: Option<String>,
    pub flows: Option<String>,
    pub categories: Option<String>,
    pub meta: Option<String>,
}

/// The sheets' texts, with their file names.
#[derive(Debug, Default)]
pub struct Texts {
    pub locations: (String, String),
    pub sources: (String, String),
    pub speakers: Option<(String, String)>,
    pub flows: (String, String),
    pub categories: Option<(String, String)>,
    pub meta: Option<(String, String)>,
}

impl Files {
    /// Reads every file with `read`; locations, sources and flows are required.
    pub fn read(
        self,
        read: impl Fn(&str) -> Result<String, crate::UsageError>,
    ) -> Result<Texts, crate::UsageError> {
        let need = |f: Option<String>, flag: &str| {
            f.ok_or_else(|| crate::UsageError::Arguments(format!("convert needs {flag} FILE.csv")))
        };
        let pair = |p: String| read(&p).map(|t| (p, t));
        let (l, s, f) = (
            need(self.locations, "--locations")?,
            need(self.sources, "--sources")?,
            need(self.flows, "--flows")?,
        );
        Ok(Texts {
            locations: pair(l)?,
            sources: pair(s)?,
            speakers: self.speakers.map(pair).transpose()?,
            flows: pair(f)?,
            categories: self.categories.map(pair).transpose()?,
            meta: self.meta.map(pair).transpose()?,
        })
    }
}

/// The lists one can choose from, as the messages give them.
const SOURCE_KINDS: &str =
    "customs-records, official-statement, intelligence-claim, news-estimate, news-report, analysis, dataset";
const SPEAKER_KINDS: &str =
    "records, official-data, government, intelligence, news-outlet, analyst, company, other";
const STANCES: &str = "claims, finds, confirms, estimates, acknowledges, denies, disputes";
const STATUSES: &str = "documented, reported, alleged, denied, unverified";
const BASES: &str = "total, minimum, estimate, part";

/// The column of the `k`th repeat of a column group: `source`, `source_2`, `source_3`, …
fn nth(column: &str, k: usize) -> String {
    if k == 1 {
        column.to_string()
    } else {
        format!("{column}_{k}")
    }
}

/// Text in `column` with its `column_<lang>` translations. A suffix that starts with a digit
/// is a repeat (`part_what_2`), not a language.
fn localized(row: &Row, sheet: &Sheet, column: &str) -> Localized {
    let prefix = format!("{column}_");
    let mut by_lang: BTreeMap<String, String> = sheet
        .columns_with_prefix(&prefix)
        .filter(|c| !c[prefix.len()..].starts_with(|ch: char| ch.is_ascii_digit()))
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

/// Parses a kebab-case enum cell through its serde names; `hint` is added to the message.
fn choice_with<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: &str,
    allowed: &str,
    hint: &str,
) -> Result<T, CellError> {
    let v = row.get(column);
    if v.is_empty() {
        return Err(row.error(column, format!("this cell is empty; write one of: {allowed}")));
    }
    serde_json::from_value(serde_json::Value::String(v.into()))
        .map_err(|_| row.error(column, format!("\"{v}\" is not one of: {allowed}{hint}")))
}

fn choice<T: serde::de::DeserializeOwned>(
    row: &Row,
    column: &str,
    allowed: &str,
) -> Result<T, CellError> {
    choice_with(row, column, allowed, "")
}

fn date(row: &Row, column: &str) -> Result<Option<PartialDate>, CellError> {
    row.optional(column)
        .map(|v| {
            v.parse().map_err(|e: flowmap_core::date::DateError| row.error(column, e.to_string()))
        })
        .transpose()
}

/// "71100000", "71,100,000" or "71100000.5"; thousands separators must be regular.
fn number(row: &Row, column: &str) -> Result<f64, CellError> {
    let v = row.get(column);
    let bad =
        || row.error(column, format!("\"{v}\" is not a number (write 71100000 or 71,100,000)"));
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let regular = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !regular {
        return Err(bad());
    }
    let plain =
        if frac.is_empty() { groups.concat() } else { format!("{}.{frac}", groups.concat()) };
    plain.parse().map_err(|_| bad())
}

/// `yes`/`no` (also `true`/`false`, `1`/`0`, `y`/`n`); empty is no.
fn yes_no(row: &Row, column: &str) -> Result<bool, CellError> {
    match row.get(column).to_ascii_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" => Ok(true),
        v => Err(row.error(column, format!("\"{v}\" is not yes or no"))),
    }
}

fn location(row: &Row, sheet: &Sheet) -> Result<Location, CellError> {
    let point = match (row.optional("lon"), row.optional("lat")) {
        (None, None) => None,
        (Some(_), Some(_)) => Some([number(row, "lon")?, number(row, "lat")?]),
        _ => {
            return Err(row.error(
                if row.optional("lon").is_none() { "lon" } else { "lat" },
                "give both lon and lat, or neither".into(),
            ))
        }
    };
    Ok(Location { id: row.get("id").into(), name: localized(row, sheet, "name"), point })
}

fn source(row: &Row) -> Result<Source, CellError> {
    Ok(Source {
        id: row.get("id").into(),
        outlet: row.get("outlet").into(),
        title: row.optional("title").map(String::from),
        date: date(row, "date")?,
        url: row.optional("url").map(String::from),
        kind: choice(row, "kind", SOURCE_KINDS)?,
    })
}

fn speaker(row: &Row, sheet: &Sheet) -> Result<Speaker, CellError> {
    Ok(Speaker {
        id: row.get("id").into(),
        name: localized(row, sheet, "name"),
        kind: choice(row, "kind", SPEAKER_KINDS)?,
        stake: row.optional("stake").map(|_| localized(row, sheet, "stake")),
        plural: yes_no(row, "plural")?,
    })
}

/// The speaker a source is when no speakers sheet is given: as format 1 read it, the body
/// in its `cites` cell (else its outlet), of the kind its publication implies.
fn speaker_of_source(row: &Row, s: &Source) -> Speaker {
    let kind = flowmap_core::migrate::speaker_kind(s.kind);
    let name = row.optional("cites").unwrap_or(s.outlet.get("en"));
    Speaker {
        id: s.id.clone(),
        name: Localized::Plain(name.into()),
        kind,
        stake: None,
        plural: false,
    }
}

/// The columns that describe a stated figure, in the order of the sheet's documentation.
fn value_columns(sheet: &Sheet) -> Vec<String> {
    let mut cols: Vec<String> =
        ["currency", "unit", "basis", "of_amount", "of_what"].map(String::from).into();
    for k in 1.. {
        let (a, w) = (nth("part_amount", k), nth("part_what", k));
        if !sheet.has(&a) && !sheet.has(&w) {
            break;
        }
        cols.extend([a, w]);
    }
    cols
}

/// A part or whole figure from `amount_col` and `what_col`; `None` when both are empty.
fn part(
    row: &Row,
    sheet: &Sheet,
    amount_col: &str,
    what_col: &str,
) -> Result<Option<Part>, CellError> {
    match (row.optional(amount_col), row.optional(what_col)) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(row.error(
            amount_col,
            format!("\"{what_col}\" says what a figure is; write its amount here"),
        )),
        (Some(_), _) => Ok(Some(Part {
            amount: number(row, amount_col)?,
            what: localized(row, sheet, what_col),
        })),
    }
}

fn value(row: &Row, sheet: &Sheet) -> Result<FlowValue, CellError> {
    let amount = row.get("amount");
    if amount.is_empty() || amount.eq_ignore_ascii_case("undisclosed") {
        if let Some(col) = value_columns(sheet).into_iter().find(|c| row.optional(c).is_some()) {
            return Err(row.error(
                &col,
                "the amount is undisclosed, so there is no figure for this cell to describe; write the amount, or empty this cell".into(),
            ));
        }
        return Ok(FlowValue::Undisclosed(Undisclosed::Undisclosed));
    }
    let mut parts = Vec::new();
    for k in 1.. {
        let (a, w) = (nth("part_amount", k), nth("part_what", k));
        if !sheet.has(&a) && !sheet.has(&w) {
            break;
        }
        parts.extend(part(row, sheet, &a, &w)?);
    }
    Ok(FlowValue::Known(Quantity {
        amount: number(row, "amount")?,
        currency: row.optional("currency").map(str::to_ascii_uppercase),
        unit: row.optional("unit").map(String::from),
        basis: match row.optional("basis") {
            Some(_) => choice(row, "basis", BASES)?,
            None => Basis::Total,
        },
        parts,
        of: part(row, sheet, "of_amount", "of_what")?,
    }))
}

/// The citations of a row: `source`, `speaker`, `stance`, `quote`, then the same with `_2`, …
/// An empty speaker is the source itself when there is no speakers sheet.
fn citations(
    row: &Row,
    sheet: &Sheet,
    speakers_sheet: Option<&str>,
) -> Result<Vec<Citation>, CellError> {
    let mut out = Vec::new();
    for k in 1.. {
        let [s, p, st, q] = ["source", "speaker", "stance", "quote"].map(|c| nth(c, k));
        if ![&s, &p, &st, &q].iter().any(|c| sheet.has(c)) {
            break;
        }
        let cells = [&s, &p, &st, &q].map(|c| row.optional(c));
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let Some(source) = cells[0] else {
            let filled = [&p, &st, &q][cells[1..].iter().position(Option::is_some).unwrap_or(0)];
            return Err(row.error(&s, format!("a citation (\"{filled}\") needs the id of its publication here, a row of the sources sheet")));
        };
        let speaker = match (cells[1], speakers_sheet) {
            (Some(id), _) => id.to_string(),
            (None, None) => source.to_string(),
            (None, Some(file)) => {
                return Err(row.error(
                    &p,
                    format!("name the speaker of this quote: the id of a row of {file} (who says it, not the outlet reporting it)"),
                ))
            }
        };
        let hint = " (format 1's \"supports\" is now \"claims\", or finds, confirms, estimates, acknowledges where that is what the speaker does)";
        let stance =
            choice_with(row, &st, STANCES, if row.get(&st) == "supports" { hint } else { "" })?;
        out.push(Citation {
            source: source.into(),
            speaker,
            stance,
            quote: cells[3].unwrap_or("").into(),
        });
    }
    Ok(out)
}

fn flow(row: &Row, sheet: &Sheet, speakers_sheet: Option<&str>) -> Result<Flow, CellError> {
    let value = value(row, sheet)?;
    let (start, end) = (date(row, "start")?, date(row, "end")?);
    Ok(Flow {
        id: row.get("id").into(),
        from: row.get("from").into(),
        to: row.get("to").into(),
        via: row.list("via"),
        category: row.get("category").into(),
        value,
        period: (start.is_some() || end.is_some()).then_some(Period { start, end }),
        actors: Actors {
            from: row.list("actors_from").into_iter().map(Localized::Plain).collect(),
            via: row.list("actors_via").into_iter().map(Localized::Plain).collect(),
            to: row.list("actors_to").into_iter().map(Localized::Plain).collect(),
        },
        description: localized(row, sheet, "description"),
        status: choice(row, "status", STATUSES)?,
        citations: citations(row, sheet, speakers_sheet)?,
        note: row.optional("note").map(|_| localized(row, sheet, "note")),
    })
}

/// An error in the header (row 1) of `sheet`, at `column`.
fn header_error(sheet: &Sheet, column: &str, message: String) -> String {
    CellError { file: sheet.file.clone(), row: Some(1), column: Some(column.into()), message }
        .to_string()
}

/// What `convert` produced.
#[derive(Debug, Default)]
pub struct Converted {
    /// The dataset, when every row could be read (the validator's problems are then
    /// reported but the data is kept whole).
    pub json: Option<String>,
    /// Every problem, in the sheets' terms.
    pub problems: Vec<String>,
    /// Things to know that are not problems.
    pub notes: Vec<String>,
}

/// Converts the sheets.
pub fn convert(texts: &Texts) -> Converted {
    let mut errors: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    // A sheet with its required columns; `format1` lists columns from format 1 whose
    // meaning would be lost, with what to do instead.
    let parse = |(file, text): &(String, String),
                 required: &[&str],
                 format1: &[(&str, String)],
                 errors: &mut Vec<String>|
     -> Option<Sheet> {
        match Sheet::parse(file, text) {
            Ok(s) => {
                let before = errors.len();
                errors.extend(
                    s.missing_columns(required).iter().map(std::string::ToString::to_string),
                );
                for (column, message) in format1.iter().filter(|(c, _)| s.has(c)) {
                    errors.push(header_error(&s, column, message.clone()));
                }
                (errors.len() == before).then_some(s)
            }
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        }
    };
    let speakers_file = texts.speakers.as_ref().map(|(f, _)| f.as_str());
    let speakers =
        texts.speakers.as_ref().and_then(|s| parse(s, &["id", "name", "kind"], &[], &mut errors));
    let locations = parse(&texts.locations, &["id", "name"], &[], &mut errors);
    let cites = speakers_file.map(|file| {
        ("cites", format!(
            "this column is from format 1; with a speakers sheet ({file}), name the speaker of each quote in the flows sheet's \"speaker\" columns and leave this column out"
        ))
    });
    let sources = parse(&texts.sources, &["id", "outlet", "kind"], cites.as_slice(), &mut errors);
    let mut flow_columns =
        vec!["id", "from", "to", "category", "description", "status", "source", "stance", "quote"];
    if speakers_file.is_some() {
        flow_columns.push("speaker");
    }
    let qualifier = (
        "qualifier",
        "this column is from format 1; write a \"basis\" column instead (at-least is now minimum, about is estimate)".to_string(),
    );
    let flows = parse(&texts.flows, &flow_columns, &[qualifier], &mut errors);
    let categories =
        texts.categories.as_ref().and_then(|c| parse(c, &["id", "name"], &[], &mut errors));
    let meta: Meta = match &texts.meta {
        Some((file, text)) => match serde_json::from_str(text) {
            Ok(m) => m,
            Err(e) => {
                errors.push(format!("{file}: {e}"));
                return Converted { json: None, problems: errors, notes };
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
    let (Some(locations), Some(sources), Some(flows)) = (locations, sources, flows) else {
        return Converted { json: None, problems: errors, notes };
    };
    if texts.speakers.is_some() && speakers.is_none() {
        return Converted { json: None, problems: errors, notes };
    }

    // Each item remembers its spreadsheet row, so the validator's paths can be translated.
    fn collect<T>(
        sheet: &Sheet,
        read: impl Fn(&Row) -> Result<T, CellError>,
        errors: &mut Vec<String>,
    ) -> Vec<(usize, T)> {
        sheet
            .rows()
            .filter_map(|r| {
                read(&r).map(|t| (r.number, t)).map_err(|e| errors.push(e.to_string())).ok()
            })
            .collect()
    }
    let locs = collect(&locations, |r| location(r, &locations), &mut errors);
    let srcs = collect(&sources, |r| source(r).map(|s| (speaker_of_source(r, &s), s)), &mut errors);
    let spks: Vec<(usize, Speaker)> = match &speakers {
        Some(sheet) => collect(sheet, |r| speaker(r, sheet), &mut errors),
        None => {
            notes.push(format!(
                "no speakers sheet (--speakers): each publication in {} is also the speaker of the quotes it is cited for, \
                 named by its \"cites\" cell or else its outlet; to quote several speakers from one article (an accusation \
                 and its denial), or to give a speaker's stake, add a speakers sheet",
                sources.file
            ));
            // A speaker column suggests the speakers sheet was forgotten.
            let named = flows.rows().any(|r| {
                flows.columns_with_prefix("speaker").any(|c| {
                    (c == "speaker" || c["speaker".len()..].starts_with('_'))
                        && r.optional(c).is_some()
                })
            });
            if named {
                notes.push(format!(
                    "{} names speakers, but without --speakers they can only be ids of rows of {}",
                    flows.file, sources.file
                ));
            }
            srcs.iter().map(|(n, (sp, _))| (*n, sp.clone())).collect()
        }
    };
    let fls = collect(&flows, |r| flow(r, &flows, speakers_file), &mut errors);
    let cats: Vec<(usize, Category)> = match &categories {
        Some(sheet) => collect(
            sheet,
            |r| Ok(Category { id: r.get("id").into(), name: localized(r, sheet, "name") }),
            &mut errors,
        ),
        None => {
            let mut seen = std::collections::HashSet::new();
            fls.iter()
                .map(|(_, f)| f.category.as_str())
                .filter(|id| seen.insert(*id))
                .map(|id| (0, Category { id: id.into(), name: id.into() }))
                .collect()
        }
    };
    if !errors.is_empty() {
        return Converted { json: None, problems: errors, notes };
    }
    let raw = RawDataset {
        schema: Some("flows.schema.json".into()),
        version: FORMAT_VERSION,
        meta,
        locations: locs.iter().map(|(_, l)| l.clone()).collect(),
        categories: cats.iter().map(|(_, c)| c.clone()).collect(),
        sources: srcs.iter().map(|(_, (_, s))| s.clone()).collect(),
        speakers: spks.iter().map(|(_, s)| s.clone()).collect(),
        flows: fls.iter().map(|(_, f)| f.clone()).collect(),
        events: Vec::new(),
    };
    let json = crate::json::to_pretty(&raw);
    // The sheet, spreadsheet row and column of item `i` of `list`, field `field`.
    let cell = |list: &str, i: usize, field: &str| -> Option<(String, usize, String)> {
        let (sheet, n) = match list {
            "locations" => (&locations, locs.get(i)?.0),
            "sources" => (&sources, srcs.get(i)?.0),
            "speakers" => match &speakers {
                Some(s) => (s, spks.get(i)?.0),
                // A speaker made from a source: its name is the source's cites or outlet.
                None => {
                    let col = if field == "name" {
                        if sources.has("cites") {
                            "cites"
                        } else {
                            "outlet"
                        }
                    } else {
                        field
                    };
                    return Some((sources.file.clone(), spks.get(i)?.0, col.into()));
                }
            },
            "flows" => (&flows, fls.get(i)?.0),
            "categories" => (categories.as_ref()?, cats.get(i)?.0),
            _ => return None,
        };
        Some((sheet.file.clone(), n, field.into()))
    };
    let meta_file = texts.meta.as_ref().map(|(f, _)| f.as_str());
    let problems = Dataset::check(raw)
        .problems
        .into_iter()
        .map(|p| {
            let path = p.path.to_string();
            if let (Some(file), Some(rest)) = (meta_file, path.strip_prefix("meta.")) {
                return format!("{file}, at {rest}: {}", p.message);
            }
            match sheet_position(&path).and_then(|(list, i, field)| cell(list, i, &field)) {
                Some((file, row, column)) if row > 0 => {
                    format!("{file}, row {row}, column \"{column}\": {}", p.message)
                }
                _ => p.to_string(),
            }
        })
        .collect();
    Converted { json: Some(json), problems, notes }
}

/// `flows[3].citations[1].speaker` → ("flows", 3, "speaker_2"): the list, index and column.
fn sheet_position(path: &str) -> Option<(&str, usize, String)> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let field = rest.trim_start_matches('.');
    // The number in the first `[…]` of `s`, plus one: the column suffix.
    let k = |s: &str| -> Option<usize> {
        s.split_once('[')?.1.split_once(']')?.0.parse::<usize>().ok().map(|j| j + 1)
    };
    let column = match field.split(['.', '[']).next().unwrap_or("") {
        "citations" if field == "citations" => "source".to_string(),
        "citations" => {
            let col = ["source", "speaker", "stance", "quote"]
                .into_iter()
                .find(|c| field.ends_with(c))
                .unwrap_or("source");
            nth(col, k(field)?)
        }
        "value" => match field.strip_prefix("value").unwrap_or("") {
            "" => "currency".to_string(),
            ".of" | ".of.amount" => "of_amount".to_string(),
            ".of.what" => "of_what".to_string(),
            p if p.starts_with(".parts[") => {
                nth(if p.ends_with("what") { "part_what" } else { "part_amount" }, k(p)?)
            }
            p => p.trim_start_matches('.').to_string(),
        },
        "point" => "lon".to_string(),
        "period" => "end".to_string(),
        other => other.to_string(),
    };
    Some((list, index.parse().ok()?, column))
}

#[cfg(test)]
mod test {
    use super::*;

    const LOCATIONS: &str = "id,name,name_ru,lon,lat\nSRB,Serbia,Сербия,20.46,44.82\nUKR,Ukraine,,30.52,50.45\nCZE,Czechia,,,\n";
    const SOURCES: &str = "id,outlet,title,date,url,kind\nrks,RKS News,Claims,2025-06,,news-report\nan,An analysis,,,,analysis\n";
    const SPEAKERS: &str = "id,name,name_ru,kind,stake,plural\n\
        svr,Russia's SVR,СВР,intelligence,a party to the war,\n\
        belgrade,Officials in Belgrade,,government,the accused,yes\n";

    fn texts(flows: &str) -> Texts {
        Texts {
            locations: ("locations.csv".into(), LOCATIONS.into()),
            sources: ("sources.csv".into(), SOURCES.into()),
            speakers: Some(("speakers.csv".into(), SPEAKERS.into())),
            flows: ("flows.csv".into(), flows.into()),
            categories: None,
            meta: None,
        }
    }

    const HEADER: &str = "id,from,to,via,category,amount,currency,unit,basis,part_amount,part_what,part_amount_2,part_what_2,of_amount,of_what,start,end,description,status,source,speaker,stance,quote,source_2,speaker_2,stance_2,quote_2\n";

    /// A flows row from the header's columns, the others empty.
    fn row(cells: &[(&str, &str)]) -> String {
        let header: Vec<&str> = HEADER.trim().split(',').collect();
        let get = |c: &str| cells.iter().find(|(k, _)| *k == c).map_or("", |(_, v)| *v);
        let base = [
            ("id", "f1"),
            ("from", "SRB"),
            ("to", "UKR"),
            ("category", "arms"),
            ("description", "Kits"),
            ("status", "alleged"),
            ("source", "rks"),
            ("speaker", "svr"),
            ("stance", "claims"),
            ("quote", "They said so."),
        ];
        let cell = |c: &str| {
            let v = if cells.iter().any(|(k, _)| *k == c) {
                get(c)
            } else {
                base.iter().find(|(k, _)| *k == c).map_or("", |(_, v)| *v)
            };
            if v.contains(',') {
                format!("\"{v}\"")
            } else {
                v.to_string()
            }
        };
        header.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\n"
    }

    fn converted(rows: &[String]) -> Converted {
        convert(&texts(&format!("{HEADER}{}", rows.concat())))
    }

    fn dataset(c: &Converted) -> Dataset {
        Dataset::from_json("out.json", c.json.as_ref().expect("written")).unwrap()
    }

    #[test]
    fn converts_speakers_stances_and_a_denial_in_the_same_article() {
        let c = converted(&[row(&[
            ("via", "CZE"),
            ("source_2", "rks"),
            ("speaker_2", "belgrade"),
            ("stance_2", "disputes"),
            ("quote_2", "No control."),
        ])]);
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.notes, Vec::<String>::new());
        let d = dataset(&c);
        assert!(d.is_valid(), "{:?}", d.problems);
        assert_eq!(d.read_version, 2);
        let f = &d.raw.flows[0];
        assert_eq!(f.via, ["CZE"]);
        assert_eq!(f.value, FlowValue::Undisclosed(Undisclosed::Undisclosed));
        let cited: Vec<_> =
            f.citations.iter().map(|c| (c.source.as_str(), c.speaker.as_str(), c.stance)).collect();
        assert_eq!(cited, [("rks", "svr", Stance::Claims), ("rks", "belgrade", Stance::Disputes)]);
        assert_eq!(d.raw.speakers[0].name.get("ru"), "СВР");
        assert_eq!(d.raw.speakers[0].stake, Some(Localized::Plain("a party to the war".into())));
        assert!(d.raw.speakers[1].plural && !d.raw.speakers[0].plural);
        assert_eq!(d.raw.sources[1].title, None);
        assert_eq!(d.raw.locations[0].name.get("ru"), "Сербия");
        assert_eq!(d.raw.locations[2].point, None);
    }

    #[test]
    fn converts_money_units_bases_and_parts() {
        let c = converted(&[
            row(&[
                ("amount", "143,900,000"),
                ("currency", "usd"),
                ("part_amount", "54,300,000"),
                ("part_what", "electronics"),
                ("part_amount_2", "1000"),
                ("part_what_2", "other"),
                ("status", "documented"),
                ("source", "rks"),
                ("speaker", "svr"),
                ("stance", "confirms"),
            ]),
            row(&[
                ("id", "f2"),
                ("amount", "1000000"),
                ("unit", "rounds"),
                ("basis", "estimate"),
                ("status", "alleged"),
            ]),
            row(&[
                ("id", "f3"),
                ("amount", "6.3e6"),
                ("currency", "USD"),
                ("basis", "part"),
                ("of_amount", "18000000"),
                ("of_what", "all exports"),
            ]),
        ]);
        let d = dataset(&c);
        let values: Vec<_> = d.raw.flows.iter().map(|f| f.value.known().unwrap().clone()).collect();
        assert_eq!(values[0].amount, 143.9e6);
        assert_eq!(values[0].currency.as_deref(), Some("USD"));
        assert_eq!(
            values[0].parts.iter().map(|p| (p.amount, p.what.get("en"))).collect::<Vec<_>>(),
            [(54.3e6, "electronics"), (1000.0, "other")]
        );
        assert_eq!((values[1].unit.as_deref(), values[1].basis), (Some("rounds"), Basis::Estimate));
        assert_eq!(values[2].basis, Basis::Part);
        assert_eq!(
            values[2].of.as_ref().map(|o| (o.amount, o.what.get("en"))),
            Some((18e6, "all exports"))
        );
        // The record's speaker has a stake: "documented" is stronger than it allows.
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        assert!(c.problems[0].starts_with("flows.csv, row 2, column \"status\": flow \"f1\" is marked documented, but its citations allow at most reported"), "{:?}", c.problems);
    }

    #[test]
    fn cell_errors_name_row_and_column() {
        let one = |cells: &[(&str, &str)]| {
            let c = converted(&[row(cells)]);
            assert!(c.json.is_none());
            assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
            c.problems[0].clone()
        };
        assert_eq!(one(&[("amount", "12.5.3"), ("currency", "EUR")]), "flows.csv, row 2, column \"amount\": \"12.5.3\" is not a number (write 71100000 or 71,100,000)");
        assert_eq!(one(&[("start", "2022-13")]), "flows.csv, row 2, column \"start\": \"2022-13\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        assert!(one(&[("status", "rumoured")]).starts_with(
            "flows.csv, row 2, column \"status\": \"rumoured\" is not one of: documented"
        ));
        assert!(one(&[("stance", "supports")]).contains("column \"stance\": \"supports\" is not one of: claims, finds, confirms, estimates, acknowledges, denies, disputes (format 1's \"supports\" is now \"claims\""));
        assert!(one(&[("stance", "")]).starts_with(
            "flows.csv, row 2, column \"stance\": this cell is empty; write one of: claims"
        ));
        assert!(one(&[("speaker", "")]).starts_with("flows.csv, row 2, column \"speaker\": name the speaker of this quote: the id of a row of speakers.csv"));
        assert!(one(&[("speaker_2", "belgrade")]).starts_with("flows.csv, row 2, column \"source_2\": a citation (\"speaker_2\") needs the id of its publication"));
        assert!(one(&[("amount", "5"), ("currency", "EUR"), ("basis", "about")]).starts_with("flows.csv, row 2, column \"basis\": \"about\" is not one of: total, minimum, estimate, part"), );
        assert!(one(&[("part_what", "x")])
            .starts_with("flows.csv, row 2, column \"part_what\": the amount is undisclosed"));
        assert!(one(&[("amount", "5"), ("currency", "EUR"), ("part_what_2", "x")]).starts_with(
            "flows.csv, row 2, column \"part_amount_2\": \"part_what_2\" says what a figure is"
        ));
    }

    #[test]
    fn speaker_errors_name_their_row() {
        let mut t = texts(&format!("{HEADER}{}", row(&[])));
        t.speakers = Some((
            "speakers.csv".into(),
            "id,name,kind,plural\nsvr,SVR,spy agency,\nx,X,other,maybe\n".into(),
        ));
        let c = convert(&t);
        assert!(c.json.is_none());
        assert!(c.problems[0].starts_with("speakers.csv, row 2, column \"kind\": \"spy agency\" is not one of: records, official-data"), "{:?}", c.problems);
        assert_eq!(
            c.problems[1],
            "speakers.csv, row 3, column \"plural\": \"maybe\" is not yes or no"
        );
    }

    #[test]
    fn validator_problems_are_given_by_row_and_column() {
        let c = converted(&[
            row(&[]),
            row(&[
                ("id", "f2"),
                ("to", "XXX"),
                ("source_2", "nope"),
                ("speaker_2", "nobody"),
                ("stance_2", "claims"),
                ("quote_2", "q2"),
            ]),
            row(&[("id", "f3"), ("amount", "5"), ("currency", "EUR"), ("unit", "tonnes")]),
            row(&[
                ("id", "f4"),
                ("amount", "5"),
                ("currency", "EUR"),
                ("part_amount", "9"),
                ("part_what", "most"),
            ]),
            row(&[("id", "f5"), ("amount", "5"), ("currency", "EUR"), ("basis", "part")]),
            row(&[
                ("id", "f6"),
                ("source_2", "rks"),
                ("speaker_2", "svr"),
                ("stance_2", "denies"),
                ("quote_2", "No."),
            ]),
        ]);
        assert!(c.json.is_some(), "the data is kept whole");
        assert_eq!(c.problems, [
            "flows.csv, row 3, column \"to\": flow \"f2\" refers to location \"XXX\", which is not defined (flow not shown)",
            "flows.csv, row 3, column \"source_2\": flow \"f2\" refers to source \"nope\", which is not defined (flow not shown)",
            "flows.csv, row 3, column \"speaker_2\": flow \"f2\" refers to speaker \"nobody\", which is not defined (flow not shown)",
            "flows.csv, row 4, column \"currency\": flow \"f3\" gives both a currency and a unit; give either a currency or a unit (money in a currency, anything else in a unit such as tonnes) (flow not shown)",
            "flows.csv, row 5, column \"part_amount\": flow \"f4\" has a part (9) larger than its value (5); a part is included in the value (flow not shown)",
            "flows.csv, row 6, column \"of_amount\": flow \"f5\" has basis \"part\" but does not say what it is part of; add \"of\" with the larger figure (flow not shown)",
            "flows.csv, row 7, column \"speaker_2\": in flow \"f6\", speaker \"svr\" both supports the flow and denies it; name the speaker of the denial (a denial usually comes from the accused, not from the accuser); the flow is shown as marked",
        ]);
    }

    #[test]
    fn without_a_speakers_sheet_each_source_speaks_for_itself() {
        let mut t = texts("id,from,to,category,description,status,source,stance,quote\nf1,SRB,UKR,arms,Kits,alleged,rks,claims,q\n");
        t.speakers = None;
        t.sources.1 =
            "id,outlet,cites,title,kind\nrks,RKS News,Russia's SVR,T,intelligence-claim\n".into();
        let c = convert(&t);
        assert_eq!(c.problems, Vec::<String>::new());
        assert!(c.notes[0].starts_with("no speakers sheet (--speakers): each publication in sources.csv is also the speaker"), "{:?}", c.notes);
        let d = dataset(&c);
        assert_eq!(d.raw.speakers[0].name.get("en"), "Russia's SVR");
        assert_eq!(d.raw.speakers[0].kind, SpeakerKind::Intelligence);
        assert_eq!(d.raw.flows[0].citations[0].speaker, "rks");
        assert_eq!(c.notes.len(), 1, "{:?}", c.notes);
        // A speaker column without a speakers sheet gets a note.
        let mut named = t
            .flows
            .1
            .replace(",stance,", ",speaker,stance,")
            .replace(",rks,claims,", ",rks,svr,claims,");
        std::mem::swap(&mut t.flows.1, &mut named);
        let c = convert(&t);
        assert_eq!(c.notes[1], "flows.csv names speakers, but without --speakers they can only be ids of rows of sources.csv");
        assert!(
            c.problems[0].contains(
                "column \"speaker\": flow \"f1\" refers to speaker \"svr\", which is not defined"
            ),
            "{:?}",
            c.problems
        );
        std::mem::swap(&mut t.flows.1, &mut named);
        // Its problems point at the sources sheet.
        t.sources.1 = "id,outlet,title,kind\nrks,,T,intelligence-claim\n".into();
        let p = convert(&t).problems;
        assert_eq!(p[1], "sources.csv, row 2, column \"outlet\": the name of speaker \"rks\" is empty; write the text shown to readers", "{p:?}");
    }

    #[test]
    fn format_1_columns_are_named() {
        let mut t = texts(&format!("{HEADER}{}", row(&[])).replacen("basis", "qualifier", 1));
        t.sources.1 = "id,outlet,cites,title,kind\nrks,RKS News,SVR,T,news-report\n".into();
        let c = convert(&t);
        assert!(c.json.is_none());
        assert!(c.problems[1].starts_with("flows.csv, row 1, column \"qualifier\": this column is from format 1; write a \"basis\" column"), "{:?}", c.problems);
        assert!(c.problems[0].starts_with("sources.csv, row 1, column \"cites\": this column is from format 1; with a speakers sheet (speakers.csv)"), "{:?}", c.problems);
    }

    #[test]
    fn missing_columns_stop_the_conversion() {
        let c = convert(&texts("id,from,to\nf1,SRB,UKR\n"));
        assert!(c.json.is_none());
        assert!(
            c.problems[0].starts_with("flows.csv, row 1, column \"category\": the header has no"),
            "{:?}",
            c.problems
        );
        assert!(
            c.problems.iter().any(|p| p.contains("column \"speaker\": the header has no")),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn meta_problems_name_the_meta_file() {
        let mut t = texts(&format!("{HEADER}{}", row(&[])));
        t.meta = Some(("meta.json".into(), r#"{"title": "T", "focus": ["SRB", "ATL"]}"#.into()));
        assert_eq!(convert(&t).problems, ["meta.json, at focus[1]: the map cannot focus on location \"ATL\", which is not defined; it is ignored"]);
    }
}
