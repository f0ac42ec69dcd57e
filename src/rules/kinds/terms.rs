//! preferred-term and forbidden-term: house vocabulary (Vale's substitution and
//! existence checks).

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use crate::extract::gazetteer::is_word_byte;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};
use crate::span::Span;

pub const PREFERRED: KindInfo = KindInfo {
    name: "preferred-term",
    doc: "\
## What it checks
Words or phrases that have a preferred form (\"Kiev\" → \"Kyiv\", \"the Ukraine\" →
\"Ukraine\"), with the preferred form as the fix.

## Why
House style and official usage change; a release that writes \"Kiev\" reads as dated.

## Example
\"the government in Kiev\" → prefer \"Kyiv\" (fix: Kyiv).

## Parameters
- `terms`: a list of `{ use, instead_of, case_sensitive, unless_next_capitalised }`:
  `use` is the preferred form, `instead_of` the forms to replace; matching is whole
  words, case-sensitive by default; with `unless_next_capitalised`, a match followed by
  a capitalised word is part of a name and is skipped (\"the Ukraine Defence Contact
  Group\").",
    vars: &["found", "preferred"],
    parse: parse::<Preferred>,
};

pub const FORBIDDEN: KindInfo = KindInfo {
    name: "forbidden-term",
    doc: "\
## What it checks
Words or phrases that must not appear in a published document (placeholders such as
\"TBC\" or \"lorem ipsum\").

## Why
A draft's placeholders escape into print more often than anyone admits.

## Example
\"The ministers will meet on [DATE TBC].\" → \"TBC\" is a placeholder.

## Parameters
- `terms`: the words or phrases (whole words).
- `case_sensitive`: default true.",
    vars: &["found"],
    parse: parse::<Forbidden>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preferred {
    terms: Vec<Term>,
    #[serde(skip)]
    needles: OnceLock<(Needles, Vec<usize>)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    #[serde(rename = "use")]
    preferred: String,
    instead_of: Vec<String>,
    #[serde(default = "yes")]
    case_sensitive: bool,
    #[serde(default)]
    unless_next_capitalised: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbidden {
    terms: Vec<String>,
    #[serde(default = "yes")]
    case_sensitive: bool,
    #[serde(skip)]
    needles: OnceLock<Needles>,
}

fn yes() -> bool {
    true
}

/// Every needle of a rule in one pass over the text (one automaton for the
/// case-sensitive needles, one for the others), instead of one search per needle.
#[derive(Debug, Default)]
struct Needles {
    sensitive: Option<(AhoCorasick, Vec<usize>)>,
    insensitive: Option<(AhoCorasick, Vec<usize>)>,
    lens: Vec<usize>,
    /// Whether the needle starts / ends with a word byte (then it must match whole words).
    edges: Vec<(bool, bool)>,
}

impl Needles {
    fn new<'a>(needles: impl Iterator<Item = (&'a str, bool)>) -> Self {
        let mut n = Needles::default();
        let mut sens: Vec<(&str, usize)> = Vec::new();
        let mut insens: Vec<(&str, usize)> = Vec::new();
        for (i, (needle, case_sensitive)) in needles.enumerate() {
            let b = needle.as_bytes();
            n.lens.push(b.len());
            n.edges.push((
                b.first().is_some_and(|b| is_word_byte(*b)),
                b.last().is_some_and(|b| is_word_byte(*b)),
            ));
            if needle.is_empty() {
                continue;
            }
            if case_sensitive { &mut sens } else { &mut insens }.push((needle, i));
        }
        let build = |list: Vec<(&str, usize)>, nocase: bool| {
            if list.is_empty() {
                return None;
            }
            // Leftmost-longest, not overlapping: the search can skip ahead with a
            // prefilter; of two needles that overlap in the text, the longer one wins.
            let ac = AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .ascii_case_insensitive(nocase)
                .build(list.iter().map(|(p, _)| p))
                .ok()?;
            Some((ac, list.into_iter().map(|(_, i)| i).collect()))
        };
        n.sensitive = build(sens, false);
        n.insensitive = build(insens, true);
        n
    }

    /// Whole-word occurrences, as (needle index, span), ordered by needle then position.
    fn find(&self, hay: &str) -> Vec<(usize, Span)> {
        let bytes = hay.as_bytes();
        let mut out = Vec::new();
        for (ac, ids) in self.sensitive.iter().chain(&self.insensitive) {
            for m in ac.find_iter(hay) {
                let id = ids[m.pattern().as_usize()];
                let (i, e) = (m.start(), m.end());
                let (first_word, last_word) = self.edges[id];
                if (!first_word || i == 0 || !is_word_byte(bytes[i - 1]))
                    && (!last_word || e == bytes.len() || !is_word_byte(bytes[e]))
                {
                    out.push((id, Span::new(i, e)));
                }
            }
        }
        out.sort_by_key(|&(id, span)| (id, span.start));
        out
    }
}

fn next_word_capitalised(hay: &str, end: usize) -> bool {
    hay[end..]
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

impl Check for Preferred {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        let masked = cx.masked();
        // One needle per form; `owner[needle]` is its term.
        let (needles, owner) = self.needles.get_or_init(|| {
            let forms = self
                .terms
                .iter()
                .enumerate()
                .flat_map(|(k, t)| t.instead_of.iter().map(move |f| (k, f, t)));
            let owner = forms.clone().map(|(k, _, _)| k).collect();
            (
                Needles::new(forms.map(|(_, f, t)| (f.as_str(), t.case_sensitive))),
                owner,
            )
        });
        for (needle, span) in needles.find(masked) {
            let t = &self.terms[owner[needle]];
            if t.unless_next_capitalised && next_word_capitalised(masked, span.end as usize) {
                continue;
            }
            let found = cx.text(span);
            // "The Ukraine" at a sentence start keeps its capital.
            let preferred = if found.starts_with(char::is_uppercase) && !t.preferred.starts_with(char::is_uppercase) {
                let mut c = t.preferred.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            } else {
                t.preferred.clone()
            };
            out.emit(
                Report::new(span)
                    .var("found", found)
                    .var("preferred", preferred.clone())
                    .label(span, format!("prefer \"{preferred}\""))
                    .fix(span, preferred),
            );
        }
    }
}

impl Check for Forbidden {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        let needles = self
            .needles
            .get_or_init(|| Needles::new(self.terms.iter().map(|t| (t.as_str(), self.case_sensitive))));
        for (_, span) in needles.find(cx.masked()) {
            out.emit(
                Report::new(span)
                    .var("found", cx.text(span))
                    .label(span, "remove before publishing"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_match_whole_words_in_needle_then_position_order() {
        let n = Needles::new([("Kiev", true), ("tbc", false), ("[DATE]", true)].into_iter());
        let hay = "Kievan TBC, Kiev and [DATE] in Kiev; tbcx";
        let found: Vec<(usize, &str)> = n.find(hay).into_iter().map(|(i, s)| (i, &hay[s.range()])).collect();
        assert_eq!(found, vec![(0, "Kiev"), (0, "Kiev"), (1, "TBC"), (2, "[DATE]")]);
        let spans: Vec<u32> = n
            .find(hay)
            .into_iter()
            .filter(|f| f.0 == 0)
            .map(|f| f.1.start)
            .collect();
        assert_eq!(spans, vec![12, 31]);
    }
}
