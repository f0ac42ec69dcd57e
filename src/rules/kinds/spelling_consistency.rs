//! spelling-consistency: one spelling variant per word family within a document.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::extract::tokens::Token;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};
use crate::span::Span;
use crate::word_filter::WordFilter;

pub const INFO: KindInfo = KindInfo {
    name: "spelling-consistency",
    doc: "\
## What it checks
Word families spelled two ways in one document (defence/defense, centre/center,
organisation/organization): the minority spelling is reported, with the majority one
as the fix. Names from the ledger (\"World Health Organization\") and the listed
exceptions (\"Department of Defense\") are proper nouns and do not count.

## Why
A title that says \"Defense\" over a body that says \"defence\" looks careless, and
house style is one variety per document.

## Example
A title \"Canada, France Agree on Stronger Defense Partnership\" over a body that
writes \"defence\" fifteen times → \"Defense\" is the minority spelling (fix: Defence).

## Parameters
- `group`: a list of `{ name, variants }` where `variants` is a list of word lists,
  one per spelling variety (`[[\"defence\", \"defences\"], [\"defense\", \"defenses\"]]`).
- `affix`: a list of `{ name, stems, variants, endings }` expanding to one group:
  every stem + variant + ending (`organ` + `is`/`iz` + `ation`).
- `exceptions`: phrases whose words never count (proper names).",
    vars: &["written", "preferred", "count", "group"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    group: Vec<Group>,
    #[serde(default)]
    affix: Vec<Affix>,
    #[serde(default)]
    exceptions: Vec<String>,
    /// `en-GB`, `en-CA` or `en-US`: the variety every document must use. Without it,
    /// each document's majority spelling is its variety.
    locale: Option<Locale>,
    #[serde(skip)]
    index: OnceLock<Index>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
enum Locale {
    #[serde(rename = "en-GB")]
    British,
    #[serde(rename = "en-CA")]
    Canadian,
    #[serde(rename = "en-US")]
    American,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    name: String,
    /// The British (Commonwealth) variety first, the American second.
    variants: Vec<Vec<String>>,
    /// Which variant Canadian English uses (default 0, the British one).
    #[serde(default)]
    en_ca: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Affix {
    name: String,
    stems: Vec<String>,
    variants: Vec<String>,
    endings: Vec<String>,
    #[serde(default)]
    en_ca: usize,
}

#[derive(Debug, Default)]
struct Index {
    names: Vec<String>,
    /// lower-case word -> (group, variant, the variant's form of the same word per variant).
    /// Every word of a document is looked up: a fast non-cryptographic hash.
    words: HashMap<Vec<u8>, (usize, usize, usize), foldhash::fast::FixedState>,
    /// Shortest and longest word in `words`: a cheap filter before hashing.
    lengths: (usize, usize),
    /// The words, for a quick test before a word is lower-cased and hashed.
    filter: Option<WordFilter>,
    /// The exception phrases' words (runs of ASCII letters, lower-cased) -> (phrase,
    /// offset of the word in it). A word of a document is part of a phrase only as one
    /// of these runs: its neighbours are not letters, so neither are the phrase's.
    exception_words: HashMap<Vec<u8>, Vec<(usize, usize)>, foldhash::fast::FixedState>,
    /// For a fix: group -> variant -> the words in order.
    forms: Vec<Vec<Vec<String>>>,
    /// Per group, the variant Canadian English uses.
    en_ca: Vec<usize>,
}

impl Params {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut ix = Index {
                lengths: (usize::MAX, 0),
                ..Index::default()
            };
            // Built on the first check (the editor's first keystroke pays for it): no
            // copies of the groups, one allocation per word.
            let expanded: Vec<(&str, Vec<Vec<String>>, usize)> = self
                .affix
                .iter()
                .map(|a| {
                    let variants = a
                        .variants
                        .iter()
                        .map(|v| {
                            a.stems
                                .iter()
                                .flat_map(|s| a.endings.iter().map(move |e| [s.as_str(), v, e].concat()))
                                .collect()
                        })
                        .collect();
                    (a.name.as_str(), variants, a.en_ca)
                })
                .collect();
            let groups = self
                .group
                .iter()
                .map(|g| (g.name.as_str(), &g.variants, g.en_ca))
                .chain(expanded.iter().map(|(n, v, c)| (*n, v, *c)));
            for (g, (name, variants, en_ca)) in groups.enumerate() {
                ix.names.push(name.to_string());
                ix.en_ca.push(en_ca);
                for (v, words) in variants.iter().enumerate() {
                    for (k, w) in words.iter().enumerate() {
                        let key = w.to_ascii_lowercase().into_bytes();
                        ix.lengths = (ix.lengths.0.min(key.len()).max(1), ix.lengths.1.max(key.len()));
                        ix.words.entry(key).or_insert((g, v, k));
                    }
                }
                ix.forms.push(variants.clone());
            }
            ix.filter = Some(WordFilter::new(ix.words.keys().map(Vec::as_slice)));
            for (x, e) in self.exceptions.iter().enumerate() {
                let b = e.as_bytes();
                let mut j = 0;
                while let Some(n) = b[j..].iter().position(u8::is_ascii_alphabetic) {
                    let start = j + n;
                    let end = b[start..]
                        .iter()
                        .position(|c| !c.is_ascii_alphabetic())
                        .map_or(b.len(), |n| start + n);
                    ix.exception_words
                        .entry(b[start..end].to_ascii_lowercase())
                        .or_default()
                        .push((x, start));
                    j = end;
                }
            }
            ix
        })
    }
}

impl Params {
    /// Whether the word at `span` (`lower`: lower-cased) is part of one of the
    /// exception phrases there, written exactly.
    fn in_exception(&self, ix: &Index, text: &str, span: Span, lower: &[u8]) -> bool {
        ix.exception_words.get(lower).is_some_and(|places| {
            places.iter().any(|&(x, j)| {
                let e = self.exceptions[x].as_bytes();
                (span.start as usize)
                    .checked_sub(j)
                    .and_then(|start| text.as_bytes().get(start..start + e.len()))
                    == Some(e)
            })
        })
    }
}

/// The words of ASCII letters in the text, none touching a non-ASCII character
/// ("Québec" has none): each token of letters, and the letter runs of mixed tokens
/// ("G7" gives "G").
fn letter_words(bytes: &[u8], tokens: &[Token], mut f: impl FnMut(usize, usize)) {
    for t in tokens {
        let (mut i, end) = (t.start as usize, t.end as usize);
        if t.alpha {
            f(i, end);
            continue;
        }
        let run_end = |from: usize, p: fn(&u8) -> bool| bytes[from..end].iter().position(p).map_or(end, |n| from + n);
        loop {
            i = run_end(i, u8::is_ascii_alphabetic);
            if i >= end {
                break;
            }
            let s = i;
            i = run_end(i, |b| !b.is_ascii_alphabetic());
            if i < end && bytes[i] >= 0x80 {
                i = run_end(i, |b| !(b.is_ascii_alphabetic() || *b >= 0x80));
                continue;
            }
            if s > t.start as usize && bytes[s - 1] >= 0x80 {
                continue;
            }
            f(s, i);
        }
    }
}

/// Applies the case pattern of `like` to `word` ("Defense" -> "Defence").
fn same_case(like: &str, word: &str) -> String {
    if like.chars().all(|c| !c.is_lowercase()) && like.chars().count() > 1 {
        word.to_uppercase()
    } else if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        word.to_string()
    }
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        let ix = self.index();
        if ix.words.is_empty() {
            return;
        }
        let masked = cx.masked();
        // Words inside ledger names and the listed exception phrases are proper nouns.
        // Mentions are in order and do not overlap: only the last one starting at or
        // before a word can hold it.
        let mentions = &cx.extraction.mentions;
        let in_mention = |span: Span| {
            let k = mentions.partition_point(|m| m.span.start <= span.start);
            k > 0 && mentions[k - 1].span.contains(span)
        };
        let proper = |span: Span, lower: &[u8]| in_mention(span) || self.in_exception(ix, masked, span, lower);
        // (group, variant, word-in-variant, span)
        let mut found: Vec<(usize, usize, usize, Span)> = Vec::new();
        // Variants seen inside proper names: (group, variant).
        let mut named: Vec<(usize, usize)> = Vec::new();
        let bytes = masked.as_bytes();
        let mut lower: Vec<u8> = Vec::with_capacity(32);
        // The words that may be listed first, in a loop small enough to inline: most
        // words of a document stop there.
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        letter_words(bytes, &cx.extraction.tokens, |s, i| {
            if (ix.lengths.0..=ix.lengths.1).contains(&(i - s))
                && ix.filter.as_ref().is_some_and(|f| f.may_contain(&bytes[s..i]))
            {
                candidates.push((s, i));
            }
        });
        for (s, i) in candidates {
            lower.clear();
            lower.extend_from_slice(&bytes[s..i]);
            lower.make_ascii_lowercase();
            if let Some(&(g, v, k)) = ix.words.get(lower.as_slice()) {
                let span = Span::new(s, i);
                if proper(span, &lower) {
                    named.push((g, v));
                } else {
                    found.push((g, v, k, span));
                }
            }
        }
        for g in 0..ix.names.len() {
            let mut counts: Vec<(usize, u32)> = Vec::new(); // (variant, count), first-seen order
            for &(fg, v, _, _) in found.iter().filter(|f| f.0 == g) {
                let _ = fg;
                match counts.iter_mut().find(|c| c.0 == v) {
                    Some(c) => c.1 += 1,
                    None => counts.push((v, 1)),
                }
            }
            if counts.is_empty() || (counts.len() < 2 && self.locale.is_none()) {
                continue;
            }
            // The majority wins. A tie is broken by the spelling of the document's own
            // proper names ("North Atlantic Treaty Organisation"); else it is no one's.
            let top = counts.iter().map(|c| c.1).max().unwrap_or(0);
            let leaders: Vec<usize> = counts.iter().filter(|c| c.1 == top).map(|c| c.0).collect();
            let locale_variant = self.locale.map(|l| match l {
                Locale::British => 0,
                Locale::American => 1,
                Locale::Canadian => ix.en_ca[g],
            });
            let major = match leaders.as_slice() {
                _ if locale_variant.is_some() => locale_variant.unwrap_or(0),
                [one] => *one,
                _ => {
                    let in_names: Vec<usize> = leaders
                        .iter()
                        .copied()
                        .filter(|v| named.iter().any(|n| n.0 == g && n.1 == *v))
                        .collect();
                    match in_names.as_slice() {
                        [one] => *one,
                        _ => continue,
                    }
                }
            };
            let major_count = counts.iter().find(|c| c.0 == major).map_or(0, |c| c.1);
            let count = match self.locale {
                Some(l) => format!(
                    "in {} (the configured locale)",
                    match l {
                        Locale::British => "en-GB",
                        Locale::Canadian => "en-CA",
                        Locale::American => "en-US",
                    }
                ),
                None if major_count == 1 => "once elsewhere in this document".to_string(),
                None => format!("{major_count} times elsewhere in this document"),
            };
            for &(_, v, k, span) in found.iter().filter(|f| f.0 == g && f.1 != major) {
                let written = cx.text(span);
                let Some(target) = ix.forms[g].get(major).and_then(|w| w.get(k).or_else(|| w.first())) else {
                    continue;
                };
                let preferred = same_case(written, target);
                let _ = v;
                out.emit(
                    Report::new(span)
                        .var("written", written)
                        .var("preferred", preferred.clone())
                        .var("count", count.clone())
                        .var("group", ix.names[g].clone())
                        .label(
                            span,
                            if self.locale.is_some() {
                                "not the configured locale's spelling"
                            } else {
                                "the minority spelling"
                            },
                        )
                        .fix(span, preferred),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_proper_only_inside_an_exception_written_exactly() {
        let params: Params = toml::from_str(
            r#"exceptions = ["U.S. Department of Defense", "Labor Day"]
group = [{ name = "d", variants = [["defence"], ["defense"]] }]"#,
        )
        .expect("test parameters");
        let ix = params.index();
        let text = "The U.S. Department of Defense said; our Defense policy; the department of defense; Labor Day.";
        let at = |word: &str, nth: usize| {
            let start = text.match_indices(word).nth(nth).map_or(0, |(i, _)| i);
            Span::new(start, start + word.len())
        };
        let proper =
            |span: Span| params.in_exception(ix, text, span, &text[span.range()].to_ascii_lowercase().into_bytes());
        assert!(proper(at("Defense", 0)));
        assert!(proper(at("Department", 0)));
        assert!(proper(at("Labor", 0)));
        assert!(!proper(at("Defense", 1)));
        assert!(!proper(at("defense", 0)));
        assert!(!proper(at("policy", 0)));
    }
}
