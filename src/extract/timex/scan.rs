//! The scanner: walks ASCII word starts, tries the grammar only where a timex can
//! begin, and turns grammar hits into [`Timex`]es and [`Anniversary`]s.

use jiff::civil::Date;

use super::grammar::{self, Hit, Piece, Pos};
use super::resolve::resolve;
use super::{Anniversary, Group, Temporal, Timex};
use crate::span::Span;

/// Lower-case words that can begin a timex (or the context phrase before one).
/// Sorted, for binary search.
static TRIGGERS: &[&str] = &[
    "a",
    "about",
    "after",
    "almost",
    "an",
    "and",
    "annually",
    "approximately",
    "apr",
    "april",
    "around",
    "as",
    "at",
    "aug",
    "august",
    "autumn",
    "before",
    "beginning",
    "between",
    "both",
    "by",
    "ca",
    "circa",
    "close",
    "coming",
    "current",
    "currently",
    "daily",
    "dec",
    "december",
    "during",
    "each",
    "earlier",
    "early",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighties",
    "eightieth",
    "eighty",
    "eleven",
    "eleventh",
    "end",
    "every",
    "fall",
    "feb",
    "february",
    "few",
    "fewer",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifties",
    "fiftieth",
    "fifty",
    "first",
    "fiscal",
    "five",
    "following",
    "for",
    "formerly",
    "forties",
    "fortieth",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "fri",
    "friday",
    "from",
    "fy",
    "half",
    "her",
    "his",
    "hourly",
    "hundred",
    "hundredth",
    "in",
    "into",
    "its",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "just",
    "last",
    "late",
    "lately",
    "later",
    "less",
    "many",
    "mar",
    "march",
    "may",
    "mid",
    "midday",
    "middle",
    "midnight",
    "mon",
    "monday",
    "monthly",
    "more",
    "nearly",
    "next",
    "nine",
    "nineteen",
    "nineteenth",
    "nineties",
    "ninetieth",
    "ninety",
    "ninth",
    "no",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "oct",
    "october",
    "of",
    "on",
    "one",
    "only",
    "or",
    "our",
    "over",
    "past",
    "per",
    "post",
    "pre",
    "present",
    "presently",
    "previous",
    "q",
    "quarterly",
    "recent",
    "recently",
    "roughly",
    "sat",
    "saturday",
    "second",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventies",
    "seventieth",
    "seventy",
    "several",
    "since",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixties",
    "sixtieth",
    "sixty",
    "some",
    "soon",
    "spring",
    "start",
    "summer",
    "sun",
    "sunday",
    "ten",
    "tenth",
    "than",
    "the",
    "their",
    "these",
    "third",
    "thirteen",
    "thirteenth",
    "thirties",
    "thirtieth",
    "thirty",
    "this",
    "three",
    "through",
    "throughout",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "till",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tue",
    "tues",
    "tuesday",
    "twelfth",
    "twelve",
    "twenties",
    "twentieth",
    "twenty",
    "two",
    "under",
    "until",
    "up",
    "wed",
    "wednesday",
    "weekly",
    "winter",
    "within",
    "year",
    "yearly",
    "yesterday",
];

fn is_trigger(word: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    let w = &buf[..word.len()];
    TRIGGERS.binary_search_by(|t| t.as_bytes().cmp(w)).is_ok()
}

/// Words after which a number is a number, not a date ("page 2024", "Resolution 2231").
static NUMBER_NOUNS: &[&str] = &[
    "act",
    "annex",
    "appendix",
    "art",
    "article",
    "articles",
    "box",
    "chapter",
    "chapters",
    "clause",
    "code",
    "exhibit",
    "ext",
    "fax",
    "fig",
    "figure",
    "flight",
    "item",
    "line",
    "lines",
    "no",
    "nos",
    "number",
    "p",
    "page",
    "pages",
    "para",
    "paragraph",
    "paragraphs",
    "phone",
    "pp",
    "protocol",
    "ref",
    "regulation",
    "resolution",
    "resolutions",
    "room",
    "route",
    "rule",
    "rules",
    "sec",
    "section",
    "sections",
    "suite",
    "table",
    "tel",
    "unit",
    "verse",
    "version",
    "vol",
    "volume",
];

