//! `factlint check`.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use factlint::baseline::Baseline;
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
    let (engine, config, mut errors) = engine_and_config(&args.sources);
    // Not freed at exit: dropping the ledger and automaton was 5% of a small check.
    let mut engine = std::mem::ManuallyDrop::new(engine);
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
    let baseline = match args.baseline.as_deref().map(load_baseline).transpose() {
        Ok(b) => b,
        Err(e) => {
            print_errors(&[e]);
            return EXIT_ERROR;
        }
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

    let job = Job {
        engine: &engine,
        opts: &opts,
        min: level(args.min_severity),
        baseline: baseline.as_ref(),
        mode: if args.fix {
            FixMode::Write
        } else if args.diff {
            FixMode::Diff
        } else {
            FixMode::None
        },
        // Human output is rendered as each file is checked, and the file's text is
        // dropped: memory follows the output, not the number of files read.
        render_now: args.format == Format::Human && args.write_baseline.is_none() && !args.fix,
    };
    let progress = Progress::start(files.len());
    // Files are checked in parallel a chunk at a time, in path order; rendered human
    // output is written as each chunk completes, so neither texts nor output pile up.
    let check_chunk = |chunk: &[PathBuf]| -> Vec<Checked> {
        chunk
            .par_iter()
            .map(|p| {
                let shown = factlint::walk::display(p);
                let bytes = factlint::source::read_file(p, &shown);
                let done = job.check(shown, Some(p), bytes);
                progress.tick();
                done
            })
            .collect()
    };
    let pool = match args.threads {
        // `--threads`, else RAYON_NUM_THREADS (rayon reads it), else all cores.
        Some(n) => match rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build() {
            Ok(pool) => Some(pool),
            Err(e) => {
                eprintln!("error: cannot start {n} threads: {e}");
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    let mut results: Vec<Checked> = Vec::with_capacity(files.len());
    for chunk in files.chunks(256) {
        let mut checked = match &pool {
            Some(pool) => pool.install(|| check_chunk(chunk)),
            None => check_chunk(chunk),
        };
        if job.render_now && !stdin {
            let out: String = checked.iter_mut().filter_map(|c| c.rendered.take()).collect();
            if !emit(&out) {
                return EXIT_ERROR;
            }
        }
        results.extend(checked);
    }
    progress.finish();
    if stdin {
        let name = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
        let read = factlint::source::read_limited(std::io::stdin().lock(), None, &name);
        let done = job.check(name, None, read);
        // `--fix` on stdin prints the fixed text, as a formatter does.
        if args.fix {
            let text = done.fixed.as_ref().map(|f| f.new_text.clone());
            let text = text.or_else(|| done.result.source.as_ref().map(|s| s.text.to_string()));
            emit(&text.unwrap_or_default());
            if let Some(e) = done.error {
                print_errors(&[e]);
                return EXIT_ERROR;
            }
            return EXIT_OK;
        }
        results.push(done);
    }
    // The same bytes whatever the thread count: sort by path (findings are sorted).
    results.sort_by(|a, b| a.result.path.cmp(&b.result.path));
    let mut diffs = String::new();
    let (mut fixes, mut fixed_files) = (0, 0);
    let mut done = Vec::with_capacity(results.len());
    let mut rendered = String::new();
    let mut checked = 0;
    for c in results {
        errors.extend(c.error);
        if let Some(f) = c.fixed {
            diffs.push_str(&f.diff);
            fixes += f.count;
            fixed_files += 1;
        }
        checked += usize::from(c.checked);
        if let Some(r) = c.rendered {
            rendered.push_str(&r);
        }
        done.push(c.result);
    }
    let results = done;

    if let Some(path) = &args.write_baseline {
        let base = Baseline::record(results.iter().filter_map(|r| {
            r.source
                .as_ref()
                .map(|s| (r.path.as_str(), s.masked.as_str(), r.findings.as_slice()))
        }));
        let json = serde_json::to_string_pretty(&base).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(path, json) {
            eprintln!("error: {}: {e}", path.display());
            return EXIT_ERROR;
        }
        let n: usize = base.findings.iter().map(|e| e.count).sum();
        emit(&format!(
            "recorded {n} {} in {}\n",
            plural(n, "finding"),
            path.display()
        ));
        print_errors(&errors);
        return if errors.is_empty() { EXIT_OK } else { EXIT_ERROR };
    }
    if args.diff {
        print_errors(&errors);
        emit(&diffs);
        return if !errors.is_empty() {
            EXIT_ERROR
        } else if diffs.is_empty() {
            EXIT_OK
        } else {
            EXIT_FINDINGS
        };
    }
    if args.fix && !args.quiet && args.format == Format::Human {
        eprintln!(
            "Fixed {fixes} {} in {fixed_files} {}.",
            plural(fixes, "finding"),
            plural(fixed_files, "file")
        );
    }

    let fail = args.fail_on.map(level).or(config.fail_on).unwrap_or(Severity::Error);
    let failing = results.iter().flat_map(|r| &r.findings).any(|f| f.severity >= fail);
    let mut ok = match args.format {
        Format::Json => emit(&json::render(&results, &errors)),
        Format::Sarif => emit(&sarif::render(&results, &errors, &engine.rules)),
        Format::Github => emit(&github::render(&results, &errors)),
        Format::Junit => emit(&junit::render(&results, &errors, &engine.rules)),
        Format::Human => {
            print_errors(&errors);
            let mut out = if job.render_now {
                rendered
            } else {
                render_all(&results, &engine)
            };
            if !args.quiet {
                out.push_str(&summary(&results, checked));
            }
            emit(&out)
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum FixMode {
    None,
    Diff,
    Write,
}

/// What every file is checked with.
struct Job<'a> {
    engine: &'a Engine,
    opts: &'a CheckOptions,
    min: Severity,
    baseline: Option<&'a Baseline>,
    mode: FixMode,
    render_now: bool,
}

struct Fixed {
    new_text: String,
    count: usize,
    diff: String,
}

struct Checked {
    result: FileResult,
    error: Option<InputError>,
    fixed: Option<Fixed>,
    /// The file was read and checked (its source may since have been dropped).
    checked: bool,
    /// Its findings, rendered for the terminal, when rendered in the worker.
    rendered: Option<String>,
}

impl Job<'_> {
    fn check(&self, path: String, on_disk: Option<&Path>, bytes: Result<Vec<u8>, InputError>) -> Checked {
        let mut src = match bytes.and_then(|b| SourceText::from_bytes(&path, b)) {
            Ok(src) => src,
            Err(e) => {
                let result = FileResult {
                    path,
                    source: None,
                    findings: Vec::new(),
                };
                return Checked {
                    result,
                    error: Some(e),
                    fixed: None,
                    checked: false,
                    rendered: None,
                };
            }
        };
        let mut findings = self.findings(&src);
        let mut fixed = None;
        let mut error = None;
        if self.mode != FixMode::None && findings.iter().any(|f| f.fix.is_some()) {
            let (new_text, count) = factlint::fix::apply(&src.text, &findings);
            let diff = if self.mode == FixMode::Diff {
                factlint::fix::diff(&path, &src.text, &new_text)
            } else {
                String::new()
            };
            if self.mode == FixMode::Write {
                if let Some(p) = on_disk
                    && let Err(e) = factlint::fix::write_atomic(p, new_text.as_bytes())
                {
                    error = Some(InputError::new(
                        "io::write",
                        &path,
                        format!("{path}: cannot write fixes: {e}"),
                    ));
                }
                if error.is_none() {
                    // Report what is left in the fixed text.
                    src = SourceText::with_markup(&path, new_text.clone(), src.markup);
                    findings = self.findings(&src);
                }
            }
            if error.is_none() {
                fixed = Some(Fixed { new_text, count, diff });
            }
        }
        let mut source = Some(src);
        let mut rendered = None;
        if self.render_now
            && let Some(src) = source.take()
        {
            let handler = human::handler(color(), 80);
            let ledger = Some(&self.engine.ledger);
            rendered = Some(human::render_findings(&handler, &path, &src.text, &findings, ledger));
            // Once rendered, a finding only counts towards the summary: keep memory
            // flat in the number of files by dropping its texts.
            findings = findings.into_iter().map(|f| f.into_tally()).collect();
        }
        Checked {
            result: FileResult { path, source, findings },
            error,
            fixed,
            checked: true,
            rendered,
        }
    }

    fn findings(&self, src: &SourceText) -> Vec<factlint::diagnostics::Finding> {
        let mut findings = self.engine.check(src, self.opts);
        findings.retain(|f| f.severity >= self.min);
        if let Some(b) = self.baseline {
            b.filter(&src.path, &src.masked, &mut findings);
        }
        findings
    }
}

fn load_baseline(path: &Path) -> Result<Baseline, InputError> {
    let shown = factlint::walk::display(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError::new("io::read", &shown, format!("{shown}: cannot read: {e}")))?;
    serde_json::from_str(&text).map_err(|e| {
        let message = format!("{shown}:{}:{}: not a factlint baseline: {e}", e.line(), e.column());
        InputError::new("baseline::syntax", &shown, message)
    })
}

/// A progress line on stderr for long runs in a terminal (never in CI or a pipe).
struct Progress {
    state: Option<std::sync::Arc<(AtomicUsize, AtomicBool)>>,
    total: usize,
}

impl Progress {
    fn start(total: usize) -> Progress {
        let show = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none() && total > 50;
        let state = show.then(|| std::sync::Arc::new((AtomicUsize::new(0), AtomicBool::new(false))));
        if let Some(st) = state.clone() {
            std::thread::spawn(move || {
                // Only runs longer than a second get a progress line.
                std::thread::sleep(std::time::Duration::from_secs(1));
                while !st.1.load(Ordering::Relaxed) {
                    eprint!("\rchecked {}/{total} files", st.0.load(Ordering::Relaxed));
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
            });
        }
        Progress { state, total }
    }

    fn tick(&self) {
        if let Some(st) = &self.state {
            st.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn finish(&self) {
        if let Some(st) = &self.state {
            st.1.store(true, Ordering::Relaxed);
            eprint!("\r{}\r", " ".repeat(24 + 2 * self.total.to_string().len()));
        }
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

/// Every file's findings for the terminal (when they were not rendered as checked).
fn render_all(results: &[FileResult], engine: &Engine) -> String {
    let handler = human::handler(color(), 80);
    let mut out = String::new();
    for r in results {
        if let Some(src) = &r.source {
            out.push_str(&human::render_findings(
                &handler,
                &r.path,
                &src.text,
                &r.findings,
                Some(&engine.ledger),
            ));
        }
    }
    out
}

/// "Found 6 errors, 1 warning and 0 info in 1 of 1 file."
fn summary(results: &[FileResult], checked: usize) -> String {
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for f in results.iter().flat_map(|r| &r.findings) {
        match f.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Info => infos += 1,
        }
    }
    let files = results.iter().filter(|r| !r.findings.is_empty()).count();
    if errors + warnings + infos == 0 {
        format!("No findings in {checked} {}.\n", plural(checked, "file"))
    } else {
        format!(
            "Found {errors} {}, {warnings} {} and {infos} info in {files} of {checked} {}.\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(checked, "file")
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}
