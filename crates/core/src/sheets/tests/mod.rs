//! Conversions of small sheets, and the messages of what is wrong in them.

mod encodings;
mod words;

use super::{SheetFile, Sheets};
use crate::dataset::Dataset;
use crate::model::RawDataset;
use crate::model::{Basis, FlowValue, SpeakerKind, Stance, Undisclosed};
use crate::text::Localized;

const LOCATIONS: &str = "id,name,name_ru,lon,lat,other_names\nSRB,Serbia,Сербия,20.46,44.82,Republic of Serbia; Srbija\nUKR,Ukraine,,30.52,50.45,\nCZE,Czechia,,,,\n";
const SOURCES: &str = "id,outlet,title,date,url,kind\nrks,RKS News,Claims,2025-06,,news-report\nan,An analysis,,,,analysis\n";
const SPEAKERS: &str = "id,name,name_ru,kind,stake,plural\n\
    svr,Russia's SVR,СВР,intelligence,a party to the war,\n\
    belgrade,Officials in Belgrade,,government,the accused,yes\n";

fn texts(flows: &str) -> Sheets {
    Sheets {
        locations: SheetFile::new("locations.csv", LOCATIONS),
        sources: SheetFile::new("sources.csv", SOURCES),
        speakers: Some(SheetFile::new("speakers.csv", SPEAKERS)),
        flows: SheetFile::new("flows.csv", flows),
        categories: None,
        meta: None,
    }
}

/// What [`super::convert`] made of the sheets, its messages as printed.
struct Converted {
    dataset: Option<RawDataset>,
    problems: Vec<String>,
    warnings: Vec<String>,
    notes: Vec<String>,
}

fn convert(sheets: &Sheets) -> Converted {
    let c = super::convert(sheets);
    let strings = |ps: &[super::SheetProblem]| ps.iter().map(ToString::to_string).collect();
    Converted {
        problems: strings(&c.problems),
        warnings: strings(&c.warnings),
        dataset: c.dataset,
        notes: c.notes,
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
    Dataset::check(c.dataset.clone().expect("written"))
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
    assert_eq!(d.raw.locations[0].other_names, ["Republic of Serbia", "Srbija"]);
    assert!(d.raw.locations[1].other_names.is_empty());
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
        assert!(c.dataset.is_none(), "{cells:?}");
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        c.problems[0].clone()
    };
    assert_eq!(one(&[("amount", "12.5.3"), ("currency", "EUR")]), "flows.csv, row 2, column \"amount\": \"12.5.3\" is not a number (write 71100000 or 71,100,000)");
    // Found by fuzzing: these were read as numbers and written to the dataset as null.
    for (v, why) in
        [("NaN", "is not a number"), ("inf", "is not a number"), ("1e400", "is too large a number")]
    {
        let p = one(&[("amount", v), ("currency", "EUR")]);
        assert!(
            p.starts_with(&format!("flows.csv, row 2, column \"amount\": \"{v}\" {why}")),
            "{p}"
        );
    }
    let long = "ж".repeat(crate::limits::MAX_TEXT_CHARS + 1);
    assert_eq!(one(&[("description", &long)]), "flows.csv, row 2, column \"description\": this cell holds 100001 characters; the map accepts texts of up to 100000");
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
    t.speakers = Some(SheetFile::new(
        "speakers.csv",
        "id,name,kind,plural\nsvr,SVR,spy agency,\nx,X,other,maybe\n",
    ));
    let c = convert(&t);
    assert!(c.dataset.is_none());
    assert!(c.problems[0].starts_with("speakers.csv, row 2, column \"kind\": \"spy agency\" is not one of: records, official-data"), "{:?}", c.problems);
    assert_eq!(c.problems[1], "speakers.csv, row 3, column \"plural\": \"maybe\" is not yes or no");
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
    assert!(c.dataset.is_some(), "the data is kept whole");
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
    t.sources = SheetFile::new(
        "sources.csv",
        "id,outlet,cites,title,kind\nrks,RKS News,Russia's SVR,T,intelligence-claim\n",
    );
    let c = convert(&t);
    assert_eq!(c.problems, Vec::<String>::new());
    assert!(
        c.notes[0].starts_with(
            "no speakers sheet (--speakers): each publication in sources.csv is also the speaker"
        ),
        "{:?}",
        c.notes
    );
    let d = dataset(&c);
    assert_eq!(d.raw.speakers[0].name.get("en"), "Russia's SVR");
    assert_eq!(d.raw.speakers[0].kind, SpeakerKind::Intelligence);
    assert_eq!(d.raw.flows[0].citations[0].speaker, "rks");
    assert_eq!(c.notes.len(), 1, "{:?}", c.notes);
    // A speaker column without a speakers sheet gets a note.
    let named = String::from_utf8(t.flows.bytes.clone())
        .unwrap()
        .replace(",stance,", ",speaker,stance,")
        .replace(",rks,claims,", ",rks,svr,claims,");
    let mut named = SheetFile::new("flows.csv", named);
    std::mem::swap(&mut t.flows, &mut named);
    let c = convert(&t);
    assert_eq!(c.notes[1], "flows.csv names speakers, but without --speakers they can only be ids of rows of sources.csv");
    assert!(
        c.problems[0].contains(
            "column \"speaker\": flow \"f1\" refers to speaker \"svr\", which is not defined"
        ),
        "{:?}",
        c.problems
    );
    std::mem::swap(&mut t.flows, &mut named);
    // Its problems point at the sources sheet.
    t.sources = SheetFile::new("sources.csv", "id,outlet,title,kind\nrks,,T,intelligence-claim\n");
    let p = convert(&t).problems;
    assert_eq!(p[1], "sources.csv, row 2, column \"outlet\": the name of speaker \"rks\" is empty; write the text shown to readers", "{p:?}");
}

