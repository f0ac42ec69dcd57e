//! `factlint.toml`: discovery, overrides, unknown keys, file globs, `init`; and
//! output that is the same bytes whatever the thread count.

use std::path::Path;
use std::process::{Command, Output};

fn factlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .expect("factlint runs")
}

fn rules_in(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            format!(
                "{}:{}",
                d["rule"].as_str().unwrap_or(""),
                d["severity"].as_str().unwrap_or("")
            )
        })
        .collect()
}

const DOC: &str = "---\ndate: 2018-07-12\n---\n# Defense ties\n\nOur defence and defence again. The UK will host the NATO Summit in Wales in 2014. Leaders of the 28 Allies met.\n";

#[test]
fn config_is_found_upward_and_applied() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("docs/sub")).expect("mkdir");
    std::fs::write(dir.path().join("docs/sub/a.md"), DOC).expect("write");
    let base = factlint_in(&dir.path().join("docs/sub"), &["check", "a.md", "--format", "json"]);
    let mut before = rules_in(&base);
    before.sort();
    assert_eq!(
        before,
        [
            "member-count-mismatch:error",
            "spelling-inconsistent:warning",
            "tense-mismatch:warning"
        ]
    );

    std::fs::write(
        dir.path().join("factlint.toml"),
        "ignore = [\"spelling\"]\n[severity]\ntense-mismatch = \"error\"\n[params]\nmember-count-mismatch = { max_difference = 0 }\n",
    )
    .expect("write");
    let out = factlint_in(&dir.path().join("docs/sub"), &["check", "a.md", "--format", "json"]);
    let mut after = rules_in(&out);
    after.sort();
    // 28 vs 29 is within max_difference 0? No: it is 1 away, so the count is now a "subset".
    assert_eq!(
        after,
        ["tense-mismatch:error"],
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unknown_config_keys_are_errors_with_a_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.md"), "Fine text.\n").expect("write");
    std::fs::write(dir.path().join("factlint.toml"), "selct = [\"x\"]\n").expect("write");
    let out = factlint_in(dir.path(), &["check", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown field `selct`") && err.contains("did you mean `select`?"),
        "{err}"
    );
    assert!(err.contains("factlint.toml:1:1"), "{err}");

    std::fs::write(
        dir.path().join("factlint.toml"),
        "[severity]\ntense-mismach = \"error\"\n",
    )
    .expect("write");
    let out = factlint_in(dir.path(), &["check", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no rule `tense-mismach`") && err.contains("did you mean `tense-mismatch`?"),
        "{err}"
    );
}

#[test]
fn file_globs_and_init() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("drafts")).expect("mkdir");
    std::fs::write(dir.path().join("a.md"), "NATO, founded in 1950, endures.\n").expect("write");
    std::fs::write(dir.path().join("drafts/b.md"), "NATO, founded in 1951, endures.\n").expect("write");
    std::fs::write(dir.path().join("notes.rst"), "NATO, founded in 1952, endures.\n").expect("write");
    let all = factlint_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(rules_in(&all).len(), 2, "walks .md, not .rst");

    let init = factlint_in(dir.path(), &["init"]);
    assert_eq!(init.status.code(), Some(0));
    let starter = std::fs::read_to_string(dir.path().join("factlint.toml")).expect("init wrote it");
    assert!(
        factlint::config::Config::parse("factlint.toml", starter.into()).is_ok(),
        "the starter config parses"
    );
    assert_eq!(
        factlint_in(dir.path(), &["init"]).status.code(),
        Some(2),
        "init does not overwrite"
    );

    std::fs::write(
        dir.path().join("factlint.toml"),
        "[files]\ninclude = [\"*.md\", \"*.rst\"]\nexclude = [\"drafts/\"]\n",
    )
    .expect("write");
    let v: serde_json::Value =
        serde_json::from_slice(&factlint_in(dir.path(), &["check", "--format", "json"]).stdout).expect("JSON");
    let mut paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["path"].as_str())
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 2, "{v:#}");
    assert!(
        paths[0].ends_with("a.md") && paths[1].ends_with("notes.rst"),
        "{paths:?}"
    );
}

#[test]
fn output_is_identical_with_one_and_eight_threads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = factlint_in(root, &["check", "corpus", "--threads", "1"]);
    let eight = factlint_in(root, &["check", "corpus", "--threads", "8"]);
    assert_eq!(one.status.code(), Some(1));
    assert!(!one.stdout.is_empty());
    assert!(
        one.stdout == eight.stdout,
        "human output differs between 1 and 8 threads"
    );
    let one = factlint_in(root, &["check", "corpus", "--threads", "1", "--format", "json"]);
    let eight = factlint_in(root, &["check", "corpus", "--threads", "8", "--format", "json"]);
    assert!(
        one.stdout == eight.stdout,
        "JSON output differs between 1 and 8 threads"
    );
}

#[test]
fn statistics_count_per_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = factlint_in(
        root,
        &[
            "check",
            "corpus/planted",
            "--quiet",
            "--statistics",
            "--select",
            "weekday",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let row: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .find(|w| w.len() == 3 && w[1] == "weekday-mismatch")
        .unwrap_or_default();
    assert_eq!(row, ["7", "weekday-mismatch", "error"], "{text}");
}
