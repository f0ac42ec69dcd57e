//! `factlint check`.

use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use factlint::baseline::Baseline;
use factlint::check::{CheckOptions, Engine};
use factlint::diagnostics::Severity;
use factlint::error::InputError;
use factlint::render::{self, FileResult, Fragment, Renderer, Writer};
use factlint::source::SourceText;

use super::*;
use crate::{CheckArgs, Level};

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
    // Output is in the order of the paths as shown, compared as strings. `collect`
    // sorts paths component by component, which is not the same ("a/b.md" comes
    // before "a-c.md" as a path, after it as a string): sorted again here (stably, as
    // the results were before), chunks are checked and written in output order.
    let mut files: Vec<(String, PathBuf)> = files.into_iter().map(|p| (factlint::walk::display(&p), p)).collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));

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
    let renderer = Renderer::new(args.format, &engine.rules, Some(&engine.ledger), color());
    let run = Run {
        args: &args,
        job: &job,
        pool: pool.as_ref(),
        renderer: &renderer,
        fail: args.fail_on.map(level).or(config.fail_on).unwrap_or(Severity::Error),
        stdin,
    };
    // Fixes, diffs and baselines need every file's text until the end; otherwise
    // each file is rendered as it is checked and only a tally is kept.
    if args.fix || args.diff || args.write_baseline.is_some() {
        run.buffered(&files, errors)
    } else {
        run.streamed(&files, errors)
    }
}

/// Files are checked in parallel a chunk at a time, in output order.
const CHUNK: usize = 256;

/// One `factlint check` run.
struct Run<'a> {
    args: &'a CheckArgs,
    job: &'a Job<'a>,
    pool: Option<&'a rayon::ThreadPool>,
    renderer: &'a Renderer<'a>,
    /// `--fail-on`.
    fail: Severity,
    /// `-` is among the paths.
    stdin: bool,
}

