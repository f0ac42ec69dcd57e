//! Ledger names and aliases matched in one pass, longest match first, at ASCII word
//! boundaries.
//!
//! A name can only start where a word starts, and its first word must be the text's
//! word there: so the names are indexed by their first word (lower case), and the
//! text is read word by word with one hash lookup each. Building the index is a few
//! hundred instructions per name, which keeps start-up short (an Aho-Corasick
//! automaton over the same names took 2/3 of the start-up), and reading is as fast.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::tokens::Token;
use crate::ledger::{EntityId, Ledger, OfficeId, SeriesId};
use crate::span::Span;
use crate::word_filter::WordFilter;

/// What a matched name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum Target {
    Entity(EntityId),
    Office(OfficeId),
    Series(SeriesId),
    /// A body's name for its members ("Allies" for NATO).
    Members(EntityId),
}

/// A ledger name found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Span,
    /// Every thing the name may refer to (usually one), shared with the name index:
    /// a mention costs no allocation.
    pub targets: Arc<[Target]>,
}

impl Mention {
    pub fn entity(&self) -> Option<EntityId> {
        self.targets.iter().find_map(|t| match t {
            Target::Entity(e) => Some(*e),
            _ => None,
        })
    }

    pub fn office(&self) -> Option<OfficeId> {
        self.targets.iter().find_map(|t| match t {
            Target::Office(o) => Some(*o),
            _ => None,
        })
    }

    pub fn series(&self) -> Option<SeriesId> {
        self.targets.iter().find_map(|t| match t {
            Target::Series(s) => Some(*s),
            _ => None,
        })
    }

    pub fn members_of(&self) -> Option<EntityId> {
        self.targets.iter().find_map(|t| match t {
            Target::Members(e) => Some(*e),
            _ => None,
        })
    }
}

/// Every name in a ledger, indexed by its first word; build once per ledger.
pub struct Gazetteer {
    patterns: Vec<Pattern>,
    /// A trie of words, by fingerprint: the fingerprint of a name's first k words
    /// (for every k) -> the names of exactly k words, longest first, and whether
    /// longer names go on from there. Reading a word costs one lookup; only a word
    /// that starts some name leads to the next.
    by_words: FingerprintTable,
    /// Names that start with a non-word byte ("'s"): tried at every such byte, longest first.
    odd: Vec<u32>,
    /// The longest run of bytes between two words of a name.
    widest_gap: usize,
    /// The first words of the names: most words are turned away before a lookup.
    first_words: WordFilter,
}

struct Pattern {
    text: String,
    lower: String,
    /// An entity's short name, kept only where the entity is named in full too.
    anaphora: bool,
    /// Acronyms ("NATO") match only exactly; other names also match with their
    /// letters after the first in another case ("G7 Presidency").
    exact: bool,
    targets: Arc<[Target]>,
}

fn is_acronym(s: &str) -> bool {
    let letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
    letters >= 2 && !s.bytes().any(|b| b.is_ascii_lowercase())
}

