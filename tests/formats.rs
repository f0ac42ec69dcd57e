//! The machine formats beside JSON: SARIF (validated against the vendored SARIF 2.1.0
//! schema), GitHub workflow commands and JUnit XML. One snapshot each over a planted
//! corpus document, plus the edge cases a snapshot of that document cannot show
//! (UTF-16 columns, escaping, input errors, a clean file).

use std::sync::Arc;

use factlint::check::CheckOptions;
use factlint::diagnostics::{FactRef, Finding, Fix, Severity};
use factlint::error::InputError;
use factlint::render::{FileResult, github, junit, sarif};
use factlint::source::SourceText;
use factlint::span::Span;

use crate::default_engine;

const PLANTED: &str = "corpus/planted/00-canada-france-defence-2024.md";
const CLEAN: &str = "corpus/clean/00-canada-france-defence-2024.md";

/// A corpus document checked with the default engine, under its relative path.
fn checked(path: &str) -> FileResult {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(full)
        .expect("corpus file is readable")
        .replace("\r\n", "\n");
    let source = SourceText::new(path, text);
    let findings = default_engine().check(&source, &CheckOptions::default());
    FileResult {
        path: path.to_string(),
        source: Some(source),
        findings,
    }
}

/// A file with one hand-made finding, for cases the corpus does not have.
fn synthetic(path: &str, text: &str, finding: Finding) -> FileResult {
    FileResult {
        path: path.to_string(),
        source: Some(SourceText::new(path, text.to_string())),
        findings: vec![finding],
    }
}

fn finding(rule: &str, span: Span, message: &str) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity: Severity::Error,
        span,
        message: message.to_string(),
        labels: Vec::new(),
        help: None,
        fact: None,
        fix: None,
    }
}

/// The crate version would change the snapshot on every release.
fn without_version(s: &str) -> String {
    s.replace(&format!("\"{}\"", env!("CARGO_PKG_VERSION")), "\"[VERSION]\"")
}

fn sarif_json(results: &[FileResult], errors: &[InputError]) -> serde_json::Value {
    let out = sarif::render(results, errors, &default_engine().rules);
    serde_json::from_str(&out).expect("SARIF output is JSON")
}

fn schema_validator() -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("vendored schema")).expect("schema is JSON");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_snapshot() {
    let out = sarif::render(&[checked(PLANTED)], &[], &default_engine().rules);
    insta::assert_snapshot!(without_version(&out));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!(github::render(&[checked(PLANTED)], &[]));
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!(junit::render(&[checked(PLANTED)], &[], &default_engine().rules));
}

#[test]
fn sarif_validates_against_the_schema() {
    let validator = schema_validator();
    // The planted document, a clean one, a file with a name that needs
    // percent-encoding and an astral character before its finding, and an input error
    // with a position.
    let mut odd = finding("weekday-mismatch", Span::new(7, 13), "a message");
    odd.fix = Some(Fix {
        span: Span::new(7, 13),
        replacement: "Thursday".into(),
    });
    let ledger: Arc<str> = Arc::from("[entity]\nid = 1\n");
    let errors = vec![
        InputError::new(
            "ledger::syntax",
            "ledger/bad file.toml",
            "ledger/bad file.toml: invalid",
        )
        .at(&ledger, Span::new(9, 11), "here"),
        InputError::new("source::binary", "img.md", "img.md: skipped: a binary file"),
    ];
    let results = [
        checked(PLANTED),
        checked(CLEAN),
        synthetic("docs/été 2024,v1.md", "𝄞 ab, Friday\n", odd),
    ];
    let log = sarif_json(&results, &errors);
    let problems = schema_errors(&validator, &log);
    assert!(problems.is_empty(), "SARIF is not valid:\n{}", problems.join("\n"));

    let run = &log["runs"][0];
    assert_eq!(
        run["results"].as_array().map(Vec::len),
        Some(7),
        "6 planted findings + 1"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"],
        "ledger/bad%20file.toml"
    );
}

#[test]
fn the_schema_check_can_fail() {
    // Guards the test above: the validator must reject what the schema forbids.
    let validator = schema_validator();
    let mut log = sarif_json(&[checked(PLANTED)], &[]);
    assert!(schema_errors(&validator, &log).is_empty());
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    log["runs"][0]["tool"]["driver"]
        .as_object_mut()
        .expect("driver")
        .remove("name");
    assert_eq!(
        schema_errors(&validator, &log).len(),
        3,
        "{:?}",
        schema_errors(&validator, &log)
    );
}

