//! `convert` and `check-csv` as editors run them: sheets in any encoding and separator, problems
//! by sheet, row and column.

mod common;

use common::{read, run, stderr, stdout, Temp, ROOT};
use flowmap_core::dataset::Dataset;
use flowmap_core::model::{Basis, Stance};
use std::path::Path;
use std::process::Output;

/// What `convert` makes of `docs/examples/`; the schema test (`tests/schema/`) checks it.
const EXAMPLES_JSON: &str = "tests/fixtures/examples.json";

#[test]
fn convert_turns_the_example_sheets_into_a_valid_dataset() {
    let t = Temp::new("examples");
    let out = t.path("flows.json");
    let o = run(&[
        "convert",
        "--locations",
        "docs/examples/locations.csv",
        "--sources",
        "docs/examples/sources.csv",
        "--speakers",
        "docs/examples/speakers.csv",
        "--categories",
        "docs/examples/categories.csv",
        "--flows",
        "docs/examples/flows.csv",
        "--meta",
        "docs/examples/meta.json",
        "--out",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let o = run(&["validate", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let d = Dataset::from_json(&out, &text).unwrap();
    assert_eq!(d.read_version, 2);
    // One article, two speakers: the accusation and its dispute.
    let grad = &d.raw.flows[0].citations;
    let cited: Vec<_> =
        grad.iter().map(|c| (c.source.as_str(), c.speaker.as_str(), c.stance)).collect();
    assert_eq!(cited, [("rks", "svr", Stance::Claims), ("rks", "belgrade", Stance::Disputes)]);
    assert!(d.raw.speakers.iter().any(|s| s.id == "belgrade" && s.plural && s.stake.is_some()));
    let rounds =
        d.raw.flows.iter().find(|f| f.id == "srb-ukr-rounds").unwrap().value.known().unwrap();
    assert_eq!(
        (rounds.amount, rounds.unit.as_deref(), rounds.basis),
        (1e6, Some("rounds"), Basis::Estimate)
    );
    let kominvex =
        d.raw.flows.iter().find(|f| f.id == "srb-rus-kominvex").unwrap().value.known().unwrap();
    assert_eq!(kominvex.parts[0].amount, 54.3e6);
    // The copy the schema test reads is up to date (UPDATE_FIXTURES=1 rewrites it).
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(Path::new(ROOT).join(EXAMPLES_JSON), &text).unwrap();
    }
    assert!(
        read(EXAMPLES_JSON) == text,
        "{EXAMPLES_JSON} is not what convert makes of docs/examples/; run with UPDATE_FIXTURES=1"
    );
}

#[test]
fn convert_reports_cells_by_row_and_column_and_writes_nothing() {
    let t = Temp::new("bad-sheet");
    let flows = read("docs/examples/flows.csv").replacen(",claims,", ",supports,", 1);
    let flows = t.write("flows.csv", &flows);
    let out = t.path("out.json");
    let o = run(&[
        "convert",
        "--locations",
        "docs/examples/locations.csv",
        "--sources",
        "docs/examples/sources.csv",
        "--speakers",
        "docs/examples/speakers.csv",
        "--flows",
        &flows,
        "--out",
        &out,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "{flows}, row 2, column \"stance\": \"supports\" is not one of: claims, finds"
        )),
        "{err}"
    );
    assert!(err.ends_with("nothing written: fix the problems above\n"), "{err}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn convert_without_a_speakers_sheet_lets_each_source_speak_for_itself() {
    let t = Temp::new("no-speakers");
    let sources = t.write(
        "sources.csv",
        "id,outlet,cites,title,kind\nrks,RKS News,Russia's SVR,Claims,intelligence-claim\n",
    );
    let flows = t.write("flows.csv", "id,from,to,category,description,status,source,stance,quote\nf,SRB,UKR,arms,Kits,alleged,rks,claims,They sold kits.\n");
    let o = run(&[
        "convert",
        "--locations",
        "docs/examples/locations.csv",
        "--sources",
        &sources,
        "--flows",
        &flows,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("note: no speakers sheet (--speakers): each publication in"),
        "{}",
        stderr(&o)
    );
    let d = Dataset::from_json("stdout", &stdout(&o)).unwrap();
    assert_eq!(
        (d.raw.speakers[0].id.as_str(), d.raw.speakers[0].name.get("en")),
        ("rks", "Russia's SVR")
    );
    assert_eq!(d.raw.flows[0].citations[0].speaker, "rks");
}

/// The example sheets' flags, with `flows` for the flows sheet.
fn example_sheets(flows: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "--locations",
        "docs/examples/locations.csv",
        "--sources",
        "docs/examples/sources.csv",
        "--speakers",
        "docs/examples/speakers.csv",
        "--categories",
        "docs/examples/categories.csv",
        "--meta",
        "docs/examples/meta.json",
        "--flows",
    ]
    .map(String::from)
    .into();
    args.push(flows.into());
    args
}

fn run_with(command: &[&str], args: &[String]) -> Output {
    let all: Vec<&str> = command.iter().copied().chain(args.iter().map(String::as_str)).collect();
    run(&all)
}

/// `text` in UTF-16 with its byte-order mark and CRLF line ends, as Excel's "Unicode Text"
/// saves it (little-endian), or big-endian.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let units = std::iter::once(0xfeff).chain(text.encode_utf16());
    units.flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
}

/// A CSV text with its cells separated by tabs (the commas outside quotes replaced).
fn tab_separated(csv: &str) -> String {
    let mut quoted = false;
    csv.chars()
        .map(|c| match c {
            '"' => {
                quoted = !quoted;
                c
            }
            ',' if !quoted => '\t',
            _ => c,
        })
        .collect()
}

/// `text` in Windows-1252 (its letters all in it), as Excel's plain "CSV" saves it.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '’' => 0x92,
            '€' => 0x80,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 letter"),
        })
        .collect()
}