impl Run<'_> {
    /// Checks one chunk of files in parallel, each then finished by `then` in its
    /// worker; the results are in the chunk's order.
    fn chunk<T: Send>(
        &self,
        chunk: &[(String, PathBuf)],
        progress: &Progress,
        then: impl Fn(Checked) -> T + Sync,
    ) -> Vec<T> {
        let work = || {
            chunk
                .par_iter()
                .map(|(shown, p)| {
                    let bytes = factlint::source::read_file(p, shown);
                    let done = then(self.job.check(shown.clone(), Some(p), bytes));
                    progress.tick();
                    done
                })
                .collect()
        };
        match self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    fn check_stdin(&self) -> Checked {
        let name = self.args.stdin_filename.clone().unwrap_or_else(|| "-".into());
        let read = factlint::source::read_limited(std::io::stdin().lock(), None, &name);
        self.job.check(name, None, read)
    }

    /// Each chunk's files are rendered in the workers and written as the chunk
    /// completes; texts and findings are dropped once rendered, and only a tally is
    /// kept. Memory does not grow with the number of files (but for one path per file,
    /// and the input errors). Stdin is checked first; its rendered output waits for its
    /// place in path order.
    fn streamed(&self, files: &[(String, PathBuf)], mut errors: Vec<InputError>) -> u8 {
        let renderer = self.renderer;
        let rendered = |c: Checked| Rendered::new(c, renderer);
        let mut from_stdin = self.stdin.then(|| rendered(self.check_stdin()));
        let mut tally = Tally::default();
        // Fragments go straight to stdout (through a buffer), not to a chunk's string.
        let mut out = BufWriter::with_capacity(1 << 16, Stdout);
        let mut writer = match Writer::start(renderer, &mut out) {
            Ok(w) => w,
            Err(e) => return write_failed(&e),
        };
        let mut keep = |r: Rendered, out: &mut BufWriter<Stdout>, writer: &mut Writer| {
            let found = r
                .found
                .iter()
                .flat_map(|(rule, sev, n)| std::iter::repeat_n((rule.as_str(), *sev), *n));
            tally.add(r.checked, found);
            errors.extend(r.error);
            writer.push(out, r.fragment)
        };
        let progress = Progress::start(files.len());
        for chunk in files.chunks(CHUNK) {
            for r in self.chunk(chunk, &progress, rendered) {
                // Where the results were sorted by path, stdin came after the files of
                // the same name.
                let written = match from_stdin.take_if(|s| s.path < r.path) {
                    Some(s) => keep(s, &mut out, &mut writer),
                    None => Ok(()),
                };
                if let Err(e) = written.and_then(|()| keep(r, &mut out, &mut writer)) {
                    return write_failed(&e);
                }
            }
            // Each chunk's output is out as soon as it is rendered.
            if let Err(e) = out.flush() {
                return write_failed(&e);
            }
        }
        progress.finish();
        if let Some(s) = from_stdin
            && let Err(e) = keep(s, &mut out, &mut writer)
        {
            return write_failed(&e);
        }
        self.conclude(writer, &mut out, Vec::new(), &errors, &tally)
    }

    /// Every file's result is kept to the end: `--fix` (stdin's fixed text, the count
    /// of fixes), `--diff` and `--write-baseline` need them.
    fn buffered(&self, files: &[(String, PathBuf)], mut errors: Vec<InputError>) -> u8 {
        let args = self.args;
        let progress = Progress::start(files.len());
        let mut results: Vec<Checked> = Vec::with_capacity(files.len());
        for chunk in files.chunks(CHUNK) {
            results.extend(self.chunk(chunk, &progress, |c| c));
        }
        progress.finish();
        if self.stdin {
            let done = self.check_stdin();
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
        // The files are in order; this places stdin, after the files of the same name.
        results.sort_by(|a, b| a.result.path.cmp(&b.result.path));
        let mut diffs = String::new();
        let (mut fixes, mut fixed_files) = (0, 0);
        let mut done = Vec::with_capacity(results.len());
        let mut tally = Tally::default();
        for c in results {
            errors.extend(c.error);
            if let Some(f) = c.fixed {
                diffs.push_str(&f.diff);
                fixes += f.count;
                fixed_files += 1;
            }
            tally.add(
                c.checked,
                c.result.findings.iter().map(|f| (f.rule.as_str(), f.severity)),
            );
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
        if args.fix && !args.quiet && args.format == render::Format::Human {
            eprintln!(
                "Fixed {fixes} {} in {fixed_files} {}.",
                plural(fixes, "finding"),
                plural(fixed_files, "file")
            );
        }
        // Rendered whole, and written after the input errors are printed.
        let mut rendered = Vec::new();
        let mut writer = match Writer::start(self.renderer, &mut rendered) {
            Ok(w) => w,
            Err(e) => return write_failed(&e),
        };
        for r in &results {
            if let Err(e) = writer.push(&mut rendered, self.renderer.fragment(r)) {
                return write_failed(&e);
            }
        }
        self.conclude(writer, &mut BufWriter::new(Stdout), rendered, &errors, &tally)
    }

    /// After the last file: `rendered` (output not yet written), then the input
    /// errors and the end of the document, the summary, the statistics. The exit code.
    fn conclude(
        &self,
        writer: Writer,
        out: &mut BufWriter<Stdout>,
        rendered: Vec<u8>,
        errors: &[InputError],
        tally: &Tally,
    ) -> u8 {
        let args = self.args;
        let mut written = Ok(());
        if self.renderer.format() == render::Format::Human {
            print_errors(errors);
            written = out.write_all(&rendered);
            if !args.quiet {
                written = written.and_then(|()| out.write_all(tally.summary().as_bytes()));
            }
        } else {
            written = written
                .and_then(|()| out.write_all(&rendered))
                .and_then(|()| writer.finish(out, errors));
        }
        if args.statistics {
            written = written.and_then(|()| out.write_all(tally.statistics().as_bytes()));
        }
        if let Err(e) = written.and_then(|()| out.flush()) {
            return write_failed(&e);
        }
        if !errors.is_empty() {
            EXIT_ERROR
        } else if tally.worst.is_some_and(|w| w >= self.fail) {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        }
    }
}

/// stdout, where a closed pipe (`| head`) is not an error, as in `emit`.
struct Stdout;

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match std::io::stdout().lock().write_all(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(buf.len()),
            r => r.map(|()| buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match std::io::stdout().lock().flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r,
        }
    }
}

fn write_failed(e: &std::io::Error) -> u8 {
    eprintln!("error: cannot write the output: {e}");
    EXIT_ERROR
}

/// What a streamed run keeps of a checked file until it is written: its rendered
/// output, and each finding's rule and severity for the tally. Its text and findings
/// were dropped in the worker.
struct Rendered {
    path: String,
    error: Option<InputError>,
    checked: bool,
    fragment: Fragment,
    /// How many findings of each rule and severity: a document's findings are of
    /// few rules, so a rule id is copied once, not once per finding.
    found: Vec<(String, Severity, usize)>,
}

impl Rendered {
    fn new(c: Checked, renderer: &Renderer) -> Rendered {
        let fragment = renderer.fragment(&c.result);
        let mut found: Vec<(String, Severity, usize)> = Vec::new();
        for f in &c.result.findings {
            match found
                .iter_mut()
                .find(|(rule, sev, _)| *rule == f.rule && *sev == f.severity)
            {
                Some(seen) => seen.2 += 1,
                None => found.push((f.rule.clone(), f.severity, 1)),
            }
        }
        Rendered {
            path: c.result.path,
            error: c.error,
            checked: c.checked,
            fragment,
            found,
        }
    }
}

/// What the summary, `--statistics` and the exit code need of the findings.
#[derive(Default)]
struct Tally {
    /// Files read and checked.
    checked: usize,
    /// Files with a finding.
    files: usize,
    /// Findings by rule, then severity (info, warning, error).
    rules: BTreeMap<String, [usize; 3]>,
    /// The highest severity found.
    worst: Option<Severity>,
}

const SEVERITIES: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

impl Tally {
    fn add<'a>(&mut self, checked: bool, findings: impl Iterator<Item = (&'a str, Severity)>) {
        self.checked += usize::from(checked);
        let mut any = false;
        for (rule, sev) in findings {
            any = true;
            self.worst = self.worst.max(Some(sev));
            let i = SEVERITIES.iter().position(|&s| s == sev).unwrap_or(0);
            match self.rules.get_mut(rule) {
                Some(counts) => counts[i] += 1,
                None => {
                    let mut counts = [0; 3];
                    counts[i] = 1;
                    self.rules.insert(rule.to_string(), counts);
                }
            }
        }
        self.files += usize::from(any);
    }

    /// Findings of each severity, in the order of `SEVERITIES`.
    fn by_severity(&self) -> [usize; 3] {
        let mut total = [0; 3];
        for counts in self.rules.values() {
            for (t, n) in total.iter_mut().zip(counts) {
                *t += n;
            }
        }
        total
    }

    /// "Found 6 errors, 1 warning and 0 info in 1 of 1 file."
    fn summary(&self) -> String {
        let [infos, warnings, errors] = self.by_severity();
        let checked = self.checked;
        if errors + warnings + infos == 0 {
            format!("No findings in {checked} {}.\n", plural(checked, "file"))
        } else {
            format!(
                "Found {errors} {}, {warnings} {} and {infos} info in {} of {checked} {}.\n",
                plural(errors, "error"),
                plural(warnings, "warning"),
                self.files,
                plural(checked, "file")
            )
        }
    }

    /// Findings per rule, most frequent first.
    fn statistics(&self) -> String {
        let mut rows: Vec<((&str, Severity), usize)> = Vec::new();
        for (rule, counts) in &self.rules {
            for (&sev, &n) in SEVERITIES.iter().zip(counts) {
                if n > 0 {
                    rows.push(((rule.as_str(), sev), n));
                }
            }
        }
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out = String::new();
        for ((rule, sev), n) in rows {
            out.push_str(&format!("{n:>6}  {rule:<28} {}\n", sev.as_str()));
        }
        out
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
    /// The file was read and checked.
    checked: bool,
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
        Checked {
            result: FileResult {
                path,
                source: Some(src),
                findings,
            },
            error,
            fixed,
            checked: true,
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}
