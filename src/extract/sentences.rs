//! Sentence boundaries within prose blocks, by byte scanning.

use crate::span::Span;

/// Abbreviations that end with a period but not a sentence. A `match` of byte
/// strings: the length is tested first, and no UTF-8 check is needed.
#[rustfmt::skip]
fn is_abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        b"Mr" | b"Mrs" | b"Ms" | b"Dr" | b"St" | b"No" | b"Nos" | b"Gen" | b"Lt" | b"Col" | b"Sgt" | b"Capt"
            | b"Maj" | b"Adm" | b"Hon" | b"Rt" | b"Prof"
            | b"Jan" | b"Feb" | b"Mar" | b"Apr" | b"Jun" | b"Jul" | b"Aug" | b"Sep" | b"Sept" | b"Oct" | b"Nov"
            | b"Dec" | b"Mon" | b"Tue" | b"Tues" | b"Wed" | b"Thu" | b"Thurs" | b"Fri" | b"Sat" | b"Sun"
            | b"vs" | b"etc" | b"e.g" | b"i.e" | b"approx" | b"Art" | b"art" | b"para" | b"cf" | b"Inc" | b"Ltd"
            | b"Co" | b"Jr" | b"Sr"
    )
}

/// Splits each block of `masked` into sentences (trimmed of surrounding spaces).
pub fn split(masked: &str, blocks: &[Span]) -> Vec<Span> {
    let bytes = masked.as_bytes();
    let mut out = Vec::with_capacity(super::expected(bytes.len(), 96));
    for block in blocks {
        let (bs, be) = (block.start as usize, (block.end as usize).min(bytes.len()));
        let mut start = bs;
        let mut i = bs;
        // The terminal punctuation marks, found with a vectorized search.
        while let Some(p) = bytes
            .get(i..be)
            .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
        {
            i += p;
            if ends_sentence(bytes, i, be) {
                // Keep closing quotes and brackets with the sentence.
                let mut end = i + 1;
                while end < be && matches!(bytes[end], b'"' | b'\'' | b')') {
                    end += 1;
                }
                push_trimmed(&mut out, bytes, start, end);
                start = end;
                i = end;
                continue;
            }
            i += 1;
        }
        push_trimmed(&mut out, bytes, start, be);
    }
    out
}

fn ends_sentence(bytes: &[u8], i: usize, end: usize) -> bool {
    // Must be followed by whitespace (or the block's end)...
    let mut j = i + 1;
    while j < end && matches!(bytes[j], b'"' | b'\'' | b')') {
        j += 1;
    }
    if j < end && !bytes[j].is_ascii_whitespace() {
        // "U.S." inside a word, "2.5", "e.g."
        return false;
    }
    if bytes[i] != b'.' {
        return true;
    }
    // ...and not end an abbreviation or an initial ("U.S.", "J. Smith").
    let word_start = bytes[..i]
        .iter()
        .rposition(|b| b.is_ascii_whitespace() || *b == b'(')
        .map_or(0, |p| p + 1);
    let word = &bytes[word_start..i];
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return false;
    }
    if word.contains(&b'.') && word.iter().all(|b| b.is_ascii_alphabetic() || *b == b'.') && word.len() <= 6 {
        // U.S, U.K, e.g, i.e: an abbreviation, unless a capitalised word follows a
        // lower-case one ("... the U.S. It ..." is rare enough to accept).
        return false;
    }
    if is_abbreviation(word) {
        return false;
    }
    // The next sentence starts with a capital, a digit or a quote.
    let mut k = j;
    while k < end && bytes[k].is_ascii_whitespace() {
        k += 1;
    }
    k >= end || !bytes[k].is_ascii_lowercase()
}

fn push_trimmed(out: &mut Vec<Span>, bytes: &[u8], mut s: usize, mut e: usize) {
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push(Span::new(s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_terminal_punctuation_not_abbreviations() {
        let t = "The U.S. and Canada met on Sept. 26. Dr. Smith spoke! Did he? Yes: 2.5 per cent.";
        let spans = split(t, &[Span::new(0, t.len())]);
        let got: Vec<&str> = spans.iter().map(|s| &t[s.range()]).collect();
        assert_eq!(
            got,
            vec![
                "The U.S. and Canada met on Sept. 26.",
                "Dr. Smith spoke!",
                "Did he?",
                "Yes: 2.5 per cent."
            ]
        );
    }
}
