//! The command-line tool as editors run it: exit codes and messages.

use flowmap_core::dataset::Dataset;
use flowmap_core::model::{Basis, ClaimStatus, SourceKind, SpeakerKind, Stance};
use serde_json::{json, Value};
mod common;

use common::{read, run, stderr, stdout, Temp, ROOT};
use std::path::{Path, PathBuf};

const V1: &str = "crates/cli/tests/fixtures/v1.json";
const V2: &str = "crates/cli/tests/fixtures/v2.json";

/// The version 1 fixture without the denial filed under the accuser's source.
fn clean_v1() -> String {
    let mut v: Value = serde_json::from_str(&read(V1)).unwrap();
    v["flows"][0]["citations"].as_array_mut().unwrap().truncate(1);
    v.to_string()
}

#[test]
fn validate_accepts_the_bundled_dataset() {
    let o = run(&["validate", "public/data/flows.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("no problems"));
    assert!(
        !stderr(&o).contains("format version 1"),
        "the bundled dataset is in the current version: {}",
        stderr(&o)
    );
}

#[test]
fn validate_accepts_a_version_2_file_and_counts_its_speakers() {
    let o = run(&["validate", V2]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("{V2}: 8 flows, 4 sources, 6 speakers, 5 locations: no problems\n")
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let t = Temp::new("broken");
    let mut v: Value = serde_json::from_str(&read(V2)).unwrap();
    v["sources"][1]["url"] = json!("javascript:alert(1)");
    v["flows"][0]["via"] = json!(["ATL"]);
    v["flows"][2]["value"]["currency"] = json!("DOGE");
    v["flows"][3]["citations"][0]["speaker"] = json!("nobody");
    v["flows"][5]["status"] = json!("documented");
    let file = t.write("broken.json", &v.to_string());
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for line in [
        "sources[1].url: \"javascript:alert(1)\" is not an http(s) link",
        "flows[0].via[0]: flow \"srb-cze-ukr-grad\" refers to location \"ATL\", which is not defined (flow not shown)",
        "flows[2].value.currency: flow \"srb-rus-dual-use\" has currency \"DOGE\"",
        "flows[3].citations[0].speaker: flow \"srb-rus-kominvex\" refers to speaker \"nobody\", which is not defined (flow not shown)",
        "warning: flows[5].status: flow \"kaz-rus-chp\" is marked documented, but its citations allow at most reported",
        "5 problems (warnings: 1); 5 flows can be shown",
    ] {
        assert!(err.contains(&format!("{file}: {line}")), "{line}\n{err}");
    }
    assert!(!err.contains("format version 1"), "{err}");
}

#[test]
fn validate_names_line_and_column_of_broken_json() {
    let t = Temp::new("not-json");
    let file = t.write(
        "not-json.json",
        "{\n  \"version\": 2,\n  \"meta\": {\"title\": \"x\"},\n  \"locations\": [\n",
    );
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with(&format!("{file}, line 5, column 0: the file ends before")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn validate_lists_an_unreadable_item_as_the_page_does_and_reads_the_rest() {
    let t = Temp::new("mistyped");
    let text = read(V2).replacen("\"status\": \"alleged\"", "\"status\": \"rumoured\"", 1);
    let file = t.write("mistyped.json", &text);
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let d = Dataset::from_json(&file, &text).unwrap();
    let first = &d.problems[0];
    assert!(first.message.starts_with("status must be one of \"documented\""), "{first}");
    assert!(err.starts_with(&format!("{file}: {first}\n")), "{err}");
    assert!(err.contains(&format!("; {} flows can be shown", d.raw.flows.len())), "{err}");
}

#[test]
fn migrate_refuses_a_file_with_an_item_it_cannot_read() {
    let t = Temp::new("mistyped-v1");
    let text = read(V1).replacen("\"quote\"", "\"quote\": 5, \"q\"", 1);
    let file = t.write("v1.json", &text);
    let out = t.path("out.json");
    let o = run(&["migrate", &file, "--out", &out]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "{file}: flows[0].citations[0].quote: quote must be text; found the number 5"
        )),
        "{err}"
    );
    assert!(err.ends_with("nothing written: fix the problem above\n"), "{err}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn validate_says_when_a_file_is_in_version_1_and_suggests_migrate() {
    // With a problem: the denial filed under the accuser's source, as version 1 did.
    let o = run(&["validate", V1]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{V1}: warning: flows[0].citations[1].speaker: in flow \"srb-cze-ukr-grad\", speaker \"rks-svr\" both supports the flow and disputes it")), "{err}");
    assert!(err.contains(&format!("{V1}: 1 problem (warnings: 1); 2 flows can be shown")), "{err}");
    assert!(err.contains(&format!("{V1}: this file is in format version 1, read as version 2. The paths above are those of its version 2 form")), "{err}");
    assert!(err.contains(&format!("`flowmap-data migrate {V1} --out {V1}`")), "{err}");
    // Without: it is fine, and still worth migrating.
    let t = Temp::new("clean-v1");
    let file = t.write("clean.json", &clean_v1());
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with(": 2 flows, 2 sources, 2 speakers, 4 locations: no problems\n"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).starts_with(&format!("{file}: this file is in format version 1, read as version 2. Rewrite it with `flowmap-data migrate")), "{}", stderr(&o));
    // The core's own version 1 fixture gets the same hint.
    let o = run(&["validate", "crates/core/tests/fixtures/two_flows_v1.json"]);
    assert!(stderr(&o).contains("this file is in format version 1"), "{}", stderr(&o));
}

#[test]
fn help_and_version_go_to_standard_output() {
    for flag in ["--help", "-h", "help"] {
        let o = run(&[flag]);
        assert_eq!(o.status.code(), Some(0), "{flag}");
        assert_eq!(stderr(&o), "", "{flag}");
        let out = stdout(&o);
        for words in
            ["usage:", "flowmap-data check-csv --locations", "Exit codes: 0", "Windows-1252"]
        {
            assert!(out.contains(words), "{flag}: {words}\n{out}");
        }
    }
    assert!(stdout(&run(&["convert", "--help"])).contains("usage:"));
    for flag in ["--version", "-V"] {
        let o = run(&[flag]);
        assert_eq!(o.status.code(), Some(0), "{flag}");
        assert_eq!(stdout(&o), format!("flowmap-data {}\n", env!("CARGO_PKG_VERSION")));
    }
    let o = run(&["bogus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("flowmap-data: unknown command bogus: expected validate, convert, check-csv, migrate, head or frame\nusage:"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn migrate_writes_version_2_and_lists_what_to_check() {
    let t = Temp::new("migrate");
    let out = t.path("v2.json");
    let o = run(&["migrate", V1, "--out", &out]);
    // Written, with the validator's warning: the dispute is filed under the accuser.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for words in [
        &format!("{V1}: read format version 1; wrote format version 2 to {out}. Check before publishing:"),
        "1. Each of the 2 sources is now a publication (in \"sources\") and a speaker (in \"speakers\") with the same id:",
        "rks-svr: RKS News -> speaker \"Russia's Foreign Intelligence Service (SVR)\", kind intelligence, no stake",
        "2. Each of the 3 citations names its source's speaker.",
        "flows[0].citations[1] (flow \"srb-cze-ukr-grad\"): disputes by speaker \"rks-svr\"",
        "3. Stances: \"supports\" is now \"claims\"",
        "4. Values: \"qualifier\" is now \"basis\"",
        "5. The validator's warnings on the migrated file (1):",
        &format!("    {out}: flows[0].citations[1].speaker: in flow \"srb-cze-ukr-grad\", speaker \"rks-svr\" both supports"),
    ] {
        assert!(err.contains(words), "{words}\n{err}");
    }
    let text = std::fs::read_to_string(&out).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!((&v["$schema"], &v["version"]), (&json!("flows.schema.json"), &json!(2)));
    assert_eq!(
        v["flows"][1]["value"],
        json!({"amount": 71100000, "currency": "USD", "basis": "minimum"})
    );
    assert_eq!(
        v["flows"][0]["citations"][1],
        json!({"source": "rks-svr", "speaker": "rks-svr", "stance": "disputes",
        "quote": v["flows"][0]["citations"][1]["quote"]})
    );
    let d = Dataset::from_json(&out, &text).unwrap();
    assert_eq!((d.read_version, d.problems.len()), (2, 1));
    // The migrated file validates as version 2: the same warning, no version hint.
    let o = run(&["validate", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("both supports the flow and disputes it")
            && !stderr(&o).contains("format version 1"),
        "{}",
        stderr(&o)
    );

    // A clean version 1 file migrates without a problem, and its migration validates.
    let clean = t.write("clean-v1.json", &clean_v1());
    let out = t.path("clean-v2.json");
    let o = run(&["migrate", &clean, "--out", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("5. The validator finds no problems in the migrated file"),
        "{}",
        stderr(&o)
    );
    let o = run(&["validate", &out]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn migrate_is_idempotent_on_version_2() {
    let t = Temp::new("idempotent");
    let (once, twice) = (t.path("once.json"), t.path("twice.json"));
    assert_eq!(run(&["migrate", V1, "--out", &once]).status.code(), Some(1));
    let o = run(&["migrate", &once, "--out", &twice]);
    assert!(
        stderr(&o).starts_with(&format!(
            "{once}: already in format version 2; wrote it unchanged to {twice}"
        )),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&once).unwrap(), std::fs::read_to_string(&twice).unwrap());
    // A hand-written version 2 file keeps every value, and the result is stable too.
    let o = run(&["migrate", V2]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = stdout(&o);
    let original = Dataset::from_json(V2, &read(V2)).unwrap();
    assert_eq!(Dataset::from_json("stdout", &written).unwrap().raw, original.raw);
    let again = t.write("again.json", &written);
    assert_eq!(stdout(&run(&["migrate", &again])), written);
}

#[test]
fn migrate_keeps_items_the_validator_leaves_out() {
    let t = Temp::new("keeps");
    let mut v: Value = serde_json::from_str(&read(V1)).unwrap();
    v["flows"][1]["to"] = json!("XXX");
    let file = t.write("v1.json", &v.to_string());
    let o = run(&["migrate", &file]);
    assert_eq!(o.status.code(), Some(1));
    let out: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        out["flows"][1]["to"],
        json!("XXX"),
        "the flow with the unknown place is kept for the editor to fix"
    );
    assert!(
        stderr(&o).contains("flows[1].to: flow \"srb-rus-dual-use\" refers to location \"XXX\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn migrate_refuses_what_it_cannot_read() {
    let t = Temp::new("unreadable");
    let file = t.write("bad.json", "{\"version\": 1,\n \"meta\": }");
    let out = t.path("out.json");
    let o = run(&["migrate", &file, "--out", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with(&format!("{file}, line 2, column 10: ")), "{}", stderr(&o));
    assert!(stderr(&o).ends_with("nothing written: fix the problem above\n"), "{}", stderr(&o));
    assert!(!Path::new(&out).exists());
    let file = t.write("v9.json", "{\"version\": 9}");
    assert!(stderr(&run(&["migrate", &file])).contains("format version 9 is not supported"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    let o = run(&["validate", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read no/such/file.json"));
    assert_eq!(run(&["convert", "--flows", "x.csv"]).status.code(), Some(2));
    assert_eq!(
        run(&[
            "convert",
            "--speakers",
            "no/such/speakers.csv",
            "--locations",
            "a",
            "--sources",
            "b",
            "--flows",
            "c"
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(run(&["migrate"]).status.code(), Some(2));
    assert_eq!(run(&["migrate", V1, "--bogus"]).status.code(), Some(2));
    assert_eq!(run(&["migrate", V1, V2]).status.code(), Some(2));
    assert_eq!(run(&["migrate", V1, "--out"]).status.code(), Some(2));
    let o = run(&["migrate", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read no/such/file.json"));
}

/// Every value of an enum of the model, by its serde name. The `match` fails to compile
/// when the model gains a variant, so that the schema's list is looked at again.
fn names<T: serde::Serialize>(all: &[T]) -> Vec<String> {
    all.iter().map(|t| serde_json::to_value(t).unwrap().as_str().unwrap().to_string()).collect()
}

fn speaker_kinds() -> Vec<String> {
    use SpeakerKind::*;
    let all =
        [Records, OfficialData, Government, Intelligence, NewsOutlet, Analyst, Company, Other];
    all.iter().for_each(|k| match k {
        Records | OfficialData | Government | Intelligence | NewsOutlet | Analyst | Company
        | Other => {}
    });
    names(&all)
}

fn source_kinds() -> Vec<String> {
    use SourceKind::*;
    let all = [
        CustomsRecords,
        OfficialStatement,
        IntelligenceClaim,
        NewsEstimate,
        NewsReport,
        Analysis,
        Dataset,
    ];
    all.iter().for_each(|k| match k {
        CustomsRecords | OfficialStatement | IntelligenceClaim | NewsEstimate | NewsReport
        | Analysis | Dataset => {}
    });
    names(&all)
}

fn statuses() -> Vec<String> {
    use ClaimStatus::*;
    let all = [Documented, Reported, Alleged, Denied, Unverified];
    all.iter().for_each(|k| match k {
        Documented | Reported | Alleged | Denied | Unverified => {}
    });
    names(&all)
}

fn bases() -> Vec<String> {
    let all = [Basis::Total, Basis::Minimum, Basis::Estimate, Basis::Part];
    all.iter().for_each(|k| match k {
        Basis::Total | Basis::Minimum | Basis::Estimate | Basis::Part => {}
    });
    names(&all)
}

#[test]
fn the_schema_lists_what_the_model_accepts() {
    let schema: Value = serde_json::from_str(&read("public/data/flows.schema.json")).unwrap();
    let list = |def: &str| -> Vec<String> {
        schema["$defs"][def]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("$defs.{def}.enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        schema["properties"]["version"]["const"],
        json!(flowmap_core::model::FORMAT_VERSION)
    );
    assert_eq!(list("currency"), flowmap_core::validate::CURRENCIES);
    assert_eq!(list("stance"), names(&Stance::ALL));
    assert_eq!(list("speakerKind"), speaker_kinds());
    assert_eq!(list("sourceKind"), source_kinds());
    assert_eq!(list("status"), statuses());
    assert_eq!(list("basis"), bases());
    assert_eq!(schema["$defs"]["amount"]["maximum"], json!(flowmap_core::validate::ABSURD_AMOUNT));
}

/// `validate` and the page call the same reader on the same bytes (`Dataset::from_bytes`):
/// for every test dataset and every input fuzzing kept, the CLI prints what the core says.
#[test]
fn validate_reports_what_the_page_does_for_every_test_dataset_and_fuzzing_finding() {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["tests/fixtures", "tests/fixtures/fuzz/dataset", "crates/core/tests/fixtures"] {
        let found = std::fs::read_dir(Path::new(ROOT).join(dir)).into_iter().flatten().flatten();
        files
            .extend(found.map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")));
    }
    assert!(files.len() >= 8, "{files:?}");
    for path in files {
        let name = path.to_string_lossy().into_owned();
        let o = run(&["validate", &name]);
        let err = stderr(&o);
        match Dataset::from_bytes(&name, &std::fs::read(&path).unwrap()) {
            Err(e) => {
                assert_eq!(o.status.code(), Some(1), "{name}");
                assert!(err.starts_with(&e.to_string()), "{name}: {err}");
            }
            Ok(d) => {
                assert_eq!(o.status.code(), Some(if d.is_valid() { 0 } else { 1 }), "{name}");
                for p in &d.problems {
                    let kind = if p.warning { "warning: " } else { "" };
                    assert!(
                        err.contains(&format!("{name}: {kind}{p}\n")),
                        "{name}: {p} not in {err}"
                    );
                }
            }
        }
    }
}

#[test]
fn validate_refuses_a_file_that_is_not_utf8_at_its_first_bad_byte() {
    let t = Temp::new("latin1");
    let file = t.path("latin1.json");
    std::fs::write(&file, b"{\n  \"meta\": {\"title\": \"Caf\xe9\"}}").unwrap();
    // validate and migrate read it as the page does.
    for command in ["validate", "migrate"] {
        let o = run(&[command, &file]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        assert_eq!(
            stderr(&o),
            format!("{file}, line 2, column 25: the file is not UTF-8 text; save it as UTF-8 (in a text editor: Save as… → Encoding: UTF-8)\n")
        );
    }
}
