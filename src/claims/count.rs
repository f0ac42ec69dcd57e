//! Count claims: "the 32 Allies", "all 27 EU Member States", "NATO's 32 members".

use super::associate::{Sentence, between, claim_dates};
use super::gap::only;
use super::*;

/// Nouns for members that need the body named next to them ("NATO's 32 members",
/// "the 32 members of NATO").
const GENERIC: &[&str] = &[
    "members",
    "member states",
    "Member States",
    "member countries",
    "Allies",
    "nations",
];

pub(super) fn build(s: &Sentence<'_>, x: &Extraction, masked: &str, ledger: &Ledger, out: &mut Vec<Claim>) {
    // Numbers are in order: the sentence's are one run of them.
    let first = x.numbers.partition_point(|n| n.span.start < s.span.start);
    for n in x.numbers[first..]
        .iter()
        .take_while(|n| n.span.start < s.span.end)
        .filter(|n| s.span.contains(n.span))
    {
        let before = &masked[s.span.start as usize..n.span.start as usize];
        let det = last_word(before);
        // A body's possessive: "NATO's 32 members".
        let possessive = s.mentions.iter().find(|m| {
            m.span.end <= n.span.start
                && matches!(between(masked, m.span, n.span), "'s " | "’s ")
                && m.entity().is_some()
        });
        let determiner = ["the", "all", "its", "their", "our"]
            .iter()
            .any(|d| det.eq_ignore_ascii_case(d));
        if !(determiner || possessive.is_some()) {
            continue;
        }
        let after = &masked[n.span.end as usize..s.span.end as usize];
        // "the 32 Allies", "32 NATO Allies": a member noun right after the number.
        let noun = s.mentions.iter().find(|m| {
            m.span.start >= n.span.end
                && only(between(masked, n.span, m.span), &[])
                && !between(masked, n.span, m.span).contains(',')
        });
        let (body, noun_span) = if let Some((m, body)) = noun.and_then(|m| m.members_of().map(|b| (m, b))) {
            (body, m.span)
        } else if let Some(g) = after
            .strip_prefix(' ')
            .and_then(|after| GENERIC.iter().find(|g| after.starts_with(**g)))
        {
            let noun_span = Span::new(n.span.end as usize + 1, n.span.end as usize + 1 + g.len());
            let end_ok = after
                .as_bytes()
                .get(1 + g.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric());
            // The body: the possessive before, or "of (the) B" after.
            let of_body = s.mentions.iter().find(|m| {
                m.span.start >= noun_span.end
                    && only(&masked[noun_span.end as usize..m.span.start as usize], &["of", "the"])
                    && masked[noun_span.end as usize..m.span.start as usize].contains("of")
            });
            match possessive.or(of_body).and_then(|m| m.entity()) {
                Some(b) if end_ok && ledger.memberships_in(b).next().is_some() => (b, noun_span),
                _ => continue,
            }
        } else {
            continue;
        };
        let Some(at) = claim_dates(s, x, masked, n.span.start, noun_span.end) else {
            continue;
        };
        out.push(Claim::Count(CountClaim {
            body,
            number: n.value,
            number_span: n.span,
            noun_span,
            at,
        }));
    }
}

fn last_word(text: &str) -> &str {
    text.trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("")
}
