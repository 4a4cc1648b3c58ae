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

const FIXTURES: [&str; 11] = [
    "fixtures/de/clean.txt",
    "fixtures/de/gallery.txt",
    "fixtures/de/mt-article.txt",
    "fixtures/de/quotes.txt",
    "fixtures/en/clean.txt",
    "fixtures/en/planted.txt",
    "fixtures/es/clean.txt",
    "fixtures/es/planted.txt",
    "fixtures/fr/clean.txt",
    "fixtures/fr/planted.txt",
    "fixtures/fr/untranslated.txt",
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
fn exit_2_for_a_directory() {
    assert_eq!(code(&mtlint(&["check", "fixtures"])), 2);
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

/// The rule and text of every finding of a fixture, in text order.
fn found(fixture: &str) -> Vec<(String, String)> {
    let out = mtlint(&["check", "--format", "json", fixture]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    value["documents"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn expect(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(r, t)| (r.to_string(), t.to_string()))
        .collect()
}

#[test]
fn clean_fixtures_in_every_language_give_no_finding() {
    for fixture in [
        "fixtures/de/clean.txt",
        "fixtures/en/clean.txt",
        "fixtures/fr/clean.txt",
        "fixtures/es/clean.txt",
    ] {
        assert_eq!(found(fixture), vec![], "{fixture}");
    }
}

#[test]
fn every_planted_error_in_english_is_found() {
    assert_eq!(
        found("fixtures/en/planted.txt"),
        expect(&[
            ("foreign-number-format", "10.000"),
            ("foreign-number-format", "4,8"),
            (
                "untranslated-sentence",
                "Die Pegelstände steigen weiter, und die Behörden rechnen mit einer deutlichen Verschärfung der Lage."
            ),
            ("foreign-date-format", "20. Juni"),
            ("currency-format", "120 €"),
            ("untranslated-fragment", "und die"),
            ("percent-format", "5 %"),
            ("mixed-quote-style", "\""),
        ])
    );
}

#[test]
fn every_planted_error_in_french_is_found() {
    assert_eq!(
        found("fixtures/fr/planted.txt"),
        expect(&[
            ("foreign-number-format", "10,000"),
            ("foreign-number-format", "4.8"),
            (
                "untranslated-sentence",
                "The authorities expect the water to keep rising through the weekend, officials said."
            ),
            ("foreign-date-format", "June 20"),
            ("twelve-hour-time", "6:19 p.m."),
            ("currency-format", "$5 millions"),
            ("percent-format", "5%"),
            ("imperial-unit", "60 miles par heure"),
            ("untranslated-fragment", "of the"),
        ])
    );
}

#[test]
fn every_planted_error_in_spanish_is_found() {
    assert_eq!(
        found("fixtures/es/planted.txt"),
        expect(&[
            ("foreign-number-format", "10,000"),
            ("foreign-number-format", "4.8"),
            (
                "untranslated-sentence",
                "The regional government said the emergency plan would remain active until Sunday."
            ),
            ("foreign-date-format", "June 20"),
            ("imperial-unit", "60 millas por hora"),
            ("currency-format", "$5 millones"),
            ("untranslated-fragment", "of the"),
        ])
    );
}

#[test]
fn an_untranslated_article_is_one_critical_finding() {
    let found = found("fixtures/fr/untranslated.txt");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "non-translation");
    assert_eq!(code(&mtlint(&["check", "fixtures/fr/untranslated.txt"])), 1);
}

#[test]
fn rules_for_a_language_list_what_runs_there() {
    for lang in ["de", "en", "fr", "es"] {
        let out = mtlint(&["rules", "--lang", lang]);
        assert_eq!(code(&out), 0);
        insta::assert_snapshot!(format!("rules-{lang}"), stdout(&out));
    }
    assert_eq!(code(&mtlint(&["rules", "--lang", "xx"])), 2);
}

#[test]
fn bilingual_mode_compares_with_the_original() {
    let out = mtlint(&[
        "check",
        "--format",
        "json",
        "--source",
        "fixtures/de/bilingual.source.txt",
        "fixtures/de/bilingual.txt",
    ]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let rules: Vec<(&str, u64)> = value["documents"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        rules,
        vec![
            ("source-number-missing", 3),
            ("source-quote-missing", 5),
            ("untranslated-sentence", 7),
        ]
    );
    // Without the original, only the untranslated sentence is visible.
    assert_eq!(
        found("fixtures/de/bilingual.txt"),
        expect(&[(
            "untranslated-sentence",
            "Animal welfare groups welcomed the decision on Tuesday."
        )])
    );
}

#[test]
fn bilingual_mode_takes_one_translation() {
    let out = mtlint(&[
        "check",
        "--source",
        "fixtures/de/bilingual.source.txt",
        "fixtures/de/bilingual.txt",
        "fixtures/de/clean.txt",
    ]);
    assert_eq!(code(&out), 2);
}
