//! Tense claims: a future-tense verb with a date before the document date ("will host
//! the summit in 2014" in 2018), or an event verb in the past tense with a date after
//! it ("signed the protocols on July 5, 2022" in a document of June 30, 2022).

use super::associate::Sentence;
use super::gap::has_word;
use super::*;

/// Past-tense event verbs: the past-tense check is limited to these (other "-ed"
/// words before a date are often targets: "committed to spend 2% by 2030").
const PAST_VERBS: &[&str] = &[
    "signed",
    "hosted",
    "held",
    "met",
    "adopted",
    "launched",
    "joined",
    "visited",
    "celebrated",
    "concluded",
    "convened",
    "took place",
    "was held",
    "were held",
    "was signed",
    "were signed",
    "was adopted",
    "opened",
];
/// Words that make the date belong to something else than the verb.
const DETACHING: &[&str] = &[
    "which",
    "that",
    "who",
    "whose",
    "where",
    "when",
    "since",
    "after",
    "before",
    "anniversary",
    "anniversaries",
    "made",
    "begun",
    "taken",
    "set",
    "agreed",
    "adopted",
    "signed",
    "launched",
    "reached",
    "announced",
    "established",
    "created",
    "founded",
    "held",
    "until",
    "by",
    "of",
    "than",
    "last",
    "previous",
    "former",
    "compared",
];

pub(super) fn build(s: &Sentence<'_>, masked: &str, doc_date: Option<Date>, out: &mut Vec<Claim>) {
    let Some(today) = doc_date else { return };
    let text = s.text;
    let lower = text.to_ascii_lowercase();
    let base = s.span.start as usize;
    // Future: "will <verb> ... in <past date>".
    for (i, _) in lower.match_indices("will ") {
        if i > 0 && lower.as_bytes()[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let verb_end = i + 5 + lower[i + 5..].find(' ').unwrap_or(lower.len() - i - 5);
        let verb = &lower[i + 5..verb_end];
        if matches!(verb, "of" | "to" | "and" | "be" | "have" | "") {
            continue; // "the will of", "will be held" (handled below as past-verb guard)
        }
        if let Some((t, from, to)) = attached_date(s, masked, base + verb_end)
            && to < today
        {
            out.push(Claim::Tense(TenseClaim {
                verb_span: Span::new(base + i, base + verb_end),
                future: true,
                value_span: t,
                from,
                to,
            }));
        }
    }
    // Past: "<event verb> ... on <future date>".
    for verb in PAST_VERBS {
        for (i, _) in lower.match_indices(verb) {
            let end = i + verb.len();
            let whole = (i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric())
                && lower.as_bytes().get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
            if !whole {
                continue;
            }
            let lead = &lower[..i];
            if has_word(
                lead.rsplit(' ').take(4).collect::<Vec<_>>().join(" ").as_str(),
                &[
                    "will", "to", "would", "be", "shall", "may", "could", "should", "must", "being",
                ],
            ) {
                continue;
            }
            if let Some((t, from, to)) = attached_date(s, masked, base + end)
                && from > today
            {
                out.push(Claim::Tense(TenseClaim {
                    verb_span: Span::new(base + i, base + end),
                    future: false,
                    value_span: t,
                    from,
                    to,
                }));
            }
        }
    }
}

/// The first dated timex after `from` in the clause, introduced by "in"/"on"/"from"/
/// "during"/"between", with nothing between that detaches it from the verb.
fn attached_date(s: &Sentence<'_>, masked: &str, from: usize) -> Option<(Span, Date, Date)> {
    let t = s
        .timexes
        .iter()
        .find(|t| t.span.start as usize >= from && period(&t.value).is_some())?;
    if t.relative {
        return None;
    }
    let gap = masked.get(from..t.span.start as usize)?;
    if gap.len() > 90 || gap.contains([',', ';', ':', '(', ')', '"', '“', '”']) || has_word(gap, DETACHING) {
        return None;
    }
    let trimmed = gap.trim_end().to_ascii_lowercase();
    if !["in", "on", "from", "during", "between", "in early", "in late", "in mid"]
        .iter()
        .any(|p| trimmed.ends_with(&format!(" {p}")) || trimmed == *p)
    {
        return None;
    }
    // The whole range when the date starts one: "from 2013 to 2015".
    let (mut start, mut end) = period(&t.value)?;
    if let Some(g) = t.group {
        for o in s.timexes.iter().filter(|o| o.group.is_some_and(|og| og.id == g.id)) {
            if let Some((f, e)) = period(&o.value) {
                start = start.min(f);
                end = end.max(e);
            }
        }
    }
    Some((t.span, start, end))
}
