//! The words between two items: a claim is made only when they are a known
//! connective.

use std::ops::ControlFlow;

use crate::extract::tokens::Token;

/// True when `between` consists only of the given words and punctuation (ASCII
/// case-insensitive, whole words). Multi-word entries are matched as phrases.
pub fn only(between: &str, words: &[&str]) -> bool {
    let mut rest = between.trim();
    'outer: while !rest.is_empty() {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ')'));
        if rest.is_empty() {
            break;
        }
        // A parenthesised acronym "(NATO)" is part of the name before it.
        if let Some(inner) = rest.strip_prefix('(') {
            match inner.find(')') {
                Some(close)
                    if inner[..close]
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ') =>
                {
                    rest = &inner[close + 1..];
                    continue;
                }
                _ => return false,
            }
        }
        // An entry is sliced and compared only when its first letter is the text's.
        let first = rest.as_bytes()[0];
        for w in words {
            if w.as_bytes().first().is_none_or(|c| c.eq_ignore_ascii_case(&first))
                && let Some(head) = rest.get(..w.len())
                && head.eq_ignore_ascii_case(w)
            {
                let after = &rest[w.len()..];
                if after.is_empty() || !after.as_bytes()[0].is_ascii_alphanumeric() {
                    rest = after;
                    continue 'outer;
                }
            }
        }
        return false;
    }
    true
}

/// True when the text ends with one of the words (case-insensitive, whole word; the
/// words are given in lower case). Compares the text's last bytes in place: the text
/// may be a long stretch of the sentence.
pub fn ends_with_word(text: &str, words: &[&str]) -> bool {
    let t = text.trim_end().as_bytes();
    words.iter().any(|w| {
        t.len() >= w.len() && {
            let cut = t.len() - w.len();
            t[cut..].iter().map(u8::to_ascii_lowercase).eq(w.bytes())
                && (cut == 0 || !t[cut - 1].is_ascii_alphanumeric())
        }
    })
}

/// The ASCII words of `text` with their byte offsets (letters, digits and `-`).
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !(b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let s = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        Some((s, &text[s..i]))
    })
}

/// A list of words and phrases for [`has_word`], with the first letters and lengths
/// of its single words as bit masks, computed at compile time.
pub struct WordList {
    entries: &'static [&'static str],
    /// Per first byte (lower-cased, `& 31`): bit n when an entry starting with it has
    /// n bytes (a trailing `-` not counted; bit 31 for 31 or more). One test turns
    /// away almost every word of a text; first letters alone let half of them through.
    by_initial: [u32; 32],
    /// Per first byte, as above: bit n when an entry starting with it ends with a
    /// byte `& 31 == n` (before any trailing `-`). It turns away the common words
    /// that share an entry's first letter and length ("that" for "took").
    finals: [u32; 32],
    /// Some entry is a phrase of several words.
    phrases: bool,
    /// Some entry holds a hyphen.
    hyphens: bool,
}

impl WordList {
    pub const fn new(entries: &'static [&'static str]) -> WordList {
        let (mut phrases, mut hyphens) = (false, false);
        let mut by_initial = [0u32; 32];
        let mut finals = [0u32; 32];
        let mut k = 0;
        while k < entries.len() {
            let w = entries[k].as_bytes();
            let mut j = 0;
            while j < w.len() {
                hyphens |= w[j] == b'-';
                phrases |= w[j] == b' ';
                j += 1;
            }
            let mut n = w.len();
            while n > 0 && w[n - 1] == b'-' {
                n -= 1;
            }
            if n > 0 {
                let initial = (w[0].to_ascii_lowercase() & 31) as usize;
                by_initial[initial] |= 1 << if n < 31 { n } else { 31 };
                finals[initial] |= 1 << (w[n - 1].to_ascii_lowercase() & 31);
            }
            k += 1;
        }
        WordList {
            entries,
            by_initial,
            finals,
            phrases,
            hyphens,
        }
    }

    /// Whether some entry may be `word` (trailing `-` removed): its first byte with
    /// its length, and with its last byte. False for an empty word.
    pub(super) fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(first), Some(last)) = (word.first(), word.last()) else {
            return false;
        };
        let initial = (first.to_ascii_lowercase() & 31) as usize;
        self.by_initial[initial] & (1 << word.len().min(31)) != 0
            && self.finals[initial] & (1 << (last.to_ascii_lowercase() & 31)) != 0
    }
}

