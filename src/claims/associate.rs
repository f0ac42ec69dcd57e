//! Builds claims sentence by sentence from the extracted items.

use std::borrow::Cow;

use super::gap::{self, WordList, ends_with_word, has_word, only, word_list};
use super::*;
use crate::extract::tokens::Token;
use crate::extract::{Mention, Timex};
use crate::ledger::EntityKind;

/// Words that make an office or a date about another time than the one stated.
const NOT_NOW: &WordList = &WordList::new(&[
    "former",
    "then",
    "then-",
    "late",
    "ex",
    "future",
    "incoming",
    "previous",
    "predecessor",
    "successor",
    "designate",
    "elect",
    "acting",
    "interim",
    "past",
    "earlier",
    "later",
]);

/// Event words and the event kind they name. Participles attach after the entity
/// ("NATO, founded in 1949"), nouns before it ("the creation of NATO in 1949").
const EVENT_PARTICIPLES: &[(&str, EventKind)] = &[
    ("founded", EventKind::Founded),
    ("created", EventKind::Founded),
    ("established", EventKind::Founded),
    ("formed", EventKind::Founded),
    ("signed", EventKind::Signed),
    ("entered into force", EventKind::EnteredIntoForce),
    ("came into force", EventKind::EnteredIntoForce),
    ("took effect", EventKind::EnteredIntoForce),
    ("took place", EventKind::TookPlace),
    ("held", EventKind::TookPlace),
];
const EVENT_NOUNS: &[(&str, EventKind)] = &[
    ("founding", EventKind::Founded),
    ("foundation", EventKind::Founded),
    ("creation", EventKind::Founded),
    ("establishment", EventKind::Founded),
    ("formation", EventKind::Founded),
    ("signing", EventKind::Signed),
    ("signature", EventKind::Signed),
    ("entry into force", EventKind::EnteredIntoForce),
];
/// Fillers allowed between an entity and its participle.
const PARTICIPLE_FILLERS: &[&str] = &[
    "which",
    "that",
    "was",
    "were",
    "is",
    "has been",
    "had been",
    "first",
    "originally",
    "officially",
    "formally",
    "itself",
];

/// Verbs that put a holder in a rotating position.
const HOLD_VERBS: &[&str] = &[
    "holds",
    "held",
    "hold",
    "holding",
    "will hold",
    "has held",
    "had held",
    "assumes",
    "assumed",
    "will assume",
    "assume",
    "takes over",
    "took over",
    "will take over",
    "take over",
    "chairs",
    "chaired",
    "will chair",
    "chair",
    "has",
    "had",
    "have",
    "will have",
    "which",
    "that",
    "currently",
    "now",
    "the",
    "its",
    "their",
    "this",
    "year's",
    "year’s",
    "s",
    "’s",
    "'s",
    "successive",
    "respective",
    "consecutive",
    "upcoming",
    "current",
    "respectively",
    "rotating",
    "is",
    "was",
    "will be",
    "currently holds",
];

/// Words that make a holding claim about the document date ("which holds the ...").
const PRESENT: &WordList = &WordList::new(&["holds", "currently", "current", "now", "is holding", "has"]);

pub(super) struct Sentence<'a> {
    pub span: Span,
    pub text: &'a str,
    pub timexes: Vec<&'a Timex>,
    pub mentions: Vec<&'a Mention>,
}

