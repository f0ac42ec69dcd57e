//! Every corpus document, checked with the default ledger and rules: one snapshot
//! each, and its inline expectations compared with what was found.

use std::fmt::Write as _;

use factlint::check::CheckOptions;
use factlint::expect::{Expectations, Mismatch, compare};
use factlint::source::SourceText;

use crate::{default_engine, rel, render};

#[test]
fn corpus_documents() {
    insta::glob!("../corpus", "**/*.{md,txt}", |path| {
        let engine = default_engine();
        let text = std::fs::read_to_string(path)
            .expect("corpus files are UTF-8")
            .replace("\r\n", "\n");
        let name = rel(path);
        let source = SourceText::new(&name, text.clone());
        let findings = engine.check(&source, &CheckOptions::default());
        let expected = Expectations::parse(&text);
        let mismatches = compare(&text, &findings, &expected, true);

        // A clean document has no expectations and must give no warning or error;
        // no document may give a finding it does not expect.
        let unexpected: Vec<&Mismatch> = mismatches
            .iter()
            .filter(|m| matches!(m, Mismatch::Unexpected { .. }))
            .collect();
        assert!(
            unexpected.is_empty(),
            "{name}: false alarms:\n{}",
            unexpected.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("\n")
        );
        if name.starts_with("corpus/clean/") {
            assert!(expected.is_empty(), "{name}: a clean document has no expectations");
        }

        let mut snap = render(&name, &source.text, &findings, engine);
        let missed: Vec<String> = mismatches.iter().map(|m| m.to_string()).collect();
        if !missed.is_empty() {
            let _ = writeln!(snap, "Planted errors not caught:\n{}", missed.join("\n"));
        }
        if snap.is_empty() {
            snap = "(no findings)\n".into();
        }
        insta::with_settings!({ omit_expression => true, description => name.clone() }, {
            insta::assert_snapshot!(snap);
        });
    });
}

/// The acceptance pair of the pipeline issue: the same statement with six planted
/// errors and with the facts right.
#[test]
fn canada_france_pair_catches_each_planted_error() {
    let engine = default_engine();
    let check = |path: &str| {
        let text = std::fs::read_to_string(path).expect("corpus file");
        let source = SourceText::new(path, text);
        let findings = engine.check(&source, &CheckOptions::default());
        findings
            .into_iter()
            .map(|f| (f.rule.clone(), f.severity, f.message.clone(), f.fact.map(|x| x.source)))
            .collect::<Vec<_>>()
    };
    let planted = check("corpus/planted/00-canada-france-defence-2024.md");
    let has = |rule: &str, needle: &str| planted.iter().any(|(r, _, m, _)| r == rule && m.contains(needle));
    assert!(has("event-date-mismatch", "1949"), "{planted:#?}");
    let nato = planted
        .iter()
        .find(|(r, ..)| r == "event-date-mismatch")
        .and_then(|f| f.3.clone());
    assert!(
        nato.is_some_and(|s| s.starts_with("http")),
        "the finding cites the ledger's source"
    );
    assert!(has("presidency-mismatch", "2027"), "{planted:#?}");
    assert!(has("anniversary-mismatch", "80th"), "{planted:#?}");
    assert!(has("office-holder-mismatch", "Justin Trudeau"), "{planted:#?}");
    assert!(has("weekday-mismatch", "Thursday"), "{planted:#?}");
    assert!(has("spelling-inconsistent", "Defence"), "{planted:#?}");
    let clean = check("corpus/clean/00-canada-france-defence-2024.md");
    assert!(clean.is_empty(), "{clean:#?}");
}