/// A [`WordList`] built at compile time: `word_list!["with", "by"]`.
macro_rules! word_list {
    ($($w:expr),* $(,)?) => {
        const { &$crate::claims::gap::WordList::new(&[$($w),*]) }
    };
}
pub(crate) use word_list;

/// True when any of the words or phrases occurs in `text` as whole words
/// (case-insensitive). A phrase's words must follow one another.
pub fn has_word(text: &str, list: &WordList) -> bool {
    if list.phrases {
        return has_word_or_phrase(text, list.entries);
    }
    // One pass over the bytes; a word is compared with the list only when some entry
    // starts with its first letter and has its length.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && is_word_byte(b[i]) {
            i += 1;
        }
        let mut e = i;
        while e > s && b[e - 1] == b'-' {
            e -= 1;
        }
        let w = &b[s..e];
        if list.may_hold(w)
            && list.entries.iter().any(|entry| {
                // The entry without its trailing hyphens is the word.
                let e = entry.as_bytes();
                e.len() >= w.len() && e[..w.len()].eq_ignore_ascii_case(w) && e[w.len()..].iter().all(|&c| c == b'-')
            })
        {
            return true;
        }
    }
    false
}

/// Letters, digits and `-`: the bytes of [`words`].
pub(super) fn is_word_byte(c: u8) -> bool {
    BYTE_CLASS[usize::from(c)] & WORD_BYTE != 0
}

/// ASCII letters and digits: the bytes of [`each_phrase`]'s words.
fn is_alnum(c: u8) -> bool {
    BYTE_CLASS[usize::from(c)] & ALNUM != 0
}

const WORD_BYTE: u8 = 1;
const ALNUM: u8 = 2;

/// The two byte classes above as a table: the scans ask for every byte of a gap.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = WORD_BYTE | ALNUM;
        } else if c == b'-' {
            t[b] = WORD_BYTE;
        }
        b += 1;
    }
    t
};

/// The words of `text` (as [`words`] reads them) that hold no hyphen, with their
/// offsets, read from the document's tokens (`text` starts at `base` in the document)
/// instead of its bytes; only words `keep` lets through (a quick test of the word's
/// bytes, asked before the hyphens around it are looked at); `f` may stop the walk. A
/// token glued to a hyphen is part of a longer word ("well-held"); a token with
/// non-ASCII bytes holds several words; a token cut by the ends of `text` is read as
/// the part inside.
pub fn each_plain_word<'t>(
    text: &'t str,
    base: usize,
    tokens: &[Token],
    keep: impl Fn(&[u8]) -> bool,
    mut f: impl FnMut(usize, &'t str) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let b = text.as_bytes();
    let hyphen = |k: usize| b.get(k) == Some(&b'-');
    let limit = base + text.len();
    let first = tokens.partition_point(|t| (t.end as usize) <= base);
    for t in tokens[first..].iter().take_while(|t| (t.start as usize) < limit) {
        let (token_start, token_end) = (t.start as usize, t.end as usize);
        let cut = token_start < base || token_end > limit;
        if !cut && (t.alpha || b[token_start - base..token_end - base].is_ascii()) {
            // One word of ASCII letters and digits: most tokens, turned away by `keep`
            // from their bytes.
            let (start, end) = (token_start - base, token_end - base);
            if keep(&b[start..end]) && !(start > 0 && hyphen(start - 1)) && !hyphen(end) {
                f(start, &text[start..end])?;
            }
            continue;
        }
        let start = token_start.max(base) - base;
        let end = token_end.min(limit) - base;
        // The words between the token's non-ASCII bytes.
        for (o, w) in words(&text[start..end]) {
            let at = start + o;
            if keep(w.as_bytes())
                && !(at == start && start > 0 && hyphen(start - 1))
                && !(at + w.len() == end && hyphen(end))
            {
                f(at, w)?;
            }
        }
    }
    ControlFlow::Continue(())
}

