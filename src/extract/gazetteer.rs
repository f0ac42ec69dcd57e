//! Ledger names and aliases matched in one pass (aho-corasick), longest match first,
//! at ASCII word boundaries.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::ledger::{EntityId, Ledger, OfficeId, SeriesId};
use crate::span::Span;

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
    /// Every thing the name may refer to (usually one).
    pub targets: Vec<Target>,
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

/// The automaton over every name in a ledger; build once per ledger.
pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

struct Pattern {
    text: String,
    /// An entity's short name, kept only where the entity is named in full too.
    anaphora: bool,
    /// Acronyms ("NATO") match only exactly; other names also match with their
    /// letters after the first in another case ("G7 Presidency").
    exact: bool,
    targets: Vec<Target>,
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
                text,
                targets,
            })
            .collect();
        for (text, targets) in anaphora {
            if !patterns.iter().any(|p| p.text == text) {
                patterns.push(Pattern {
                    exact: true,
                    anaphora: true,
                    text,
                    targets,
                });
            }
        }
        patterns.sort_by(|a, b| a.text.cmp(&b.text));
        // Lower-cased names matched against lower-cased text, rather than an ASCII
        // case-insensitive automaton: the same matches, built in 2/3 of the time and
        // searched faster (fewer transitions per state).
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.text.to_ascii_lowercase()))
            .ok();
        Gazetteer { automaton, patterns }
    }

    /// Every ledger name in `text`, in order, none overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        // Same length and offsets as `text` (only ASCII letters change).
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        for m in ac.find_iter(&lower) {
            let (s, e) = (m.start(), m.end());
            let before_ok = s == 0 || !is_word_byte(bytes[s - 1]);
            let after_ok = e == bytes.len() || !is_word_byte(bytes[e]);
            if !before_ok || !after_ok {
                continue;
            }
            let p = &self.patterns[m.pattern().as_usize()];
            let found = &bytes[s..e];
            let pat = p.text.as_bytes();
            let case_ok = if p.exact {
                found == pat
            } else {
                found.first() == pat.first()
            };
            if case_ok {
                out.push((
                    p.anaphora,
                    Mention {
                        span: Span::new(s, e),
                        targets: p.targets.clone(),
                    },
                ));
            }
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

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// Word characters for name boundaries: ASCII letters and digits, and any byte of a
/// non-ASCII character (so "Québec" is one word).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}
