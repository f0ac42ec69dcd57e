//! The closed-class words the extractors look for, classified once per word: the
//! words a timex can begin with (with the grammar's production classes) and the
//! number words. [`tokens::tokenize`](super::tokens::tokenize) stores each word's
//! class in its [`Token`], so the temporal scanner and the number finder test a field
//! instead of each hashing every word of the document again.

use super::numbers::{TENS, UNITS};
use super::timex::TRIGGERS;
use super::tokens::Token;

/// What a word is to the extractors (all zero for most words of prose).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Class {
    /// The temporal grammar's production classes for the word (`timex::grammar::class`).
    pub timex: u16,
    /// "zero" to "nineteen", "twenty" to "ninety".
    pub number: bool,
}

const NONE: Class = Class {
    timex: 0,
    number: false,
};

/// Index of a word's first two letters (the second may be missing) in `PREFIX_LEN`.
const fn prefix_index(c0: u8, c1: Option<u8>) -> usize {
    let second = match c1 {
        Some(c) => (c - b'a') as usize + 1,
        None => 0,
    };
    (c0 - b'a') as usize * 27 + second
}

/// Every word of the lexicon, once: the trigger words, then the number words.
const fn each_word(k: usize) -> Option<(&'static [u8], Class)> {
    if k < TRIGGERS.len() {
        let (w, timex) = TRIGGERS[k];
        return Some((w, Class { timex, number: false }));
    }
    let k = k - TRIGGERS.len();
    if k < UNITS.len() {
        return Some((UNITS[k].as_bytes(), Class { timex: 0, number: true }));
    }
    let k = k - UNITS.len();
    if k < TENS.len() {
        return Some((TENS[k].as_bytes(), Class { timex: 0, number: true }));
    }
    None
}

/// Bit `n` of an entry is set when some word of the lexicon starts with those two
/// letters and has `n` letters: most words of prose are rejected by one load and one
/// bit test.
static PREFIX_LEN: [u32; 26 * 27] = {
    let mut t = [0u32; 26 * 27];
    let mut k = 0;
    while let Some((w, _)) = each_word(k) {
        let c1 = if w.len() > 1 { Some(w[1]) } else { None };
        t[prefix_index(w[0], c1)] |= 1 << w.len();
        k += 1;
    }
    t
};

/// A word of at most 16 ASCII letters as a number, lower-cased (`| 0x20`): its bytes
/// in order, then zeros. Numbers compare as the words do, so a sorted list stays
/// sorted; the top 8 bytes are the key of a word of at most 8.
pub(crate) const fn pack_word(w: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut k = 0;
    while k < w.len() && k < 16 {
        key = (key << 8) | (w[k] | 0x20) as u128;
        k += 1;
    }
    // Left-aligned (the empty word is 0: a shift by 128 bits is none).
    match key.checked_shl(8 * (16 - k) as u32) {
        Some(key) => key,
        None => 0,
    }
}

/// Each word of a list packed by [`pack_word`], in the list's order: a sorted list
/// becomes a sorted array for a binary search.
pub(crate) const fn pack_words<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut k = 0;
    while k < N && k < words.len() {
        keys[k] = pack_word(words[k].as_bytes());
        k += 1;
    }
    keys
}

const HASH_BITS: u32 = 10;
const SLOTS: usize = 1 << HASH_BITS;

const fn hash16(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - HASH_BITS)) as usize
}

const fn hash8(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - HASH_BITS)) as usize
}

/// Adds `class` to the classes of `key` in an open-addressing table (key 0 marks an
/// empty slot); a word in two lists gets the union.
const fn insert16(t: &mut [(u128, Class); SLOTS], key: u128, class: Class) {
    let mut h = hash16(key);
    while t[h].0 != 0 && t[h].0 != key {
        h = (h + 1) & (SLOTS - 1);
    }
    t[h].0 = key;
    t[h].1.timex |= class.timex;
    t[h].1.number |= class.number;
}

/// [`insert16`] for the `u64` table (a `const fn` cannot compare a generic key).
const fn insert8(t: &mut [(u64, Class); SLOTS], key: u64, class: Class) {
    let mut h = hash8(key);
    while t[h].0 != 0 && t[h].0 != key {
        h = (h + 1) & (SLOTS - 1);
    }
    t[h].0 = key;
    t[h].1.timex |= class.timex;
    t[h].1.number |= class.number;
}

/// The words longer than 8 bytes, built at compile time: a lookup is one or two
/// probes.
static TABLE16: [(u128, Class); SLOTS] = {
    let mut t = [(0u128, NONE); SLOTS];
    let mut k = 0;
    while let Some((w, class)) = each_word(k) {
        if w.len() > 8 {
            insert16(&mut t, pack_word(w), class);
        }
        k += 1;
    }
    t
};

/// The words of at most 8 bytes, keyed by a `u64`: most words of prose that pass the
/// prefix bitmap are short, and a `u64` key is cheaper to build and compare. Each
/// word is in one of the two tables.
static TABLE8: [(u64, Class); SLOTS] = {
    let mut t = [(0u64, NONE); SLOTS];
    let mut k = 0;
    while let Some((w, class)) = each_word(k) {
        if w.len() <= 8 {
            insert8(&mut t, (pack_word(w) >> 64) as u64, class);
        }
        k += 1;
    }
    t
};

