//! Inline suppressions in documents:
//! `<!-- factlint-disable-next-line RULE[, RULE] -->` silences the next non-blank line,
//! `<!-- factlint-disable RULE -->` ... `<!-- factlint-enable RULE -->` a region (no
//! RULE: every rule). A suppression that silences nothing is itself reported, as ruff
//! reports an unused `noqa`.

use crate::diagnostics::{Finding, Severity};
use crate::span::Span;

/// The rule id of the finding for a suppression that silences nothing.
pub const UNUSED: &str = "unused-suppression";

#[derive(Debug, Clone)]
struct Suppression {
    /// The comment itself.
    span: Span,
    /// Rule ids or prefixes; empty for every rule.
    rules: Vec<String>,
    /// The byte range it covers.
    covers: Span,
    used: bool,
}

fn parse(text: &str) -> Vec<Suppression> {
    // Most documents have none: one vectorized search instead of trimming every line.
    if memchr::memmem::find(text.as_bytes(), b"factlint-").is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut open: Vec<(Vec<String>, Span)> = Vec::new();
    let mut pos = 0;
    let mut next_line: Vec<(Vec<String>, Span)> = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        if let Some(inner) = t.strip_prefix("<!--").and_then(|r| r.strip_suffix("-->")) {
            let inner = inner.trim();
            let lead = line.len() - line.trim_start().len();
            let span = Span::new(start + lead, start + lead + t.len());
            let rules = |rest: &str| -> Vec<String> {
                rest.split([',', ' '])
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            if let Some(rest) = inner.strip_prefix("factlint-disable-next-line") {
                next_line.push((rules(rest), span));
                continue;
            }
            if let Some(rest) = inner.strip_prefix("factlint-disable") {
                open.push((rules(rest), span));
                continue;
            }
            if let Some(rest) = inner.strip_prefix("factlint-enable") {
                let ended = rules(rest);
                // Close the matching regions (all of them for a bare enable).
                let mut k = 0;
                while k < open.len() {
                    if ended.is_empty() || open[k].0 == ended {
                        let (r, s) = open.remove(k);
                        out.push(Suppression {
                            span: s,
                            rules: r,
                            covers: Span::new(s.end as usize, start),
                            used: false,
                        });
                    } else {
                        k += 1;
                    }
                }
                continue;
            }
        }
        if !t.is_empty() && !next_line.is_empty() {
            for (r, s) in next_line.drain(..) {
                out.push(Suppression {
                    span: s,
                    rules: r,
                    covers: Span::new(start, pos),
                    used: false,
                });
            }
        }
    }
    for (r, s) in open {
        out.push(Suppression {
            span: s,
            rules: r,
            covers: Span::new(s.end as usize, text.len()),
            used: false,
        });
    }
    for (r, s) in next_line {
        out.push(Suppression {
            span: s,
            rules: r,
            covers: Span::new(s.end as usize, s.end as usize),
            used: false,
        });
    }
    out.sort_by_key(|s| s.span.start);
    out
}

fn matches(rules: &[String], id: &str) -> bool {
    rules.is_empty() || rules.iter().any(|r| id == r || id.starts_with(r.as_str()))
}

/// Removes suppressed findings and adds one `unused-suppression` warning per
/// suppression that silenced nothing of the rules that ran (`ran` says which did).
pub fn apply(text: &str, findings: &mut Vec<Finding>, ran: impl Fn(&str) -> bool) {
    let mut sups = parse(text);
    if sups.is_empty() {
        return;
    }
    findings.retain(|f| {
        let mut keep = true;
        for s in sups.iter_mut() {
            if s.covers.start <= f.span.start && f.span.start < s.covers.end && matches(&s.rules, &f.rule) {
                s.used = true;
                keep = false;
            }
        }
        keep
    });
    for s in sups.into_iter().filter(|s| !s.used) {
        // A suppression for rules that did not run (deselected) is not "unused".
        if !s.rules.is_empty() && !s.rules.iter().any(|r| ran(r)) {
            continue;
        }
        let what = if s.rules.is_empty() {
            "any rule".to_string()
        } else {
            s.rules.join(", ")
        };
        findings.push(Finding {
            rule: UNUSED.into(),
            severity: Severity::Warning,
            span: s.span,
            message: format!("this suppression of {what} silences nothing"),
            labels: Vec::new(),
            help: Some("remove the comment, or check the rule id".into()),
            fact: None,
            fix: Some(crate::diagnostics::Fix {
                span: s.span,
                replacement: String::new(),
            }),
        });
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, at: usize) -> Finding {
        Finding::bare(rule, Span::new(at, at + 1))
    }

    #[test]
    fn next_line_region_and_unused() {
        let text = "alpha\n<!-- factlint-disable-next-line weekday -->\n\nbravo\ncharlie\n<!-- factlint-disable -->\ndelta\n<!-- factlint-enable -->\necho\n<!-- factlint-disable-next-line tense -->\nfoxtrot\n";
        let at = |s: &str| text.find(s).unwrap_or(0);
        let mut fs = vec![
            finding("weekday-mismatch", at("bravo")),
            finding("weekday-mismatch", at("charlie")),
            finding("x", at("delta")),
            finding("y", at("echo")),
        ];
        apply(text, &mut fs, |_| true);
        let left: Vec<(&str, usize)> = fs.iter().map(|f| (f.rule.as_str(), f.span.start as usize)).collect();
        assert_eq!(
            left,
            vec![
                ("weekday-mismatch", at("charlie")),
                ("y", at("echo")),
                (UNUSED, at("<!-- factlint-disable-next-line tense"))
            ]
        );
    }
}
