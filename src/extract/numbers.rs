//! Cardinal numbers ("32", "1,200", "twelve", "twenty-seven") with their spans.

use serde::Serialize;

use super::gazetteer::is_word_byte;
use super::tokens::Token;
use crate::span::Span;
use crate::word_filter::WordFilter;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Number {
    pub span: Span,
    pub value: u64,
}

/// "zero" to "nineteen", each at its value.
pub(super) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// "twenty" to "ninety": 20 to 90.
pub(super) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// "zero" to "nineteen" (lower case).
fn unit(w: &[u8]) -> Option<u64> {
    UNITS.iter().position(|u| u.as_bytes() == w).map(|i| i as u64)
}

/// "twenty" to "ninety" (lower case).
fn tens(w: &[u8]) -> Option<u64> {
    TENS.iter().position(|t| t.as_bytes() == w).map(|i| (i as u64 + 2) * 10)
}

/// The number words, and "twenty-one" to "ninety-nine", for a quick test: most
/// words of prose are turned away before they are lower-cased.
static NUMBER_WORDS: std::sync::LazyLock<WordFilter> = std::sync::LazyLock::new(|| {
    let compounds = TENS
        .iter()
        .flat_map(|t| UNITS[1..10].iter().map(move |u| format!("{t}-{u}")));
    let all: Vec<String> = UNITS
        .iter()
        .chain(TENS.iter())
        .map(|w| w.to_string())
        .chain(compounds)
        .collect();
    WordFilter::new(all.iter().map(|w| w.as_bytes()))
});

/// The value of a number word ("twelve", "twenty-seven"). Every word of letters in a
/// document comes here: most are turned away by their length and the word filter,
/// the rest are lower-cased on the stack and matched.
fn word_value(filter: &WordFilter, b: &[u8]) -> Option<u64> {
    if !(3..=13).contains(&b.len()) || !filter.may_contain(b) {
        return None;
    }
    let mut buf = [0u8; 13];
    let lower = &mut buf[..b.len()];
    lower.copy_from_slice(b);
    lower.make_ascii_lowercase();
    let lower = &*lower;
    if let Some(v) = unit(lower).or_else(|| tens(lower)) {
        return Some(v);
    }
    let dash = lower.iter().position(|&c| c == b'-')?;
    let t = tens(&lower[..dash])?;
    let u = unit(&lower[dash + 1..]).filter(|u| (1..10).contains(u))?;
    Some(t + u)
}

/// Every cardinal number written as digits or as a word.
pub fn find(masked: &str) -> Vec<Number> {
    find_in(masked, &super::tokens::tokenize(masked.as_bytes()))
}

/// [`find`] with the text's words already found: a number starts a word.
pub fn find_in(masked: &str, tokens: &[Token]) -> Vec<Number> {
    let bytes = masked.as_bytes();
    let filter: &WordFilter = &NUMBER_WORDS;
    let mut out = Vec::with_capacity(super::expected(bytes.len(), 256));
    // Where reading has got to: a number may run over several words ("1,000,000",
    // "twenty-one").
    let mut i = 0;
    for t in tokens {
        let start = t.start as usize;
        if start < i {
            continue;
        }
        i = t.end as usize;
        // Most words are none: letters, no number word, no hyphen after.
        if t.alpha && !t.number && bytes.get(i) != Some(&b'-') {
            continue;
        }
        // "3.5", "1,5": the digits after a point or comma are not a number.
        if start > 0 && matches!(bytes[start - 1], b'.' | b',') {
            continue;
        }
        let b = bytes[start];
        if b.is_ascii_digit() {
            let mut e = start;
            let mut value: u64 = 0;
            while e < bytes.len() {
                let c = bytes[e];
                if c.is_ascii_digit() {
                    value = value.saturating_mul(10).saturating_add(u64::from(c - b'0'));
                    e += 1;
                } else if c == b','
                    && bytes
                        .get(e + 1..e + 4)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && !bytes.get(e + 4).is_some_and(u8::is_ascii_digit)
                {
                    e += 1;
                } else {
                    break;
                }
            }
            let glued = e < bytes.len()
                && (bytes[e].is_ascii_alphabetic()
                    || (bytes[e] == b'.' && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)));
            if !glued {
                out.push(Number {
                    span: Span::new(start, e),
                    value,
                });
            }
            i = i.max(e);
        } else if t.alpha && bytes.get(i) != Some(&b'-') {
            // A word of letters alone: a number word (its token says so) or nothing.
            if t.number
                && let Some(v) = word_value(filter, &bytes[start..i])
            {
                out.push(Number {
                    span: Span::new(start, i),
                    value: v,
                });
            }
        } else if b.is_ascii_alphabetic() {
            let mut e = start;
            while e < bytes.len() && (bytes[e].is_ascii_alphabetic() || bytes[e] == b'-') {
                e += 1;
            }
            if e == bytes.len() || !is_word_byte(bytes[e]) {
                let word = masked.get(start..e).unwrap_or("").trim_end_matches('-');
                if let Some(v) = word_value(filter, word.as_bytes()) {
                    out.push(Number {
                        span: Span::new(start, start + word.len()),
                        value: v,
                    });
                }
            }
            i = i.max(e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_words() {
        let t = "the 32 Allies, 1,200 troops, twelve nations, twenty-seven states, 2.5 per cent, G7 and 3rd";
        let got: Vec<(String, u64)> = find(t)
            .into_iter()
            .map(|n| (t[n.span.range()].to_string(), n.value))
            .collect();
        assert_eq!(
            got,
            vec![
                ("32".into(), 32),
                ("1,200".into(), 1200),
                ("twelve".into(), 12),
                ("twenty-seven".into(), 27)
            ]
        );
    }
}