fn prev_word(bytes: &[u8], i: usize) -> &[u8] {
    let mut e = i;
    while e > 0 && matches!(bytes[e - 1], b' ' | b'\t' | b'.' | b'#') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && bytes[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    &bytes[s..e]
}

/// May a timex start with the digit at `i`? Not inside a larger number, an amount of
/// money, or after a number noun.
fn digit_start_ok(bytes: &[u8], i: usize) -> bool {
    if i > 0 {
        let p = bytes[i - 1];
        if matches!(p, b'$' | b'#' | b'\xa3' | b'\xac' | b'\xa5' | b'+' | b'@') {
            return false;
        }
        if matches!(p, b'.' | b',' | b':' | b'/' | b'-') && i > 1 && bytes[i - 2].is_ascii_digit() {
            return false;
        }
    }
    let w = prev_word(bytes, i);
    !NUMBER_NOUNS.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(w))
}

fn span(total: usize, p: Pos) -> Span {
    Span::new(total - p.a, total - p.b)
}

fn push_piece(out: &mut Temporal, total: usize, p: &Piece, dct: Option<Date>, group: Option<Group>) -> bool {
    let Some(value) = resolve(&p.val, dct) else {
        return false;
    };
    let relative = !matches!(p.val, grammar::PVal::Abs(_))
        && !matches!(
            p.val,
            grammar::PVal::Day { y: Some(_), .. } | grammar::PVal::Month { y: Some(_), .. }
        );
    out.timexes.push(Timex {
        span: span(total, p.pos),
        ty: p.ty,
        value,
        relative,
        weekday: p.weekday.map(|(wd, pos)| (wd, span(total, pos))),
        group,
    });
    true
}

pub(crate) fn scan(text: &str, dct: Option<Date>) -> Temporal {
    let bytes = text.as_bytes();
    let total = bytes.len();
    let mut out = Temporal::default();
    let mut next_group = 0u32;
    let mut i = 0;
    while i < total {
        let b = bytes[i];
        if !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        // `i` is an ASCII word start: the previous byte is not ASCII alphanumeric.
        let mut wend = i;
        while wend < total && bytes[wend].is_ascii_alphanumeric() {
            wend += 1;
        }
        let try_here = if b.is_ascii_digit() {
            digit_start_ok(bytes, i)
        } else {
            let mut aend = i;
            while aend < wend && bytes[aend].is_ascii_alphabetic() {
                aend += 1;
            }
            is_trigger(&bytes[i..aend])
        };
        if try_here
            && let Some(rest) = text.get(i..)
            && let Ok((r, hit)) = grammar::timex_at(rest)
        {
            let end = total - r.len();
            if end > i {
                emit(&mut out, total, hit, dct, &mut next_group);
                i = end;
                continue;
            }
        }
        i = wend;
    }
    out
}

fn emit(out: &mut Temporal, total: usize, hit: Hit, dct: Option<Date>, next_group: &mut u32) {
    match hit {
        Hit::One(p) => {
            push_piece(out, total, &p, dct, None);
        }
        Hit::Group(kind, pieces) => {
            let id = *next_group;
            *next_group += 1;
            for (idx, p) in pieces.iter().enumerate() {
                let group = Group {
                    id,
                    kind,
                    index: u8::try_from(idx).unwrap_or(u8::MAX),
                };
                push_piece(out, total, p, dct, Some(group));
            }
        }
        Hit::Anniversary {
            pos,
            number,
            years,
            timex,
        } => {
            out.anniversaries.push(Anniversary {
                span: span(total, pos),
                number_span: span(total, number),
                years,
            });
            if let Some(p) = timex {
                push_piece(out, total, &p, dct, None);
            }
        }
    }
}

#[cfg(test)]
pub(crate) fn assert_triggers_sorted() {
    assert!(TRIGGERS.windows(2).all(|w| w[0] < w[1]));
}
