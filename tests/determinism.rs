//! The same bytes out for any number of threads, and streamed output equal to the
//! whole run rendered at once.
//!
//! `factlint check` renders each file as it is checked and writes the files a chunk
//! (256) at a time; the generated tree below has more than two chunks of files, names
//! whose order as paths and as strings differ, an unreadable file, an empty one, and
//! stdin, so chunk boundaries, ordering and the merge of stdin are all exercised.

use std::path::Path;
use std::process::{Command, Output};

use factlint::check::CheckOptions;
use factlint::error::InputError;
use factlint::render::{FileResult, github, json, junit, sarif};
use factlint::source::SourceText;

use crate::default_engine;

#[path = "../benches/gen/mod.rs"]
#[allow(dead_code, clippy::all)]
mod generator;

const FORMATS: [&str; 5] = ["human", "json", "sarif", "github", "junit"];

fn run(threads: &str, format: &str) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "corpus", "--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("factlint runs");
    (out.status.code(), out.stdout, out.stderr)
}

#[test]
fn one_and_eight_threads_give_the_same_bytes() {
    for format in FORMATS {
        let one = run("1", format);
        let eight = run("8", format);
        assert_eq!(one.0, Some(1), "corpus/planted has findings");
        assert!(one.1.len() > 3_000, "{format}: a real report, not an empty one");
        assert!(one == eight, "{format}: output differs between 1 and 8 threads");
    }
}

/// Files by their shown path. As paths, `docs/...` sorts before `docs-a.md` and
/// `docs.md` (component by component); as strings, after them. Output follows the
/// strings.
const EXTRA: [(&str, &[u8]); 5] = [
    ("docs.md", b"On Friday, 26 September 2024, TBC.\n"),
    ("docs-a.md", b"The 30 Allies met in Kiev.\n"),
    ("docs/z/inner.md", b"NATO, founded in 1950, met.\n"),
    ("docs/latin1.md", b"caf\xe9 on Friday\n"),
    ("docs/empty.md", b""),
];

/// What stdin holds, and the name it is given: the name of a file on disk, so that it
/// is written right after that file.
const STDIN: &[u8] = b"Finland, which joined NATO in 2022, TBC.\n";
const STDIN_NAME: &str = "docs/doc-00150.md";

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("z")).expect("mkdir");
    for i in 0..560u64 {
        // Small documents keep the test quick; the generator seeds each by its index.
        let text = generator::document(i + 1, 300 + (i as usize % 5) * 200);
        std::fs::write(docs.join(format!("doc-{i:05}.md")), text).expect("write");
    }
    for (name, bytes) in EXTRA {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

fn check_tree(dir: &Path, format: &str, threads: &str, stdin: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.args([
        "check",
        ".",
        "--no-config",
        "--statistics",
        "--format",
        format,
        "--threads",
        threads,
    ])
    .current_dir(dir)
    .env("NO_COLOR", "1");
    if stdin {
        cmd.args(["-", "--stdin-filename", STDIN_NAME]);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("factlint runs");
    if let Some(mut input) = child.stdin.take() {
        use std::io::Write;
        input.write_all(if stdin { STDIN } else { b"" }).expect("stdin written");
    }
    child.wait_with_output().expect("factlint runs")
}

/// The run as the library sees it: every file checked, in the order of its shown
/// path (stdin after the file of the same name), with the input errors in that order.
fn whole_run(dir: &Path, stdin: bool) -> (Vec<FileResult>, Vec<InputError>) {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(dir.join("docs")).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let name = format!("docs/{}", path.file_name().expect("name").to_string_lossy());
            files.push((name, std::fs::read(&path).expect("read")));
        }
    }
    for name in ["docs.md", "docs-a.md", "docs/z/inner.md"] {
        files.push((name.into(), std::fs::read(dir.join(name)).expect("read")));
    }
    files.sort();
    if stdin {
        let at = files.partition_point(|(name, _)| name.as_str() <= STDIN_NAME);
        files.insert(at, (STDIN_NAME.into(), STDIN.to_vec()));
    }
    let (mut results, mut errors) = (Vec::new(), Vec::new());
    for (path, bytes) in files {
        match SourceText::from_bytes(&path, bytes) {
            Ok(source) => {
                let findings = default_engine().check(&source, &CheckOptions::default());
                results.push(FileResult {
                    path,
                    source: Some(source),
                    findings,
                });
            }
            Err(e) => {
                errors.push(e);
                results.push(FileResult {
                    path,
                    source: None,
                    findings: Vec::new(),
                });
            }
        }
    }
    (results, errors)
}

