//! Bad input, one test per row of `docs/bad-input.md`: each gives a clear message
//! naming the file (and the position where there is one), the rest of the run goes
//! on, and the exit code says an error happened. Nothing panics.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use factlint::check::{CheckOptions, embedded};
use factlint::source::SourceText;

use crate::default_engine;

fn factlint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("factlint runs");
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A child that stops reading early (a refused input) closes the pipe: fine.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("factlint finishes")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}): {out:?}"))
}

fn error_messages(v: &serde_json::Value) -> Vec<String> {
    v["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["message"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The rules that fired, in order.
fn rules(v: &serde_json::Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

const GOOD: &str = "NATO, founded in 1950, endures.\n";

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A folder with `good.md` (one finding) and the given bad file.
fn with_good(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = temp();
    std::fs::write(dir.path().join("good.md"), GOOD).expect("write");
    std::fs::write(dir.path().join(name), bytes).expect("write");
    dir
}

fn check_json(dir: &Path, extra: &[&str]) -> (Output, serde_json::Value) {
    let mut args = vec!["check", ".", "--format", "json"];
    args.extend_from_slice(extra);
    let out = factlint_in(dir, &args, None);
    let v = json(&out);
    (out, v)
}

#[test]
fn non_utf8_bytes() {
    let dir = with_good("latin1.md", b"# Title\n\nQu\xe9bec, in 2024.\n");
    let (out, v) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"], "good.md is still checked");
    let errors = error_messages(&v);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("latin1.md:3:3: skipped: not valid UTF-8 (byte 0xE9 at offset 11)")),
        "{errors:?}"
    );
}

#[test]
fn utf8_bom_keeps_byte_offsets() {
    let text = "\u{feff}NATO, founded in 1950, endures.\n";
    let dir = with_good("bom.md", text.as_bytes());
    let (out, v) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "findings, no error");
    let d = v["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["path"] == "bom.md"))
        .cloned()
        .expect("a finding in bom.md");
    let (s, e) = (
        d["start"].as_u64().unwrap_or(0) as usize,
        d["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[s..e], d["text"].as_str().unwrap_or("?"));
    assert_eq!(text.find("1950"), Some(s), "offsets count the BOM's three bytes");
}

#[test]
fn crlf_line_endings_keep_exact_spans() {
    let lf = "# Statement\n\nOTTAWA, September 26, 2024 — Leaders met.\n\nNATO, founded in 1950, endures.\n";
    let crlf = lf.replace('\n', "\r\n");
    let dir = temp();
    std::fs::write(dir.path().join("lf.md"), lf).expect("write");
    std::fs::write(dir.path().join("crlf.md"), &crlf).expect("write");
    let (out, v) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let diags = v["diagnostics"].as_array().cloned().unwrap_or_default();
    let find = |path: &str| diags.iter().find(|d| d["path"] == path).cloned().expect("finding");
    let (a, b) = (find("lf.md"), find("crlf.md"));
    for (d, text) in [(&a, lf), (&b, crlf.as_str())] {
        let (s, e) = (
            d["start"].as_u64().unwrap_or(0) as usize,
            d["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(&text[s..e], "1950", "{d}");
    }
    assert_eq!(a["line"], b["line"]);
    assert_eq!(a["column"], b["column"]);
    assert_eq!(
        b["start"].as_u64().unwrap_or(0) - a["start"].as_u64().unwrap_or(0),
        4,
        "four CRs before it"
    );
    assert_eq!(a["rule"], b["rule"]);
}

#[test]
fn nul_bytes_and_binary_files() {
    let dir = with_good("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    // A NUL past the first 8 KiB: the file is text with a control byte in it.
    let mut late = "Filler words here. ".repeat(500).into_bytes();
    late.extend_from_slice(b"\x00 NATO, founded in 1950, endures.\n");
    std::fs::write(dir.path().join("late-nul.md"), &late).expect("write");
    let (out, v) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let errors = error_messages(&v);
    assert!(
        errors
            .iter()
            .any(|e| e == "image.md: skipped: a binary file (NUL byte at offset 8)"),
        "{errors:?}"
    );
    let paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, ["good.md", "late-nul.md"]);
}

#[test]
fn empty_file() {
    let dir = temp();
    std::fs::write(dir.path().join("empty.md"), "").expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let out = factlint_in(dir.path(), &["check", "."], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "No findings in 2 files.\n");
    let out = factlint_in(dir.path(), &["check", "-", "--format", "json"], Some(b""));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["diagnostics"].as_array().map(Vec::len), Some(0));
}

#[test]
fn file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = with_good("huge.md", b"");
    // 200 MB, sparse: the check must refuse it by its size, not read it.
    let huge = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("huge.md"))
        .expect("open");
    huge.set_len(200_000_000).expect("set_len");
    let (out, v) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"], "good.md is still checked");
    assert!(
        error_messages(&v).contains(&"huge.md: skipped: 200000000 bytes is over the 64 MiB limit".to_string()),
        "{v:#}"
    );
    // From a pipe, the size is known only once the limit is passed.
    let big = vec![b'a'; factlint::source::MAX_FILE_BYTES + 10];
    let out = factlint_in(dir.path(), &["check", "-", "--format", "json"], Some(&big));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(error_messages(&json(&out)), ["-: skipped: over the 64 MiB limit"]);
}

#[test]
fn single_five_megabyte_line() {
    // Prose words that start no date phrase keep this quick in a debug build; the
    // benchmarks time realistic text.
    let phrase = "partners agreed further cooperation, dialogue, security; prosperity ";
    let mut line = phrase.repeat(5 * 1024 * 1024 / phrase.len() + 1);
    let at = line.len();
    line.push_str("while NATO, founded in 1950, endures.");
    assert!(line.len() >= 5 * 1024 * 1024 && !line.contains('\n'));
    let src = SourceText::new("one-line.md", line.clone());
    let findings = default_engine().check(&src, &CheckOptions::default());
    let spans: Vec<&str> = findings.iter().map(|f| &line[f.span.range()]).collect();
    assert_eq!(spans, ["1950"]);
    assert_eq!(findings[0].span.start as usize, at + "while NATO, founded in ".len());
}

#[test]
fn deeply_nested_lists_and_block_quotes_do_not_overflow_the_stack() {
    const DEPTH: usize = 5_000;
    let mut quotes = "> ".repeat(DEPTH);
    quotes.push_str("NATO, founded in 1950, endures.\n");
    let mut lists = String::new();
    for i in 0..DEPTH {
        lists.push_str(&"  ".repeat(i));
        lists.push_str("- item\n");
    }
    lists.push_str("\nNATO, founded in 1950, endures.\n");
    let mixed: String = (0..DEPTH)
        .map(|i| if i % 2 == 0 { "> " } else { "- " })
        .collect::<String>()
        + GOOD;
    for doc in [quotes, lists, mixed] {
        // A small stack (256 KiB, a quarter of a typical main thread's budget on
        // some platforms) proves the check does not recurse with the nesting depth.
        let found = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                let src = SourceText::new("nested.md", doc);
                default_engine()
                    .check(&src, &CheckOptions::default())
                    .into_iter()
                    .map(|f| src.text[f.span.range()].to_string())
                    .collect::<Vec<_>>()
            })
            .expect("thread")
            .join()
            .expect("no stack overflow or panic");
        assert_eq!(found, ["1950"]);
    }
}

