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

/// How many text files `fixtures/` holds (a folder run checks them all).
fn fixture_texts() -> usize {
    std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"))
        .expect("fixtures")
        .flatten()
        .flat_map(|lang| {
            std::fs::read_dir(lang.path())
                .expect("language folder")
                .flatten()
        })
        .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        .count()
}

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
    let texts = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"))
        .expect("fixtures")
        .flatten()
        .flat_map(|lang| {
            std::fs::read_dir(lang.path())
                .expect("language folder")
                .flatten()
        })
        .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        .count();
    assert_eq!(paths.len(), texts);
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

// ---------------------------------------------------------------------------------------
// CI integration: config files, SARIF, GitHub annotations, thresholds, baselines,
// suppression.

fn mtlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("mtlint runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).expect("fixture")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).expect("valid JSON")
}

/// The rule ids of the findings of the first document in a JSON report.
fn rules_found(output: &Output) -> Vec<String> {
    json(output)["documents"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule").to_string())
        .collect()
}

/// A temporary folder with the given files.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn sarif_validator() -> jsonschema::Validator {
    let schema = fixture("tests/data/sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("schema is JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, output: &Output) {
    let log = json(output);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}");
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let validator = sarif_validator();
    for fixture in FIXTURES {
        assert_valid_sarif(
            &validator,
            &mtlint(&["check", "--format", "sarif", fixture]),
        );
    }
    // Several documents, an unreadable one, a config that raises a severity, a file name
    // that needs escaping in a URI.
    let dir = folder(&[
        (
            "mtlint.toml",
            "[rules.severity]\ndoubled-word = \"critical\"\n",
        ),
        (
            "Neue Artikel/Köln #1.txt",
            &fixture("fixtures/de/mt-article.txt"),
        ),
    ]);
    let out = mtlint_in(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "Neue Artikel/Köln #1.txt",
            "missing.txt",
        ],
    );
    assert_eq!(code(&out), 2);
    assert_valid_sarif(&validator, &out);
    let log = json(&out);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let doubled = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "doubled-word")
        .expect("a doubled-word result");
    assert_eq!(doubled["level"], "error");
    let region = &doubled["locations"][0]["physicalLocation"]["region"];
    for field in ["startLine", "startColumn", "endLine", "endColumn"] {
        assert!(region[field].is_u64(), "{field} missing");
    }
}

#[test]
fn sarif_schema_rejects_a_broken_log() {
    // The validation test above is only worth something if the schema bites.
    let validator = sarif_validator();
    let out = mtlint(&["check", "--format", "sarif", "fixtures/de/quotes.txt"]);
    let mut log = json(&out);
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log));
    let mut log = json(&out);
    log["runs"][0]["columnKind"] = "bytes".into();
    assert!(!validator.is_valid(&log));
}

#[test]
fn sarif_output_snapshot() {
    let out = mtlint(&["check", "--format", "sarif", "fixtures/de/quotes.txt"]);
    insta::assert_json_snapshot!("de-quotes.sarif", json(&out));
}

#[test]
fn github_output_over_fixtures() {
    for fixture in FIXTURES {
        let out = mtlint(&["check", "--format", "github", fixture]);
        insta::assert_snapshot!(snapshot_name(fixture, "github"), stdout(&out));
    }
}

#[test]
fn github_output_for_an_unreadable_file() {
    let out = mtlint(&["check", "--format", "github", "no/such,file:1.txt"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stdout(&out),
        "::error file=no/such%2Cfile%3A1.txt,title=mtlint::no/such,file:1.txt: no such file\n"
    );
}

#[test]
fn rule_disabled_in_the_articles_folder_config_is_not_reported() {
    let article = fixture("fixtures/de/mt-article.txt");
    let dir = folder(&[
        (
            "news/mtlint.toml",
            "[rules]\ndisable = [\"doubled-word\"]\n",
        ),
        ("news/de/article.txt", &article),
        ("other/article.txt", &article),
    ]);
    let configured = mtlint_in(
        dir.path(),
        &["check", "--format", "json", "news/de/article.txt"],
    );
    let found = rules_found(&configured);
    assert!(!found.is_empty());
    assert!(!found.iter().any(|r| r == "doubled-word"), "{found:?}");
    let elsewhere = mtlint_in(
        dir.path(),
        &["check", "--format", "json", "other/article.txt"],
    );
    assert!(rules_found(&elsewhere).iter().any(|r| r == "doubled-word"));
    let ignored = mtlint_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "news/de/article.txt",
        ],
    );
    assert!(rules_found(&ignored).iter().any(|r| r == "doubled-word"));
}

