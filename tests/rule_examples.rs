//! Every shipped rule's `[[rule.example]]`s: each text gives exactly the expected
//! number of findings of that rule.

use factlint::check::CheckOptions;
use factlint::source::SourceText;

use crate::default_engine;

#[test]
fn every_rule_has_examples_that_fire_and_stay_quiet() {
    let engine = default_engine();
    let mut failures = Vec::new();
    for rule in &engine.rules {
        assert!(
            rule.examples.iter().any(|e| e.expect > 0),
            "{}: no example that fires",
            rule.id
        );
        assert!(
            rule.examples.iter().any(|e| e.expect == 0),
            "{}: no example that stays quiet",
            rule.id
        );
        for ex in &rule.examples {
            let date = ex
                .date
                .as_deref()
                .and_then(factlint::ledger::LedgerDate::parse)
                .and_then(|d| d.exact());
            let source = SourceText::new("example.md", ex.text.clone());
            let found = engine.check(
                &source,
                &CheckOptions {
                    date,
                    ..CheckOptions::default()
                },
            );
            let n = found.iter().filter(|f| f.rule == rule.id).count();
            if n != ex.expect {
                failures.push(format!(
                    "{}: expected {} finding(s), got {n} in {:?}: {:?}",
                    rule.id, ex.expect, ex.text, found
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_is_documented_and_used() {
    let engine = default_engine();
    for kind in factlint::rules::KINDS {
        for heading in ["## What it checks", "## Why", "## Example", "## Parameters"] {
            assert!(kind.doc.contains(heading), "{}: doc lacks {heading}", kind.name);
        }
        assert!(
            engine.rules.iter().any(|r| r.kind.name == kind.name),
            "{}: no shipped rule uses it",
            kind.name
        );
    }
}

/// `docs/rules.md` is generated: it must match what `factlint rules docs` prints.
#[test]
fn rules_doc_is_current() {
    let want = factlint::rules::docs::markdown(&default_engine().rules);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let have = std::fs::read_to_string(&path).unwrap_or_default().replace("\r\n", "\n");
    assert!(
        have == want,
        "docs/rules.md is stale: run `cargo run -- rules docs > docs/rules.md`"
    );
}
