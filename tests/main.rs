//! factlint's integration tests: one binary, one module per area.

mod bad_input;
mod cli;
mod config;
mod corpus;
mod determinism;
mod fix;
mod formats;
mod ledger;
mod lsp;
mod rule_examples;
mod rule_fixtures;

use std::sync::OnceLock;

use factlint::check::Engine;

/// The engine with the embedded ledger and rules, built once.
pub fn default_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let (engine, errors) = Engine::with_defaults();
        assert!(errors.is_empty(), "embedded ledger/rules have errors: {errors:?}");
        engine
    })
}

/// The deterministic renderer used in snapshots: no colour, 80 columns.
pub fn render(
    path: &str,
    text: &std::sync::Arc<str>,
    findings: &[factlint::diagnostics::Finding],
    engine: &Engine,
) -> String {
    let handler = factlint::render::human::handler(false, 80);
    factlint::render::human::render_findings(&handler, path, text, findings, Some(&engine.ledger))
}

/// A path relative to the repository, with `/`.
pub fn rel(path: &std::path::Path) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