pub fn build(x: &Extraction, masked: &str, ledger: &Ledger) -> Vec<Claim> {
    let speakers = speakers(x, masked, ledger);
    let bodies = super::membership::Bodies::new(ledger);
    let mut out = Vec::new();
    let (mut ti, mut mi) = (0, 0);
    let (mut timexes, mut mentions): (Vec<&Timex>, Vec<&Mention>) = (Vec::new(), Vec::new());
    for &span in &x.sentences {
        // Items are sorted by position: walk them alongside the sentences.
        while ti < x.timexes.len() && x.timexes[ti].span.start < span.start {
            ti += 1;
        }
        while mi < x.mentions.len() && x.mentions[mi].span.start < span.start {
            mi += 1;
        }
        timexes.clear();
        timexes.extend(x.timexes[ti..].iter().take_while(|t| t.span.end <= span.end));
        let all = &x.mentions[mi..];
        let all = &all[..all.partition_point(|m| m.span.end <= span.end)];
        // "(NATO)" right after "North Atlantic Treaty Organization" is the same name.
        mentions.clear();
        mentions.extend(all.iter().enumerate().filter_map(|(k, m)| {
            let acronym_again = k > 0
                && between(masked, all[k - 1].span, m.span) == " ("
                && masked.as_bytes().get(m.span.end as usize) == Some(&b')');
            (!acronym_again).then_some(m)
        }));
        let s = Sentence {
            span,
            text: &masked[span.range()],
            timexes,
            mentions,
        };
        // Most sentences hold no claim: each builder runs only where its items are.
        let dated = !s.timexes.is_empty();
        if !s.mentions.is_empty() {
            if dated {
                event_dates(&s, masked, &x.tokens, ledger, &mut out);
            }
            anniversaries(&s, x, masked, ledger, &mut out);
            offices(&s, x, masked, ledger, &mut out);
            titled_persons(&s, x, masked, ledger, &mut out);
            series(&s, masked, &speakers, x.doc_date.map(|d| d.date), &mut out);
            super::membership::build(&s, masked, ledger, &bodies, &speakers, &mut out);
            super::count::build(&s, x, masked, ledger, &mut out);
        }
        if dated {
            super::tense::build(&s, masked, &x.tokens, x.doc_date.map(|d| d.date), &mut out);
        }
        // The lists' buffers serve the next sentence.
        (timexes, mentions) = (s.timexes, s.mentions);
    }
    for t in &x.timexes {
        if let (TimexValue::Day { date }, Some((weekday, wspan))) = (&t.value, t.weekday) {
            out.push(Claim::Weekday(WeekdayClaim {
                date: *date,
                date_span: t.span,
                weekday,
                weekday_span: wspan,
            }));
        }
    }
    out
}

pub(super) fn between(masked: &str, a: Span, b: Span) -> &str {
    masked.get(a.end as usize..b.start as usize).unwrap_or("\u{0}")
}

/// A single calendar value (not part of a range, not relative to "now").
pub(super) fn dated(t: &Timex) -> bool {
    super::is_period(&t.value)
        && !t
            .group
            .is_some_and(|g| g.kind == crate::extract::timex::GroupKind::Range)
}

/// Finds a trigger phrase in `gap` and returns its kind and byte range in it: the
/// first occurrence of the first entry of the table that occurs. `gap` starts at
/// `base` in the document `tokens` were read from.
fn find_phrase(
    gap: &str,
    base: u32,
    tokens: &[Token],
    table: &[(&str, EventKind)],
) -> Option<(EventKind, usize, usize)> {
    best_phrase(gap, base, tokens, table, |found, best| found.0 < best.0)
}

/// The phrase of `table` in `text` that `better` prefers to every other, as (entry,
/// start, end) against the best so far.
fn best_phrase(
    text: &str,
    base: u32,
    tokens: &[Token],
    table: &[(&str, EventKind)],
    better: impl Fn((usize, usize, usize), (usize, usize, usize)) -> bool,
) -> Option<(EventKind, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    gap::each_phrase(text, base as usize, tokens, table, |k, s, e| {
        if best.is_none_or(|b| better((k, s, e), b)) {
            best = Some((k, s, e));
        }
    });
    best.map(|(k, s, e)| (table[k].1, s, e))
}

