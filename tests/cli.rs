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
    assert_eq!(dom.matches("<tr class=").count(), FIXTURES.len());
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
