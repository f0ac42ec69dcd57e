//! JUnit XML, for CI test reports: one `<testsuite>` per file, one `<testcase>` per
//! rule and file (a `<failure>` when the rule found something, passing otherwise),
//! and an `<error>` testcase for a file that could not be checked.
//!
//! Each file's `<testsuite>` is rendered as the file is checked; the start tag's totals
//! need the whole run, so the suites are held ([`Suites`]) and written at the end.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};

use super::{FileResult, Format, Fragment, Renderer};
use crate::diagnostics::Finding;
use crate::error::{InputError, LineIndex};
use crate::rules::Rule;

/// The whole run as one `<testsuites>` document.
pub fn render(results: &[FileResult], errors: &[InputError], rules: &[Rule]) -> String {
    super::render_all(&Renderer::new(Format::Junit, rules, None, false), results, errors)
}

/// One checked file's `<testsuite>`: a testcase per rule.
pub(super) fn fragment(path: &str, text: &str, findings: &[Finding], rules: &[Rule]) -> Fragment {
    let mut cases = String::new();
    let mut failures = 0;
    let lines = LineIndex::new(text);
    for rule in rules {
        let found: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule.id).collect();
        let _ = write!(
            cases,
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
            escape(&rule.id),
            escape(path),
            escape(path)
        );
        if found.is_empty() {
            cases.push_str("/>\n");
            continue;
        }
        failures += 1;
        let worst = found.iter().map(|f| f.severity).max().map_or("error", |s| s.as_str());
        let summary = match found.as_slice() {
            [one] => one.message.clone(),
            many => format!("{} findings", many.len()),
        };
        let mut body = String::new();
        for f in &found {
            let (line, col) = lines.line_col(f.span.start as usize);
            let _ = writeln!(body, "{path}:{line}:{col}: {}: {}", f.severity.as_str(), f.message);
            if let Some(fact) = &f.fact {
                let _ = writeln!(body, "  ledger: {}; source: {}", fact.text, fact.source);
            }
            if let Some(fix) = &f.fix {
                let _ = writeln!(body, "  fix: replace with \"{}\"", fix.replacement);
            }
        }
        let _ = write!(
            cases,
            ">\n      <failure message=\"{}\" type=\"{worst}\">{}</failure>\n    </testcase>\n",
            escape(&summary),
            escape(&body)
        );
    }
    let text = format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n{cases}  </testsuite>\n",
        escape(path),
        rules.len(),
    );
    Fragment {
        text,
        tests: rules.len(),
        failures,
    }
}

/// How many bytes of `<testsuite>` elements [`Suites`] keeps in memory before it moves
/// them to a temporary file.
pub const SPOOL_MEMORY: usize = 1 << 20;

/// The checked files' `<testsuite>` elements, held until the end: the `<testsuites>`
/// start tag carries the run's totals (tests, failures, errors), known only once every
/// file is checked. Past [`SPOOL_MEMORY`] bytes they go to an anonymous temporary file
/// (`tempfile::tempfile`, in `TMPDIR`; removed by the system when closed), so memory
/// stays flat; where no temporary file can be made, they stay in memory. The report
/// is the same bytes either way.
pub(super) struct Suites {
    memory: Vec<u8>,
    file: Option<File>,
    /// Whether a temporary file may be used (not for a run rendered at once, whose
    /// results are all in memory anyway).
    spill: bool,
    tests: usize,
    failures: usize,
}

fn spool_error(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("the JUnit report's temporary file: {e}"))
}

impl Suites {
    pub(super) fn new(spill: bool) -> Suites {
        Suites {
            memory: Vec::new(),
            file: None,
            spill,
            tests: 0,
            failures: 0,
        }
    }

    pub(super) fn push(&mut self, suite: &str, tests: usize, failures: usize) -> io::Result<()> {
        self.tests += tests;
        self.failures += failures;
        if self.spill && self.file.is_none() && self.memory.len() + suite.len() > SPOOL_MEMORY {
            // Without a temporary file the suites stay in memory: more memory, same report.
            if let Ok(mut file) = tempfile::tempfile() {
                file.write_all(&self.memory).map_err(spool_error)?;
                self.memory = Vec::new();
                self.file = Some(file);
            }
        }
        match &mut self.file {
            Some(file) => file.write_all(suite.as_bytes()).map_err(spool_error),
            None => {
                self.memory.extend_from_slice(suite.as_bytes());
                Ok(())
            }
        }
    }

    /// The document: the start tag with the totals, the files' suites, a suite for each
    /// input error, the end tag.
    pub(super) fn finish(self, out: &mut impl Write, errors: &[InputError]) -> io::Result<()> {
        let errored = errors.len();
        let (tests, failures) = (self.tests + errored, self.failures);
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errored}\">\n"
        )?;
        if let Some(mut file) = self.file {
            file.seek(SeekFrom::Start(0)).map_err(spool_error)?;
            let mut block = vec![0; 64 * 1024];
            loop {
                let n = file.read(&mut block).map_err(spool_error)?;
                if n == 0 {
                    break;
                }
                out.write_all(&block[..n])?;
            }
        }
        out.write_all(&self.memory)?;
        for e in errors {
            write!(
                out,
                "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase name=\"factlint::{code}\" classname=\"{path}\" file=\"{path}\">\n      <error message=\"{msg}\" type=\"{code}\">{loc}</error>\n    </testcase>\n  </testsuite>\n",
                path = escape(&e.path),
                code = escape(e.code),
                msg = escape(&e.message),
                loc = escape(&e.location()),
            )?;
        }
        out.write_all(b"</testsuites>\n")
    }
}

