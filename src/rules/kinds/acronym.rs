//! acronym: one expansion per acronym in a document, the ledger's expansion where the
//! ledger knows it, and the definition before the first use.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde::Deserialize;

use crate::error::LineIndex;
use crate::extract::acronym::uses;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "acronym",
    doc: "\
## What it checks
Acronyms defined in parentheses (\"Ukraine Defence Contact Group (UDCG)\"): a second
definition with another expansion, an expansion that differs from the ledger's name
for an entity with that acronym, and an acronym used before the document defines it.

## Why
One body under two names confuses readers, and a wrong expansion of a well-known
acronym is a visible error.

## Example
\"the Ukraine Defence Contact Group (UDCG) ... the Ukrainian Defence Coordination Group
(UDCG)\" → UDCG is defined twice with different expansions.

## Parameters
- `ledger`: compare with the ledger's expansion (default true).
- `use_before_definition`: report an acronym used before its definition (default
  true).
- `well_known`: acronyms readers know (NATO, EU), which may be used before their
  definition.

Expansions are compared ignoring case, hyphens, the article \"the\" and British/
American spellings (-isation/-ization).",
    vars: &["acronym", "expansion", "other", "line", "problem"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default = "yes")]
    ledger: bool,
    #[serde(default = "yes")]
    use_before_definition: bool,
    /// Acronyms readers know, which may come before their definition (in a title).
    #[serde(default)]
    well_known: Vec<String>,
}

fn yes() -> bool {
    true
}

/// A comparable form of an expansion: lower case, dashes as spaces, British
/// spellings as American, without "the", words joined by one space. One pass over
/// the words (no spelling pattern spans a space or a dash).
#[cfg(test)]
fn normal(s: &str) -> String {
    let mut out = String::new();
    normal_into(s, &mut out);
    out
}

/// [`normal`] written into `out` (cleared first), so that a buffer serves every
/// comparison. ASCII text is lower-cased word by word as it is copied; the spellings
/// are replaced in place, as each has the length of its replacement.
fn normal_into(s: &str, out: &mut String) {
    out.clear();
    let lowered;
    let text = if s.is_ascii() {
        s
    } else {
        lowered = s.to_lowercase();
        &lowered
    };
    for word in text.split(|c: char| c.is_whitespace() || c == '-' || c == '–') {
        if word.is_empty() || word.eq_ignore_ascii_case("the") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        for (british, american) in [("isation", "ization"), ("defence", "defense"), ("centre", "center")] {
            // `contains` first: its vectorised search is much cheaper than `find`'s.
            if !out[start..].contains(british) {
                continue;
            }
            let mut at = start;
            while let Some(p) = out[at..].find(british) {
                at += p;
                out.replace_range(at..at + british.len(), american);
                at += american.len();
            }
        }
    }
}

/// A definition's index among the document's and its normalised expansion.
type Definition = (usize, String);

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        let defs = &cx.extraction.acronyms;
        let text = &cx.source.text;
        let lines = OnceCell::new();
        let line_of = |offset: u32| lines.get_or_init(|| LineIndex::new(text)).line_col(offset as usize).0;
        // Per acronym, its first definition and the first one expanded otherwise
        // (index, normalised expansion): one look-up per definition, not a scan of the
        // definitions before it.
        let mut seen: HashMap<&str, (Definition, Option<Definition>)> = HashMap::new();
        let mut buf = String::new();
        for (i, d) in defs.iter().enumerate() {
            let mut expansion = String::with_capacity(d.expansion.len());
            normal_into(&d.expansion, &mut expansion);
            let earlier = match seen.entry(d.acronym.as_str()) {
                Entry::Vacant(v) => {
                    v.insert(((i, expansion), None));
                    None
                }
                Entry::Occupied(mut o) => {
                    let (first, other) = o.get_mut();
                    if other.is_none() && first.1 != expansion {
                        *other = Some((i, expansion.clone()));
                    }
                    // The first earlier definition expanded otherwise, if any.
                    let differs = if first.1 != expansion {
                        Some(first.0)
                    } else {
                        other.as_ref().filter(|o| o.0 < i).map(|o| o.0)
                    };
                    Some(differs)
                }
            };
            // Two expansions in one document.
            if let Some(Some(k)) = earlier {
                let first = &defs[k];
                let line = line_of(first.expansion_span.start);
                out.emit(
                    Report::new(d.expansion_span)
                        .var("acronym", d.acronym.clone())
                        .var("expansion", d.expansion.clone())
                        .var("other", first.expansion.clone())
                        .var("line", line.to_string())
                        .var(
                            "problem",
                            format!(
                                "defined as \"{}\" here but as \"{}\" on line {line}",
                                d.expansion, first.expansion
                            ),
                        )
                        .label(d.expansion_span, "a second expansion")
                        .label(first.expansion_span, "first defined here")
                        .fix(d.expansion_span, first.expansion.clone()),
                );
                continue;
            }
            if earlier.is_some() {
                continue;
            }
            // The ledger's expansion.
            if self.ledger
                && let Some(e) = cx.ledger.entity_by_acronym(&d.acronym)
            {
                // This is the acronym's first definition: its normal form is in `seen`.
                let expansion = seen.get(d.acronym.as_str()).map_or("", |(first, _)| first.1.as_str());
                let mut names = std::iter::once(&e.name).chain(&e.aliases);
                if !names.any(|n| {
                    normal_into(n, &mut buf);
                    buf == expansion
                }) {
                    out.emit(
                        Report::new(d.expansion_span)
                            .var("acronym", d.acronym.clone())
                            .var("expansion", d.expansion.clone())
                            .var("other", e.name.clone())
                            .var("line", String::new())
                            .var(
                                "problem",
                                format!("expanded as \"{}\", but it stands for \"{}\"", d.expansion, e.name),
                            )
                            .label(d.expansion_span, format!("the ledger: {}", e.name))
                            .fact(format!("{} stands for {}", d.acronym, e.name), &e.source, e.origin)
                            .fix(d.expansion_span, e.name.clone()),
                    );
                    continue;
                }
            }
            // Used before it is defined (a well-known acronym may come first, in a title).
            let known = self.well_known.contains(&d.acronym);
            if self.use_before_definition
                && !known
                && let Some(u) = uses(cx.masked(), &d.acronym).find(|u| u.end <= d.expansion_span.start)
            {
                let line = line_of(d.acronym_span.start);
                out.emit(
                    Report::new(u)
                        .var("acronym", d.acronym.clone())
                        .var("expansion", d.expansion.clone())
                        .var("other", String::new())
                        .var("line", line.to_string())
                        .var("problem", format!("used here before its definition on line {line}"))
                        .label(u, "used before it is defined")
                        .label(d.acronym_span, "defined here"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::normal;

    /// The form `normal` had before it became one pass: the oracle.
    fn normal_by_replacing(s: &str) -> String {
        let lower = s
            .to_lowercase()
            .replace(['-', '–'], " ")
            .replace("isation", "ization")
            .replace("defence", "defense")
            .replace("centre", "center");
        lower
            .split_whitespace()
            .filter(|w| *w != "the")
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn one_pass_equals_the_replacements() {
        for s in [
            "North Atlantic Treaty Organisation",
            "  The World  Health\tOrganization ",
            "Centre-for Defence–Studies",
            "the-the the",
            "ΣΟΦΟΣ Organisationisation",
            "Theatre of the Defencecentre",
            "",
            "-–-",
            "Organisation\u{a0}des Nations",
        ] {
            assert_eq!(normal(s), normal_by_replacing(s), "{s:?}");
        }
        assert_eq!(normal("The Centre-for Defence"), "center for defense");
    }
}