#[test]
fn unreadable_file() {
    let dir = with_good("locked.md", GOOD.as_bytes());
    let locked = dir.path().join("locked.md");
    let mut args: Vec<String> = vec!["check".into(), "good.md".into(), "--format".into(), "json".into()];
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let expected = if std::fs::read(&locked).is_err() {
        // Not root: mode 000 makes it unreadable.
        args.push("locked.md".into());
        "locked.md: cannot read: Permission denied".to_string()
    } else {
        // Root reads any mode: /proc/self/mem is a file that exists and fails to
        // read (EIO at offset 0), like a file on a failing or vanished mount.
        if !Path::new("/proc/self/mem").exists() {
            return;
        }
        args.push("/proc/self/mem".into());
        "/proc/self/mem: cannot read: Input/output error".to_string()
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = factlint_in(dir.path(), &args, None);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(rules(&v), ["event-date-mismatch"], "good.md is still checked");
    let errors = error_messages(&v);
    assert!(errors.iter().any(|e| e.starts_with(&expected)), "{errors:?}");
}

#[test]
fn file_that_vanished_before_it_was_read() {
    // A path given, then gone (deleted between listing and reading): a dangling
    // symlink is exactly that state, reproducibly.
    let dir = with_good("placeholder", b"");
    #[cfg(unix)]
    std::os::unix::fs::symlink("deleted.md", dir.path().join("gone.md")).expect("symlink");
    #[cfg(not(unix))]
    return;
    let out = factlint_in(dir.path(), &["check", "good.md", "gone.md", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    assert_eq!(error_messages(&v), ["gone.md: no such file or folder"]);
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let dir = with_good("placeholder", b"");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("inner.md"), GOOD).expect("write");
    // A folder link back to its parent, and two file links pointing at each other.
    std::os::unix::fs::symlink("..", sub.join("up")).expect("symlink");
    std::os::unix::fs::symlink("b.md", dir.path().join("a.md")).expect("symlink");
    std::os::unix::fs::symlink("a.md", dir.path().join("b.md")).expect("symlink");
    // Walking: links are not followed, so the loop is never entered.
    let (out, v) = check_json(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let paths: Vec<&str> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, ["good.md", "sub/inner.md"]);
    // Named on the command line, the loop is an error that says what it is.
    let out = factlint_in(dir.path(), &["check", "a.md", "good.md", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    let errors = error_messages(&v);
    assert!(
        errors.len() == 1 && errors[0].starts_with("a.md: cannot read: Too many levels of symbolic links"),
        "{errors:?}"
    );
}

#[test]
fn ledger_with_many_aliases_loads() {
    // The benchmark loads one entity with 1M aliases; here 20k keep the test quick.
    const N: usize = 20_000;
    let mut text = String::from(
        "[[entity]]\nid = \"many\"\nname = \"Many Names Council\"\nkind = \"organisation\"\nsource = \"s\"\naliases = [\n",
    );
    for i in 0..N {
        text.push_str(&format!("  \"Council Number {i}\",\n"));
    }
    text.push_str("]\n");
    let (engine, errors) = factlint::check::Engine::load(
        &[("many.toml".to_string(), Arc::from(text))],
        &embedded(factlint::rules::EMBEDDED),
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(engine.gazetteer.len(), N + 1);
    let mentions = engine
        .gazetteer
        .find("The Council Number 19999 met the Council Number 7.");
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[0].span.start, 4);
}

/// Runs `check good.md` with an extra ledger or rule file; returns the output.
fn check_with(flag: &str, name: &str, toml: &str) -> (Output, serde_json::Value) {
    let dir = with_good(name, toml.as_bytes());
    let out = factlint_in(dir.path(), &["check", "good.md", flag, name, "--format", "json"], None);
    let v = json(&out);
    (out, v)
}

#[test]
fn broken_toml() {
    for flag in ["--ledger", "--rules"] {
        let (out, v) = check_with(flag, "broken.toml", "[[entity]]\nid = \"x\nname = 1\n");
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert_eq!(
            rules(&v),
            ["event-date-mismatch"],
            "{flag}: the document is still checked"
        );
        let errors = error_messages(&v);
        assert!(
            v["errors"][0]["location"]
                .as_str()
                .is_some_and(|l| l.starts_with("broken.toml:2:")),
            "{flag}: {errors:?} {v:#}"
        );
    }
}

#[test]
fn unknown_keys() {
    let (out, v) = check_with(
        "--ledger",
        "ledger.toml",
        "[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"country\"\nsource = \"s\"\ncolour = \"red\"\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    let e = &v["errors"][0];
    assert_eq!(e["location"], "ledger.toml:6:1", "{e}");
    assert!(
        e["message"].as_str().unwrap_or("").contains("unknown field `colour`"),
        "{e}"
    );

    let (out, v) = check_with(
        "--rules",
        "rules.toml",
        "[[rule]]\nid = \"x\"\nname = \"X\"\nkind = \"weekday\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\ncolour = 1\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    let e = &v["errors"][0];
    assert!(
        e["location"].as_str().is_some_and(|l| l.starts_with("rules.toml:8:")),
        "{e}"
    );
    assert!(e["message"].as_str().unwrap_or("").contains("colour"), "{e}");
}

#[test]
fn rule_with_unknown_kind_or_ledger_relation() {
    let rule = |kind: &str, extra: &str| {
        format!(
            "[[rule]]\nid = \"x\"\nname = \"X\"\nkind = \"{kind}\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n{extra}"
        )
    };
    let (out, v) = check_with("--rules", "rules.toml", &rule("event-dat", ""));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    let e = &v["errors"][0];
    assert_eq!(e["location"], "rules.toml:4:8", "{e}");
    assert!(
        e["message"]
            .as_str()
            .unwrap_or("")
            .contains("unknown check kind `event-dat`"),
        "{e}"
    );

    // `events` names ledger event relations; "foundation" is not one. The error
    // points at the rule's `[rule.params]` table (line 8).
    let (out, v) = check_with(
        "--rules",
        "rules.toml",
        &rule("event-date", "[rule.params]\nevents = [\"foundation\"]\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    let e = &v["errors"][0];
    assert!(
        e["location"].as_str().is_some_and(|l| l.starts_with("rules.toml:8:")),
        "{e}"
    );
    assert!(e["message"].as_str().unwrap_or("").contains("foundation"), "{e}");
}

#[test]
fn february_30() {
    // In a document: not a date, so nothing is claimed about it, and no panic.
    let src = SourceText::new(
        "feb.md",
        "On February 30, 2024, NATO, founded on 30 February 1949, met. See also 2024-02-30.\n".into(),
    );
    let found = default_engine().extract(&src, &CheckOptions::default()).0;
    assert!(
        found.timexes.iter().all(|t| !src.text[t.span.range()].contains("30")),
        "{:?}",
        found.timexes
    );
    // On the command line: a usage error that names the flag and the value.
    let dir = with_good("placeholder", b"");
    let out = factlint_in(dir.path(), &["check", "good.md", "--date", "2024-02-30"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2024-02-30"), "{err}");
    // In the ledger: an error at the date, and the run goes on.
    let (out, v) = check_with(
        "--ledger",
        "ledger.toml",
        "[[entity]]\nid = \"x\"\nname = \"X\"\nkind = \"organisation\"\nsource = \"s\"\n\n[[event]]\nentity = \"x\"\nkind = \"founded\"\ndate = \"1949-02-30\"\nsource = \"s\"\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(rules(&v), ["event-date-mismatch"]);
    let e = &v["errors"][0];
    assert_eq!(e["location"], "ledger.toml:10:8", "{e}");
    assert!(e["message"].as_str().unwrap_or("").contains("1949-02-30"), "{e}");
}

#[test]
fn output_that_cannot_be_written() {
    // Linux's /dev/full fails every write with ENOSPC, as a full disk does.
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let dir = with_good("other.md", GOOD.as_bytes());
    for format in ["human", "json", "junit"] {
        let full = full.try_clone().expect("a second handle");
        let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["check", ".", "--no-config", "--format", format])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("factlint runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(
            stderr.contains("error: cannot write the output: No space left on device"),
            "{stderr}"
        );
    }
}

#[test]
fn junit_report_without_a_temporary_folder() {
    // Over 1 MiB of testsuites: they go to a temporary file, or stay in memory when
    // none can be made. The report is the same.
    let dir = temp();
    for i in 0..1500 {
        std::fs::write(dir.path().join(format!("doc-{i:04}.md")), GOOD).expect("write");
    }
    let run = |tmpdir: Option<&Path>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
        cmd.args(["check", ".", "--no-config", "--format", "junit"])
            .current_dir(dir.path());
        if let Some(t) = tmpdir {
            cmd.env("TMPDIR", t);
        }
        cmd.output().expect("factlint runs")
    };
    let spilled = run(None);
    let kept = run(Some(&dir.path().join("no such folder")));
    assert_eq!(
        spilled.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&spilled.stderr)
    );
    assert!(spilled.stdout.len() > 1 << 20, "more than 1 MiB of JUnit");
    assert!(kept.stderr.is_empty(), "{}", String::from_utf8_lossy(&kept.stderr));
    assert!(spilled.stdout == kept.stdout && spilled.status.code() == kept.status.code());
}