impl Gazetteer {
    pub fn new(ledger: &Ledger) -> Gazetteer {
        let mut by_text: HashMap<String, Vec<Target>> = HashMap::new();
        let mut anaphora: HashMap<String, Vec<Target>> = HashMap::new();
        for (i, e) in ledger.entities.iter().enumerate() {
            for a in &e.anaphora {
                anaphora
                    .entry(a.trim().to_string())
                    .or_default()
                    .push(Target::Entity(i as EntityId));
            }
        }
        let mut add = |name: &str, target: Target| {
            let name = name.trim();
            if name.is_empty() {
                return;
            }
            let list = by_text.entry(name.to_string()).or_default();
            if !list.contains(&target) {
                list.push(target);
            }
        };
        for (i, e) in ledger.entities.iter().enumerate() {
            let t = Target::Entity(i as EntityId);
            add(&e.name, t);
            e.aliases.iter().for_each(|a| add(a, t));
            if let Some(a) = &e.acronym {
                add(a, t);
            }
            e.member_nouns
                .iter()
                .for_each(|n| add(n, Target::Members(i as EntityId)));
        }
        for (i, o) in ledger.offices.iter().enumerate() {
            let t = Target::Office(i as OfficeId);
            add(&o.name, t);
            o.aliases.iter().for_each(|a| add(a, t));
        }
        for (i, s) in ledger.series.iter().enumerate() {
            let t = Target::Series(i as SeriesId);
            add(&s.name, t);
            s.aliases.iter().for_each(|a| add(a, t));
        }
        let mut patterns: Vec<Pattern> = by_text
            .into_iter()
            .map(|(text, targets)| Pattern {
                exact: is_acronym(&text),
                anaphora: false,
                lower: text.to_ascii_lowercase(),
                text,
                targets: targets.into(),
            })
            .collect();
        for (text, targets) in anaphora {
            if !patterns.iter().any(|p| p.text == text) {
                patterns.push(Pattern {
                    exact: true,
                    anaphora: true,
                    lower: text.to_ascii_lowercase(),
                    text,
                    targets: targets.into(),
                });
            }
        }
        patterns.sort_by(|a, b| a.text.cmp(&b.text));
        let mut g = Gazetteer {
            patterns,
            by_words: FingerprintTable::default(),
            odd: Vec::new(),
            widest_gap: 0,
            first_words: WordFilter::new([]),
        };
        let mut first_words: Vec<&[u8]> = Vec::new();
        // (path fingerprint, name id or MORE for "longer names go on").
        let mut keyed: Vec<(u64, u32)> = Vec::new();
        for (id, p) in g.patterns.iter().enumerate() {
            let b = p.lower.as_bytes();
            if !b.first().is_some_and(|&c| is_word_byte(c)) {
                g.odd.push(id as u32);
                continue;
            }
            first_words.push(&b[..word_end(b, 0)]);
            let mut path = None;
            let mut at = 0;
            while let Some(start) = next_word(b, at, usize::MAX) {
                if let Some(prefix) = path {
                    g.widest_gap = g.widest_gap.max(start - at);
                    keyed.push((prefix, MORE));
                }
                let end = word_end(b, start);
                path = Some(extend(path, fingerprint(b, start, end)));
                at = end;
            }
            keyed.push((path.unwrap_or(0), id as u32));
        }
        // Longest first (a stable sort: equal lengths keep the names' order).
        let len = |id: &u32| std::cmp::Reverse(g.patterns.get(*id as usize).map_or(usize::MAX, |p| p.lower.len()));
        g.odd.sort_by_key(len);
        keyed.sort_by_key(|(key, id)| (*key, len(id)));
        keyed.dedup();
        g.by_words = FingerprintTable::new(&keyed);
        let first_words = WordFilter::new(first_words);
        g.first_words = first_words;
        g
    }

    /// The longest name starting with the word `start..one` (fingerprint `path`, trie
    /// entry `first`), reading on through the `following` tokens: walks the trie word
    /// by word; the deepest names are the longest.
    fn walk(
        &self,
        bytes: &[u8],
        (start, one): (usize, usize),
        mut path: u64,
        first: Entry<'_>,
        following: &[Token],
    ) -> Option<(usize, Option<&Pattern>)> {
        let mut levels: [&[u32]; 16] = [&[]; 16];
        levels[0] = first.names;
        let mut depth = 1;
        let mut at = one;
        // The name's next words are the next tokens (the bytes between are not word
        // bytes), if the gap before each is no wider than a name's.
        for next in following {
            if next.start as usize - at > self.widest_gap {
                break;
            }
            at = next.end as usize;
            path = extend(Some(path), fingerprint(bytes, next.start as usize, at));
            let Some(entry) = self.by_words.get(path) else { break };
            levels[depth] = entry.names;
            depth += 1;
            if !entry.more || depth == levels.len() {
                break;
            }
        }
        self.match_at(bytes, start, levels[..depth].iter().rev().flat_map(|l| l.iter()))
    }

