//! Membership claims: "Finland, which joined NATO in 2023", "Sweden, a founding member
//! of NATO", "NATO, of which our two countries are founding members", "the founding
//! members of NATO, alongside the United States and France".

use super::associate::{Sentence, between, strip_parenthetical};
use super::gap::{WordList, has_word, only, word_list};
use super::*;
use crate::extract::Mention;
use crate::ledger::EntityKind;

const JOIN_WORDS: &[&str] = &[
    "which",
    "that",
    "has",
    "had",
    "formally",
    "officially",
    "joined",
    "acceded",
    "to",
    "became",
    "a",
    "full",
    "member",
    "of",
    "was",
    "admitted",
    "accession",
    "'s",
    "’s",
    "the",
];
const JOIN_CUES: &WordList = &WordList::new(&["joined", "acceded", "member", "admitted", "accession"]);
const FOUNDING_WORDS: &[&str] = &[
    "which", "who", "is", "was", "are", "were", "a", "an", "one", "of", "the", "among", "founding", "member",
    "members", "original", "both", "all", "as", "two", "proud", "to", "be", "stand", "our", "its", "their",
];
const ALONGSIDE: &[&str] = &[
    "alongside",
    "along with",
    "together with",
    "with",
    "including",
    "such as",
    "like",
    "and",
];