/// Escapes text for XML attributes and content. Characters XML 1.0 cannot hold (most
/// control characters) become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The renderer before streaming: the whole document built at once.
    fn whole(results: &[FileResult], errors: &[InputError], rules: &[Rule]) -> String {
        let mut suites = String::new();
        let (mut tests, mut failures, mut errored) = (0usize, 0usize, 0usize);
        for r in results {
            let Some(src) = &r.source else { continue };
            let mut cases = String::new();
            let mut suite_failures = 0;
            for rule in rules {
                let found: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == rule.id).collect();
                let _ = write!(
                    cases,
                    "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
                    escape(&rule.id),
                    escape(&r.path),
                    escape(&r.path)
                );
                if found.is_empty() {
                    cases.push_str("/>\n");
                    continue;
                }
                suite_failures += 1;
                let worst = found.iter().map(|f| f.severity).max().map_or("error", |s| s.as_str());
                let summary = match found.as_slice() {
                    [one] => one.message.clone(),
                    many => format!("{} findings", many.len()),
                };
                let mut body = String::new();
                let lines = LineIndex::new(&src.text);
                for f in &found {
                    let (line, col) = lines.line_col(f.span.start as usize);
                    let _ = writeln!(body, "{}:{line}:{col}: {}: {}", r.path, f.severity.as_str(), f.message);
                    if let Some(fact) = &f.fact {
                        let _ = writeln!(body, "  ledger: {}; source: {}", fact.text, fact.source);
                    }
                    if let Some(fix) = &f.fix {
                        let _ = writeln!(body, "  fix: replace with \"{}\"", fix.replacement);
                    }
                }
                let _ = write!(
                    cases,
                    ">\n      <failure message=\"{}\" type=\"{worst}\">{}</failure>\n    </testcase>\n",
                    escape(&summary),
                    escape(&body)
                );
            }
            tests += rules.len();
            failures += suite_failures;
            let _ = write!(
                suites,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{suite_failures}\" errors=\"0\">\n{cases}  </testsuite>\n",
                escape(&r.path),
                rules.len(),
            );
        }
        for e in errors {
            tests += 1;
            errored += 1;
            let _ = write!(
                suites,
                "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase name=\"factlint::{code}\" classname=\"{path}\" file=\"{path}\">\n      <error message=\"{msg}\" type=\"{code}\">{loc}</error>\n    </testcase>\n  </testsuite>\n",
                path = escape(&e.path),
                code = escape(e.code),
                msg = escape(&e.message),
                loc = escape(&e.location()),
            );
        }
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errored}\">\n{suites}</testsuites>\n"
        )
    }

    #[test]
    fn streamed_bytes_equal_the_whole_document() {
        let (engine, _) = crate::check::Engine::with_defaults();
        let rules = &engine.rules;
        let text = "On Friday, 26 September 2024, NATO's 30 Allies <met> & agreed.\n";
        let source = crate::source::SourceText::new("a&b.md", text.into());
        let findings = engine.check(&source, &crate::check::CheckOptions::default());
        assert!(!findings.is_empty(), "the document has findings");
        let results = [
            FileResult {
                path: "a&b.md".into(),
                source: Some(source),
                findings,
            },
            FileResult {
                path: "unread.md".into(),
                source: None,
                findings: Vec::new(),
            },
            FileResult {
                path: "clean.md".into(),
                source: Some(crate::source::SourceText::new("clean.md", "Nothing.\n".into())),
                findings: Vec::new(),
            },
        ];
        let errors = [InputError::new("source::binary", "unread.md", "unread.md: <binary>")];
        for (files, errors) in [
            (&results[..], &errors[..]),
            (&results[..0], &errors[..]),
            (&results[2..], &[][..]),
        ] {
            assert_eq!(render(files, errors, rules), whole(files, errors, rules));
        }
        // Spilled to a temporary file past SPOOL_MEMORY: the same bytes as in memory.
        let renderer = Renderer::new(Format::Junit, rules, None, false);
        let fragment = renderer.fragment(&results[0]);
        let (mut spilled, mut kept) = (Suites::new(true), Suites::new(false));
        for _ in 0..=SPOOL_MEMORY / fragment.text.len() + 1 {
            for suites in [&mut spilled, &mut kept] {
                suites
                    .push(&fragment.text, fragment.tests, fragment.failures)
                    .expect("written");
            }
        }
        assert!(spilled.file.is_some() && spilled.memory.is_empty(), "spilled");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        spilled.finish(&mut a, &errors).expect("written");
        kept.finish(&mut b, &errors).expect("written");
        assert!(a == b, "the spilled report differs");
    }

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{fffd}"
        );
    }
}