fn event_dates(s: &Sentence<'_>, masked: &str, tokens: &[Token], ledger: &Ledger, out: &mut Vec<Claim>) {
    // Asked only when a date is not attached by a participle.
    let mut anniversary_sentence = None;
    let is_anniversary_sentence = || {
        gap::has_plain_word(
            s.text,
            s.span.start as usize,
            tokens,
            word_list![
                "anniversary",
                "anniversaries",
                "commemorate",
                "commemorating",
                "commemoration",
                "commemorations",
                "marks",
                "mark",
                "marked",
                "marking",
                "celebrate",
                "celebrated",
                "celebrating",
            ],
        )
    };
    for (mi, m) in s.mentions.iter().enumerate() {
        // Countries and people sign and found things; the events of bodies, treaties and
        // events are what the ledger dates.
        let Some(entity) = m.entity().filter(|e| {
            !matches!(
                ledger.entity(*e).kind,
                EntityKind::Country | EntityKind::Person | EntityKind::Place
            )
        }) else {
            continue;
        };
        // The next mention of another entity bounds the claim ("(NATO)" does not).
        let next_mention = s.mentions[mi + 1..]
            .iter()
            .find(|n| n.entity() != Some(entity))
            .map_or(s.span.end, |n| n.span.start);
        let mut noun = None;
        for t in &s.timexes {
            if !dated(t) || t.relative {
                continue;
            }
            // Entity, participle, date: "NATO, founded in 1949", "the Charter, signed on 26 June 1945".
            if t.span.start >= m.span.end && t.span.start <= next_mention {
                let gap = between(masked, m.span, t.span);
                if let Some((kind, ws, we)) = find_phrase(gap, m.span.end, tokens, EVENT_PARTICIPLES) {
                    let (pre, post) = (&gap[..ws], &gap[we..]);
                    // Skip an acronym definition "(NATO)" right after the name.
                    let pre = strip_parenthetical(pre);
                    if only(pre, PARTICIPLE_FILLERS)
                        && only(strip_place(post), &["in", "on", "in the year", "at the start of"])
                    {
                        push_event(out, entity, m.span, kind, Some(span_in(m.span.end, ws, we)), t);
                        continue;
                    }
                }
            }
            // Noun, entity, date: "the creation of NATO in 1949"; date, noun, entity:
            // "in 1949 with the creation of NATO". Not in anniversary sentences, where
            // the date is usually the anniversary's. The noun before the entity is the
            // same for every date: found once, and before the sentence's words are
            // read for an anniversary, as few entities have one.
            let Some((kind, noun_start, noun_end)) = *noun.get_or_insert_with(|| event_noun(s, m, masked, tokens))
            else {
                continue;
            };
            if *anniversary_sentence.get_or_insert_with(is_anniversary_sentence) {
                continue;
            }
            let after_entity = t.span.start >= m.span.end && t.span.start <= next_mention && {
                let g = strip_parenthetical(between(masked, m.span, t.span));
                only(g, &["in", "on"]) && !g.trim().is_empty()
            };
            let before_noun = t.span.end as usize <= noun_start && {
                let g = &masked[t.span.end as usize..noun_start];
                only(g, &["with", "the", "through", "by", "upon", "at"])
                    && has_word(g, word_list!["with", "through", "by", "upon", "at"])
            };
            if after_entity || before_noun {
                push_event(out, entity, m.span, kind, Some(Span::new(noun_start, noun_end)), t);
            }
        }
    }
}

/// The event noun that governs a mention: "the creation of NATO" (kind, noun start
/// and end in the document).
fn event_noun(s: &Sentence<'_>, m: &Mention, masked: &str, tokens: &[Token]) -> Option<(EventKind, usize, usize)> {
    let sentence_before = &masked[s.span.start as usize..m.span.start as usize];
    let (kind, ws, _) = last_phrase(sentence_before, s.span.start, tokens, EVENT_NOUNS)?;
    let noun_start = s.span.start as usize + ws;
    let noun_end = noun_start + phrase_len(sentence_before, ws, EVENT_NOUNS);
    let noun_to_entity = &masked[noun_end..m.span.start as usize];
    (only(noun_to_entity, &["of", "the"]) && has_word(noun_to_entity, word_list!["of"]))
        .then_some((kind, noun_start, noun_end))
}

/// Drops a place phrase before the date: "signed in San Francisco in June 1945",
/// "signed in this city in 1957".
fn strip_place(gap: &str) -> &str {
    let t = gap.trim_start();
    let Some(rest) = t.strip_prefix("in ").or_else(|| t.strip_prefix("at ")) else {
        return gap;
    };
    let rest_trim = rest.trim_start();
    let mut cut = None;
    for (i, _) in rest.match_indices(" in ").chain(rest.match_indices(" on ")) {
        let place = &rest[..i];
        let is_place = place == "this city"
            || place == "the city"
            || (!place.is_empty()
                && place
                    .split([' ', ','])
                    .filter(|w| !w.is_empty())
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "of" || w == "the"));
        if is_place && !rest_trim.is_empty() {
            cut = Some(i);
            break;
        }
    }
    cut.map_or(gap, |i| &rest[i..])
}

