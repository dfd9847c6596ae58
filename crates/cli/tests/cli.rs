//! The command-line tool as editors run it: exit codes and messages.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_flowmap-data");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).current_dir(ROOT).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_accepts_the_bundled_dataset() {
    let o = run(&["validate", "public/data/flows.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("no problems"));
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let o = run(&["validate", "tests/fixtures/partly-broken.json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("sources[3].url: \"javascript:alert(1)\" is not an http(s) link"), "{err}");
    assert!(err.contains("flows[2].via[0]: flow \"broken-unknown-place\" refers to location \"ATL\""), "{err}");
    assert!(err.contains("flows[3].value.currency"), "{err}");
    assert!(err.contains("3 problems; 2 flows can be shown"), "{err}");
}

#[test]
fn validate_names_line_and_column_of_broken_json() {
    let o = run(&["validate", "tests/fixtures/not-json.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("tests/fixtures/not-json.json, line 5, column 0: the file ends before"), "{}", stderr(&o));
}

#[test]
fn convert_turns_the_example_sheets_into_a_valid_dataset() {
    let out = std::env::temp_dir().join(format!("flowmap-cli-test-{}.json", std::process::id()));
    let o = run(&[
        "convert", "--locations", "docs/examples/locations.csv", "--sources", "docs/examples/sources.csv",
        "--flows", "docs/examples/flows.csv", "--meta", "docs/examples/meta.json", "--out", out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::remove_file(out).ok();
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    let o = run(&["validate", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read no/such/file.json"));
    assert_eq!(run(&["convert", "--flows", "x.csv"]).status.code(), Some(2));
}
