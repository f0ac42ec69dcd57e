//! A quick "can this word be in the list?" test: a bit set over a hash of a word's
//! first two bytes, last byte (ASCII case folded) and length. Asked for every word of
//! a document by the name index and the spelling rule, it turns most words of prose
//! away with one load, before they are hashed or lower-cased.

/// The words of a list, by first two bytes, last byte and length; never a false "no".
pub struct WordFilter {
    bits: Vec<u64>,
}

impl std::fmt::Debug for WordFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys: u32 = self.bits.iter().map(|b| b.count_ones()).sum();
        write!(f, "WordFilter({keys} keys)")
    }
}

impl WordFilter {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a [u8]>) -> WordFilter {
        let mut bits = vec![0u64; (1 << 16) / 64];
        for w in words {
            if let Some(k) = key(w) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        WordFilter { bits }
    }

    /// False when no word of the list has this word's first two bytes and last byte
    /// (in any ASCII case) and length (or another word's key).
    pub fn may_contain(&self, word: &[u8]) -> bool {
        key(word).is_some_and(|k| self.bits[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// The first two bytes, the last byte (each case folded: `| 0x20`) and the length,
/// hashed to 16 bits. Different words may share a key, which only lets more words
/// through; the last byte turns away most words that share a listed word's start
/// and length ("provided" is not let through for "practise").
fn key(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    let second = word.get(1).map_or(0, |&b| u32::from(b | 0x20));
    let len = word.len().min(255) as u32;
    let packed = u32::from(first | 0x20) << 24 | second << 16 | u32::from(last | 0x20) << 8 | len;
    Some((packed.wrapping_mul(0x9E37_79B1) >> 16) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_pass_in_any_case_and_most_others_do_not() {
        let f = WordFilter::new([&b"defence"[..], b"Organisation", b"G7"]);
        for w in [&b"defence"[..], b"DEFENCE", b"Defence", b"organisation", b"g7"] {
            assert!(f.may_contain(w), "{}", String::from_utf8_lossy(w));
        }
        for w in [&b"defense"[..], b"the", b"defences", b"Canada", b"G8x", b""] {
            // "defense" has the same first letters and length as "defence": let through.
            assert_eq!(f.may_contain(w), w == b"defense", "{}", String::from_utf8_lossy(w));
        }
        // Same start and length, another last letter.
        let f = WordFilter::new([&b"practise"[..]]);
        assert!(f.may_contain(b"Practise") && !f.may_contain(b"provided"));
    }
}