#[test]
fn format_1_columns_are_named() {
    let mut t = texts(&format!("{HEADER}{}", row(&[])).replacen("basis", "qualifier", 1));
    t.sources = SheetFile::new(
        "sources.csv",
        "id,outlet,cites,title,kind\nrks,RKS News,SVR,T,news-report\n",
    );
    let c = convert(&t);
    assert!(c.dataset.is_none());
    assert!(c.problems[1].starts_with("flows.csv, row 1, column \"qualifier\": this column is from format 1; write a \"basis\" column"), "{:?}", c.problems);
    assert!(c.problems[0].starts_with("sources.csv, row 1, column \"cites\": this column is from format 1; with a speakers sheet (speakers.csv)"), "{:?}", c.problems);
}

#[test]
fn missing_columns_stop_the_conversion() {
    let c = convert(&texts("id,from,to\nf1,SRB,UKR\n"));
    assert!(c.dataset.is_none());
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
    t.meta = Some(SheetFile::new("meta.json", r#"{"title": "T", "focus": ["SRB", "ATL"]}"#));
    assert_eq!(convert(&t).problems, ["meta.json, at focus[1]: the map cannot focus on location \"ATL\", which is not defined; it is ignored"]);
}

#[test]
fn an_empty_citation_group_does_not_shift_the_columns_named() {
    let c = converted(&[row(&[
        ("source", ""),
        ("speaker", ""),
        ("stance", ""),
        ("quote", ""),
        ("source_2", "nope"),
        ("speaker_2", "svr"),
        ("stance_2", "claims"),
        ("quote_2", "q"),
    ])]);
    assert_eq!(c.problems, ["flows.csv, row 2, column \"source_2\": flow \"f1\" refers to source \"nope\", which is not defined (flow not shown)"]);
}

#[test]
fn an_empty_part_group_does_not_shift_the_columns_named() {
    let c = converted(&[row(&[
        ("amount", "5"),
        ("currency", "EUR"),
        ("part_amount_2", "9"),
        ("part_what_2", "most"),
    ])]);
    assert_eq!(c.problems, ["flows.csv, row 2, column \"part_amount_2\": flow \"f1\" has a part (9) larger than its value (5); a part is included in the value (flow not shown)"]);
}

/// The problems of converting `flows` with the other test sheets.
fn problems_of(flows: &str) -> Vec<String> {
    convert(&texts(flows)).problems
}

#[test]
fn rows_are_the_spreadsheet_rows_whatever_the_line_endings() {
    let lf = format!("{HEADER}{}{}", row(&[]), row(&[("id", "f2"), ("to", "XXX")]));
    let want = ["flows.csv, row 3, column \"to\": flow \"f2\" refers to location \"XXX\", which is not defined (flow not shown)"];
    assert_eq!(problems_of(&lf), want);
    assert_eq!(problems_of(&lf.replace('\n', "\r\n")), want);
}

#[test]
fn a_cell_on_several_lines_is_one_spreadsheet_row() {
    let lf = format!(
        "{HEADER}{}{}",
        row(&[("description", "Kits,\nand more")]),
        row(&[("id", "f2"), ("to", "XXX")])
    );
    let want = ["flows.csv, row 3, column \"to\": flow \"f2\" refers to location \"XXX\", which is not defined (flow not shown)"];
    assert_eq!(problems_of(&lf), want);
    assert_eq!(problems_of(&lf.replace('\n', "\r\n")), want);
}

/// What the map would refuse is a problem of the conversion too: a meta text over the text
/// limit (found by the review: the file converted, then the map refused it).
#[test]
fn a_meta_text_over_the_map_limit_is_a_problem() {
    let mut sheets = texts(&format!("{HEADER}{}", row(&[])));
    let notes = "n".repeat(crate::limits::MAX_TEXT_CHARS + 1);
    sheets.meta =
        Some(SheetFile::new("meta.json", format!("{{\"title\": \"T\", \"notes\": \"{notes}\"}}")));
    let c = super::convert(&sheets);
    let problems: Vec<String> = c.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["meta.json: at notes: a text of 100001 characters; the map accepts texts of up to 100000"]
    );
}

#[test]
fn a_dataset_row_names_its_series_instead_of_a_quote() {
    let sources = "id,outlet,url,kind\nstat,Statistics office,https://example.org/t,dataset\n";
    let speakers = "id,name,kind\nstat,Statistics office,official-data\n";
    let flows =
        "id,from,to,category,amount,unit,description,status,source,speaker,stance,quote,series\n\
                 f1,SRB,UKR,arms,12,flights,Flights,documented,stat,stat,finds,,Table 4\n\
                 f2,SRB,CZE,arms,3,flights,Flights,documented,stat,stat,finds,,\n";
    let mut sheets = texts(flows);
    sheets.sources = SheetFile::new("sources.csv", sources);
    sheets.speakers = Some(SheetFile::new("speakers.csv", speakers));
    let c = convert(&sheets);
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    assert!(
        c.problems[0].starts_with("flows.csv, row 3, column \"series\":")
            && c.problems[0].contains("without a quote or a series"),
        "{:?}",
        c.problems
    );
    let d = dataset(&c);
    assert_eq!(d.raw.flows.len(), 1);
    assert_eq!(d.raw.flows[0].citations[0].series.as_deref(), Some("Table 4"));
    assert_eq!(d.raw.flows[0].citations[0].quote, "");
}
