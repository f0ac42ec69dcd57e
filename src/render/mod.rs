//! Output: findings of many files in human (miette) or machine formats. The only
//! module, with `main`, that writes to the terminal.
//!
//! Every format is written as a stream: a [`Renderer`] turns one checked file into a
//! [`Fragment`] of the output (in the worker that checked it, so the file's text and
//! findings can be dropped at once), and a [`Writer`] writes the document's head,
//! the fragments in path order and its tail. Memory then does not grow with the number
//! of files. The `render` function of each format module writes a whole run at once
//! through the same two steps.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostics::Finding;
use crate::error::InputError;
use crate::ledger::Ledger;
use crate::rules::Rule;
use crate::source::SourceText;

/// One checked file and what was found in it.
pub struct FileResult {
    pub path: String,
    pub source: Option<SourceText>,
    pub findings: Vec<Finding>,
}

/// The output formats of `factlint check` (`--format`; the variants' doc comments
/// are its help).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    // miette reports, one per finding (input errors and the summary are the CLI's).
    Human,
    Json,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
    /// GitHub Actions workflow commands (inline annotations).
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

/// Renders one file's part of the output. Shared by the worker threads.
pub struct Renderer<'a> {
    format: Format,
    rules: &'a [Rule],
    ledger: Option<&'a Ledger>,
    color: bool,
    /// SARIF: each rule's index in `tool.driver.rules`.
    rule_index: BTreeMap<&'a str, usize>,
}

impl<'a> Renderer<'a> {
    /// `rules` are the loaded rules (SARIF describes them, JUnit has a testcase for
    /// each); `ledger` and `color` are for human output.
    pub fn new(format: Format, rules: &'a [Rule], ledger: Option<&'a Ledger>, color: bool) -> Renderer<'a> {
        let rule_index = match format {
            Format::Sarif => rules.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect(),
            _ => BTreeMap::new(),
        };
        Renderer {
            format,
            rules,
            ledger,
            color,
            rule_index,
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// One file's part of the output. A file that was not read (no source) has none:
    /// its input error is written with the others at the end.
    pub fn fragment(&self, r: &FileResult) -> Fragment {
        let Some(src) = &r.source else {
            return Fragment::default();
        };
        let text = &src.text;
        match self.format {
            Format::Human => {
                let handler = human::handler(self.color, 80);
                Fragment::text(human::render_findings(
                    &handler,
                    &r.path,
                    text,
                    &r.findings,
                    self.ledger,
                ))
            }
            Format::Json => Fragment::text(json::fragment(&r.path, text, &r.findings)),
            Format::Sarif => Fragment::text(sarif::fragment(&r.path, text, &r.findings, &self.rule_index)),
            Format::Github => Fragment::text(github::fragment(&r.path, text, &r.findings)),
            Format::Junit => junit::fragment(&r.path, text, &r.findings, self.rules),
        }
    }
}

/// One file's part of the output, rendered.
#[derive(Default)]
pub struct Fragment {
    /// JSON and SARIF: the file's array elements, indented and separated by commas
    /// (the writer adds the comma before the first of them); other formats: the text.
    text: String,
    /// JUnit: the testcases of the file's `<testsuite>`, and how many failed.
    tests: usize,
    failures: usize,
}

impl Fragment {
    fn text(text: String) -> Fragment {
        Fragment {
            text,
            ..Fragment::default()
        }
    }
}

/// Writes one output document: [`Writer::start`] (the head), [`Writer::push`] each
/// file's fragment in path order, [`Writer::finish`] (the input errors and the tail).
pub struct Writer<'a> {
    renderer: &'a Renderer<'a>,
    /// JSON and SARIF: an element of the streamed array has been written.
    any: bool,
    /// JUnit: the `<testsuite>` elements, held until the totals are known.
    suites: Option<junit::Suites>,
}

impl<'a> Writer<'a> {
    /// Writes the head. JUnit's testsuites go to a temporary file past
    /// [`junit::SPOOL_MEMORY`] bytes (see [`junit::Suites`]).
    pub fn start(renderer: &'a Renderer<'a>, out: &mut impl Write) -> io::Result<Writer<'a>> {
        Writer::begin(renderer, out, true)
    }

    fn begin(renderer: &'a Renderer<'a>, out: &mut impl Write, spill: bool) -> io::Result<Writer<'a>> {
        match renderer.format {
            Format::Json => out.write_all(json::head().as_bytes())?,
            Format::Sarif => out.write_all(sarif::head().as_bytes())?,
            Format::Human | Format::Github | Format::Junit => {}
        }
        Ok(Writer {
            renderer,
            any: false,
            suites: (renderer.format == Format::Junit).then(|| junit::Suites::new(spill)),
        })
    }

    pub fn push(&mut self, out: &mut impl Write, fragment: Fragment) -> io::Result<()> {
        if fragment.text.is_empty() {
            return Ok(());
        }
        let indent = match self.renderer.format {
            Format::Json => json::INDENT,
            Format::Sarif => sarif::INDENT,
            Format::Human | Format::Github => return out.write_all(fragment.text.as_bytes()),
            Format::Junit => {
                return match &mut self.suites {
                    Some(suites) => suites.push(&fragment.text, fragment.tests, fragment.failures),
                    None => Ok(()),
                };
            }
        };
        out.write_all(if self.any { b",\n" } else { b"\n" })?;
        out.write_all(indent.as_bytes())?;
        self.any = true;
        out.write_all(fragment.text.as_bytes())
    }

    /// The input errors (human output: none, the CLI prints them on stderr) and the
    /// end of the document.
    pub fn finish(self, out: &mut impl Write, errors: &[InputError]) -> io::Result<()> {
        match self.renderer.format {
            Format::Human => Ok(()),
            Format::Json => out.write_all(json::tail(self.any, errors).as_bytes()),
            Format::Sarif => out.write_all(sarif::tail(self.any, errors, self.renderer.rules).as_bytes()),
            Format::Github => out.write_all(github::tail(errors).as_bytes()),
            Format::Junit => match self.suites {
                Some(suites) => suites.finish(out, errors),
                None => Ok(()),
            },
        }
    }
}

/// A whole run at once, through the streaming writer (the `render` of each format).
fn render_all(renderer: &Renderer, results: &[FileResult], errors: &[InputError]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and nothing spills to a temporary file (the
    // results are all in memory already): there is no error to report.
    let _ = Writer::begin(renderer, &mut out, false).and_then(|mut w| {
        for r in results {
            w.push(&mut out, renderer.fragment(r))?;
        }
        w.finish(&mut out, errors)
    });
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `value` as pretty JSON (two-space indents, as `serde_json::to_string_pretty`), each
/// line after the first indented by `indent`, to stand inside an enclosing document.
/// JSON strings never hold a raw newline, so only the layout's newlines are indented.
fn pretty_at<T: Serialize + ?Sized>(value: &T, indent: &str) -> String {
    // The values written here are plain structs with string keys: serializing cannot
    // fail. Should it, `null` keeps the document valid JSON.
    let pretty = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    pretty.replace('\n', &format!("\n{indent}"))
}
