//! Command implementations shared helpers: loading sources, printing errors.

pub mod check;
pub mod completions;
pub mod extract;
pub mod ledger;
pub mod lsp;
pub mod rules;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use factlint::check::{Engine, Files, embedded};
use factlint::error::InputError;
use factlint::render::human;

use crate::Sources;

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Reads user files; unreadable ones become errors.
pub fn read_files(paths: &[PathBuf], errors: &mut Vec<InputError>) -> Files {
    let mut out = Vec::new();
    for p in paths {
        let shown = factlint::walk::display(p);
        match std::fs::read(p) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => out.push((shown, Arc::from(text))),
                Err(_) => errors.push(InputError::new(
                    "io::not-utf8",
                    &shown,
                    format!("{shown}: not valid UTF-8"),
                )),
            },
            Err(e) => errors.push(InputError::new(
                "io::read",
                &shown,
                format!("{shown}: cannot read: {e}"),
            )),
        }
    }
    out
}

/// The engine for these sources: embedded defaults unless turned off, then user files.
pub fn engine(sources: &Sources) -> (Engine, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut ledger = if sources.no_default_ledger {
        Vec::new()
    } else {
        embedded(factlint::ledger::EMBEDDED)
    };
    ledger.extend(read_files(&sources.ledger, &mut errors));
    let mut rules = if sources.no_default_rules {
        Vec::new()
    } else {
        embedded(factlint::rules::EMBEDDED)
    };
    rules.extend(read_files(&sources.rules, &mut errors));
    let (engine, more) = Engine::load(&ledger, &rules);
    errors.extend(more);
    (engine, errors)
}

pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints errors in user files to stderr with miette.
pub fn print_errors(errors: &[InputError]) {
    let handler = human::handler(color(), 100);
    let mut err = std::io::stderr().lock();
    for e in errors {
        let _ = err.write_all(human::render(&handler, e).as_bytes());
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(_) => false,
    }
}

pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    factlint::ledger::LedgerDate::parse(s)
        .and_then(|d| d.exact())
        .ok_or_else(|| format!("invalid --date `{s}`: expected YYYY-MM-DD"))
}
