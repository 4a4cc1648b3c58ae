//! End-to-end tests of the `mtlint` binary: snapshots of every output format over the
//! fixtures, and every exit code.

use std::path::Path;
use std::process::{Command, Output};

fn mtlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("mtlint runs")
}

fn mtlint_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mtlint starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("mtlint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exit code")
}

const FIXTURES: [&str; 5] = [
    "fixtures/de/clean.txt",
    "fixtures/de/gallery.txt",
    "fixtures/de/mt-article.txt",
    "fixtures/de/quotes.txt",
    "fixtures/en/clean.txt",
];

fn snapshot_name(fixture: &str, format: &str) -> String {
    let stem = fixture
        .trim_start_matches("fixtures/")
        .trim_end_matches(".txt")
        .replace('/', "-");
    format!("{stem}.{format}")
}

#[test]
fn table_output_over_fixtures() {
    for fixture in FIXTURES {
        let out = mtlint(&["check", fixture]);
        insta::assert_snapshot!(snapshot_name(fixture, "table"), stdout(&out));
    }
}

#[test]
fn json_output_over_fixtures() {
    for fixture in FIXTURES {
        let out = mtlint(&["check", "--format", "json", fixture]);
        let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
        insta::assert_json_snapshot!(snapshot_name(fixture, "json"), value);
    }
}

#[test]
fn json_contract_fields_are_present() {
    let out = mtlint(&["check", "--format", "json", "fixtures/de/mt-article.txt"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let doc = &value["documents"][0];
    for field in [
        "path",
        "language",
        "source_language",
        "machine_translated",
        "words",
        "score",
        "passed",
        "excluded",
        "findings",
        "error",
    ] {
        assert!(doc.get(field).is_some(), "document field {field} missing");
    }
    let finding = &doc["findings"][0];
    for field in [
        "rule",
        "category",
        "mqm",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "suggestions",
        "message",
        "evidence",
    ] {
        assert!(
            finding.get(field).is_some(),
            "finding field {field} missing"
        );
    }
}

#[test]
fn exit_0_when_every_article_passes() {
    assert_eq!(code(&mtlint(&["check", "fixtures/de/clean.txt"])), 0);
}

#[test]
fn exit_1_when_an_article_fails() {
    let out = mtlint(&[
        "check",
        "fixtures/de/clean.txt",
        "fixtures/de/mt-article.txt",
    ]);
    assert_eq!(code(&out), 1);
}

#[test]
fn exit_2_for_a_missing_file_and_the_others_are_still_checked() {
    let out = mtlint(&[
        "check",
        "--format",
        "json",
        "no/such/file.txt",
        "fixtures/de/clean.txt",
    ]);
    assert_eq!(code(&out), 2);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(
        value["documents"][0]["error"],
        "no/such/file.txt: no such file"
    );
    assert_eq!(value["documents"][1]["passed"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn a_directory_is_walked() {
    let out = mtlint(&["check", "--format", "jsonl", "fixtures"]);
    let paths: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["path"].to_string()
        })
        .collect();
    assert_eq!(paths.len(), FIXTURES.len());
    assert!(paths.iter().all(|p| p.contains("fixtures/")));
}

#[test]
fn exit_2_for_text_that_is_not_utf8() {
    let out = mtlint_with_stdin(&["check", "-"], b"Gr\xfc\xdfe aus K\xf6ln.\n");
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}

#[test]
fn exit_2_for_usage_errors() {
    assert_eq!(code(&mtlint(&["check", "--format", "yaml"])), 2);
    assert_eq!(code(&mtlint(&["check", "--threshold", "120", "x"])), 2);
    assert_eq!(code(&mtlint(&["frobnicate"])), 2);
    assert_eq!(code(&mtlint(&["explain", "no-such-rule"])), 2);
}

#[test]
fn reads_standard_input() {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/de/clean.txt"))
        .expect("fixture");
    let out = mtlint_with_stdin(&["check", "--format", "json"], &text);
    assert_eq!(code(&out), 0);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(value["documents"][0]["path"], "-");
    assert_eq!(value["documents"][0]["language"], "de");
}

#[test]
fn lang_option_overrides_detection() {
    let out = mtlint(&[
        "check",
        "--format",
        "json",
        "--lang",
        "en",
        "fixtures/de/clean.txt",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(value["documents"][0]["language"], "en");
}

#[test]
fn threshold_option_changes_the_verdict() {
    let out = mtlint(&["check", "--threshold", "0", "fixtures/de/gallery.txt"]);
    assert_eq!(code(&out), 0);
}

#[test]
fn rules_lists_every_rule() {
    let out = mtlint(&["rules"]);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!("rules", stdout(&out));
}

#[test]
fn explain_prints_what_why_and_example() {
    let out = mtlint(&["explain", "unbalanced-quote"]);
    assert_eq!(code(&out), 0);
    insta::assert_snapshot!("explain-unbalanced-quote", stdout(&out));
}
