//! The words of a document, found once: runs of word bytes (ASCII letters and digits,
//! and every byte of a non-ASCII character), as the name index reads them. The
//! stages that walk a document word by word (names, numbers, the spelling rule) read
//! this list instead of classifying every byte again.

use super::lexicon;

/// One run of word bytes, with its class if it is a word the extractors look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Every byte is an ASCII letter.
    pub alpha: bool,
    /// For a word of letters, the temporal grammar's classes for it
    /// ([`lexicon::Class`]); 0 for most words and for every other token.
    pub timex: u16,
    /// A word of letters that is a number word ("twelve", "Twenty").
    pub number: bool,
}

impl Token {
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Every run of word bytes in `text`, in order. The bytes are classified 64 at a
/// time into two bit masks (word byte, ASCII letter), a loop the compiler turns into
/// vector compares; the runs are then read off the masks a word at a time, not a byte
/// at a time.
pub fn tokenize(text: &[u8]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    // The word being read: where it started, and whether it is letters so far.
    let mut open: Option<(usize, bool)> = None;
    let mut chunks = text.chunks_exact(64);
    let mut base = 0;
    for chunk in chunks.by_ref() {
        let Ok(block) = <&[u8; 64]>::try_from(chunk) else {
            break;
        };
        let (word, alpha) = masks(block);
        runs(word, alpha, 64, base, &mut open, &mut out);
        base += 64;
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut block = [0u8; 64];
        block[..tail.len()].copy_from_slice(tail);
        let (word, alpha) = masks(&block);
        runs(word, alpha, tail.len() as u32, base, &mut open, &mut out);
    }
    if let Some((start, letters)) = open {
        out.push(token(start, text.len(), letters));
    }
    lexicon::classify(text, &mut out);
    out
}

/// Bit `k` of the first mask: byte `k` is a word byte (an ASCII letter or digit, or a
/// byte of a non-ASCII character); of the second: an ASCII letter.
#[inline]
fn masks(block: &[u8; 64]) -> (u64, u64) {
    // A flag byte per byte (a loop of compares that vectorizes), then eight flag
    // bytes packed into eight bits with one multiply.
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(block) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        *f = u8::from(letter | digit | (b >= 0x80)) | u8::from(letter) << 1;
    }
    let (mut word, mut alpha) = (0u64, 0u64);
    for (g, eight) in flags.as_chunks::<8>().0.iter().enumerate() {
        let v = u64::from_le_bytes(*eight);
        word |= pack(v & 0x0101_0101_0101_0101) << (8 * g);
        alpha |= pack(v >> 1 & 0x0101_0101_0101_0101) << (8 * g);
    }
    (word, alpha)
}

/// Bit `k` of the result is byte `k` of `v`, each byte 0 or 1. The multiplier's
/// partial products fall on distinct bits, so nothing carries into the top byte.
#[inline]
fn pack(v: u64) -> u64 {
    v.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Reads the runs of set bits in `word` (a block at `base`, `n` bytes of it text, the
/// rest zero padding), carrying a word that runs on over the block's end in `open`.
#[inline]
fn runs(word: u64, alpha: u64, n: u32, base: usize, open: &mut Option<(usize, bool)>, out: &mut Vec<Token>) {
    let not_letter = word & !alpha;
    // Bit k: byte k - 1 is a word byte (for k = 0, the previous block's last byte).
    let before = word << 1 | u64::from(open.is_some());
    let mut starts = word & !before;
    let mut ends = !word & before;
    if n < 63 {
        // The padding is not text; an end at `n` is the end of the text.
        ends &= (1u64 << (n + 1)) - 1;
    }
    if let Some((start, letters)) = *open {
        if ends == 0 {
            *open = Some((start, letters && not_letter == 0));
            return;
        }
        let e = ends.trailing_zeros();
        ends &= ends - 1;
        out.push(token(
            start,
            base + e as usize,
            letters && not_letter & ((1u64 << e) - 1) == 0,
        ));
        *open = None;
    }
    while starts != 0 {
        let s = starts.trailing_zeros();
        starts &= starts - 1;
        if ends == 0 {
            *open = Some((base + s as usize, not_letter >> s == 0));
            return;
        }
        let e = ends.trailing_zeros();
        ends &= ends - 1;
        let letters = (not_letter >> s) & ((1u64 << (e - s)) - 1) == 0;
        out.push(token(base + s as usize, base + e as usize, letters));
    }
}

fn token(start: usize, end: usize, letters: bool) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        alpha: letters,
        timex: 0,
        number: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_runs_of_word_bytes_with_a_letters_flag() {
        let text = "NATO's 75th—summit, in Québec 2024.";
        let toks = tokenize(text.as_bytes());
        let words: Vec<(&str, bool)> = toks.iter().map(|t| (&text[t.range()], t.alpha)).collect();
        assert_eq!(
            words,
            vec![
                ("NATO", true),
                ("s", true),
                ("75th—summit", false),
                ("in", true),
                ("Québec", false),
                ("2024", false)
            ]
        );
        assert!(tokenize(b"").is_empty());
        assert!(tokenize(b" ,. ").is_empty());
        assert_eq!(tokenize(b"a").len(), 1);
    }

    /// The byte-at-a-time reading the masks replaced: the oracle.
    fn tokenize_bytewise(text: &[u8]) -> Vec<Token> {
        let is_word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if !is_word(text[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < text.len() && is_word(text[i]) {
                i += 1;
            }
            out.push(token(start, i, text[start..i].iter().all(u8::is_ascii_alphabetic)));
        }
        lexicon::classify(text, &mut out);
        out
    }

    #[test]
    fn words_across_block_edges_equal_the_bytewise_reading() {
        // Words that start, end and run through the 64-byte block edges.
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 200] {
            for word in [1, 2, 63, 64, 65, 130] {
                let mut text = Vec::new();
                while text.len() < len {
                    text.extend(std::iter::repeat_n(b'a', word));
                    text.push(b' ');
                    text.extend(std::iter::repeat_n(b'7', word % 3 + 1));
                    text.extend("é.".as_bytes());
                }
                text.truncate(len);
                assert_eq!(tokenize(&text), tokenize_bytewise(&text), "len {len} word {word}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn tokens_equal_the_bytewise_reading(picks in proptest::collection::vec(0usize..32, 0..300)) {
            // Word and non-word bytes from the edges of each class, and any byte.
            const BYTES: &[u8] = b"aZz09 -@[`{/:\n\t\xC3\xA9\x80\xFF";
            let text: Vec<u8> = picks.iter().map(|&k| BYTES.get(k).copied().unwrap_or(k as u8 * 8)).collect();
            proptest::prop_assert_eq!(tokenize(&text), tokenize_bytewise(&text));
        }
    }
}