/// The class stored for `key` in a table, probing from slot `h` (a free slot, key 0,
/// ends the search: no class).
fn probe<K: Copy + PartialEq + Default>(table: &[(K, Class); SLOTS], key: K, mut h: usize) -> Class {
    loop {
        let (k, c) = table[h];
        if k == key {
            return c;
        }
        if k == K::default() {
            return NONE;
        }
        h = (h + 1) & (SLOTS - 1);
    }
}

/// True when a word of `n` bytes starting `c0 c1` may be in the lexicon.
fn may_be_listed(c0: u8, c1: Option<u8>, n: usize) -> bool {
    let c = c0.to_ascii_lowercase();
    let c1 = c1.map(|c| c.to_ascii_lowercase());
    c.is_ascii_lowercase()
        && c1.is_none_or(|c| c.is_ascii_lowercase())
        && n <= 16
        && PREFIX_LEN[prefix_index(c, c1)] & (1 << n) != 0
}

/// The class of an ASCII word as written, in any case.
pub fn lookup(word: &[u8]) -> Class {
    let n = word.len();
    let Some(&c0) = word.first() else {
        return NONE;
    };
    if !may_be_listed(c0, word.get(1).copied(), n) {
        return NONE;
    }
    let key = pack_word(word);
    if n <= 8 {
        let key = (key >> 64) as u64;
        return probe(&TABLE8, key, hash8(key));
    }
    probe(&TABLE16, key, hash16(key))
}

/// [`lookup`] of `text[start..end]`, a word of ASCII letters (a token's `alpha`),
/// reading the key with one load when the text has 8 (or 16) bytes from `start` on.
fn lookup_letters(text: &[u8], start: usize, end: usize) -> Class {
    let n = end - start;
    let Some(word) = text.get(start..end).filter(|_| (1..=16).contains(&n)) else {
        return NONE;
    };
    // Letters: setting bit 5 lower-cases them, so no test of the case is needed.
    let c0 = usize::from((word[0] | 0x20).wrapping_sub(b'a'));
    let c1 = word
        .get(1)
        .map_or(0, |&c| usize::from((c | 0x20).wrapping_sub(b'a')) + 1);
    if PREFIX_LEN.get(c0 * 27 + c1).is_none_or(|bits| bits & (1 << n) == 0) {
        return NONE;
    }
    let tail = &text[start..];
    if let Some(&bytes) = tail.first_chunk::<8>().filter(|_| n <= 8) {
        // Keep the word's `n` bytes, lower-cased; zero the rest.
        let keep = u64::MAX << (8 * (8 - n));
        let key = (u64::from_be_bytes(bytes) | 0x2020_2020_2020_2020) & keep;
        return probe(&TABLE8, key, hash8(key));
    }
    if let Some(&bytes) = tail.first_chunk::<16>().filter(|_| n > 8) {
        let keep = u128::MAX << (8 * (16 - n));
        let key = (u128::from_be_bytes(bytes) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & keep;
        return probe(&TABLE16, key, hash16(key));
    }
    lookup(word)
}

/// Stores the class of every word of letters in its token (other tokens keep none).
pub(super) fn classify(text: &[u8], tokens: &mut [Token]) {
    for t in tokens.iter_mut().filter(|t| t.alpha) {
        let class = lookup_letters(text, t.start as usize, t.end as usize);
        t.timex = class.timex;
        t.number = class.number;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_its_classes_in_any_case() {
        for (w, timex) in TRIGGERS.iter() {
            assert_eq!(lookup(w).timex, *timex, "{}", String::from_utf8_lossy(w));
            assert_eq!(lookup(&w.to_ascii_uppercase()).timex, *timex);
        }
        for w in UNITS.iter().chain(TENS.iter()) {
            assert!(lookup(w.as_bytes()).number, "{w}");
            assert!(lookup(w.to_ascii_uppercase().as_bytes()).number, "{w}");
        }
        // In both lists: the union.
        let two = lookup(b"Two");
        assert!(two.number && two.timex != 0);
        for w in [
            &b"elephant"[..],
            b"the",
            b"twentyone",
            b"tw",
            b"",
            b"twelve7",
            b"\xC3\xA9t\xC3\xA9",
        ] {
            assert!(!lookup(w).number, "{}", String::from_utf8_lossy(w));
        }
        assert_eq!(lookup(b"elephant"), NONE);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// The one-load reading of a token equals the byte-by-byte lookup, wherever
        /// the word sits (at the end of the text, where no 8 or 16 bytes follow).
        #[test]
        fn tokens_carry_the_lookup_of_their_words(picks in proptest::collection::vec((0usize..400, 0u8..4), 0..40)) {
            let mut text = Vec::new();
            for (k, how) in picks {
                let word: Vec<u8> = match each_word(k) {
                    Some((w, _)) => w.to_vec(),
                    None => b"septembers".to_vec(),
                };
                match how {
                    0 => text.extend(word.to_ascii_uppercase()),
                    1 => text.extend(word.iter().take(word.len() / 2 + 1)),
                    _ => text.extend(&word),
                }
                text.extend(if how == 3 { &b"-"[..] } else { b" " });
            }
            text.pop();
            for t in super::super::tokens::tokenize(&text) {
                let class = if t.alpha { lookup(&text[t.range()]) } else { NONE };
                proptest::prop_assert_eq!((t.timex, t.number), (class.timex, class.number));
            }
        }
    }
}