#[test]
fn config_named_with_the_config_flag_applies_to_every_path() {
    let dir = folder(&[("ci/strict.toml", "[rules]\nenable = [\"doubled-word\"]\n")]);
    let config = dir.path().join("ci/strict.toml");
    let out = mtlint(&[
        "check",
        "--format",
        "json",
        "--config",
        config.to_str().expect("UTF-8 path"),
        "fixtures/de/mt-article.txt",
    ]);
    assert_eq!(rules_found(&out), ["doubled-word", "doubled-word"]);
}

#[test]
fn config_severity_overrides_and_language_apply() {
    let dir = folder(&[
        (
            "mtlint.toml",
            "[language]\ntarget = \"de\"\nsource = \"fr\"\n\n[rules.severity]\nunbalanced-quote = \"major\"\n",
        ),
        ("a.txt", &fixture("fixtures/de/quotes.txt")),
    ]);
    let out = mtlint_in(dir.path(), &["check", "--format", "json", "a.txt"]);
    let doc = &json(&out)["documents"][0];
    assert_eq!(doc["language"], "de");
    assert_eq!(doc["source_language"], "fr");
    let quote = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "unbalanced-quote")
        .expect("unbalanced-quote finding");
    assert_eq!(quote["severity"], "major");
}

#[test]
fn excluded_paths_are_not_checked() {
    let article = fixture("fixtures/de/mt-article.txt");
    let dir = folder(&[
        ("mtlint.toml", "[paths]\nexclude = [\"drafts\"]\n"),
        ("drafts/a.txt", &article),
        ("published/b.txt", &article),
    ]);
    let out = mtlint_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "drafts/a.txt",
            "published/b.txt",
        ],
    );
    let docs = json(&out)["documents"].clone();
    assert_eq!(docs.as_array().expect("documents").len(), 1);
    assert_eq!(docs[0]["path"], "published/b.txt");
    let out = mtlint_in(dir.path(), &["check", "drafts/a.txt"]);
    assert_eq!(code(&out), 0);
}

#[test]
fn suppression_comments_and_config_ignores_silence_findings() {
    let text = "Berlin – Die Regierung hat am Montag und und getagt.\n\n\
                <!-- mtlint-disable-next-line doubled-word -->\n\
                Der Minister sprach und und ging.\n";
    let dir = folder(&[("a.md", text), ("a.txt", text)]);
    let md = mtlint_in(dir.path(), &["check", "--format", "json", "a.md"]);
    let findings = json(&md)["documents"][0]["findings"].clone();
    assert_eq!(
        findings.as_array().expect("findings").len(),
        1,
        "{findings:#}"
    );
    assert_eq!(findings[0]["line"], 1);
    // In plain text the comment is text, not an instruction.
    let txt = mtlint_in(dir.path(), &["check", "--format", "json", "a.txt"]);
    assert_eq!(
        rules_found(&txt)
            .iter()
            .filter(|r| *r == "doubled-word")
            .count(),
        2
    );
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "[[ignore]]\nrule = \"doubled-word\"\ntext = \"und und\"\n",
    )
    .expect("write config");
    let txt = mtlint_in(dir.path(), &["check", "--format", "json", "a.txt"]);
    assert!(!rules_found(&txt).iter().any(|r| r == "doubled-word"));
}

#[test]
fn baseline_silences_known_findings_and_reports_a_new_error() {
    let article = fixture("fixtures/de/mt-article.txt");
    let dir = folder(&[("news/article.txt", &article)]);
    let out = mtlint_in(
        dir.path(),
        &["baseline", "--output", "baseline.json", "news/article.txt"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("recorded 7 findings in 1 document to baseline.json"));

    // Nothing new: silent and passing, even where every finding would fail the article.
    let check = ["check", "--format", "json", "--baseline", "baseline.json"];
    let args = |extra: &[&'static str]| {
        let mut v = check.to_vec();
        v.extend_from_slice(extra);
        v.push("news/article.txt");
        v
    };
    let out = mtlint_in(dir.path(), &args(&["--fail-on", "minor"]));
    assert_eq!(code(&out), 0);
    assert!(rules_found(&out).is_empty());

    // Edit elsewhere (a new paragraph shifts every line below it) and add one new error.
    let edited = article
        .replacen(
            "\n\nDer Minister sprach",
            "\n\nEin neuer Absatz, der nichts mit den alten Fehlern zu tun hat.\n\nDer Minister sprach",
            1,
        )
        .replacen(
            "\n\nZu den Autoren",
            "\n\nAm Abend hat hat die Regierung die Pläne bestätigt.\n\nZu den Autoren",
            1,
        );
    assert_ne!(edited, article);
    std::fs::write(dir.path().join("news/article.txt"), edited).expect("write");
    let out = mtlint_in(dir.path(), &args(&["--fail-on", "minor"]));
    assert_eq!(code(&out), 1, "only the new finding fails the article");
    let doc = &json(&out)["documents"][0];
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["rule"], "doubled-word");
    assert_eq!(findings[0]["text"], "hat hat");
    // At the default fail-on (critical) one minor finding passes.
    let out = mtlint_in(dir.path(), &args(&[]));
    assert_eq!(code(&out), 0);

    // Run from another folder: paths in the baseline are relative to its own folder.
    let out = mtlint_in(
        &dir.path().join("news"),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "../baseline.json",
            "article.txt",
        ],
    );
    assert_eq!(rules_found(&out), ["doubled-word"]);
}

