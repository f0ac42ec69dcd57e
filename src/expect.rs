//! Inline expectations in fixture and corpus documents: `<!-- expect: RULE -->` on the
//! line before a line that must give a finding of RULE, `<!-- ok -->` before a line
//! that must give none. Used by `factlint rules test` and the project's own tests.

use std::collections::BTreeMap;

use crate::diagnostics::{Finding, Severity};
use crate::error::line_col;

/// What a document expects, by 1-based line: the rule ids (with multiplicity) that
/// must fire there, or an empty list for an `ok` line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Expectations {
    pub lines: BTreeMap<usize, Vec<String>>,
}

impl Expectations {
    pub fn parse(text: &str) -> Expectations {
        let mut lines: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut pending: Vec<Option<String>> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let t = line.trim();
            if let Some(inner) = t.strip_prefix("<!--").and_then(|r| r.strip_suffix("-->")) {
                let inner = inner.trim();
                if let Some(rule) = inner.strip_prefix("expect:") {
                    pending.push(Some(rule.trim().to_string()));
                    continue;
                }
                if inner == "ok" {
                    pending.push(None);
                    continue;
                }
            }
            if !pending.is_empty() && !t.is_empty() {
                let entry = lines.entry(i + 1).or_default();
                entry.extend(pending.drain(..).flatten());
            }
        }
        Expectations { lines }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// A difference between what a document expects and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// Expected `rule` on `line`, and it did not fire.
    Missing { line: usize, rule: String },
    /// `rule` fired on `line` where nothing (or not that) was expected.
    Unexpected { line: usize, rule: String, message: String },
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mismatch::Missing { line, rule } => write!(f, "- line {line}: expected {rule}, not found"),
            Mismatch::Unexpected { line, rule, message } => write!(f, "+ line {line}: unexpected {rule}: {message}"),
        }
    }
}

/// Compares findings with expectations. With `strict`, every warning or error on a
/// line without an expectation is a mismatch too (the whole document is a fixture);
/// otherwise only lines marked `expect`/`ok` are compared. Info findings never count.
pub fn compare(text: &str, findings: &[Finding], expected: &Expectations, strict: bool) -> Vec<Mismatch> {
    let mut found: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.severity >= Severity::Warning) {
        let (line, _) = line_col(text, f.span.start as usize);
        found.entry(line).or_default().push(f);
    }
    let mut out = Vec::new();
    for (&line, rules) in &expected.lines {
        let mut here: Vec<&Finding> = found.remove(&line).unwrap_or_default();
        for rule in rules {
            match here.iter().position(|f| &f.rule == rule) {
                Some(p) => {
                    here.remove(p);
                }
                None => out.push(Mismatch::Missing {
                    line,
                    rule: rule.clone(),
                }),
            }
        }
        for f in here {
            out.push(Mismatch::Unexpected {
                line,
                rule: f.rule.clone(),
                message: f.message.clone(),
            });
        }
    }
    if strict {
        for (line, fs) in found {
            for f in fs {
                out.push(Mismatch::Unexpected {
                    line,
                    rule: f.rule.clone(),
                    message: f.message.clone(),
                });
            }
        }
    }
    out.sort_by_key(|m| match m {
        Mismatch::Missing { line, .. } | Mismatch::Unexpected { line, .. } => *line,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_expect_and_ok() {
        let t = "# T\n<!-- expect: a -->\n<!-- expect: b -->\nline four\n\n<!-- ok -->\nline seven\n";
        let e = Expectations::parse(t);
        assert_eq!(e.lines.get(&4), Some(&vec!["a".to_string(), "b".to_string()]));
        assert_eq!(e.lines.get(&7), Some(&vec![]));
        assert_eq!(e.lines.len(), 2);
    }
}

/// The outcome of one rule fixture.
#[derive(Debug)]
pub struct FixtureResult {
    pub path: String,
    pub rule: String,
    pub mismatches: Vec<Mismatch>,
    pub findings: Vec<Finding>,
}

/// Runs the fixtures in `dir`: every `dir/<rule-id>/*.md` (or `.txt`) is checked with
/// that rule alone, and its findings must match its expectations exactly (a line
/// without an expectation must stay quiet). Returns the results in path order, and
/// the folders that name no loaded rule.
pub fn run_fixtures(
    engine: &crate::check::Engine,
    dir: &std::path::Path,
) -> std::io::Result<(Vec<FixtureResult>, Vec<String>)> {
    let mut results = Vec::new();
    let mut unknown = Vec::new();
    let mut rule_dirs: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    rule_dirs.sort_by_key(|e| e.file_name());
    for rd in rule_dirs {
        let rule = rd.file_name().to_string_lossy().into_owned();
        if !engine.rules.iter().any(|r| r.id == rule) {
            unknown.push(rule);
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(rd.path())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| crate::walk::is_document(p))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f)?.replace("\r\n", "\n");
            let path = crate::walk::display(&f);
            let source = crate::source::SourceText::new(&path, text.clone());
            let findings = engine.check_with(&source, &crate::check::CheckOptions::default(), |r| r.id == rule);
            let mismatches = compare(&text, &findings, &Expectations::parse(&text), true);
            results.push(FixtureResult {
                path,
                rule: rule.clone(),
                mismatches,
                findings,
            });
        }
    }
    Ok((results, unknown))
}