fn span_in(base: u32, s: usize, e: usize) -> Span {
    Span::new(base as usize + s, base as usize + e)
}

pub(super) fn strip_parenthetical(gap: &str) -> &str {
    let t = gap.trim_start();
    if let Some(rest) = t.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && rest[..close]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ')
    {
        return &rest[close + 1..];
    }
    gap
}

/// The last trigger phrase in `text` (at one position, the first entry of the table),
/// with its kind and byte range. `text` starts at `base` in the document `tokens` were
/// read from.
fn last_phrase(
    text: &str,
    base: u32,
    tokens: &[Token],
    table: &[(&str, EventKind)],
) -> Option<(EventKind, usize, usize)> {
    best_phrase(text, base, tokens, table, |found, best| found.1 > best.1)
}

/// The longest table entry `text` starts with at `at` (any case).
fn phrase_len(text: &str, at: usize, table: &[(&str, EventKind)]) -> usize {
    let rest = &text.as_bytes()[at..];
    table
        .iter()
        .filter(|(w, _)| {
            rest.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
        })
        .map(|(w, _)| w.len())
        .max()
        .unwrap_or(0)
}

fn push_event(
    out: &mut Vec<Claim>,
    entity: EntityId,
    entity_span: Span,
    kind: EventKind,
    trigger: Option<Span>,
    t: &Timex,
) {
    if out
        .iter()
        .any(|c| matches!(c, Claim::EventDate(e) if e.value_span == t.span))
    {
        return;
    }
    out.push(Claim::EventDate(EventDateClaim {
        entity,
        entity_span,
        event: kind,
        trigger,
        value: t.value.clone(),
        value_span: t.span,
    }));
}

/// Whether a timex is written with a month name ("in April", "on 4 April"), as
/// opposed to a deictic word ("today").
fn names_month(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = text.to_ascii_lowercase();
    MONTHS.iter().any(|m| lower.contains(m))
}

fn anniversaries(s: &Sentence<'_>, x: &Extraction, masked: &str, ledger: &Ledger, out: &mut Vec<Claim>) {
    // Anniversaries are in order: the sentence's are one run of them.
    let first = x.anniversaries.partition_point(|a| a.span.start < s.span.start);
    for a in x.anniversaries[first..]
        .iter()
        .take_while(|a| a.span.start < s.span.end)
        .filter(|a| s.span.contains(a.span))
    {
        // "80th anniversary of (the) E", "75 years after/since (the) E", "E's 75th anniversary".
        let after = s.mentions.iter().find(|m| m.span.start >= a.span.end).filter(|m| {
            only(
                between(masked, a.span, m.span),
                &[
                    "of",
                    "the",
                    "since",
                    "after",
                    "from",
                    "signing",
                    "founding",
                    "creation",
                    "establishment",
                ],
            )
        });
        let before = s
            .mentions
            .iter()
            .rev()
            .find(|m| m.span.end <= a.span.start)
            .filter(|m| matches!(between(masked, m.span, a.span), "'s " | "’s " | "' " | "’ "));
        let Some(m) = after.or(before) else { continue };
        let Some(entity) = m.entity() else { continue };
        if ledger.anchor_event(entity).is_none() {
            continue;
        }
        let anchor_year = ledger.anchor_event(entity).map_or(0, |e| e.date.year);
        // Years in the sentence after the anchor year are when it may be marked.
        let mut marked_in: Vec<(i16, Option<Span>)> = Vec::new();
        for t in s.timexes.iter().filter(|t| !t.span.overlaps(m.span)) {
            let Some(y) = t.value.year().filter(|y| *y > anchor_year) else {
                continue;
            };
            marked_in.push((y, Some(t.span)));
            // "in April" without a year may be this April or next: either year counts.
            if t.relative
                && matches!(t.value, TimexValue::Month { .. } | TimexValue::Day { .. })
                && names_month(&masked[t.span.range()])
            {
                marked_in.push((y - 1, Some(t.span)));
                marked_in.push((y + 1, Some(t.span)));
            }
        }
        if marked_in.is_empty() {
            match x.doc_date {
                Some(d) => marked_in.push((d.date.year(), None)),
                None => continue,
            }
        }
        out.push(Claim::Anniversary(AnniversaryClaim {
            entity,
            entity_span: m.span,
            years: a.years,
            number_span: a.number_span,
            phrase_span: a.span,
            marked_in,
        }));
    }
}

