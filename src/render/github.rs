//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per
//! finding, which the Actions runner turns into inline annotations on the diff.
//!
//! Escaping follows the runner's rules: in the message `%`, `\r` and `\n` are
//! percent-encoded; in property values `:` and `,` are too. Columns are characters,
//! as in the JSON output.

use super::{FileResult, Format, Renderer};
use crate::diagnostics::{Finding, Severity};
use crate::error::{InputError, LineIndex, line_col};

/// Every finding, then every input error, one workflow command a line.
pub fn render(results: &[FileResult], errors: &[InputError]) -> String {
    super::render_all(&Renderer::new(Format::Github, &[], None, false), results, errors)
}

/// One file's findings, one workflow command a line.
pub(super) fn fragment(path: &str, text: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    let lines = LineIndex::new(text);
    for f in findings {
        let (line, col) = lines.line_col(f.span.start as usize);
        let (end_line, end_col) = lines.line_col(f.span.end as usize);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(fix) = &f.fix {
            message.push_str(&format!("\nfix: replace with \"{}\"", fix.replacement));
        }
        if let Some(fact) = &f.fact {
            message.push_str(&format!("\nledger: {}; source: {}", fact.text, fact.source));
        }
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            property(path),
            property(&f.rule),
            data(&message),
        ));
    }
    out
}

/// The input errors, after every file's findings.
pub(super) fn tail(errors: &[InputError]) -> String {
    let mut out = String::new();
    for e in errors {
        let mut props = format!("file={}", property(&e.path));
        if let (Some(text), Some(span)) = (&e.text, e.span) {
            let (line, col) = line_col(text, span.start as usize);
            props.push_str(&format!(",line={line},col={col}"));
        }
        let command = if e.warning { "warning" } else { "error" };
        out.push_str(&format!(
            "::{command} {props},title={}::{}\n",
            property(&format!("factlint::{}", e.code)),
            data(&e.message)
        ));
    }
    out
}

/// Escapes a message (the text after `::`).
pub fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
