//! Batch interface: one JSON object a line in (`id`, `dct`, `text`), one line out
//! (`id`, `timexes` with UTF-8 byte `start`/`end`, `type` and `value`).

use std::io::{BufRead, Write};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{TimexType, extract_temporal};

#[derive(Deserialize)]
struct Input {
    id: serde_json::Value,
    #[serde(default)]
    dct: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct OutTimex<'a> {
    start: u32,
    end: u32,
    #[serde(rename = "type")]
    ty: &'a TimexType,
    value: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    timexes: Vec<OutTimex<'a>>,
}

/// A line that could not be read as an input object; it is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// What a batch run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub documents: usize,
    pub bad_lines: Vec<BadLine>,
}

/// Reads one JSON object per line, extracts each text against its `dct` and writes
/// one line per good input. Bad lines (invalid JSON, missing fields, a `dct` that is
/// not a date) are reported with their line numbers and skipped; blank lines are
/// ignored. I/O errors stop the run.
pub fn run_jsonl<R: BufRead, W: Write>(input: R, mut output: W) -> std::io::Result<Report> {
    let mut report = Report::default();
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Input = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                report.bad_lines.push(BadLine {
                    line: n + 1,
                    message: e.to_string(),
                });
                continue;
            }
        };
        let dct = match doc.dct.as_deref().map(str::parse::<Date>) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                report.bad_lines.push(BadLine {
                    line: n + 1,
                    message: format!("bad dct: {e}"),
                });
                continue;
            }
        };
        let temporal = extract_temporal(&doc.text, dct);
        let out = Output {
            id: &doc.id,
            timexes: temporal
                .timexes
                .iter()
                .map(|t| OutTimex {
                    start: t.span.start,
                    end: t.span.end,
                    ty: &t.ty,
                    value: t.value.to_timex3(),
                })
                .collect(),
        };
        serde_json::to_writer(&mut output, &out)?;
        output.write_all(b"\n")?;
        report.documents += 1;
    }
    output.flush()?;
    Ok(report)
}