fn offices(s: &Sentence<'_>, x: &Extraction, masked: &str, ledger: &Ledger, out: &mut Vec<Claim>) {
    for (i, pair) in s.mentions.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let gap = between(masked, a.span, b.span);
        // In "the President of the European Council, Charles Michel, the President of
        // the Commission, ..." a person right after an office belongs to that office.
        // Asked only for a person before an office.
        let after_office = || {
            i > 0 && s.mentions[i - 1].office().is_some() && only(between(masked, s.mentions[i - 1].span, a.span), &[])
        };
        let (person, office) = match (
            a.entity().filter(|e| ledger.entity(*e).kind == EntityKind::Person),
            b.office(),
        ) {
            // "Justin Trudeau, Prime Minister of Canada"
            (Some(p), Some(o))
                if only(gap, &["the"])
                    && gap.contains(',')
                    && !after_office()
                    && !office_before_person(s, i + 1, masked, ledger) =>
            {
                ((p, a.span), (o, b.span))
            }
            _ => match (
                a.office(),
                b.entity().filter(|e| ledger.entity(*e).kind == EntityKind::Person),
            ) {
                // "Prime Minister of Canada Justin Trudeau", "French President, Emmanuel Macron"
                (Some(o), Some(p))
                    if only(
                        gap,
                        &[
                            "the right honourable",
                            "the honourable",
                            "his excellency",
                            "her excellency",
                            "h.e.",
                            "dr.",
                            "mr.",
                            "mrs.",
                            "ms.",
                        ],
                    ) =>
                {
                    ((p, b.span), (o, a.span))
                }
                _ => continue,
            },
        };
        // "former Prime Minister Stephen Harper", "then-Chancellor Angela Merkel".
        let first = a.span.start as usize;
        let lead = &masked[s.span.start as usize..first];
        if has_word(last_words(lead, 3), NOT_NOW)
            || ends_with_word(lead, &["then-"])
            || has_word(gap, NOT_NOW)
            || lead.trim_end().ends_with("then-")
        {
            continue;
        }
        let after_office = masked
            .get(office.1.end as usize..(office.1.end as usize + 24).min(s.span.end as usize))
            .unwrap_or("");
        if has_word(
            after_office.split(',').next().unwrap_or(""),
            word_list!["designate", "elect"],
        ) || after_office.starts_with('-')
        {
            continue;
        }
        let Some(at) = claim_dates(s, x, masked, first as u32, a.span.end.max(b.span.end)) else {
            continue;
        };
        out.push(Claim::OfficeHolder(OfficeClaim {
            office: office.0,
            office_span: office.1,
            person: person.0,
            person_span: person.1,
            at,
        }));
    }
}

/// "..., German Chancellor Angela Merkel": the office at `k` is a title of the person
/// right after it, not an apposition of the person before it.
fn office_before_person(s: &Sentence<'_>, k: usize, masked: &str, ledger: &Ledger) -> bool {
    let (Some(o), Some(p)) = (s.mentions.get(k), s.mentions.get(k + 1)) else {
        return false;
    };
    o.office().is_some()
        && p.entity().is_some_and(|e| ledger.entity(e).kind == EntityKind::Person)
        && only(between(masked, o.span, p.span), &[])
        && !between(masked, o.span, p.span).contains(',')
}

