//! `factlint check`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use rayon::prelude::*;

use factlint::check::{CheckOptions, Engine};
use factlint::diagnostics::Severity;
use factlint::error::InputError;
use factlint::render::{FileResult, github, human, json, junit, sarif};
use factlint::source::SourceText;

use super::*;
use crate::{CheckArgs, Format, Level};

fn level(l: Level) -> Severity {
    match l {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Info => Severity::Info,
    }
}

pub fn run(args: CheckArgs) -> u8 {
    let (mut engine, config, mut errors) = engine_and_config(&args.sources);
    if !args.select.is_empty() || !args.ignore.is_empty() {
        engine.select(&args.select, &args.ignore);
    }
    let date = match args.date.as_deref().map(parse_date).transpose() {
        Ok(d) => d,
        Err(msg) => {
            eprintln!("error: {msg}");
            return EXIT_ERROR;
        }
    };
    let opts = CheckOptions {
        date,
        report_unverified: args.report_unverified || config.report_unverified,
        date_sources: config.date,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    let on_disk: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let (files, walk_errors) = factlint::walk::collect(&on_disk, &config.files);
    errors.extend(walk_errors);

    let min = level(args.min_severity);
    let check_files = || -> Vec<(FileResult, Option<InputError>)> {
        files
            .par_iter()
            .map(|p| {
                let shown = factlint::walk::display(p);
                let bytes = std::fs::read(p)
                    .map_err(|e| InputError::new("io::read", &shown, format!("{shown}: cannot read: {e}")));
                check_one(&engine, &opts, shown, bytes, min)
            })
            .collect()
    };
    // `--threads`, else RAYON_NUM_THREADS (rayon reads it), else all cores.
    let mut results = match args.threads {
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build() {
            Ok(pool) => pool.install(check_files),
            Err(e) => {
                eprintln!("error: cannot start {n} threads: {e}");
                return EXIT_ERROR;
            }
        },
        None => check_files(),
    };
    if stdin {
        let name = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
        let mut buf = Vec::new();
        let read = std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| InputError::new("io::read", &name, format!("{name}: cannot read stdin: {e}")));
        results.push(check_one(&engine, &opts, name, read, min));
    }
    // The same bytes whatever the thread count: sort by path (findings are sorted).
    results.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let (results, file_errors): (Vec<FileResult>, Vec<Option<InputError>>) = results.into_iter().unzip();
    errors.extend(file_errors.into_iter().flatten());

    let fail = args.fail_on.map(level).or(config.fail_on).unwrap_or(Severity::Error);
    let failing = results.iter().flat_map(|r| &r.findings).any(|f| f.severity >= fail);
    let mut ok = match args.format {
        Format::Json => emit(&json::render(&results, &errors)),
        Format::Sarif => emit(&sarif::render(&results, &errors, &engine.rules)),
        Format::Github => emit(&github::render(&results, &errors)),
        Format::Junit => emit(&junit::render(&results, &errors, &engine.rules)),
        Format::Human => {
            print_errors(&errors);
            emit(&human_output(&results, &engine, args.quiet))
        }
    };
    if args.statistics {
        ok &= emit(&statistics(&results));
    }
    if !ok || !errors.is_empty() {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn check_one(
    engine: &Engine,
    opts: &CheckOptions,
    path: String,
    bytes: Result<Vec<u8>, InputError>,
    min: Severity,
) -> (FileResult, Option<InputError>) {
    let source = bytes.and_then(|b| SourceText::from_bytes(&path, b));
    match source {
        Ok(src) => {
            let mut findings = engine.check(&src, opts);
            findings.retain(|f| f.severity >= min);
            (
                FileResult {
                    path,
                    source: Some(src),
                    findings,
                },
                None,
            )
        }
        Err(e) => (
            FileResult {
                path,
                source: None,
                findings: Vec::new(),
            },
            Some(e),
        ),
    }
}

/// Findings per rule, most frequent first.
fn statistics(results: &[FileResult]) -> String {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in results.iter().flat_map(|r| &r.findings) {
        *counts.entry((f.rule.as_str(), f.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    for ((rule, sev), n) in rows {
        out.push_str(&format!("{n:>6}  {rule:<28} {}\n", sev.as_str()));
    }
    out
}

fn human_output(results: &[FileResult], engine: &Engine, quiet: bool) -> String {
    let handler = human::handler(color(), 80);
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos, mut files) = (0, 0, 0, 0);
    for r in results {
        let Some(src) = &r.source else { continue };
        if !r.findings.is_empty() {
            files += 1;
        }
        for f in &r.findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
        }
        out.push_str(&human::render_findings(
            &handler,
            &r.path,
            &src.text,
            &r.findings,
            Some(&engine.ledger),
        ));
    }
    if !quiet {
        let checked = results.iter().filter(|r| r.source.is_some()).count();
        if errors + warnings + infos == 0 {
            out.push_str(&format!("No findings in {checked} {}.\n", plural(checked, "file")));
        } else {
            out.push_str(&format!(
                "Found {errors} {}, {warnings} {} and {infos} info in {files} of {checked} {}.\n",
                plural(errors, "error"),
                plural(warnings, "warning"),
                plural(checked, "file")
            ));
        }
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}
