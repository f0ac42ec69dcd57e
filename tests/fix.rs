//! `--fix`, `--diff`, baselines and inline suppressions.

use std::path::Path;
use std::process::{Command, Output};

fn factlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("factlint runs")
}

const PLANTED: &str = "corpus/planted/00-canada-france-defence-2024.md";

fn planted() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLANTED)).expect("corpus file")
}

#[test]
fn fix_applies_certain_fixes_and_is_idempotent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("doc.md");
    // CRLF line endings must survive a fix.
    let original = planted().replace('\n', "\r\n");
    std::fs::write(&doc, &original).expect("write");
    let out = factlint_in(dir.path(), &["check", "doc.md", "--fix"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "every planted error here has a certain fix: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let fixed = std::fs::read_to_string(&doc).expect("read");
    for (from, to) in [
        ("Their Defense and", "Their Defence and"),
        ("Friday, September 26", "Thursday, September 26"),
        ("Honourable Stephen Harper, Prime", "Honourable Justin Trudeau, Prime"),
        ("the 75th anniversary", "the 80th anniversary"),
        ("(NATO) in 1950", "(NATO) in 1949"),
        ("in 2025 and 2027", "in 2025 and 2026"),
    ] {
        assert!(original.contains(from) && fixed.contains(to), "{from} -> {to}");
    }
    assert_eq!(
        fixed.matches("\r\n").count(),
        original.matches("\r\n").count(),
        "line endings kept"
    );
    // Friday -> Thursday is the only change of length; nothing else moved.
    assert_eq!(fixed.len(), original.len() + 2, "only the fixed words changed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Fixed 6 findings in 1 file."));

    let again = factlint_in(dir.path(), &["check", "doc.md", "--fix"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&doc).expect("read"),
        fixed,
        "a second --fix changes nothing"
    );
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("doc.md"), planted()).expect("write");
    let out = factlint_in(dir.path(), &["check", "doc.md", "--diff"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&out.stdout);
    // Only the diff: no report of the findings before it.
    assert!(diff.starts_with("--- a/doc.md"), "{diff}");
    assert!(diff.contains("--- a/doc.md") && diff.contains("+++ b/doc.md"), "{diff}");
    assert!(diff.contains("-Ottawa, Ontario, Friday, September 26, 2024"), "{diff}");
    assert!(
        diff.contains("+Ottawa, Ontario, Thursday, September 26, 2024"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).expect("read"),
        planted()
    );
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "-", "--fix", "--stdin-filename", "d.md"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"We met on Friday, September 26, 2024.\n")
        .expect("write");
    let out = child.wait_with_output().expect("done");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "We met on Thursday, September 26, 2024.\n"
    );
}

#[test]
fn baseline_hides_known_findings_and_survives_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("doc.md");
    std::fs::write(&doc, planted()).expect("write");
    let out = factlint_in(dir.path(), &["check", "doc.md", "--write-baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("recorded 6 findings"));
    let quiet = factlint_in(dir.path(), &["check", "doc.md", "--baseline", "baseline.json"]);
    assert_eq!(
        quiet.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&quiet.stdout)
    );
    // An edit elsewhere keeps the old findings baselined; a new mistake is reported.
    let edited = planted().replace("# Joint Statement", "Intro paragraph added above.\n\n# Joint Statement")
        + "\nFinland, which joined NATO in 2022, took part.\n";
    std::fs::write(&doc, edited).expect("write");
    let out = factlint_in(
        dir.path(),
        &["check", "doc.md", "--baseline", "baseline.json", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(rules, ["membership-mismatch"]);
}

#[test]
fn inline_suppressions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "---\ndate: 2024-09-26\n---\n<!-- factlint-disable-next-line weekday-mismatch -->\nWe met on Friday, September 26, 2024.\n\n<!-- factlint-disable office-holder -->\nStephen Harper, Prime Minister of Canada, spoke.\n<!-- factlint-enable office-holder -->\n\nStephen Harper, Prime Minister of Canada, spoke again.\n\n<!-- factlint-disable-next-line tense-mismatch -->\nNothing to silence here.\n";
    std::fs::write(dir.path().join("doc.md"), text).expect("write");
    let out = factlint_in(dir.path(), &["check", "doc.md", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let got: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("office-holder-mismatch".to_string(), 11),
            ("unused-suppression".to_string(), 13)
        ]
    );
}

#[test]
fn a_failed_write_leaves_the_original_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = dir.path().join("doc.md");
    std::fs::write(&doc, "original").expect("write");
    // Take every temporary name this process could use, so the write must fail.
    for i in 0..100 {
        std::fs::write(
            dir.path()
                .join(format!(".doc.md.factlint-{}-{i}.tmp", std::process::id())),
            "",
        )
        .expect("write");
    }
    assert!(factlint::fix::write_atomic(&doc, b"new text").is_err());
    assert_eq!(std::fs::read_to_string(&doc).expect("read"), "original");
}