/// When an office claim speaks of: dates before it in the sentence, or after it
/// outside a relative clause ("who died in 1944" is about someone else); else the
/// document date.
pub(super) fn claim_dates(s: &Sentence<'_>, x: &Extraction, masked: &str, start: u32, end: u32) -> Option<Vec<When>> {
    let at: Vec<When> = s
        .timexes
        .iter()
        .filter(|t| {
            t.span.end <= start || {
                // After the claim, only a date the clause is set in ("in 2010"), not a
                // date inside another phrase ("Canada's 2025 G7 presidency", "who
                // died in 1944").
                let gap = &masked[end as usize..t.span.start as usize];
                // The preposition first: it reads only the gap's end.
                t.span.start >= end
                    && ends_with_word(gap, &["in", "on", "during", "from", "between", "until"])
                    && !has_word(
                        gap,
                        word_list!["which", "who", "whom", "whose", "that", "where", "when"],
                    )
            }
        })
        .filter_map(|t| {
            super::period(&t.value).map(|(from, to)| When {
                from,
                to,
                span: Some(t.span),
            })
        })
        .collect();
    if !at.is_empty() {
        return Some(at);
    }
    x.doc_date.map(|d| {
        vec![When {
            from: d.date,
            to: d.date,
            span: None,
        }]
    })
}

/// The part of `text` from its `n`th last whitespace-separated word on (all of it when
/// it has fewer): the words a joined copy of the last `n` would hold, without the copy.
fn last_words(text: &str, n: usize) -> &str {
    let mut start = text.len();
    let mut words = 0;
    // Walking backwards: whether the character after this one is whitespace.
    let mut space_after = true;
    for (i, c) in text.char_indices().rev() {
        let space = c.is_whitespace();
        if !space {
            if space_after {
                words += 1;
                if words > n {
                    break;
                }
            }
            start = i;
        }
        space_after = space;
    }
    &text[start..]
}

/// Bare titles written before a name: "Prime Minister Justin Trudeau".
const TITLES: &[&str] = &[
    "Prime Minister",
    "President",
    "Chancellor",
    "Secretary General",
    "Secretary-General",
    "Emperor",
    "King",
    "Queen",
];

/// "Prime Minister Justin Trudeau": the office is the one with that title the person
/// held at some time (if exactly one), checked at the sentence's dates.
fn titled_persons(s: &Sentence<'_>, x: &Extraction, masked: &str, ledger: &Ledger, out: &mut Vec<Claim>) {
    for (i, m) in s.mentions.iter().enumerate() {
        let Some(person) = m.entity().filter(|e| ledger.entity(*e).kind == EntityKind::Person) else {
            continue;
        };
        // A title right before the name, then whether the person is already claimed
        // with a full office name (a look through the document's claims so far).
        let before = &masked[s.span.start as usize..m.span.start as usize];
        let Some(title) = before
            .strip_suffix(' ')
            .and_then(|before| TITLES.iter().find(|t| before.ends_with(**t)))
        else {
            continue;
        };
        if out
            .iter()
            .any(|c| matches!(c, Claim::OfficeHolder(o) if o.person_span == m.span))
        {
            continue;
        }
        let title_start = m.span.start as usize - title.len() - 1;
        if title_start > 0 && !matches!(masked.as_bytes()[title_start - 1], b' ' | b'(' | b'"' | b'\n') {
            continue; // "Vice-Chancellor Olaf Scholz"
        }
        // A full office name right before the title is a different construction.
        if i > 0 && s.mentions[i - 1].span.end as usize >= title_start {
            continue;
        }
        let lead = last_words(&masked[s.span.start as usize..title_start], 2).trim_end();
        if has_word(lead, NOT_NOW) || lead.ends_with("then-") || lead.ends_with('-') {
            continue;
        }
        let mut offices: Vec<OfficeId> = ledger
            .terms
            .iter()
            .filter(|t| t.holder == person && ledger.office(t.office).name.starts_with(title))
            .map(|t| t.office)
            .collect();
        offices.sort_unstable();
        offices.dedup();
        let [office] = offices.as_slice() else { continue };
        let title_span = Span::new(title_start, title_start + title.len());
        let Some(at) = claim_dates(s, x, masked, title_span.start, m.span.end) else {
            continue;
        };
        out.push(Claim::OfficeHolder(OfficeClaim {
            office: *office,
            office_span: title_span,
            person,
            person_span: m.span,
            at,
        }));
    }
}