    /// The longest name among `ids` written at `s` (whole words, in an accepted case)
    /// and where it ends. A longer name written in another case ("northern Ireland")
    /// still covers its words: it ends the search there with no name (`None`).
    fn match_at<'a>(
        &self,
        bytes: &[u8],
        s: usize,
        ids: impl Iterator<Item = &'a u32>,
    ) -> Option<(usize, Option<&Pattern>)> {
        let mut covered: Option<usize> = None;
        for p in ids.map(|&id| &self.patterns[id as usize]) {
            let e = s + p.lower.len();
            if covered.is_some_and(|c| e < c) {
                break;
            }
            let Some(found) = bytes.get(s..e) else { continue };
            let ends_word = bytes.get(e).is_none_or(|&b| !is_word_byte(b));
            if !ends_word || !found.eq_ignore_ascii_case(p.lower.as_bytes()) {
                continue;
            }
            let case_ok = if p.exact {
                found == p.text.as_bytes()
            } else {
                found.first() == p.text.as_bytes().first()
            };
            if case_ok {
                return Some((e, Some(p)));
            }
            covered = Some(e);
        }
        covered.map(|e| (e, None))
    }

    /// Every ledger name in `text`, in order, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, &super::tokens::tokenize(text.as_bytes()))
    }

    /// [`Gazetteer::find`] with the text's words already found.
    pub fn find_in(&self, text: &str, tokens: &[Token]) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(super::expected(bytes.len(), 48));
        // Where reading has got to: the end of the last word or name read.
        let mut i = 0;
        for (k, t) in tokens.iter().enumerate() {
            let (start, one) = (t.start as usize, t.end as usize);
            if start < i {
                continue; // inside a name already found
            }
            if !self.odd.is_empty() {
                i = self.find_odd(bytes, i, start, &mut out);
                if start < i {
                    continue;
                }
            }
            i = one;
            if !self.first_words.may_contain(&bytes[start..one]) {
                continue;
            }
            let path = fingerprint(bytes, start, one);
            let Some(entry) = self.by_words.get(path) else {
                continue;
            };
            let hit = if entry.more {
                self.walk(bytes, (start, one), path, entry, &tokens[k + 1..])
            } else {
                // A word that only ends names (most names found are one word).
                self.match_at(bytes, start, entry.names.iter())
            };
            if let Some((e, found)) = hit {
                if let Some(p) = found {
                    out.push((
                        p.anaphora,
                        Mention {
                            span: Span::new(start, e),
                            targets: p.targets.clone(),
                        },
                    ));
                }
                // `match_at` only accepts a name that ends a word.
                i = e;
            }
        }
        if !self.odd.is_empty() {
            self.find_odd(bytes, i, bytes.len(), &mut out);
        }
        // Short names stand for an entity only where it is named in full.
        let named: Vec<Target> = out
            .iter()
            .filter(|(a, _)| !a)
            .flat_map(|(_, m)| m.targets.iter().copied())
            .collect();
        out.into_iter()
            .filter(|(anaphora, m)| !anaphora || m.targets.iter().any(|t| named.contains(t)))
            .map(|(_, m)| m)
            .collect()
    }

    /// Names that start with a non-word byte, in the bytes `from..to` between two
    /// words; returns where reading has got to.
    fn find_odd(&self, bytes: &[u8], from: usize, to: usize, out: &mut Vec<(bool, Mention)>) -> usize {
        let mut i = from;
        while i < to {
            if (i == 0 || !is_word_byte(bytes[i - 1]))
                && let Some((e, found)) = self.match_at(bytes, i, self.odd.iter())
            {
                if let Some(p) = found {
                    out.push((
                        p.anaphora,
                        Mention {
                            span: Span::new(i, e),
                            targets: p.targets.clone(),
                        },
                    ));
                }
                i = e;
                continue;
            }
            i += 1;
        }
        i
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// Where the next word starts, at most `max_gap` bytes after `from`.
fn next_word(s: &[u8], from: usize, max_gap: usize) -> Option<usize> {
    let window = s.get(from..s.len().min(from.saturating_add(max_gap).saturating_add(1)))?;
    window.iter().position(|&c| is_word_byte(c)).map(|n| from + n)
}

/// Where the word starting at `from` ends.
fn word_end(s: &[u8], from: usize) -> usize {
    s[from..]
        .iter()
        .position(|&b| !is_word_byte(b))
        .map_or(s.len(), |n| from + n)
}

/// A 64-bit fingerprint of the word `buf[s..e]`, the same for any ASCII case. Two
/// words may share one: every candidate name is compared in full anyway. The bytes
/// are read 8 at a time (with ASCII case folded by `| 0x20`, which also maps a few
/// other bytes together: harmless), with one load where `buf` has 8 bytes from there.
fn fingerprint(buf: &[u8], s: usize, e: usize) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325 ^ (e - s) as u64;
    let mut i = s;
    while i < e {
        let n = (e - i).min(8);
        let chunk = match buf.get(i..).and_then(|t| t.first_chunk::<8>()) {
            Some(&c) => u64::from_le_bytes(c),
            None => {
                let mut c = [0u8; 8];
                c[..n].copy_from_slice(&buf[i..i + n]);
                u64::from_le_bytes(c)
            }
        };
        // The word's `n` bytes are the low ones (little-endian).
        let keep = u64::MAX >> (8 * (8 - n));
        h = (h ^ ((chunk | 0x2020_2020_2020_2020) & keep)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
        i += n;
    }
    h
}

/// The fingerprint of a word path: the path so far, then one more word.
fn extend(path: Option<u64>, word: u64) -> u64 {
    match path {
        None => word,
        Some(p) => (p ^ word.rotate_left(29)).wrapping_mul(0xD6E8_FEB8_6659_FD93),
    }
}

/// In the trie's list for a path: "longer names go on from here".
const MORE: u32 = u32::MAX;

/// What the trie holds for one word path.
struct Entry<'a> {
    /// The names of exactly these words, longest first.
    names: &'a [u32],
    /// Longer names start with these words.
    more: bool,
}