#[test]
fn sarif_rules_and_results_agree() {
    let log = sarif_json(&[checked(PLANTED)], &[]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    assert_eq!(
        rules.len(),
        default_engine().rules.len(),
        "every loaded rule is described"
    );
    for rule in &rules {
        for key in ["id", "name"] {
            assert!(rule[key].is_string(), "{key} in {rule}");
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = rule[key]["text"].as_str().unwrap_or("");
            assert!(!text.is_empty(), "{key} in {}", rule["id"]);
        }
        assert!(["error", "warning", "note"].contains(&rule["defaultConfiguration"]["level"].as_str().unwrap_or("")));
    }
    for result in log["runs"][0]["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(result["ruleId"], rules[index]["id"]);
    }
    // The office-holder finding: line 12, columns 39..53 ("Stephen Harper"), with its fix.
    let office = log["runs"][0]["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["ruleId"] == "office-holder-mismatch"))
        .expect("office-holder finding")
        .clone();
    let region = &office["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"], &region["endColumn"]),
        (&12.into(), &39.into(), &53.into())
    );
    let replacement = &office["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "Justin Trudeau");
    assert_eq!(replacement["deletedRegion"], *region);
}

#[test]
fn sarif_columns_are_utf16_code_units() {
    // '𝄞' is one character but two UTF-16 code units (and four bytes); 'é' is one unit.
    let text = "𝄞é Friday\n";
    let start = text.find("Friday").expect("Friday");
    let f = finding("weekday-mismatch", Span::new(start, start + 6), "m");
    let log = sarif_json(&[synthetic("a.md", text, f)], &[]);
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 5, "2 + 1 + 1 units before it, 1-based");
    assert_eq!(region["endColumn"], 11);
}

#[test]
fn github_escapes_messages_and_properties() {
    let mut f = finding("weekday-mismatch", Span::new(0, 3), "100% wrong: a, b\nsecond line");
    f.severity = Severity::Info;
    f.fact = Some(FactRef {
        text: "a fact".into(),
        source: "https://example.org/a,b".into(),
        origin: None,
    });
    let out = github::render(&[synthetic("dir/a:b,c.md", "abc def\n", f)], &[]);
    assert_eq!(
        out,
        "::notice file=dir/a%3Ab%2Cc.md,line=1,col=1,endLine=1,endColumn=4,title=weekday-mismatch::\
         100%25 wrong: a, b%0Asecond line%0Aledger: a fact; source: https://example.org/a,b\n"
    );
    let err = InputError::new("source::not-utf8", "x.md", "x.md: not UTF-8\nbyte 3");
    assert_eq!(
        github::render(&[], &[err]),
        "::error file=x.md,title=factlint%3A%3Asource%3A%3Anot-utf8::x.md: not UTF-8%0Abyte 3\n"
    );
}

#[test]
fn junit_clean_file_passes_and_text_is_escaped() {
    let rules = &default_engine().rules;
    let clean = junit::render(&[checked(CLEAN)], &[], rules);
    assert!(!clean.contains("<failure"), "{clean}");
    assert_eq!(clean.matches("<testcase ").count(), rules.len());
    assert!(clean.contains(&format!("tests=\"{}\" failures=\"0\" errors=\"0\"", rules.len())));

    let f = finding(&rules[0].id, Span::new(0, 1), "a <b> & \"c\"");
    let out = junit::render(&[synthetic("q&a.md", "x\n", f)], &[], rules);
    assert!(out.contains("name=\"q&amp;a.md\""), "{out}");
    assert!(out.contains("message=\"a &lt;b&gt; &amp; &quot;c&quot;\""), "{out}");
    assert_eq!(out.matches("<failure ").count(), 1);

    let err = InputError::new("source::binary", "img.md", "img.md: skipped <binary>");
    let out = junit::render(&[], &[err], rules);
    assert!(out.contains("errors=\"1\""), "{out}");
    assert!(out.contains("<error message=\"img.md: skipped &lt;binary&gt;\" type=\"source::binary\">"));
}