/// The document's speakers, for "our"/"we": a coordination of two or more countries
/// or bodies ("Canada and France") that the document repeats, or states in its first
/// blocks.
pub(super) fn speakers(x: &Extraction, masked: &str, ledger: &Ledger) -> Vec<EntityId> {
    // Each distinct coordination once, its entities one after another in `ids`:
    // (start in `ids`, length, times seen, where first seen). A document has few.
    let mut ids: Vec<EntityId> = Vec::new();
    let mut counts: Vec<(usize, usize, usize, u32)> = Vec::new();
    let first_blocks_end = x.sentences.get(3).map_or(u32::MAX, |s| s.end);
    coordinations(&x.mentions, masked, ledger, |run| {
        let entities = || run.iter().map(|(e, _)| e);
        match counts
            .iter_mut()
            .find(|(at, len, _, _)| ids[*at..*at + *len].iter().eq(entities()))
        {
            Some(seen) => seen.2 += 1,
            None => {
                counts.push((ids.len(), run.len(), 1, run[0].1.start));
                ids.extend(entities());
            }
        }
    });
    counts
        .iter()
        .filter(|(_, _, n, start)| *n >= 2 || *start < first_blocks_end)
        .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)))
        .map(|&(at, len, _, _)| ids[at..at + len].to_vec())
        .unwrap_or_default()
}

/// Runs of country/body mentions joined by ", " and "and": "Canada and France",
/// given to `f` in order (two or more mentions each).
pub(super) fn coordinations(
    mentions: &[Mention],
    masked: &str,
    ledger: &Ledger,
    mut f: impl FnMut(&[(EntityId, Span)]),
) {
    let holder = |m: &Mention| {
        m.entity().filter(|e| {
            matches!(
                ledger.entity(*e).kind,
                EntityKind::Country | EntityKind::Organisation | EntityKind::Group
            )
        })
    };
    // Most runs are a single name and are dropped: one buffer serves them all.
    let mut run = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let Some(e) = holder(&mentions[i]) else {
            i += 1;
            continue;
        };
        run.clear();
        run.push((e, mentions[i].span));
        let mut j = i + 1;
        while j < mentions.len() {
            let gap = between(masked, mentions[j - 1].span, mentions[j].span);
            match holder(&mentions[j]) {
                Some(e2) if gap == " and " || gap == ", " || gap == ", and " => {
                    run.push((e2, mentions[j].span));
                    j += 1;
                    if gap != ", " {
                        break;
                    }
                }
                _ => break,
            }
        }
        let closed = run.len() >= 2 && between(masked, run[run.len() - 2].1, run[run.len() - 1].1).ends_with("and ");
        if closed {
            f(&run);
        }
        i = j.max(i + 1);
    }
}