#[test]
fn baseline_file_lists_findings_with_context() {
    let dir = folder(&[("a.txt", &fixture("fixtures/de/quotes.txt"))]);
    let out = mtlint_in(dir.path(), &["baseline", "-o", "b.json", "a.txt"]);
    assert_eq!(code(&out), 0);
    let written = std::fs::read_to_string(dir.path().join("b.json")).expect("baseline");
    let value: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    insta::assert_json_snapshot!("baseline-de-quotes", value);
}

#[test]
fn init_writes_a_starter_config_that_mtlint_reads() {
    let dir = folder(&[("a.txt", &fixture("fixtures/de/clean.txt"))]);
    let out = mtlint_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 0);
    let written = std::fs::read_to_string(dir.path().join("mtlint.toml")).expect("config");
    assert!(written.contains("[rules]") && written.contains("fail-under"));
    assert_eq!(code(&mtlint_in(dir.path(), &["check", "a.txt"])), 0);
    let again = mtlint_in(dir.path(), &["init"]);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("exists"));
    assert_eq!(code(&mtlint_in(dir.path(), &["init", "--force"])), 0);
    let printed = mtlint_in(dir.path(), &["init", "-"]);
    assert_eq!(stdout(&printed), written);
}

// Exit codes: 0 passed, 1 failed, 2 usage or input error.

#[test]
fn exit_1_below_fail_under_and_0_when_lowered() {
    // quotes.txt scores 55.2 with three minor findings.
    let quotes = "fixtures/de/quotes.txt";
    assert_eq!(code(&mtlint(&["check", quotes])), 1);
    assert_eq!(code(&mtlint(&["check", "--fail-under", "55", quotes])), 0);
    assert_eq!(code(&mtlint(&["check", "--fail-under", "56", quotes])), 1);
    assert_eq!(code(&mtlint(&["check", "--threshold", "55", quotes])), 0);
}

#[test]
fn exit_1_for_a_finding_at_the_fail_on_severity() {
    let quotes = "fixtures/de/quotes.txt";
    let lenient = ["check", "--fail-under", "0"];
    let with = |extra: &[&'static str]| {
        let mut v = lenient.to_vec();
        v.extend_from_slice(extra);
        v.push(quotes);
        code(&mtlint(&v))
    };
    assert_eq!(with(&[]), 0);
    assert_eq!(with(&["--fail-on", "major"]), 0);
    assert_eq!(with(&["--fail-on", "minor"]), 1);
    // mt-article has a major finding.
    let out = mtlint(&[
        "check",
        "--fail-under",
        "0",
        "--fail-on",
        "major",
        "fixtures/de/mt-article.txt",
    ]);
    assert_eq!(code(&out), 1);
}

#[test]
fn exit_codes_follow_the_config_and_the_command_line_wins() {
    let dir = folder(&[
        ("mtlint.toml", "[score]\nfail-under = 50\n"),
        ("a.txt", &fixture("fixtures/de/quotes.txt")),
    ]);
    assert_eq!(code(&mtlint_in(dir.path(), &["check", "a.txt"])), 0);
    let strict = mtlint_in(dir.path(), &["check", "--fail-under", "90", "a.txt"]);
    assert_eq!(code(&strict), 1);
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "[score]\nfail-under = 0\nfail-on = \"minor\"\n",
    )
    .expect("write");
    assert_eq!(code(&mtlint_in(dir.path(), &["check", "a.txt"])), 1);
    let lenient = mtlint_in(dir.path(), &["check", "--fail-on", "critical", "a.txt"]);
    assert_eq!(code(&lenient), 0);
}

