//! The shipped ledger validates; each kind of ledger mistake is reported with a span
//! into the TOML (snapshots of the miette output).

use std::sync::Arc;

use factlint::check::embedded;

use crate::rel;

#[test]
fn shipped_ledger_has_no_errors() {
    let files = embedded(factlint::ledger::EMBEDDED);
    let (ledger, mut errors) = factlint::ledger::load(&files);
    errors.extend(factlint::ledger::validate(&ledger));
    let hard: Vec<String> = errors
        .iter()
        .filter(|e| !e.warning)
        .map(|e| format!("{}: {}", e.location(), e.message))
        .collect();
    assert!(hard.is_empty(), "{}", hard.join("\n"));
    assert!(ledger.entities.len() > 300, "{} entities", ledger.entities.len());
    // Every fact carries a source.
    assert!(ledger.events.iter().all(|e| !e.source.trim().is_empty()));
    assert!(ledger.terms.iter().all(|t| !t.source.trim().is_empty()));
}

#[test]
fn broken_ledgers() {
    insta::glob!("fixtures/ledger-errors", "*.toml", |path| {
        let text: Arc<str> = Arc::from(std::fs::read_to_string(path).expect("fixture").replace("\r\n", "\n"));
        let name = rel(path);
        // A broken file is checked on its own, as `ledger check --no-default-ledger` does.
        let files = vec![(name.clone(), text)];
        let (ledger, mut errors) = factlint::ledger::load(&files);
        errors.extend(factlint::ledger::validate(&ledger));
        assert!(!errors.is_empty(), "{name}: no error reported");
        let handler = factlint::render::human::handler(false, 80);
        let out: String = errors
            .iter()
            .map(|e| factlint::render::human::render(&handler, e))
            .collect();
        insta::with_settings!({ omit_expression => true, description => name.clone() }, {
            insta::assert_snapshot!(out);
        });
    });
}