/// An open-addressing table from fingerprints to runs of name ids: one multiply and
/// usually one probe per word of the text.
#[derive(Default)]
struct FingerprintTable {
    /// (fingerprint, start, end) into `ids`; an empty run marks a free slot.
    slots: Vec<(u64, u32, u32)>,
    ids: Vec<u32>,
}

impl FingerprintTable {
    /// From (fingerprint, id) pairs sorted by fingerprint.
    fn new(keyed: &[(u64, u32)]) -> FingerprintTable {
        let runs = keyed.chunk_by(|a, b| a.0 == b.0);
        let size = (keyed.len() * 2).next_power_of_two().max(16);
        let mut t = FingerprintTable {
            slots: vec![(0, 0, 0); size],
            ids: keyed.iter().map(|(_, id)| *id).collect(),
        };
        let mut start = 0;
        for run in runs {
            let end = start + run.len();
            let mut h = t.slot(run[0].0);
            while t.slots[h].2 > t.slots[h].1 {
                h = (h + 1) & (size - 1);
            }
            t.slots[h] = (run[0].0, start as u32, end as u32);
            start = end;
        }
        t
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (self.slots.len() - 1)
    }

    fn get(&self, key: u64) -> Option<Entry<'_>> {
        if self.slots.is_empty() {
            return None;
        }
        let mut h = self.slot(key);
        loop {
            let (k, start, end) = self.slots[h];
            if end == start {
                return None;
            }
            if k == key {
                // Sorted longest first, MORE (an unknown length) sorts first of all.
                let run = self.ids.get(start as usize..end as usize)?;
                let more = run.first() == Some(&MORE);
                return Some(Entry {
                    names: if more { &run[1..] } else { run },
                    more,
                });
            }
            h = (h + 1) & (self.slots.len() - 1);
        }
    }
}

