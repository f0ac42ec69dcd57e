//! A quick "can this word be in the list?" test: a bit set over a word's first two
//! bytes (ASCII case folded) and its length. Asked for every word of a document by
//! the name index and the spelling rule, it turns most words of prose away with one
//! load, before they are hashed or lower-cased.

/// The words of a list, by first two bytes and length; never a false "no".
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

    /// False when no word of the list has this word's first two bytes (in any ASCII
    /// case) and length.
    pub fn may_contain(&self, word: &[u8]) -> bool {
        key(word).is_some_and(|k| self.bits[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// 6 bits of each of the first two bytes (case folded: `| 0x20`), 4 bits of the length
/// (16 and longer share one value): 16 bits. Different bytes may share a key, which
/// only lets more words through.
fn key(word: &[u8]) -> Option<usize> {
    let b0 = usize::from(*word.first()? | 0x20) & 0x3F;
    let b1 = word.get(1).map_or(0, |b| usize::from(b | 0x20) & 0x3F);
    Some(b0 << 10 | b1 << 4 | word.len().min(15))
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
    }
}
