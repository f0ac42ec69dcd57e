//! Cardinal numbers ("32", "1,200", "twelve", "twenty-seven") with their spans.

use serde::Serialize;

use super::gazetteer::is_word_byte;
use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Number {
    pub span: Span,
    pub value: u64,
}

/// "zero" to "nineteen" (lower case).
fn unit(w: &[u8]) -> Option<u64> {
    Some(match w {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        _ => return None,
    })
}

/// "twenty" to "ninety" (lower case).
fn tens(w: &[u8]) -> Option<u64> {
    Some(match w {
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// The value of a number word ("twelve", "twenty-seven"). Every word of a document
/// comes here: most are rejected by their length and first letter, the rest are
/// lower-cased on the stack and matched.
fn word_value(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if !(3..=13).contains(&b.len()) || !matches!(b[0] | 0x20, b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n') {
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
    let bytes = masked.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !is_word_byte(b) {
            i += 1;
            continue;
        }
        // Inside a word, or right after "." or ",": no number starts in this word.
        if i > 0 && (is_word_byte(bytes[i - 1]) || bytes[i - 1] == b'.' || bytes[i - 1] == b',') {
            i += 1;
            while i < bytes.len() && is_word_byte(bytes[i]) {
                i += 1;
            }
            continue;
        }
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
