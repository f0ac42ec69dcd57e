//! `factlint extract`: what the grammar found, as JSON.

use std::io::Read;

use serde::Serialize;

use factlint::check::CheckOptions;
use factlint::claims::Claim;
use factlint::extract::{AcronymDef, Anniversary, DocDate, Number};
use factlint::source::SourceText;
use factlint::span::Span;

use super::*;
use crate::ExtractArgs;

#[derive(Serialize)]
struct Output<'a> {
    path: &'a str,
    doc_date: Option<DocDate>,
    timexes: Vec<TimexOut<'a>>,
    anniversaries: Vec<Item<'a, &'a Anniversary>>,
    mentions: Vec<MentionOut<'a>>,
    acronyms: &'a [AcronymDef],
    numbers: Vec<Item<'a, &'a Number>>,
    claims: &'a [Claim],
}

#[derive(Serialize)]
struct TimexOut<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    #[serde(rename = "type")]
    ty: factlint::extract::timex::TimexType,
    value: String,
    relative: bool,
    weekday: Option<&'a str>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    text: &'a str,
    start: u32,
    end: u32,
    refers_to: Vec<String>,
}

#[derive(Serialize)]
struct Item<'a, T> {
    text: &'a str,
    #[serde(flatten)]
    item: T,
}

/// `factlint extract --jsonl FILE`: the batch interface for pipelines and benchmarks.
fn run_jsonl(path: &std::path::Path) -> u8 {
    let shown = factlint::walk::display(path);
    let input: Box<dyn std::io::BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                eprintln!("error: {shown}: cannot read: {e}");
                return EXIT_ERROR;
            }
        }
    };
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    match factlint::extract::timex::jsonl::run_jsonl(input, out) {
        Ok(report) => {
            for bad in &report.bad_lines {
                eprintln!("error: {shown}:{}: skipped: {}", bad.line, bad.message);
            }
            if report.bad_lines.is_empty() {
                EXIT_OK
            } else {
                EXIT_ERROR
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: {shown}: {e}");
            EXIT_ERROR
        }
    }
}

pub fn run(args: ExtractArgs) -> u8 {
    if let Some(path) = &args.jsonl {
        return run_jsonl(path);
    }
    let (engine, errors) = engine(&args.sources);
    if !errors.is_empty() {
        print_errors(&errors);
        return EXIT_ERROR;
    }
    let date = match args.date.as_deref().map(parse_date).transpose() {
        Ok(d) => d,
        Err(msg) => {
            eprintln!("error: {msg}");
            return EXIT_ERROR;
        }
    };
    let (path, bytes) = match args.file.as_deref() {
        None => ("-".to_string(), read_stdin()),
        Some(p) if p.as_os_str() == "-" => ("-".to_string(), read_stdin()),
        Some(p) => (factlint::walk::display(p), std::fs::read(p).map_err(|e| e.to_string())),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {path}: cannot read: {e}");
            return EXIT_ERROR;
        }
    };
    let source = match SourceText::from_bytes(&path, bytes) {
        Ok(s) => s,
        Err(e) => {
            print_errors(&[e]);
            return EXIT_ERROR;
        }
    };
    let opts = CheckOptions {
        date,
        ..CheckOptions::default()
    };
    let (x, claims) = engine.extract(&source, &opts);
    let text = |s: Span| source.text.get(s.range()).unwrap_or("");
    let ledger = &engine.ledger;
    let out = Output {
        path: &path,
        doc_date: x.doc_date,
        timexes: x
            .timexes
            .iter()
            .map(|t| TimexOut {
                text: text(t.span),
                start: t.span.start,
                end: t.span.end,
                ty: t.ty,
                value: t.value.to_timex3(),
                relative: t.relative,
                weekday: t.weekday.map(|(_, s)| text(s)),
            })
            .collect(),
        anniversaries: x
            .anniversaries
            .iter()
            .map(|a| Item {
                text: text(a.span),
                item: a,
            })
            .collect(),
        mentions: x
            .mentions
            .iter()
            .map(|m| MentionOut {
                text: text(m.span),
                start: m.span.start,
                end: m.span.end,
                refers_to: m
                    .targets
                    .iter()
                    .map(|t| match *t {
                        factlint::extract::Target::Entity(e) => ledger.entity(e).id.clone(),
                        factlint::extract::Target::Office(o) => format!("office:{}", ledger.office(o).id),
                        factlint::extract::Target::Series(s) => format!("series:{}", ledger.series_by_id(s).id),
                        factlint::extract::Target::Members(e) => format!("members:{}", ledger.entity(e).id),
                    })
                    .collect(),
            })
            .collect(),
        acronyms: &x.acronyms,
        numbers: x
            .numbers
            .iter()
            .map(|n| Item {
                text: text(n.span),
                item: n,
            })
            .collect(),
        claims: &claims,
    };
    let json = serde_json::to_string_pretty(&out).unwrap_or_default();
    emit(&(json + "\n"));
    EXIT_OK
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map(|_| buf)
        .map_err(|e| e.to_string())
}