fn series(s: &Sentence<'_>, masked: &str, speakers: &[EntityId], doc_date: Option<Date>, out: &mut Vec<Claim>) {
    for (mi, m) in s.mentions.iter().enumerate() {
        let Some(series) = m.series() else { continue };
        let clause_start = clause_start(masked, s.span, m.span);
        // Holders: a possessive or the subject of a holding verb before the series
        // name in the clause, or "our"/"their" for the document's speakers.
        let mut holders: Vec<(EntityId, Span)> = Vec::new();
        // The mentions before it in the clause (they are in text order).
        let before = &s.mentions[s.mentions[..mi].partition_point(|p| p.span.start < clause_start)..mi];
        if let Some(p) = before.last()
            && let Some(e) = p.entity()
        {
            let gap = between(masked, p.span, m.span);
            let gap_no_years = strip_years(gap, &s.timexes, p.span.end);
            if only(&gap_no_years, HOLD_VERBS) {
                // Walk back over "A and B" / "A, B and C".
                holders.push((e, p.span));
                let mut k = before.len() - 1;
                while k > 0 {
                    let g = between(masked, before[k - 1].span, before[k].span);
                    match before[k - 1].entity() {
                        Some(e2) if g == " and " || g == ", " || g == ", and " => {
                            holders.insert(0, (e2, before[k - 1].span));
                            k -= 1;
                        }
                        _ => break,
                    }
                }
            }
        }
        if holders.is_empty() {
            let lead = &masked[clause_start as usize..m.span.start as usize];
            if let Some(pos) = ["our ", "their "].iter().filter_map(|w| find_word(lead, w)).max() {
                let rest = &lead[pos..];
                let word_end = rest.find(' ').unwrap_or(rest.len());
                if only(&rest[word_end..], HOLD_VERBS) && !speakers.is_empty() {
                    let span = Span::new(clause_start as usize + pos, clause_start as usize + pos + word_end);
                    holders = speakers.iter().map(|e| (*e, span)).collect();
                }
            }
        }
        if holders.is_empty() {
            continue;
        }
        // Years: between the holder and the series ("Canada's 2025 G7 presidency") or
        // right after it ("presidencies in 2025 and 2026", "presidency this year").
        let mut years: Vec<(i16, Span)> = Vec::new();
        let holder_end = holders.last().map_or(m.span.start, |h| h.1.end);
        for t in &s.timexes {
            let Some(y) = (match t.value {
                TimexValue::Year { year } => Some(year),
                _ if t.relative => t.value.year(),
                _ => None,
            }) else {
                continue;
            };
            let inside = t.span.start >= holder_end && t.span.end <= m.span.start;
            let after = t.span.start >= m.span.end && {
                let g = &masked[m.span.end as usize..t.span.start as usize];
                let g = strip_years(g, &s.timexes, m.span.end);
                only(&g, &["in", "for", "during", "of", "and", "respectively"])
            };
            if inside || after {
                years.push((y, t.span));
            }
        }
        // "in 2016 under Italy's G7 presidency": a year just before the holder.
        let holder_start = holders.first().map_or(m.span.start, |h| h.1.start);
        for t in &s.timexes {
            if let TimexValue::Year { year } = t.value
                && t.span.end <= holder_start
                && only(
                    &masked[t.span.end as usize..holder_start as usize],
                    &["under", "during"],
                )
                && !masked[t.span.end as usize..holder_start as usize].trim().is_empty()
            {
                years.push((year, t.span));
            }
        }
        let mut at = None;
        if years.is_empty() {
            // "Belgium, which holds the Presidency of the Council of the EU": now.
            let gap = &masked[holders.last().map_or(m.span.start, |h| h.1.end) as usize..m.span.start as usize];
            if has_word(gap, PRESENT)
                && !has_word(
                    gap,
                    word_list!["will", "held", "had", "was", "next", "previous", "former", "last"],
                )
            {
                at = doc_date;
            }
        }
        if years.is_empty() && at.is_none() {
            continue;
        }
        out.push(Claim::SeriesPosition(SeriesClaim {
            series,
            series_span: m.span,
            holders,
            years,
            at,
        }));
    }
}

/// The gap text with the timexes inside it removed (so "'s 2025 " reads "'s "); the
/// gap itself when none is inside, as for most gaps.
fn strip_years<'g>(gap: &'g str, timexes: &[&Timex], base: u32) -> Cow<'g, str> {
    let mut out = Cow::Borrowed(gap);
    let end = base as usize + gap.len();
    for t in timexes.iter().rev() {
        if t.span.start as usize >= base as usize && t.span.end as usize <= end {
            let r = (t.span.start - base) as usize..(t.span.end - base) as usize;
            if out.is_char_boundary(r.start) && out.is_char_boundary(r.end) {
                out.to_mut().replace_range(r, " ");
            }
        }
    }
    out
}

/// The last whole-word occurrence of `w` (lower case) in `text`, any ASCII case.
fn find_word(text: &str, w: &str) -> Option<usize> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(w.len() - 1)).rev().find(|&i| {
        b[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes()) && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
    })
}

/// The start of the clause containing `at`: after the last ';' or ':' before it.
fn clause_start(masked: &str, sentence: Span, at: Span) -> u32 {
    let text = &masked[sentence.start as usize..at.start as usize];
    text.rfind([';', ':'])
        .map_or(sentence.start, |p| sentence.start + p as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_holds_the_words_of_a_joined_copy() {
        for text in [
            "",
            "   ",
            "word",
            "  the former\tPrime ",
            "a b c d e",
            "then-\u{a0}former  ex",
            "é ü x",
            "one  two\n\nthree   ",
        ] {
            for n in 0..5 {
                let joined = text.split_whitespace().rev().take(n).collect::<Vec<_>>();
                let joined: Vec<&str> = joined.into_iter().rev().collect();
                let part = last_words(text, n);
                assert_eq!(part.split_whitespace().collect::<Vec<_>>(), joined, "{text:?} {n}");
                assert!(text.ends_with(part), "{text:?} {n}");
            }
        }
    }
}