/// Human output rendered at once: every file's reports, then the summary.
fn human_whole(results: &[FileResult]) -> String {
    let mut out = String::new();
    let (mut counts, mut with, mut checked) = ([0usize; 3], 0, 0);
    for r in results {
        let Some(src) = &r.source else { continue };
        checked += 1;
        out.push_str(&crate::render(&r.path, &src.text, &r.findings, default_engine()));
        with += usize::from(!r.findings.is_empty());
        for f in &r.findings {
            counts[f.severity as usize] += 1;
        }
    }
    let [infos, warnings, errors] = counts;
    let s = |n: usize| if n == 1 { "" } else { "s" };
    out + &format!(
        "Found {errors} error{}, {warnings} warning{} and {infos} info in {with} of {checked} file{}.\n",
        s(errors),
        s(warnings),
        s(checked)
    )
}

#[test]
fn streamed_output_equals_the_whole_run_rendered_at_once() {
    let dir = tree();
    let rules = &default_engine().rules;
    for stdin in [false, true] {
        let (results, errors) = whole_run(dir.path(), stdin);
        assert!(results.len() > 2 * 256, "more than two chunks of files");
        assert_eq!(errors.len(), 1, "the Latin-1 file");
        for format in FORMATS {
            let one = check_tree(dir.path(), format, "1", stdin);
            let three = check_tree(dir.path(), format, "3", stdin);
            assert_eq!(
                one.status.code(),
                Some(2),
                "{format}: the Latin-1 file is an input error"
            );
            assert!(
                one.stdout == three.stdout && one.stderr == three.stderr,
                "{format}, stdin {stdin}: 1 and 3 threads differ"
            );
            let stdout = String::from_utf8_lossy(&one.stdout);
            // `--statistics` follows the report; its lines are compared across threads.
            let report = strip_statistics(&stdout);
            let expected = match format {
                "human" => human_whole(&results),
                "json" => json::render(&results, &errors),
                "sarif" => sarif::render(&results, &errors, rules),
                "github" => github::render(&results, &errors),
                _ => junit::render(&results, &errors, rules),
            };
            if report != expected {
                let at = report.bytes().zip(expected.bytes()).take_while(|(a, b)| a == b).count();
                let from = at.saturating_sub(200);
                panic!(
                    "{format}, stdin {stdin}: streamed output differs at byte {at}:\n{}\n---- expected:\n{}",
                    report.get(from..(at + 200).min(report.len())).unwrap_or(""),
                    expected.get(from..(at + 200).min(expected.len())).unwrap_or("")
                );
            }
        }
    }
    // Human output is in the same file order as the machine formats.
    let human = String::from_utf8_lossy(&check_tree(dir.path(), "human", "2", false).stdout).into_owned();
    let (a, b, c) = (human.find("[docs-a.md:"), human.find("[docs.md:"), human.find("[docs/"));
    assert!(a < b && b < c && a.is_some(), "{a:?} {b:?} {c:?}");
}

/// The report without the `--statistics` lines after it (`     N  rule   severity`).
fn strip_statistics(out: &str) -> String {
    let mut lines: Vec<&str> = out.split_inclusive('\n').collect();
    while lines.last().is_some_and(|l| is_statistics_line(l)) {
        lines.pop();
    }
    lines.concat()
}

fn is_statistics_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let count = words.next().is_some_and(|n| n.parse::<usize>().is_ok());
    let rule = words.next().is_some();
    let severity = words.next().is_some_and(|s| ["error", "warning", "info"].contains(&s));
    count && rule && severity && words.next().is_none() && line.starts_with(' ')
}

#[test]
fn statistics_lines_are_recognised() {
    assert!(is_statistics_line("    12  weekday-mismatch             error\n"));
    assert!(!is_statistics_line(
        "Found 1 error, 0 warnings and 0 info in 1 of 1 file.\n"
    ));
    assert!(!is_statistics_line("}\n"));
}