/// [`has_word`] over a sentence, read from the document's tokens (see
/// [`each_plain_word`]); for lists of single words without hyphens.
pub fn has_plain_word(text: &str, base: usize, tokens: &[Token], list: &WordList) -> bool {
    if list.phrases || list.hyphens {
        return has_word(text, list);
    }
    let may_hold = |w: &[u8]| list.may_hold(w);
    each_plain_word(text, base, tokens, may_hold, |_, w| {
        let found = list.entries.iter().any(|e| w.eq_ignore_ascii_case(e));
        if found {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .is_break()
}

/// A bit for the first byte of a word, ASCII case-insensitive.
pub(super) const fn initial_bit(w: &str) -> u64 {
    match w.as_bytes().first() {
        Some(b) => 1 << (b.to_ascii_lowercase() & 63),
        None => 0,
    }
}

/// Every whole-word, case-insensitive occurrence of a table entry in `text`, in text
/// order, as (entry index, start, end). A word starts at an ASCII letter or digit that
/// follows none. Entries are compared only at word starts whose first letter begins
/// some entry: no lowercased copy, no substring search. The word starts are read from
/// the document's tokens (`text` starts at `base` in the document): only a token with
/// non-ASCII bytes is read byte by byte.
pub fn each_phrase<K>(
    text: &str,
    base: usize,
    tokens: &[Token],
    table: &[(&str, K)],
    mut f: impl FnMut(usize, usize, usize),
) {
    let initials = table.iter().fold(0u64, |m, (w, _)| m | initial_bit(w));
    let b = text.as_bytes();
    let mut word_at = |i: usize| {
        let c = b[i];
        if initials & (1 << (c.to_ascii_lowercase() & 63)) == 0 {
            return;
        }
        for (k, (w, _)) in table.iter().enumerate() {
            // The first letters, then the whole entry.
            let e = i + w.len();
            if w.as_bytes().first().is_some_and(|f| f.eq_ignore_ascii_case(&c))
                && b.get(i..e).is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
                && b.get(e).is_none_or(|&n| !is_alnum(n))
            {
                f(k, i, e);
            }
        }
    };
    if text.is_empty() {
        return;
    }
    let first = tokens.partition_point(|t| (t.end as usize) <= base);
    for t in tokens[first..]
        .iter()
        .take_while(|t| (t.start as usize) < base + text.len())
    {
        // The part of the token inside the text; the byte before it is outside the
        // text or not a token byte, so its first letter or digit starts a word.
        let start = (t.start as usize).max(base) - base;
        let end = (t.end as usize - base).min(text.len());
        if t.alpha {
            word_at(start);
            continue;
        }
        let mut prev_alnum = false;
        for (i, &c) in b.iter().enumerate().take(end).skip(start) {
            let alnum = is_alnum(c);
            if alnum && !prev_alnum {
                word_at(i);
            }
            prev_alnum = alnum;
        }
    }
}

/// [`each_phrase`] read from the bytes of `text` alone: the definition the token
/// walk must agree with (see the tests).
#[cfg(test)]
fn each_phrase_in_bytes<K>(text: &str, table: &[(&str, K)], mut f: impl FnMut(usize, usize, usize)) {
    let initials = table.iter().fold(0u64, |m, (w, _)| m | initial_bit(w));
    let b = text.as_bytes();
    let mut prev_alnum = false;
    for (i, &c) in b.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        let start = alnum && !prev_alnum;
        prev_alnum = alnum;
        if !start || initials & (1 << (c.to_ascii_lowercase() & 63)) == 0 {
            continue;
        }
        for (k, (w, _)) in table.iter().enumerate() {
            let e = i + w.len();
            if b.get(i..e).is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
                && b.get(e).is_none_or(|n| !n.is_ascii_alphanumeric())
            {
                f(k, i, e);
            }
        }
    }
}

/// [`has_word`] for lists with phrases.
fn has_word_or_phrase(text: &str, list: &[&str]) -> bool {
    let toks: Vec<&str> = words(text).map(|(_, w)| w.trim_end_matches('-')).collect();
    list.iter().any(|entry| {
        if entry.as_bytes().contains(&b' ') {
            (0..toks.len()).any(|i| phrase_at(&toks[i..], entry))
        } else {
            let entry = entry.trim_end_matches('-');
            toks.iter().any(|t| t.eq_ignore_ascii_case(entry))
        }
    })
}

/// Whether `toks` starts with the words of `phrase` (case-insensitive).
pub fn phrase_at(toks: &[&str], phrase: &str) -> bool {
    let mut n = 0;
    for (k, p) in phrase.split(' ').enumerate() {
        match toks.get(k) {
            Some(t) if t.eq_ignore_ascii_case(p.trim_end_matches('-')) => n += 1,
            _ => return false,
        }
    }
    n > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps() {
        assert!(only(", founded in ", &["founded", "in"]));
        assert!(only(" ", &["in"]));
        assert!(only(" (NATO) in ", &["in"]));
        assert!(!only(" (see below) in ", &["in"]));
        assert!(!only(", which hosted in ", &["which", "in"]));
        assert!(only(", which was created on ", &["which", "was", "created", "on"]));
        assert!(!only("inside", &["in"]));
        assert!(ends_with_word("the former", &["former"]));
        assert!(!ends_with_word("reformer", &["former"]));
        assert!(ends_with_word("set IN  \n", &["on", "in"]));
        assert!(ends_with_word("in", &["in"]));
        assert!(ends_with_word("café-in", &["in"]));
        assert!(ends_with_word("éin", &["in"]));
        assert!(!ends_with_word("5in", &["in"]));
        assert!(!ends_with_word("n", &["in"]));
        assert!(!ends_with_word("", &["in"]));
        // The words are lower case: a text never ends with an upper-case word.
        assert!(!ends_with_word("in", &["IN"]));
        assert!(has_word(
            "our countries celebrated the anniversary",
            word_list!["anniversary"]
        ));
    }

    /// `each_phrase` over a part of `text` starting at `base`, with `text`'s tokens.
    fn phrases_in(text: &str, from: usize, to: usize, table: &[(&str, u8)]) -> Vec<(usize, usize, usize)> {
        let tokens = crate::extract::tokens::tokenize(text.as_bytes());
        let mut found = Vec::new();
        each_phrase(&text[from..to], from, &tokens, table, |k, s, e| found.push((k, s, e)));
        found
    }

    #[test]
    fn each_phrase_finds_whole_words_in_text_order() {
        let table = [("held", 0), ("took place", 1), ("signed", 2)];
        let text = "Signed, then upheld; it TOOK PLACE, was held-over";
        assert_eq!(
            phrases_in(text, 0, text.len(), &table),
            vec![(2, 0, 6), (1, 24, 34), (0, 40, 44)]
        );
        let text = "withheld signedx";
        assert!(phrases_in(text, 0, text.len(), &table).is_empty());
    }

    #[test]
    fn each_phrase_from_tokens_is_the_byte_scan() {
        let table = [
            ("held", 0),
            ("took place", 1),
            ("signed", 2),
            ("entry into force", 3),
            ("s", 4),
            ("signing", 5),
        ];
        for text in [
            "Signed, then upheld; it TOOK PLACE, was held-over",
            "éheld heldé Québec signed 5held held5 HELD x2held signed-in",
            "the entry into force-of, entry  into force, ENTRY INTO FORCEd",
            "NATO’s signing s2 s-s 2s é-s ésigned signedé",
            "- held -held signed- took place.took place",
        ] {
            let tokens = crate::extract::tokens::tokenize(text.as_bytes());
            // Every part of the text, so that words are cut at both ends.
            for from in 0..text.len() {
                for to in from..=text.len() {
                    let Some(part) = text.get(from..to) else { continue };
                    let mut want = Vec::new();
                    each_phrase_in_bytes(part, &table, |k, s, e| want.push((k, s, e)));
                    let mut got = Vec::new();
                    each_phrase(part, from, &tokens, &table, |k, s, e| got.push((k, s, e)));
                    assert_eq!(got, want, "{part:?} at {from}");
                }
            }
        }
    }

    #[test]
    fn plain_words_from_tokens_are_those_a_word_scan_finds() {
        use crate::extract::tokens::tokenize;
        for text in [
            "Canada will host the summit, which was held in 2014.",
            "well-held talks; talks held-over; they then-signed it",
            "éwill willé Québec signed 5will will5 WILL Held G7 x2y",
            "- will -held signed-",
        ] {
            let want: Vec<(usize, &str)> = words(text).filter(|(_, w)| !w.contains('-')).collect();
            let tokens = tokenize(text.as_bytes());
            let plain = |part: &'static str, base: usize| {
                let mut got = Vec::new();
                let _ = each_plain_word(
                    part,
                    base,
                    &tokens,
                    |_| true,
                    |at, w| {
                        got.push((at, w));
                        ControlFlow::Continue(())
                    },
                );
                got
            };
            assert_eq!(plain(text, 0), want, "{text}");
            // A part of the document: offsets in the part, tokens cut at its ends.
            for (from, to) in [(3, text.len()), (0, text.len() - 2), (5, 17)] {
                let (Some(part), true) = (text.get(from..to), text.is_char_boundary(from)) else {
                    continue;
                };
                let want: Vec<(usize, &str)> = words(part).filter(|(_, w)| !w.contains('-')).collect();
                assert_eq!(plain(part, from), want, "{part}");
            }
        }
        let tokens = tokenize(b"They marked it; a well-marked path");
        let list = word_list!["marks", "marked"];
        assert!(has_plain_word("They marked it", 0, &tokens, list));
        assert!(!has_plain_word("; a well-marked path", 14, &tokens, list));
    }

    #[test]
    fn has_word_agrees_with_a_plain_comparison_of_every_word() {
        // Every word with its trailing hyphens removed, compared with every entry.
        let plain = |text: &str, entries: &[&str]| {
            words(text).any(|(_, w)| {
                entries.iter().any(|e| {
                    w.trim_end_matches('-').eq_ignore_ascii_case(e.trim_end_matches('-'))
                        && !w.trim_end_matches('-').is_empty()
                })
            })
        };
        let lists: [(&WordList, &[&str]); 4] = [
            (
                word_list!["former", "then-", "ex", "late", "elect"],
                &["former", "then-", "ex", "late", "elect"],
            ),
            (
                word_list!["by", "of", "than", "anniversaries", "2x", "-x"],
                &["by", "of", "than", "anniversaries", "2x", "-x"],
            ),
            (
                word_list!["internationalisationofeverythingx", "a"],
                &["internationalisationofeverythingx", "a"],
            ),
            (word_list!["-", "p"], &["-", "p"]),
        ];
        for text in [
            "the FORMER then- then-- Then-Chancellor ex-president exlate",
            "by-of of2 2X 2x- -x x- than,by ébyé BY",
            "internationalisationofeverythingx internationalisationofeverythingy A",
            "0 p P- - -- 0p p0",
            "",
        ] {
            for (list, entries) in &lists {
                for from in 0..text.len() {
                    let Some(part) = text.get(from..) else { continue };
                    assert_eq!(has_word(part, list), plain(part, entries), "{part:?} {entries:?}");
                }
            }
        }
    }

    #[test]
    fn has_word_matches_whole_words_any_case_and_phrases() {
        assert!(has_word("the FORMER minister", word_list!["late", "former"]));
        assert!(!has_word("a reformer", word_list!["former"]));
        assert!(!has_word("formers", word_list!["former"]));
        assert!(has_word("the then- Chancellor", word_list!["then-"]));
        assert!(!has_word("", word_list!["then"]));
        assert!(has_word(
            "Canada will hold the presidency",
            word_list!["holds", "will hold"]
        ));
        assert!(!has_word("Canada will not hold it", word_list!["will hold"]));
        assert!(has_word("Canada holds it", word_list!["holds", "will hold"]));
    }
}
