//! Baselines: record today's findings by a position-independent fingerprint (rule id,
//! the words found and their sentence, normalised), then report only new ones. A
//! repository can adopt factlint without fixing its history first; edits elsewhere in
//! a file do not disturb the fingerprints.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Finding;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Clone)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// How many findings share the fingerprint in the file.
    pub count: usize,
}

/// The sentence around `start..end`: from the previous sentence end or blank line to
/// the next.
fn sentence(text: &str, start: usize, end: usize) -> &str {
    let before = &text[..start.min(text.len())];
    let s = [". ", "? ", "! ", "\n\n"]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
        .max()
        .unwrap_or(0);
    let after = &text[end.min(text.len())..];
    let e = [". ", "? ", "! ", "\n\n"]
        .iter()
        .filter_map(|p| after.find(p))
        .min()
        .map_or(text.len(), |i| end + i);
    text.get(s..e).unwrap_or("")
}

/// FNV-1a, 64 bits: stable across platforms and releases.
fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn normal(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The finding's fingerprint in `text` (a document's masked text, so that comments
/// and markup around a sentence do not count).
pub fn fingerprint(text: &str, f: &Finding) -> String {
    let (s, e) = (f.span.start as usize, f.span.end as usize);
    let words = normal(text.get(s..e).unwrap_or(""));
    let key = format!("{}\u{0}{}\u{0}{}", f.rule, words, normal(sentence(text, s, e)));
    format!("{:016x}", fnv(key.bytes()))
}

impl Baseline {
    /// Records findings of many files.
    pub fn record<'a>(files: impl Iterator<Item = (&'a str, &'a str, &'a [Finding])>) -> Baseline {
        let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for (path, text, findings) in files {
            for f in findings {
                *counts
                    .entry((path.to_string(), f.rule.clone(), fingerprint(text, f)))
                    .or_default() += 1;
            }
        }
        Baseline {
            version: 1,
            findings: counts
                .into_iter()
                .map(|((path, rule, fingerprint), count)| Entry {
                    path,
                    rule,
                    fingerprint,
                    count,
                })
                .collect(),
        }
    }

    /// Drops the findings of `path` that the baseline holds (each entry as many times
    /// as its count).
    pub fn filter(&self, path: &str, text: &str, findings: &mut Vec<Finding>) {
        let mut left: BTreeMap<(String, String), usize> = self
            .findings
            .iter()
            .filter(|e| e.path == path)
            .map(|e| ((e.rule.clone(), e.fingerprint.clone()), e.count))
            .collect();
        if left.is_empty() {
            return;
        }
        findings.retain(|f| match left.get_mut(&(f.rule.clone(), fingerprint(text, f))) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn at(text: &str, needle: &str) -> Finding {
        let s = text.find(needle).unwrap_or(0);
        Finding::bare("weekday-mismatch", Span::new(s, s + needle.len()))
    }

    #[test]
    fn fingerprints_survive_edits_elsewhere() {
        let a = "Intro.\n\nWe met on Friday, 26 September 2024. More text.\n";
        let b = "A new first paragraph was added.\n\nIntro, longer now.\n\nWe met on Friday, 26 September 2024. More text.\n";
        assert_eq!(fingerprint(a, &at(a, "Friday")), fingerprint(b, &at(b, "Friday")));
        let c = "We met on Friday, 27 September 2024. More text.\n";
        assert_ne!(
            fingerprint(a, &at(a, "Friday")),
            fingerprint(c, &at(c, "Friday")),
            "a changed sentence is a new finding"
        );
        let base = Baseline::record(std::iter::once(("d.md", a, &[at(a, "Friday")][..])));
        let mut found = vec![at(b, "Friday")];
        base.filter("d.md", b, &mut found);
        assert!(found.is_empty());
        let mut found = vec![at(c, "Friday")];
        base.filter("d.md", c, &mut found);
        assert_eq!(found.len(), 1);
    }
}
