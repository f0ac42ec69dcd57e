//! Errors in files the user gives factlint (ledger, rules, config, documents):
//! each names the file and, where there is one, the span of the mistake.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, Severity, SourceCode};

use crate::span::Span;

/// One problem in a user-supplied file, rendered by miette with the file's text.
#[derive(Debug, Clone)]
pub struct InputError {
    /// Stable code, e.g. `ledger::duplicate-id`.
    pub code: &'static str,
    pub message: String,
    pub path: String,
    /// The file's text, when the error points into it.
    pub text: Option<Arc<str>>,
    pub span: Option<Span>,
    pub label: String,
    pub help: Option<String>,
    /// Warnings (e.g. a gap in a series) do not fail `ledger check` unless asked.
    pub warning: bool,
    /// A second place that explains the first (the earlier duplicate).
    pub related: Option<(Span, String)>,
}

impl InputError {
    pub fn new(code: &'static str, path: &str, message: impl Into<String>) -> Self {
        InputError {
            code,
            message: message.into(),
            path: path.to_string(),
            text: None,
            span: None,
            label: String::new(),
            help: None,
            warning: false,
            related: None,
        }
    }

    pub fn at(mut self, text: &Arc<str>, span: Span, label: impl Into<String>) -> Self {
        self.text = Some(text.clone());
        self.span = Some(span);
        self.label = label.into();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related = Some((span, label.into()));
        self
    }

    pub fn warning(mut self) -> Self {
        self.warning = true;
        self
    }

    /// A TOML syntax or schema error, from the parser's message and span (not its
    /// `Display`, which already holds a rendered snippet).
    pub fn from_toml(code: &'static str, path: &str, text: &Arc<str>, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_string();
        let unknown = message.starts_with("unknown field");
        let code = match (unknown, code) {
            (true, "ledger::syntax") => "ledger::unknown-key",
            (true, "rules::syntax") => "rules::unknown-key",
            (true, "config::syntax") => "config::unknown-key",
            _ => code,
        };
        let mut e = InputError::new(code, path, format!("{path}: {message}"));
        if unknown && let Some(hint) = did_you_mean_field(&message) {
            e = e.with_help(hint);
        }
        if let Some(range) = err.span() {
            let span = Span::new(range.start.min(text.len()), range.end.min(text.len()));
            e = e.at(text, span, first_line(&message));
        }
        e
    }

    /// `path:line:column` of the span, for one-line reports.
    pub fn location(&self) -> String {
        match (&self.text, self.span) {
            (Some(text), Some(span)) => {
                let (line, col) = line_col(text, span.start as usize);
                format!("{}:{line}:{col}", self.path)
            }
            _ => self.path.clone(),
        }
    }
}

/// "unknown field `sorce`, expected one of `id`, `source`" -> "did you mean `source`?"
fn did_you_mean_field(message: &str) -> Option<String> {
    let mut parts = message.split('`');
    let field = parts.nth(1)?.to_string();
    let expected: Vec<String> = parts.skip(1).step_by(2).map(str::to_string).collect();
    crate::suggest::closest(&field, expected.iter()).map(|best| format!("did you mean `{best}`?"))
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.as_bytes().get(..offset).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let col = text
        .get(line_start..offset)
        .map_or(offset - line_start, |s| s.chars().count())
        + 1;
    (line, col)
}

/// Line starts of a text, for many [`line_col`] look-ups in one file: each is a binary
/// search plus the columns of one line, not a scan from the top of the file (which made
/// machine output quadratic in the size of a file with many findings).
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the start of each line after the first.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let starts = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).collect();
        LineIndex { text, starts }
    }

    /// The same answer as [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        // Lines that start at or before the offset (a newline at `offset` itself is
        // after it: its line starts at offset + 1).
        let n = self.starts.partition_point(|&s| s <= offset);
        let line_start = if n == 0 { 0 } else { self.starts[n - 1] };
        let col = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |s| s.chars().count())
            + 1;
        (n + 1, col)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

impl Diagnostic for InputError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("factlint::{}", self.code)))
    }

    fn severity(&self) -> Option<Severity> {
        Some(if self.warning {
            Severity::Warning
        } else {
            Severity::Error
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.text.as_ref().map(|_| self as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(self.label.clone()),
            span.start as usize..span.end as usize,
        )];
        if let Some((rel, label)) = &self.related {
            labels.push(LabeledSpan::new_with_span(
                Some(label.clone()),
                rel.start as usize..rel.end as usize,
            ));
        }
        Some(Box::new(labels.into_iter()))
    }
}

impl SourceCode for InputError {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text: &str = self.text.as_deref().unwrap_or("");
        let inner = text.read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Wraps a file's text for miette under the name it is shown with.
pub fn named_source(path: &str, text: &Arc<str>) -> NamedSource<String> {
    NamedSource::new(path, text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\nçé\n\nx\r\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line_col(offset), line_col(text, offset), "offset {offset}");
        }
        assert_eq!(LineIndex::new("").line_col(0), (1, 1));
    }

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "ab\nçd x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'x' is at byte 7 (ç takes two bytes) but column 4.
        assert_eq!(line_col(text, 7), (2, 4));
    }
}
