//! Tense claims: a future-tense verb with a date before the document date ("will host
//! the summit in 2014" in 2018), or an event verb in the past tense with a date after
//! it ("signed the protocols on July 5, 2022" in a document of June 30, 2022).

use std::ops::ControlFlow;

use super::associate::Sentence;
use super::gap::{WordList, each_plain_word, has_word, is_word_byte, words};
use super::*;
use crate::extract::tokens::Token;

/// Past-tense event verbs: the past-tense check is limited to these (other "-ed"
/// words before a date are often targets: "committed to spend 2% by 2030").
const PAST_VERBS: &[(&str, &str)] = &[
    ("signed", ""),
    ("hosted", ""),
    ("held", ""),
    ("met", ""),
    ("adopted", ""),
    ("launched", ""),
    ("joined", ""),
    ("visited", ""),
    ("celebrated", ""),
    ("concluded", ""),
    ("convened", ""),
    ("took", "place"),
    ("was", "held"),
    ("were", "held"),
    ("was", "signed"),
    ("were", "signed"),
    ("was", "adopted"),
    ("opened", ""),
];
/// Words that make the date belong to something else than the verb.
const DETACHING: &WordList = &WordList::new(&[
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
]);

/// Kept out of line: profiles of the claims stage read its cost by name.
#[inline(never)]
pub(super) fn build(s: &Sentence<'_>, masked: &str, tokens: &[Token], doc_date: Option<Date>, out: &mut Vec<Claim>) {
    let Some(today) = doc_date else { return };
    let base = s.span.start as usize;
    // A verb is tied to the first dated timex after it, and makes no claim when that
    // one is relative: no verb from the last absolute one on can make one, so the
    // words after it are not read.
    let Some(last) = s.timexes.iter().rev().find(|t| is_period(&t.value) && !t.relative) else {
        return;
    };
    let last = (last.span.start as usize).saturating_sub(base);
    // The word after `at..at + len`, read only for the few candidate verbs.
    let next = |at: usize, len: usize| words(&s.text[at + len..]).next().map(|(o, w)| (at + len + o, w));
    let Some(head) = s.text.get(..last) else { return };
    let mut claim = |at: usize, w: &str| {
        // Future: "will <verb> ... in <past date>".
        if w.eq_ignore_ascii_case("will") {
            let Some((vat, verb)) = next(at, w.len()) else { return };
            // "the will of", "will be held" (the past-verb guard covers "be").
            if ["of", "to", "and", "be", "have"]
                .iter()
                .any(|n| verb.eq_ignore_ascii_case(n))
            {
                return;
            }
            let verb_end = vat + verb.len();
            if let Some((t, from, to)) = attached_date(s, masked, base + verb_end)
                && to < today
            {
                out.push(Claim::Tense(TenseClaim {
                    verb_span: Span::new(base + at, base + verb_end),
                    future: true,
                    value_span: t,
                    from,
                    to,
                }));
            }
            return;
        }
        // Past: "<event verb> ... on <future date>".
        let Some(end) = past_verb(w, || next(at, w.len())).map(|(e_at, e)| e_at.unwrap_or(at) + e.len()) else {
            return;
        };
        if words_before(s.text, at).any(|l| MODALS.iter().any(|m| l.eq_ignore_ascii_case(m))) {
            return;
        }
        if let Some((t, from, to)) = attached_date(s, masked, base + end)
            && from > today
        {
            out.push(Claim::Tense(TenseClaim {
                verb_span: Span::new(base + at, base + end),
                future: false,
                value_span: t,
                from,
                to,
            }));
        }
    };
    let may_start_verb = |w: &[u8]| VERB_HEADS.may_hold(w);
    let _ = each_plain_word(head, base, tokens, may_start_verb, |at, w| {
        claim(at, w);
        ControlFlow::Continue(())
    });
}

