//! The words of a document, found once: runs of word bytes (ASCII letters and digits,
//! and every byte of a non-ASCII character), as the name index reads them. The
//! stages that walk a document word by word (names, numbers, the spelling rule) read
//! this list instead of classifying every byte again.

/// One run of word bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Every byte is an ASCII letter.
    pub alpha: bool,
}

impl Token {
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Byte classes: bit 0 a word byte, bit 1 an ASCII letter.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c >= 0x80 {
            t[b] |= 1;
        }
        if c.is_ascii_alphabetic() {
            t[b] |= 2;
        }
        b += 1;
    }
    t
};

/// Every run of word bytes in `text`, in order.
pub fn tokenize(text: &[u8]) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let n = text.len();
    let mut i = 0;
    while i < n {
        if CLASS[usize::from(text[i])] & 1 == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut all = 3;
        while i < n {
            let class = CLASS[usize::from(text[i])];
            if class & 1 == 0 {
                break;
            }
            all &= class;
            i += 1;
        }
        out.push(Token {
            start: start as u32,
            end: i as u32,
            alpha: all & 2 != 0,
        });
    }
    out
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
}
