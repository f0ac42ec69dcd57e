//! Command implementations shared helpers: loading sources, printing errors.

pub mod check;
pub mod completions;
pub mod extract;
pub mod fixtures;
pub mod ledger;
pub mod lsp;
pub mod rules;

use std::io::{IsTerminal, Write};

use factlint::check::{Engine, read_all};
use factlint::config::Config;
use factlint::error::InputError;
use factlint::render::human;

use crate::Sources;

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// The project config: `--config`, else the nearest factlint.toml, else defaults.
pub fn config(sources: &Sources, errors: &mut Vec<InputError>) -> Config {
    if sources.no_config {
        return Config::default_enabled();
    }
    let path = sources.config.clone().or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|d| factlint::config::discover(&d))
    });
    match path {
        Some(p) => match Config::load(&p) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                Config::default_enabled()
            }
        },
        None => Config::default_enabled(),
    }
}

/// The engine for these sources: the config's (embedded defaults unless turned off,
/// its files and overrides), then the command line's files.
pub fn engine_and_config(sources: &Sources) -> (Engine, Config, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut config = config(sources, &mut errors);
    if sources.no_default_ledger {
        config.default_ledger = false;
    }
    if sources.no_default_rules {
        config.default_rules = false;
    }
    let ledger = read_all(sources.ledger.iter().cloned(), &mut errors);
    let rules = read_all(sources.rules.iter().cloned(), &mut errors);
    let (engine, more) = Engine::configured(&config, ledger, rules);
    errors.extend(more);
    (engine, config, errors)
}

pub fn engine(sources: &Sources) -> (Engine, Vec<InputError>) {
    let (engine, _, errors) = engine_and_config(sources);
    (engine, errors)
}

/// `factlint init`.
pub fn init() -> u8 {
    let path = std::path::Path::new(factlint::config::FILE_NAME);
    if path.exists() {
        eprintln!("error: {} already exists", path.display());
        return EXIT_ERROR;
    }
    match std::fs::write(path, factlint::config::STARTER) {
        Ok(()) => {
            emit(&format!("wrote {}\n", path.display()));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            EXIT_ERROR
        }
    }
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