#[test]
fn exit_2_for_a_bad_config_naming_file_and_line() {
    let dir = folder(&[
        (
            "mtlint.toml",
            "[rules]\ndisable = [\"doubled-word\"]\nfrobnicate = true\n",
        ),
        ("a.txt", "Text.\n"),
    ]);
    let out = mtlint_in(dir.path(), &["check", "a.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).is_empty());
    let message = stderr(&out);
    assert!(
        message.contains("mtlint.toml:3: unknown field `frobnicate`"),
        "{message}"
    );
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "[rules]\ndisable = [\"doubled-words\"]\n",
    )
    .expect("write");
    let out = mtlint_in(dir.path(), &["check", "a.txt"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("mtlint.toml:2: unknown rule \"doubled-words\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn exit_2_for_config_and_baseline_usage_errors() {
    let clean = "fixtures/de/clean.txt";
    let dir = folder(&[("broken.json", "{\"version\": 1}"), ("a.txt", "Text.\n")]);
    let broken = dir.path().join("broken.json");
    let broken = broken.to_str().expect("UTF-8 path");
    for args in [
        vec!["check", "--config", "no/such/mtlint.toml", clean],
        vec!["check", "--config", "x.toml", "--no-config", clean],
        vec!["check", "--fail-on", "fatal", clean],
        vec!["check", "--fail-under", "-1", clean],
        vec!["check", "--baseline", "no/such/baseline.json", clean],
        vec!["check", "--baseline", broken, clean],
        vec!["baseline", clean],
    ] {
        assert_eq!(code(&mtlint(&args)), 2, "{args:?}");
    }
}

#[test]
fn exit_2_when_baseline_input_is_unreadable_and_nothing_is_written() {
    let dir = folder(&[("a.txt", "Text.\n")]);
    let out = mtlint_in(
        dir.path(),
        &["baseline", "--output", "b.json", "a.txt", "missing.txt"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("missing.txt: no such file"));
    assert!(!dir.path().join("b.json").exists());
}

// ---------------------------------------------------------------------------------------
// Languages and bilingual mode.

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

#[test]
fn readme_lists_every_rule() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let out = mtlint(&["rules"]);
    for line in stdout(&out).lines() {
        let id = line.split_whitespace().next().unwrap_or_default();
        assert!(
            readme.contains(&format!("`{id}`")),
            "README.md does not list rule {id}"
        );
    }
}

#[test]
fn house_names_from_the_config_are_findings() {
    let article = "Stadtrat beschließt Haushalt\n\nDer Kämmerer Joerg Brandtner legte am Montag den Entwurf vor. Brandtner sprach von einem soliden Plan, den der Rat am Abend beschloss.\n";
    let dir = folder(&[
        (
            "mtlint.toml",
            "[language]\ntarget = \"de\"\n\n[[names.house]]\nhouse = \"Brandtner\"\nvariants = [\"Brandtner\"]\n",
        ),
        ("article.txt", article),
    ]);
    // A variant equal to its house form is a data error, named with the config file.
    let out = mtlint_in(dir.path(), &["check", "article.txt"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "[language]\ntarget = \"de\"\n\n[[names.house]]\nhouse = \"Jörg Brandtner\"\nvariants = [\"Joerg Brandtner\"]\n",
    )
    .expect("write config");
    let out = mtlint_in(dir.path(), &["check", "--format", "json", "article.txt"]);
    let doc = &json(&out)["documents"][0];
    let houses: Vec<_> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "house-spelling")
        .map(|f| f["suggestions"][0].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(houses, ["Jörg Brandtner"], "{doc}");
}

// ---------------------------------------------------------------------------------------
// Batch: folders, mixed inputs, JSONL, parallel order, HTML report.

/// A folder mixing text, HTML and JSONL gives one summary in which every document counts.
#[test]
fn a_mixed_folder_accounts_for_every_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("fixtures/de/clean.txt"), dir.path().join("a.txt")).expect("copy");
    std::fs::write(
        dir.path().join("b.html"),
        "<html><body><nav>Start</nav><article>\n<h1>Titel</h1>\n<p>Sie kamen und und gingen.</p>\n</article></body></html>\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"id\": \"r1\", \"text\": \"Ein Satz.\"}\n{\"id\": \"r2\", \"text\": \"Noch ein Satz.\"}\n{\"id\": \"r3\"}\n",
    )
    .expect("write");
    let folder = dir.path().to_string_lossy().into_owned();
    let out = mtlint(&["check", "--format", "jsonl", &folder]);
    let docs: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let ids: Vec<&str> = docs
        .iter()
        .map(|d| d["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert!(ids[0].ends_with("a.txt") && ids[1].ends_with("b.html"));
    assert_eq!(&ids[2..], ["r1", "r2", "r3"]);
    // The HTML finding points at the input line of its paragraph.
    assert_eq!(docs[1]["findings"][0]["line"], 3);
    assert_eq!(
        docs[4]["error"]
            .as_str()
            .map(|e| e.contains("no \"text\" field")),
        Some(true)
    );
    assert_eq!(code(&out), 2);

    let summary = stdout(&mtlint(&["check", "--format", "summary", &folder]));
    assert!(
        summary.contains("│ documents          │ 5 (1 could not be read)"),
        "{summary}"
    );
    let csv = stdout(&mtlint(&["check", "--format", "csv", &folder]));
    assert_eq!(csv.lines().count(), 1 + 5);
}

#[test]
fn jsonl_on_standard_input_streams_jsonl_out() {
    let input = b"{\"id\": 1, \"text\": \"Sie kamen und und gingen.\"}\n\n{\"id\": 2, \"text\": \"Ein Satz.\"}\n";
    let out = mtlint_with_stdin(&["check", "--format", "jsonl", "-"], input);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "1");
    assert_eq!(lines[0]["path"], "-:1");
    assert_eq!(lines[1]["path"], "-:3");
    assert_eq!(lines[0]["findings"][0]["rule"], "doubled-word");
}

#[test]
fn output_is_the_same_on_one_job_and_on_many() {
    let one = mtlint(&["check", "-j", "1", "--format", "jsonl", "fixtures"]);
    let many = mtlint(&["check", "-j", "4", "--format", "jsonl", "fixtures"]);
    assert_eq!(stdout(&one), stdout(&many));
}

/// Loads the HTML report in headless Chromium (Debian's `chromium` package), checks the DOM
/// after the script ran, and saves a screenshot of a highlighted article under
/// `target/html-report/`. Skipped with a message when Chromium is not installed, unless
/// `MTLINT_REQUIRE_CHROMIUM` is set (CI sets it after installing Chromium).
#[test]
fn html_report_renders_in_chromium() {
    let chromium = ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("MTLINT_REQUIRE_CHROMIUM").is_none(),
            "MTLINT_REQUIRE_CHROMIUM is set but chromium is not installed"
        );
        eprintln!(
            "html_report_renders_in_chromium: skipped, chromium is not installed (apt-get install chromium)"
        );
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/html-report");
    std::fs::create_dir_all(&dir).expect("report dir");
    let report = dir.join("report.html");
    let report_path = report.to_string_lossy().into_owned();
    let out = mtlint(&[
        "check",
        "--format",
        "html",
        "--output",
        &report_path,
        "fixtures",
    ]);
    assert_ne!(code(&out), 2, "{}", String::from_utf8_lossy(&out.stderr));

    let profile = tempfile::tempdir().expect("profile dir");
    let browser = |extra: &[String]| {
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=2000",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        args.extend_from_slice(extra);
        Command::new(chromium)
            .args(&args)
            .output()
            .expect("chromium runs")
    };
    let url = format!("file://{report_path}");
    let dom =
        String::from_utf8_lossy(&browser(&["--dump-dom".into(), url.clone()]).stdout).into_owned();
    assert!(
        dom.contains("data-ready=\"1\""),
        "the report's script did not run"
    );
    assert!(dom.contains("<table class=\"sortable\" id=\"doc-table\">"));
    assert_eq!(dom.matches("<tr class=").count(), fixture_texts());
    assert!(
        dom.matches("<mark class=\"f sev-").count() >= 10,
        "too few highlights"
    );
    assert!(dom.contains("<svg id=\"histogram\""));

    // A report of the article with the most findings, for a person to look at: its
    // highlighted text follows the summary and the table.
    let single = dir.join("mt-article.html");
    let single_path = single.to_string_lossy().into_owned();
    mtlint(&[
        "check",
        "--format",
        "html",
        "-o",
        &single_path,
        "fixtures/de/mt-article.txt",
    ]);
    let screenshot = dir.join("report.png");
    let _ = std::fs::remove_file(&screenshot);
    browser(&[
        format!("--screenshot={}", screenshot.display()),
        "--window-size=1280,2000".into(),
        format!("file://{single_path}"),
    ]);
    let png = std::fs::metadata(&screenshot).expect("screenshot written");
    assert!(png.len() > 10_000, "screenshot looks empty");
}