#[test]
fn convert_reads_utf16_sheets_separated_by_tabs() {
    let t = Temp::new("utf16");
    let flows =
        t.write_bytes("flows.txt", &utf16(&tab_separated(&read("docs/examples/flows.csv")), true));
    let speakers = t.write_bytes(
        "speakers.txt",
        &utf16(&tab_separated(&read("docs/examples/speakers.csv")), false),
    );
    let mut args = example_sheets(&flows);
    args[5] = speakers;
    let o = run_with(&["convert"], &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert!(stdout(&o) == read(EXAMPLES_JSON), "the same dataset as from the UTF-8 sheets");
    // Rows are the spreadsheet's: the second flow is row 3.
    let broken = read("docs/examples/flows.csv").replacen(",documented,", ",rumoured,", 1);
    let flows = t.write_bytes("broken.txt", &utf16(&tab_separated(&broken), true));
    let o = run_with(&["convert"], &example_sheets(&flows));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .starts_with(&format!("{flows}, row 3, column \"status\": \"rumoured\" is not one of")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn convert_reads_windows_1252_sheets_with_a_warning() {
    let t = Temp::new("cp1252");
    let sources = t.write_bytes(
        "sources.csv",
        &windows_1252("id,outlet,title,kind\r\nrks,Abidjan’s Côte,\"Kits,\r\nfor €5\",intelligence-claim\r\nan,An,T,analysis\r\n"),
    );
    let flows = t.write("flows.csv", "id,from,to,category,description,status,source,stance,quote\nf,SRB,UKR,arms,Kits,alleged,rks,claims,q\n");
    let args = [
        "convert",
        "--locations",
        "docs/examples/locations.csv",
        "--sources",
        &sources,
        "--flows",
        &flows,
    ];
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "warning: {sources}: this file is not UTF-8, so it was read as Windows-1252"
        )),
        "{err}"
    );
    assert!(err.contains("CSV UTF-8 (Comma delimited)"), "{err}");
    let d = Dataset::from_json("stdout", &stdout(&o)).unwrap();
    assert_eq!(d.raw.sources[0].outlet.get("en"), "Abidjan’s Côte");
    assert_eq!(d.raw.sources[0].title.as_deref(), Some("Kits,\r\nfor €5"));
    // A problem names the spreadsheet's row: the first source's title is on two lines.
    let bad = windows_1252("id,outlet,title,kind\r\nrks,Abidjan’s Côte,\"Kits,\r\nfor €5\",intelligence-claim\r\nan,An,T,spy\r\n");
    std::fs::write(&sources, bad).unwrap();
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("{sources}, row 3, column \"kind\": \"spy\" is not one of")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn convert_refuses_a_sheet_it_cannot_decode_with_exit_code_1() {
    let t = Temp::new("undecodable");
    let mut bytes = read("docs/examples/flows.csv").into_bytes();
    let second_row = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
    let third_row = second_row + bytes[second_row..].iter().position(|b| *b == b'\n').unwrap() + 1;
    bytes.insert(third_row + 3, 0x81);
    let flows = t.write_bytes("flows.csv", &bytes);
    let out = t.path("out.json");
    let mut args = example_sheets(&flows);
    args.extend(["--out".into(), out.clone()]);
    let o = run_with(&["convert"], &args);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // The sheet is UTF-8 ("Krušik" in row 2), but for a byte in row 3.
    assert!(err.starts_with(&format!("{flows}, row 3: this row holds bytes that are not UTF-8, though the text before it is UTF-8")), "{err}");
    assert!(err.contains("CSV UTF-8 (Comma delimited)"), "{err}");
    assert!(err.ends_with("nothing written: fix the problems above\n"), "{err}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn check_csv_lists_the_problems_of_convert_and_writes_nothing() {
    let o = run_with(&["check-csv"], &example_sheets("docs/examples/flows.csv"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "4 flows, 3 sources, 5 speakers, 4 locations: no problems\n");
    assert_eq!(stderr(&o), "");
    let t = Temp::new("check");
    let flows = read("docs/examples/flows.csv").replacen(",claims,", ",supports,", 1);
    let flows = t.write("flows.csv", &flows);
    let converted = run_with(&["convert"], &example_sheets(&flows));
    for command in [&["check-csv"][..], &["convert", "--check"]] {
        let o = run_with(command, &example_sheets(&flows));
        assert_eq!(o.status.code(), Some(1), "{command:?}");
        assert_eq!(stdout(&o), "", "{command:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with(&format!(
                "{flows}, row 2, column \"stance\": \"supports\" is not one of"
            )),
            "{err}"
        );
        assert_eq!(
            err.replace("1 problem\n", "nothing written: fix the problems above\n"),
            stderr(&converted)
        );
    }
    // A check writes nothing, so it takes no --out.
    let mut args = example_sheets(&flows);
    args.extend(["--out".into(), t.path("out.json")]);
    assert_eq!(run_with(&["check-csv"], &args).status.code(), Some(2));
    assert_eq!(run(&["check-csv", "--flows", "x.csv"]).status.code(), Some(2));
}

#[test]
fn convert_messages_are_in_the_editors_words() {
    let t = Temp::new("words");
    let meta = t.write("meta.json", r#"{"title": {"en": 5}, "focus": "SRB"}"#);
    let flows = read("docs/examples/flows.csv").replacen(",arms,", ",,", 1).replacen(
        ",estimate,",
        ",about,",
        1,
    );
    let flows = t.write("flows.csv", &flows);
    let mut args = example_sheets(&flows);
    args[9] = meta;
    let o = run_with(&["check-csv"], &args);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("column \"basis\": \"about\" is not one of"), "{err}");
    assert!(err.contains(&format!("{}, at title.en: en must be text", args[9])), "{err}");
    for word in ["struct", "enum", "variant", "`", "Option", "Localized", "Meta"] {
        assert!(!err.contains(word), "{word:?} in {err}");
    }
}