/// "31st" -> "": ordinals are no obstacle between a body and a date.
fn strip_ordinals(gap: &str) -> String {
    gap.split(' ')
        .filter(|w| {
            !(w.len() > 2
                && w.as_bytes()[0].is_ascii_digit()
                && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entities the ledger lists members of, as a table read by entity id: built once
/// per document, where asking the ledger (a scan of its memberships) for each
/// mention would cost more.
pub(super) struct Bodies(Vec<bool>);

impl Bodies {
    pub(super) fn new(ledger: &Ledger) -> Bodies {
        let len = ledger.memberships.iter().map(|m| m.of as usize + 1).max().unwrap_or(0);
        let mut has_members = vec![false; len];
        for m in &ledger.memberships {
            has_members[m.of as usize] = true;
        }
        Bodies(has_members)
    }

    fn has_members(&self, e: EntityId) -> bool {
        self.0.get(e as usize).copied().unwrap_or(false)
    }
}

fn body_of(m: &Mention, bodies: &Bodies) -> Option<EntityId> {
    m.entity().filter(|e| bodies.has_members(*e))
}

fn member_of(m: &Mention, ledger: &Ledger) -> Option<EntityId> {
    m.entity().filter(|e| ledger.entity(*e).kind == EntityKind::Country)
}

pub(super) fn build(
    s: &Sentence<'_>,
    masked: &str,
    ledger: &Ledger,
    bodies: &Bodies,
    speakers: &[EntityId],
    out: &mut Vec<Claim>,
) {
    let ms = &s.mentions;
    for (i, m) in ms.iter().enumerate() {
        let Some(member) = member_of(m, ledger) else { continue };
        let Some(b) = ms.get(i + 1) else { continue };
        let Some(body) = body_of(b, bodies) else { continue };
        let gap = between(masked, m.span, b.span);
        // "Finland, which joined NATO in 2023"
        if only(gap, JOIN_WORDS)
            && has_word(gap, word_list!["joined", "acceded", "became", "admitted", "accession"])
            && !has_word(gap, word_list!["founding", "original"])
        {
            let next = ms.get(i + 2).map_or(s.span.end, |n| n.span.start);
            // "... NATO in 2023", "... the Alliance's 31st member in April 2023".
            let when = s.timexes.iter().find(|t| {
                t.span.start >= b.span.end && t.span.start <= next && {
                    let g = strip_parenthetical(between(masked, b.span, t.span));
                    let g = strip_ordinals(g);
                    only(&g, &["in", "on", "'s", "’s", "member", "new", "newest", "latest"])
                        && g.trim_end().ends_with([' ', 'n'])
                        && (has_word(gap, JOIN_CUES) || has_word(&g, word_list!["member"]))
                }
            });
            if let Some(t) = when.filter(|t| super::is_period(&t.value) && !t.relative) {
                out.push(Claim::Membership(MembershipClaim {
                    member,
                    member_span: m.span,
                    body,
                    body_span: b.span,
                    joined: Some((t.value.clone(), t.span)),
                    founding: false,
                }));
            }
            continue;
        }
        // "Sweden, a founding member of NATO"; "Canada and France, founding members of NATO".
        if only(gap, FOUNDING_WORDS) && has_word(gap, word_list!["founding", "original"]) {
            let mut members = vec![(member, m.span)];
            let mut k = i;
            while k > 0 {
                let g = between(masked, ms[k - 1].span, ms[k].span);
                match member_of(ms[k - 1], ledger) {
                    Some(e) if matches!(g, " and " | ", " | ", and ") => {
                        members.push((e, ms[k - 1].span));
                        k -= 1;
                    }
                    _ => break,
                }
            }
            for (e, span) in members {
                push_founding(out, e, span, body, b.span);
            }
            alongside(s, i + 1, masked, ledger, body, out);
        }
    }
    // "NATO, of which our two countries are founding members"; "the founding members
    // of NATO, alongside ...".
    // Only bodies; the words around them are read without lower-cased copies.
    for (i, b) in ms.iter().enumerate() {
        let Some(body) = body_of(b, bodies) else { continue };
        let before = masked[s.span.start as usize..b.span.start as usize].trim_end();
        if ends_with_ignore_case(before, "founding members of")
            || ends_with_ignore_case(before, "founding members of the")
        {
            alongside(s, i, masked, ledger, body, out);
        }
        let after_end = ms.get(i + 1).map_or(s.span.end, |n| n.span.start) as usize;
        let after = &masked[b.span.end as usize..after_end];
        let rest = strip_numeric_parenthetical(after).trim_start_matches([',', ' ']);
        // The rare tail is read lower-cased, as it always was: `only` skips an
        // upper-case acronym "(NATO)" but not "(nato)".
        if let Some(tail) = strip_prefix_ignore_case(rest, "of which ").map(str::to_ascii_lowercase)
            && has_word(&tail, word_list!["founding"])
            && only(
                &tail,
                &[
                    "our",
                    "two",
                    "both",
                    "countries",
                    "nations",
                    "we",
                    "are",
                    "were",
                    "is",
                    "was",
                    "a",
                    "founding",
                    "member",
                    "members",
                    "all",
                    "proud",
                ],
            )
            && has_word(&tail, word_list!["our", "we"])
        {
            let which = after.to_ascii_lowercase().find("which").unwrap_or(0);
            let span = Span::new(b.span.end as usize + which, after_end);
            for e in speakers {
                push_founding(out, *e, span, body, b.span);
            }
        }
    }
}

/// Whether `text` ends with `suffix` (lower case), ignoring ASCII case.
fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len() && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `text` without `prefix` (lower case) when it starts with it, ignoring ASCII case.
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.as_bytes().get(..prefix.len())?;
    // The prefix is ASCII: the cut is a character boundary when the bytes match.
    (head.eq_ignore_ascii_case(prefix.as_bytes())).then(|| &text[prefix.len()..])
}

/// [`strip_parenthetical`] as the lower-cased text read it: only a parenthesis of
/// digits and spaces ("(2)") is dropped, not an acronym.
fn strip_numeric_parenthetical(gap: &str) -> &str {
    let t = gap.trim_start();
    if let Some(rest) = t.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && rest[..close].bytes().all(|b| b.is_ascii_digit() || b == b' ')
    {
        return &rest[close + 1..];
    }
    gap
}

/// "..., alongside the United States, the United Kingdom and France": each listed
/// country is claimed a founding member too.
fn alongside(s: &Sentence<'_>, body_index: usize, masked: &str, ledger: &Ledger, body: EntityId, out: &mut Vec<Claim>) {
    let ms = &s.mentions;
    let Some(b) = ms.get(body_index) else { return };
    let Some(first) = ms.get(body_index + 1) else { return };
    let gap = between(masked, b.span, first.span).to_ascii_lowercase();
    let gap = gap.trim_start_matches([',', ' ']);
    if !ALONGSIDE
        .iter()
        .any(|w| gap.trim_end().trim_end_matches(" the").trim_end() == *w)
    {
        return;
    }
    let mut k = body_index + 1;
    while let Some(m) = ms.get(k) {
        let Some(e) = member_of(m, ledger) else { break };
        push_founding(out, e, m.span, body, b.span);
        let Some(n) = ms.get(k + 1) else { break };
        if !only(between(masked, m.span, n.span), &["and", "the"]) {
            break;
        }
        k += 1;
    }
}

fn push_founding(out: &mut Vec<Claim>, member: EntityId, member_span: Span, body: EntityId, body_span: Span) {
    if out
        .iter()
        .any(|c| matches!(c, Claim::Membership(m) if m.member_span == member_span && m.founding))
    {
        return;
    }
    out.push(Claim::Membership(MembershipClaim {
        member,
        member_span,
        body,
        body_span,
        joined: None,
        founding: true,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_the_entities_the_ledger_lists_members_of() {
        let (ledger, errors) = crate::ledger::load(&crate::check::embedded(crate::ledger::EMBEDDED));
        assert!(errors.is_empty());
        let bodies = Bodies::new(&ledger);
        let ids = 0..ledger.entities.len() as EntityId + 3;
        assert!(ids.clone().any(|e| bodies.has_members(e)));
        for e in ids {
            assert_eq!(bodies.has_members(e), ledger.memberships_in(e).next().is_some(), "{e}");
        }
        assert!(!Bodies::new(&Ledger::default()).has_members(0));
    }

    #[test]
    fn text_tests_ignore_case_without_copies() {
        assert!(ends_with_ignore_case("the Founding Members of", "founding members of"));
        assert!(!ends_with_ignore_case("members of", "founding members of"));
        assert!(!ends_with_ignore_case("é", "of"));
        assert_eq!(strip_prefix_ignore_case("Of Which we", "of which "), Some("we"));
        assert_eq!(strip_prefix_ignore_case("of", "of which "), None);
        assert_eq!(strip_prefix_ignore_case("éf which x", "of which "), None);
        // As the lower-cased text read it: digits are dropped, an acronym is not.
        assert_eq!(strip_numeric_parenthetical(" (2) of which"), " of which");
        assert_eq!(strip_numeric_parenthetical(" (NATO) of"), " (NATO) of");
        assert_eq!(strip_numeric_parenthetical(" (1 2"), " (1 2");
        let lowered = " (NATO) of".to_ascii_lowercase();
        assert_eq!(strip_parenthetical(&lowered), lowered);
    }
}
