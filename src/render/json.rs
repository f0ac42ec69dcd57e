//! JSON output: the contract scripts and CI depend on (documented in the README).
//!
//! Streamed: the head, each diagnostic as its file is checked, then the input errors
//! and the closing brace; the bytes are those `serde_json::to_string_pretty` gives
//! for the whole object (a test compares them).

use serde::Serialize;

use super::{FileResult, Format, Renderer};
use crate::decimal::push_decimal;
use crate::diagnostics::Finding;
use crate::error::{InputError, LineIndex};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    start: u32,
    end: u32,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
    fix: Option<&'a str>,
    help: Option<&'a str>,
    fact: Option<&'a str>,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    code: String,
    message: String,
    location: String,
}

/// The whole run as one JSON object.
pub fn render(results: &[FileResult], errors: &[InputError]) -> String {
    super::render_all(&Renderer::new(Format::Json, &[], None, false), results, errors)
}

/// Where each element of `diagnostics` starts: the array is a field of the top object.
pub(super) const INDENT: &str = "    ";

/// The start of the document, up to the `diagnostics` array's opening bracket.
pub(super) fn head() -> &'static str {
    "{\n  \"version\": 1,\n  \"diagnostics\": ["
}

/// One file's diagnostics, each pretty-printed as `serde_json::to_string_pretty`
/// would print it inside the whole document, separated by commas.
pub(super) fn fragment(path: &str, text: &str, findings: &[Finding]) -> String {
    let lines = LineIndex::new(text);
    // A diagnostic takes some 600 bytes: room for all at once, not a doubling per few.
    let mut out = String::with_capacity(findings.len() * 640);
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
            out.push_str(INDENT);
        }
        diagnostic(path, text, &lines, f).write_pretty(&mut out);
    }
    out
}

impl JsonDiagnostic<'_> {
    /// The diagnostic as `serde_json::to_string_pretty` prints it at [`INDENT`],
    /// written field by field: a diagnostic is written for every finding, and serde's
    /// pretty printer and the re-indenting cost more than the check of a document.
    fn write_pretty(&self, out: &mut String) {
        let strings = [
            ("path", Some(self.path)),
            ("rule", Some(self.rule)),
            ("severity", Some(self.severity)),
            ("message", Some(self.message)),
        ];
        let numbers = [
            ("start", self.start as usize),
            ("end", self.end as usize),
            ("line", self.line),
            ("column", self.column),
            ("end_line", self.end_line),
            ("end_column", self.end_column),
        ];
        let more = [
            ("text", Some(self.text)),
            ("fix", self.fix),
            ("help", self.help),
            ("fact", self.fact),
            ("source", self.source),
        ];
        out.push('{');
        let field = |out: &mut String, key: &str| {
            out.push_str("\n      \"");
            out.push_str(key);
            out.push_str("\": ");
        };
        for (key, value) in strings {
            field(out, key);
            push_value(out, value);
            out.push(',');
        }
        for (key, value) in numbers {
            field(out, key);
            push_decimal(out, value as i64);
            out.push(',');
        }
        for (k, (key, value)) in more.into_iter().enumerate() {
            field(out, key);
            push_value(out, value);
            if k + 1 < more.len() {
                out.push(',');
            }
        }
        out.push('\n');
        out.push_str(INDENT);
        out.push('}');
    }
}

/// A string as a JSON value (`null` for none), escaped as `serde_json` escapes it:
/// `"` and `\\`, the short forms `\b \f \n \r \t`, other control characters as `\u00xx`.
fn push_value(out: &mut String, value: Option<&str>) {
    let Some(s) = value else {
        out.push_str("null");
        return;
    };
    out.push('"');
    // Most strings need no escape: one branch-free pass (vectorized) says so.
    let needs_escape = s.as_bytes().chunks(32).any(|c| {
        c.iter()
            .fold(false, |e, &b| e | (b < 0x20) | (b == b'"') | (b == b'\\'))
    });
    if !needs_escape {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789abcdef"[usize::from(b & 0xF)]));
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

fn diagnostic<'a>(path: &'a str, text: &'a str, lines: &LineIndex, f: &'a Finding) -> JsonDiagnostic<'a> {
    let (line, column) = lines.line_col(f.span.start as usize);
    let (end_line, end_column) = lines.line_col(f.span.end as usize);
    JsonDiagnostic {
        path,
        rule: &f.rule,
        severity: f.severity.as_str(),
        message: &f.message,
        start: f.span.start,
        end: f.span.end,
        line,
        column,
        end_line,
        end_column,
        text: text.get(f.span.range()).unwrap_or(""),
        fix: f.fix.as_ref().map(|x| x.replacement.as_str()),
        help: f.help.as_deref(),
        fact: f.fact.as_ref().map(|x| x.text.as_str()),
        source: f.fact.as_ref().map(|x| x.source.as_str()),
    }
}

