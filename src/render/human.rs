//! Human output: one miette report per finding, with the file's text, labels on the
//! words, help, the ledger fact and its source, and the fix.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, Severity as MSeverity};

use crate::diagnostics::{Finding, Severity};
use crate::ledger::Ledger;

/// A finding with its document, as miette wants it.
#[derive(Debug)]
pub struct FindingReport {
    finding: Finding,
    source: NamedSource<Arc<str>>,
    help: Option<String>,
    related: Vec<LedgerNote>,
}

/// The ledger fact a finding relies on, shown with the ledger's TOML.
#[derive(Debug)]
struct LedgerNote {
    message: String,
    source: NamedSource<Arc<str>>,
    span: (usize, usize),
}

impl fmt::Display for LedgerNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for LedgerNote {}
impl Diagnostic for LedgerNote {
    fn severity(&self) -> Option<MSeverity> {
        Some(MSeverity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_primary_with_span(
            Some("the ledger's fact".into()),
            self.span.0..self.span.1,
        ))))
    }
}

impl FindingReport {
    pub fn new(path: &str, text: Arc<str>, finding: Finding, ledger: Option<&Ledger>) -> FindingReport {
        let mut help = Vec::new();
        if let Some(h) = &finding.help {
            help.push(h.clone());
        }
        if let Some(fact) = &finding.fact {
            help.push(format!("ledger: {}; source: {}", fact.text, fact.source));
        }
        if let Some(fix) = &finding.fix {
            help.push(format!("fix: replace with \"{}\"", fix.replacement));
        }
        let mut related = Vec::new();
        if let (Some(ledger), Some(origin)) = (ledger, finding.fact.as_ref().and_then(|f| f.origin))
            && let Some(file) = ledger.file(origin)
            && !file.path.starts_with("ledger/")
        {
            // User ledgers are shown; the embedded one is cited by its source only.
            related.push(LedgerNote {
                message: format!("ledger fact in {}", file.path),
                source: NamedSource::new(file.path.clone(), file.text.clone()),
                span: (origin.span.start as usize, origin.span.end as usize),
            });
        }
        FindingReport {
            source: NamedSource::new(path, text),
            help: (!help.is_empty()).then(|| help.join("\n")),
            finding,
            related,
        }
    }
}

impl fmt::Display for FindingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingReport {}

impl Diagnostic for FindingReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.finding.rule))
    }
    fn severity(&self) -> Option<MSeverity> {
        Some(match self.finding.severity {
            Severity::Error => MSeverity::Error,
            Severity::Warning => MSeverity::Warning,
            Severity::Info => MSeverity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = &self.finding;
        let primary_text = f
            .labels
            .iter()
            .find(|l| l.span == f.span)
            .map(|l| l.text.to_string())
            .unwrap_or_else(|| "here".into());
        let primary = LabeledSpan::new_primary_with_span(Some(primary_text), f.span.range());
        let others = f
            .labels
            .iter()
            .filter(|l| l.span != f.span)
            .map(|l| LabeledSpan::new_with_span(Some(l.text.to_string()), l.span.range()));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// The renderer: fixed width and no colour unless asked, so output is the same bytes
/// everywhere.
pub fn handler(color: bool, width: usize) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
        .without_syntax_highlighting()
}

/// Renders any diagnostic to a string.
pub fn render(handler: &GraphicalReportHandler, diagnostic: &dyn Diagnostic) -> String {
    let mut out = String::new();
    if handler.render_report(&mut out, diagnostic).is_err() {
        out = format!("{diagnostic}\n");
    }
    out
}

/// Every finding of one file, rendered one after another.
pub fn render_findings(
    handler: &GraphicalReportHandler,
    path: &str,
    text: &Arc<str>,
    findings: &[Finding],
    ledger: Option<&Ledger>,
) -> String {
    let mut out = String::new();
    for f in findings {
        let report = FindingReport::new(path, text.clone(), f.clone(), ledger);
        out.push_str(&render(handler, &report));
        out.push('\n');
    }
    out
}