/// Word characters for name boundaries: ASCII letters and digits, and any byte of a
/// non-ASCII character (so "Québec" is one word).
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// [`is_word_byte`] as a table: it is asked for most bytes of every document.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c >= 0x80;
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn a_fingerprint_is_the_words_in_any_case_wherever_it_sits() {
        for word in ["G7", "Ukraine", "Presidency", "Intergovernmental", "Québec"] {
            let alone = fingerprint(word.as_bytes(), 0, word.len());
            // At the end of a text (fewer than 8 bytes after it) and inside one.
            let text = format!("the {} and the rest of the sentence", word.to_uppercase());
            let s = 4;
            let e = s + word.to_uppercase().len();
            assert_eq!(fingerprint(text.as_bytes(), s, e), alone, "{word}");
            let end = format!("of {word}");
            assert_eq!(fingerprint(end.as_bytes(), 3, end.len()), alone, "{word}");
        }
        // The length counts: a word is not its own prefix.
        assert_ne!(fingerprint(b"NATOs", 0, 4), fingerprint(b"NATOs", 0, 5));
        assert_ne!(fingerprint(b"Canada", 0, 6), fingerprint(b"France", 0, 6));
    }

    fn gazetteer() -> Gazetteer {
        let toml = r#"
[[entity]]
id = "ireland"
name = "Ireland"
kind = "country"
source = "https://en.wikipedia.org/wiki/Republic_of_Ireland"

[[entity]]
id = "northern-ireland"
name = "Northern Ireland"
kind = "place"
source = "https://en.wikipedia.org/wiki/Northern_Ireland"

[[entity]]
id = "nato"
name = "North Atlantic Treaty Organization"
acronym = "NATO"
kind = "organisation"
member_nouns = ["NATO members"]
anaphora = ["Alliance"]
source = "https://www.nato.int/"

[[entity]]
id = "crimea"
name = "annexation of Crimea"
aliases = ["Annexation of Crimea"]
kind = "event"
source = "https://en.wikipedia.org/wiki/Annexation_of_Crimea_by_the_Russian_Federation"

[[entity]]
id = "us"
name = "United States"
aliases = ["U.S."]
kind = "country"
source = "https://en.wikipedia.org/wiki/United_States"
"#;
        let (ledger, errors) = crate::ledger::load(&[("t.toml".to_string(), Arc::from(toml))]);
        assert!(errors.is_empty(), "{:?}", errors.first().map(|e| &e.message));
        Gazetteer::new(&ledger)
    }

    fn found(text: &str) -> Vec<&str> {
        gazetteer().find(text).iter().map(|m| &text[m.span.range()]).collect()
    }

    #[test]
    fn longest_name_at_word_boundaries() {
        assert_eq!(found("Northern Ireland and Ireland"), ["Northern Ireland", "Ireland"]);
        assert_eq!(found("NATO members met; Irelands; xNATO"), ["NATO members"]);
        assert_eq!(found("the U.S. and the United States."), ["U.S.", "United States"]);
    }

    #[test]
    fn a_longer_name_that_fails_its_boundary_does_not_hide_a_shorter_one() {
        // "NATO members" ends inside "membership": the acronym alone is the name.
        assert_eq!(found("NATO membership"), ["NATO"]);
    }

    #[test]
    fn case_rules() {
        // Acronyms match exactly; other names with their first letter as written.
        assert_eq!(found("Nato and nato and NATO"), ["NATO"]);
        // "northern Ireland" is the longer name in another case: it covers "Ireland".
        assert_eq!(found("in northern Ireland"), Vec::<&str>::new());
        // Two aliases that differ only in case: each matches its own spelling.
        assert_eq!(found("the annexation of Crimea"), ["annexation of Crimea"]);
        assert_eq!(found("Annexation of Crimea"), ["Annexation of Crimea"]);
    }

    #[test]
    fn short_names_only_where_the_entity_is_named_in_full() {
        assert_eq!(found("The Alliance met."), Vec::<&str>::new());
        assert_eq!(
            found("The North Atlantic Treaty Organization met. The Alliance agreed."),
            ["North Atlantic Treaty Organization", "Alliance"]
        );
    }
}
