//! Cardinal numbers ("32", "1,200", "twelve", "twenty-seven") with their spans.

use serde::Serialize;

use super::gazetteer::is_word_byte;
use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Number {
    pub span: Span,
    pub value: u64,
}

const UNITS: &[&str] = &[
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
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn word_value(w: &str) -> Option<u64> {
    // Number words start with one of these letters: reject the rest without work.
    if !w.len().clamp(3, 13).eq(&w.len()) || !w.as_bytes()[0].to_ascii_lowercase().is_ascii_lowercase() {
        return None;
    }
    if !b"zotfsentZOTFSENT".contains(&w.as_bytes()[0]) {
        return None;
    }
    let find = |list: &[&str], x: &str| list.iter().position(|u| !u.is_empty() && u.eq_ignore_ascii_case(x));
    if let Some(i) = find(UNITS, w) {
        return Some(i as u64);
    }
    if let Some(i) = find(TENS, w) {
        return Some(i as u64 * 10);
    }
    let (t, u) = w.split_once('-')?;
    let t = find(TENS, t)?;
    let u = find(UNITS, u).filter(|&u| (1..10).contains(&u))?;
    Some(t as u64 * 10 + u as u64)
}

/// Every cardinal number written as digits or as a word.
pub fn find(masked: &str) -> Vec<Number> {
    let bytes = masked.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if i > 0 && (is_word_byte(bytes[i - 1]) || bytes[i - 1] == b'.' || bytes[i - 1] == b',') {
            i += 1;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii_digit() {
            let mut e = i;
            let mut value: u64 = 0;
            let mut ok = true;
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
            // "2.5", "32nd", "G7": not cardinals.
            if e < bytes.len()
                && (bytes[e].is_ascii_alphabetic()
                    || (bytes[e] == b'.' && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)))
            {
                ok = false;
            }
            if ok {
                out.push(Number {
                    span: Span::new(i, e),
                    value,
                });
            }
            i = e.max(i + 1);
        } else if b.is_ascii_alphabetic() {
            let mut e = i;
            while e < bytes.len() && (bytes[e].is_ascii_alphabetic() || bytes[e] == b'-') {
                e += 1;
            }
            if e == bytes.len() || !is_word_byte(bytes[e]) {
                let word = masked.get(i..e).unwrap_or("").trim_end_matches('-');
                if let Some(v) = word_value(word) {
                    out.push(Number {
                        span: Span::new(i, i + word.len()),
                        value: v,
                    });
                }
            }
            i = e;
        } else {
            i += 1;
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
