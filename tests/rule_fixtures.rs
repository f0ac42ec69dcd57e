//! Rule fixtures: `tests/fixtures/rules/<rule-id>/*.md`, each checked with its rule
//! alone against its inline expectations, with one snapshot of the rendered findings.

use factlint::check::CheckOptions;
use factlint::expect::{Expectations, compare};
use factlint::source::SourceText;

use crate::{default_engine, rel, render};

#[test]
fn rule_fixtures() {
    insta::glob!("fixtures/rules", "*/*.md", |path| {
        let engine = default_engine();
        let rule = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let summary = engine.rules.iter().find(|r| r.id == rule).map(|r| r.summary.clone());
        assert!(summary.is_some(), "{}: no rule `{rule}`", path.display());
        let text = std::fs::read_to_string(path).expect("fixture").replace("\r\n", "\n");
        let name = rel(path);
        let source = SourceText::new(&name, text.clone());
        let findings = engine.check_with(&source, &CheckOptions::default(), |r| r.id == rule);
        let mismatches = compare(&text, &findings, &Expectations::parse(&text), true);
        assert!(
            mismatches.is_empty(),
            "{name}:\n{}",
            mismatches.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("\n")
        );
        let mut snap = render(&name, &source.text, &findings, engine);
        if snap.is_empty() {
            snap = "(no findings)\n".into();
        }
        insta::with_settings!({ omit_expression => true, description => summary.unwrap_or_default() }, {
            insta::assert_snapshot!(snap);
        });
    });
}

/// Every shipped rule has a fixture that fires and one that stays quiet.
#[test]
fn every_rule_has_fixtures() {
    let engine = default_engine();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let (results, unknown) = factlint::expect::run_fixtures(engine, &root).expect("fixtures readable");
    assert!(unknown.is_empty(), "fixture folders for unknown rules: {unknown:?}");
    for rule in &engine.rules {
        let mine: Vec<_> = results.iter().filter(|r| r.rule == rule.id).collect();
        assert!(
            mine.iter().any(|r| !r.findings.is_empty()),
            "{}: no fixture fires",
            rule.id
        );
        assert!(
            mine.iter().any(|r| r.findings.is_empty()),
            "{}: no quiet fixture",
            rule.id
        );
        assert!(
            mine.iter().all(|r| r.mismatches.is_empty()),
            "{}: fixture mismatches",
            rule.id
        );
    }
}
