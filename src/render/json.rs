//! JSON output: the contract scripts and CI depend on (documented in the README).

use serde::Serialize;

use super::FileResult;
use crate::error::{InputError, LineIndex};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: Vec<JsonError>,
}

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
    let mut diagnostics = Vec::new();
    for r in results {
        let Some(src) = &r.source else { continue };
        let lines = LineIndex::new(&src.text);
        for f in &r.findings {
            let (line, column) = lines.line_col(f.span.start as usize);
            let (end_line, end_column) = lines.line_col(f.span.end as usize);
            diagnostics.push(JsonDiagnostic {
                path: &r.path,
                rule: &f.rule,
                severity: f.severity.as_str(),
                message: &f.message,
                start: f.span.start,
                end: f.span.end,
                line,
                column,
                end_line,
                end_column,
                text: src.text.get(f.span.range()).unwrap_or(""),
                fix: f.fix.as_ref().map(|x| x.replacement.as_str()),
                help: f.help.as_deref(),
                fact: f.fact.as_ref().map(|x| x.text.as_str()),
                source: f.fact.as_ref().map(|x| x.source.as_str()),
            });
        }
    }
    let errors = errors
        .iter()
        .map(|e| JsonError {
            path: e.path.clone(),
            code: e.code.to_string(),
            message: e.message.clone(),
            location: e.location(),
        })
        .collect();
    let out = Output {
        version: 1,
        diagnostics,
        errors,
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".into()) + "\n"
}