fn json_errors(errors: &[InputError]) -> Vec<JsonError> {
    errors
        .iter()
        .map(|e| JsonError {
            path: e.path.clone(),
            code: e.code.to_string(),
            message: e.message.clone(),
            location: e.location(),
        })
        .collect()
}

/// The end of the document: `diagnostics` closed (`any`: it has elements), the input
/// errors, the closing brace.
pub(super) fn tail(any: bool, errors: &[InputError]) -> String {
    let close = if any { "\n  ]" } else { "]" };
    format!(
        "{close},\n  \"errors\": {}\n}}\n",
        super::pretty_at(&json_errors(errors), "  ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use crate::source::SourceText;
    use crate::span::Span;

    #[derive(Serialize)]
    struct Output<'a> {
        version: u32,
        diagnostics: Vec<JsonDiagnostic<'a>>,
        errors: Vec<JsonError>,
    }

    /// The renderer before streaming: one `Output` value, pretty-printed whole.
    fn whole(results: &[FileResult], errors: &[InputError]) -> String {
        let mut diagnostics = Vec::new();
        for r in results {
            let Some(src) = &r.source else { continue };
            let lines = LineIndex::new(&src.text);
            for f in &r.findings {
                diagnostics.push(diagnostic(&r.path, &src.text, &lines, f));
            }
        }
        let out = Output {
            version: 1,
            diagnostics,
            errors: json_errors(errors),
        };
        serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".into()) + "\n"
    }

    fn file(path: &str, text: &str, findings: &[(usize, usize, &str)]) -> FileResult {
        let findings = findings
            .iter()
            .map(|&(start, end, message)| Finding {
                rule: "weekday-mismatch".into(),
                severity: Severity::Warning,
                span: Span::new(start, end),
                message: message.into(),
                labels: Vec::new(),
                help: Some("a \"quoted\"\nhelp".into()),
                fact: None,
                fix: None,
            })
            .collect();
        FileResult {
            path: path.into(),
            source: Some(SourceText::new(path, text.into())),
            findings,
        }
    }

    /// The files and errors of each case, by name.
    fn results(names: &str) -> Vec<FileResult> {
        names
            .chars()
            .map(|c| match c {
                'a' => file("a.md", "nothing\n", &[]),
                'c' => file(
                    "c.md",
                    "on Friday\n",
                    &[(
                        3,
                        9,
                        "line\nbreak \u{1} \"q\" \t\\ \r\u{8}\u{c}\u{1f}\u{7f} \u{2028} é/",
                    )],
                ),
                'd' => file("d.md", "é Friday, Friday\n", &[(3, 9, "x"), (11, 17, "y")]),
                _ => FileResult {
                    path: "e.md".into(),
                    source: None,
                    findings: Vec::new(),
                },
            })
            .collect()
    }

    #[test]
    fn streamed_bytes_equal_the_whole_document() {
        let err = InputError::new("source::binary", "b.md", "b.md: skipped\n\"binary\"");
        for (names, errors) in [
            ("", 0),
            ("a", 0),
            ("", 1),
            ("ac", 0),
            ("acxd", 2),
            ("daac", 1),
            ("x", 0),
        ] {
            let results = results(names);
            let errors = vec![err.clone(); errors];
            assert_eq!(render(&results, &errors), whole(&results, &errors), "{names}");
        }
    }
}
