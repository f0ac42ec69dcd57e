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
