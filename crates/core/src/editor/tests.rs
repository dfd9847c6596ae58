//! The editor's work as the page builds it: every message it adds, and the preview while
//! problems remain.

use super::*;
use crate::i18n::editor::{say, Word};

const EXAMPLES: [&str; 6] =
    ["locations.csv", "sources.csv", "speakers.csv", "flows.csv", "categories.csv", "meta.json"];

fn examples() -> Work {
    let mut work = Work::default();
    for name in EXAMPLES {
        let bytes = std::fs::read(format!("../../docs/examples/{name}")).unwrap();
        work.add(name, bytes);
    }
    work
}

fn messages(out: &Outcome) -> Vec<String> {
    out.problems.iter().map(|f| f.problem.to_string()).collect()
}

#[test]
fn the_example_sheets_make_a_whole_dataset() {
    let work = examples();
    let roles: Vec<Role> = work.files.iter().map(|f| f.role).collect();
    assert_eq!(
        roles,
        [Role::Locations, Role::Sources, Role::Speakers, Role::Flows, Role::Categories, Role::Meta]
    );
    let out = work.build(Lang::En);
    assert_eq!(messages(&out), Vec::<String>::new());
    assert!(out.whole);
    let raw = out.dataset.unwrap();
    let flows = std::fs::read_to_string("../../docs/examples/flows.csv").unwrap();
    assert_eq!(raw.flows.len(), flows.lines().count() - 1);
    assert!(Dataset::check(raw).is_valid());
}

#[test]
fn a_missing_sheet_is_named_in_the_editors_language() {
    let mut work = examples();
    work.files.retain(|f| f.role != Role::Sources);
    let out = work.build(Lang::Ru);
    assert_eq!(
        messages(&out),
        ["Не хватает таблицы «источники»: добавьте её, чтобы увидеть карту."]
    );
    assert!(out.dataset.is_none() && !out.whole);
    let out = Work::default().build(Lang::En);
    assert_eq!(out.problems.len(), 3);
    assert_eq!(out.problems[2].problem.message, say(Lang::En, Word::Missing, "flows"));
}

#[test]
fn a_broken_row_is_named_and_the_good_flows_still_preview() {
    let mut work = examples();
    let flows = std::fs::read_to_string("../../docs/examples/flows.csv").unwrap();
    let mut lines: Vec<String> = flows.lines().map(String::from).collect();
    let total = lines.len() - 1;
    // Row 3 (the second flow) gets an amount that is not a number.
    lines[2] = lines[2].replacen(",\"143,900,000\",", ",lots,", 1);
    work.add("flows.csv", lines.join("\n").into_bytes());
    let out = work.build(Lang::En);
    let found = &out.problems[0].problem;
    assert_eq!(
        (found.file.as_deref(), found.row, found.column.as_deref()),
        (Some("flows.csv"), Some(3), Some("amount")),
        "{found}"
    );
    assert!(!out.whole);
    assert_eq!(out.dataset.unwrap().flows.len(), total - 1);
    assert_eq!(place(found, Lang::SrLatn), "flows.csv, red 3, kolona amount");
}

#[test]
fn a_windows_1252_sheet_is_read_with_a_warning() {
    let mut work = examples();
    let text = std::fs::read_to_string("../../docs/examples/locations.csv").unwrap();
    // "Curaçao" as Excel's plain CSV writes it: ç is the byte E7.
    let mut bytes: Vec<u8> = text
        .lines()
        .filter(|l| !l.contains("Сербия") && !l.chars().any(|c| c as u32 > 0x7f))
        .flat_map(|l| format!("{l}\n").into_bytes())
        .collect();
    bytes.extend_from_slice(b"CUW,Cura\xe7ao,,-68.9,12.1\n");
    work.add("locations.csv", bytes);
    let out = work.build(Lang::En);
    let warning = out.problems.iter().find(|f| f.warning).expect("a warning");
    assert!(warning.problem.to_string().starts_with("locations.csv"), "{}", warning.problem);
    assert!(warning.problem.message.contains("Windows-1252"), "{}", warning.problem.message);
    let raw = out.dataset.expect("read");
    assert!(raw.locations.iter().any(|l| l.name.get("en") == "Curaçao"));
}

#[test]
fn a_dataset_file_replaces_the_sheets_and_says_where_its_problems_are() {
    let mut work = examples();
    let text = std::fs::read_to_string("../../tests/fixtures/partly-broken.json").unwrap();
    work.add("mine.json", text.into_bytes());
    assert_eq!(work.files.len(), 1);
    let out = work.build(Lang::En);
    assert!(!out.whole);
    assert!(out.dataset.is_some());
    let first = &out.problems[0].problem;
    assert_eq!(first.file.as_deref(), Some("mine.json"));
    assert!(first.at.is_some(), "{first}");
    work.add("not.json", b"{\"flows\": [".to_vec());
    let out = work.build(Lang::En);
    assert!(out.dataset.is_none());
    assert!(messages(&out)[0].starts_with("not.json, line 1"), "{:?}", messages(&out));
}

#[test]
fn two_files_for_one_sheet_and_sheets_beside_a_dataset_are_remarked() {
    let mut work = examples();
    let flows = work.files[3].clone();
    work.files.push(WorkFile { name: "flows copy.csv".into(), ..flows });
    let out = work.build(Lang::Uk);
    assert_eq!(
        out.problems[0].problem.message,
        "Два файли вказано як «потоки»; використовується останній."
    );
    assert!(out.problems[0].warning && out.whole);
    work.files.push(WorkFile {
        name: "d.json".into(),
        role: Role::Dataset,
        bytes: std::fs::read("../../public/data/flows.json").unwrap(),
    });
    let out = work.build(Lang::En);
    assert_eq!(messages(&out)[1], say(Lang::En, Word::DatasetAndSheets, ""));
    assert!(out.whole);
}

#[test]
fn the_settings_are_applied_and_the_work_survives_json() {
    let mut work = examples();
    work.settings.title = "My map".into();
    work.settings.language = "ru".into();
    let out = work.build(Lang::En);
    let meta = out.dataset.unwrap().meta;
    assert_eq!(meta.title.get("ru"), "My map");
    assert_eq!(meta.language.as_deref(), Some("ru"));
    let kept = serde_json::to_string(&work).unwrap();
    assert_eq!(serde_json::from_str::<Work>(&kept).unwrap(), work);
}

#[test]
fn a_problem_is_shown_at_its_cell_or_line() {
    let mut work = examples();
    let problem = SheetProblem::in_row("flows.csv", 3, Some("amount"), "x");
    let Some(Shown::Cells(sheet, 3, Some(column))) = locate(&work, &problem) else { panic!() };
    assert_eq!(sheet.header[column], "amount");
    assert!(sheet.rows.iter().any(|(n, _)| *n == 3));
    let text = std::fs::read_to_string("../../tests/fixtures/partly-broken.json").unwrap();
    work.add("mine.json", text.clone().into_bytes());
    let out = work.build(Lang::En);
    let first = &out.problems[0].problem;
    let Some(Shown::Lines(lines, line)) = locate(&work, first) else { panic!("{first}") };
    assert!(lines.iter().any(|(n, _)| *n == line));
    assert!(line > 1, "{first} at line {line}");
    assert_eq!(locate(&work, &SheetProblem::in_file("other.csv", "x")), None);
}