/// The four words before `at` (fewer at the start of the text), nearest first.
fn words_before(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut e = at;
    std::iter::from_fn(move || {
        while e > 0 && !is_word_byte(b[e - 1]) {
            e -= 1;
        }
        if e == 0 {
            return None;
        }
        let end = e;
        while e > 0 && is_word_byte(b[e - 1]) {
            e -= 1;
        }
        Some(&text[e..end])
    })
    .take(4)
}

/// Words before a past participle that make it not past: "will be held".
const MODALS: &[&str] = &[
    "will", "to", "would", "be", "shall", "may", "could", "should", "must", "being",
];

/// The first words of the past verbs, and "will": the words a claim can start at.
const HEADS: [&str; PAST_VERBS.len() + 1] = {
    let mut heads = ["will"; PAST_VERBS.len() + 1];
    let mut i = 0;
    while i < PAST_VERBS.len() {
        heads[i + 1] = PAST_VERBS[i].0;
        i += 1;
    }
    heads
};
/// [`HEADS`] as a word list: its first-letter-and-length test turns away almost every
/// other word before a closer look (a word it lets through is compared in full).
const VERB_HEADS: &WordList = &WordList::new(&HEADS);

/// Whether `first` (and the word after it, asked for only when needed) make a
/// past-tense event verb; the last word of it: `(None, first)` or `(Some(at), next)`.
fn past_verb<'t>(first: &'t str, next: impl FnOnce() -> Option<(usize, &'t str)>) -> Option<(Option<usize>, &'t str)> {
    let mut next = Some(next);
    let mut second = None;
    PAST_VERBS.iter().find_map(|(head, tail)| {
        if first.len() != head.len() || !head.eq_ignore_ascii_case(first) {
            return None;
        }
        if tail.is_empty() {
            return Some((None, first));
        }
        if let Some(read) = next.take() {
            second = read();
        }
        second
            .filter(|(_, t)| t.eq_ignore_ascii_case(tail))
            .map(|(at, t)| (Some(at), t))
    })
}

/// The first dated timex after `from` in the clause, introduced by "in"/"on"/"from"/
/// "during"/"between", with nothing between that detaches it from the verb.
fn attached_date(s: &Sentence<'_>, masked: &str, from: usize) -> Option<(Span, Date, Date)> {
    let t = s
        .timexes
        .iter()
        .find(|t| t.span.start as usize >= from && is_period(&t.value))?;
    if t.relative {
        return None;
    }
    let gap = masked.get(from..t.span.start as usize)?;
    if gap.len() > 90 {
        return None;
    }
    // The gap ends with the preposition, as a whole word (any case). Tested before
    // the words in the gap: it reads only the gap's end.
    let trimmed = gap.trim_end().as_bytes();
    if !["in", "on", "from", "during", "between", "in early", "in late", "in mid"]
        .iter()
        .any(|p| {
            let cut = trimmed.len().wrapping_sub(p.len());
            trimmed.len() >= p.len()
                && trimmed[cut..].eq_ignore_ascii_case(p.as_bytes())
                && (cut == 0 || trimmed[cut - 1] == b' ')
        })
    {
        return None;
    }
    // The punctuation as bytes; the curly quotes (three bytes from 0xE2) only looked
    // for when such a byte is there: a char search decodes every character.
    let punctuation = gap
        .bytes()
        .any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'"'))
        || (gap.as_bytes().contains(&0xE2) && gap.contains(['“', '”']));
    if punctuation || has_word(gap, DETACHING) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_before_are_the_four_nearest_words() {
        let text = "so it was to-be, (then) held";
        let at = text.find("held").unwrap_or(0);
        let before: Vec<&str> = words_before(text, at).collect();
        assert_eq!(before, vec!["then", "to-be", "was", "it"]);
        assert_eq!(words_before(text, 3).collect::<Vec<_>>(), vec!["so"]);
        assert_eq!(words_before(text, 0).count(), 0);
    }
}
