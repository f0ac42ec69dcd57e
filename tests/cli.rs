//! The command line contract: exit codes, the JSON output, stdin, errors that name
//! the file and the position.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn factlint(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("factlint runs");
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(input.as_bytes()).expect("stdin written");
    }
    child.wait_with_output().expect("factlint finishes")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn exit_codes() {
    assert_eq!(factlint(&["check", "corpus/clean"], None).status.code(), Some(0));
    assert_eq!(factlint(&["check", "corpus/planted"], None).status.code(), Some(1));
    // Warnings only fail when asked.
    let mixed = "# Defense matters\n\nOur defence and defence again.\n";
    assert_eq!(
        factlint(&["check", "-", "--stdin-filename", "d.md"], Some(mixed))
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        factlint(
            &["check", "-", "--stdin-filename", "d.md", "--fail-on", "warning"],
            Some(mixed)
        )
        .status
        .code(),
        Some(1)
    );
    let missing = factlint(&["check", "no/such/file.md"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.md"));
}

#[test]
fn json_contract() {
    let out = factlint(
        &[
            "check",
            "corpus/planted/00-canada-france-defence-2024.md",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let diags = v["diagnostics"].as_array().expect("diagnostics list");
    assert_eq!(diags.len(), 6, "{v:#}");
    let text = std::fs::read_to_string("corpus/planted/00-canada-france-defence-2024.md").expect("file");
    for d in diags {
        for key in [
            "path", "rule", "severity", "message", "start", "end", "line", "column", "fix",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap_or("")));
        let (s, e) = (
            d["start"].as_u64().unwrap_or(0) as usize,
            d["end"].as_u64().unwrap_or(0) as usize,
        );
        // Offsets are bytes into the file, and line/column point at the start.
        assert_eq!(&text[s..e], d["text"].as_str().unwrap_or(""));
        let line = d["line"].as_u64().unwrap_or(0) as usize;
        assert_eq!(text[..s].matches('\n').count() + 1, line);
    }
    let weekday = diags
        .iter()
        .find(|d| d["rule"] == "weekday-mismatch")
        .expect("weekday finding");
    assert_eq!(weekday["fix"], "Thursday");
    assert_eq!(weekday["text"], "Friday");
}

#[test]
fn stdin_and_date_flag() {
    let text = "Justin Trudeau, Prime Minister of Canada, spoke.\n";
    let at_2024 = json(&factlint(
        &["check", "-", "--format", "json", "--date", "2024-09-26"],
        Some(text),
    ));
    assert_eq!(at_2024["diagnostics"].as_array().map(Vec::len), Some(0));
    let at_2010 = json(&factlint(
        &["check", "-", "--format", "json", "--date", "2010-01-05"],
        Some(text),
    ));
    let d = &at_2010["diagnostics"][0];
    assert_eq!(d["rule"], "office-holder-mismatch");
    assert_eq!(d["fix"], "Stephen Harper");
    assert_eq!(d["path"], "-");
    let bad = factlint(&["check", "-", "--date", "2024-02-30"], Some(text));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn bad_files_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.md"), "NATO, founded in 1950, endures.\n").expect("write");
    std::fs::write(dir.path().join("latin1.txt"), b"Qu\xe9bec, 2024\n").expect("write");
    std::fs::write(dir.path().join("binary.md"), b"PK\x03\x04\x00\x00").expect("write");
    let out = factlint(&["check", dir.path().to_str().unwrap_or("."), "--format", "json"], None);
    assert_eq!(out.status.code(), Some(2), "an unreadable file is an error");
    let v = json(&out);
    assert_eq!(
        v["diagnostics"].as_array().map(Vec::len),
        Some(1),
        "the good file is still checked: {v:#}"
    );
    let errors: Vec<String> = v["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["message"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("latin1.txt:1:3") && e.contains("not valid UTF-8")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("binary.md") && e.contains("binary")),
        "{errors:?}"
    );
}

#[test]
fn broken_rules_and_ledger_name_file_and_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = dir.path().join("rules.toml");
    std::fs::write(&rules, "[[rule]]\nid = \"x\"\nname = \"X\"\nkind = \"event-dat\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n").expect("write");
    let out = factlint(
        &[
            "check",
            "corpus/clean/00-canada-france-defence-2024.md",
            "--rules",
            rules.to_str().unwrap_or(""),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown check kind `event-dat`") && err.contains("did you mean `event-date`"),
        "{err}"
    );
    assert!(err.contains("rules.toml:4:8"), "{err}");

    let ledger = dir.path().join("ledger.toml");
    std::fs::write(
        &ledger,
        "[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"country\"\nsource = \"s\"\ncolour = \"red\"\n",
    )
    .expect("write");
    let out = factlint(&["ledger", "check", ledger.to_str().unwrap_or("")], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown field `colour`"), "{err}");
    assert!(err.contains("ledger.toml:6:1"), "{err}");
}

#[test]
fn ledger_check_and_show() {
    let out = factlint(&["ledger", "check"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 errors"));
    let out = factlint(&["ledger", "show", "NATO"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("North Atlantic Treaty Organization (nato"), "{text}");
    assert!(text.contains("Founded 1949-04-04"), "{text}");
}

#[test]
fn explain_and_rules_list() {
    let out = factlint(&["explain", "weekday-mismatch"], None);
    assert!(String::from_utf8_lossy(&out.stdout).contains("## What it checks"));
    let out = factlint(&["explain", "weekday-mismatchh"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `weekday-mismatch`"));
    let out = factlint(&["rules", "list"], None);
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() >= 6);
}

#[test]
fn unverified_claims_are_silent_unless_asked() {
    let text = "---\ndate: 2024-09-26\n---\nThe Ukraine Defence Contact Group, founded in 2022, met. In 1990, Jean Chrétien, Prime Minister of Canada, spoke.\n";
    let quiet = json(&factlint(&["check", "-", "--format", "json"], Some(text)));
    assert_eq!(quiet["diagnostics"].as_array().map(Vec::len), Some(0));
    let asked = json(&factlint(
        &["check", "-", "--format", "json", "--report-unverified"],
        Some(text),
    ));
    let got: Vec<(String, String)> = asked["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["severity"].as_str().unwrap_or("").to_string(),
                d["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("info".to_string(), "2022".to_string()),
            ("info".to_string(), "Jean Chrétien".to_string())
        ]
    );
    // Info never fails a run by default.
    assert_eq!(
        factlint(&["check", "-", "--report-unverified"], Some(text))
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn extract_jsonl_batch() {
    let input = "{\"id\": \"a\", \"dct\": \"2024-09-26\", \"text\": \"NATO was founded in 1949. Last year we met.\"}\nnot json\n";
    let out = factlint(&["extract", "--jsonl", "-"], Some(input));
    assert_eq!(out.status.code(), Some(2), "a bad line is reported");
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2: skipped"));
    let line: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap_or_default()).expect("JSON line");
    assert_eq!(line["id"], "a");
    let values: Vec<(&str, u64)> = line["timexes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (t["value"].as_str().unwrap_or(""), t["start"].as_u64().unwrap_or(0)))
        .collect();
    assert_eq!(values, [("1949", 20), ("2023", 26)]);
}
