//! The words between two items: a claim is made only when they are a known
//! connective.

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
        for w in words {
            if let Some(head) = rest.get(..w.len())
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

/// True when the text ends with one of the words (case-insensitive, whole word).
pub fn ends_with_word(text: &str, words: &[&str]) -> bool {
    let t = text.trim_end().to_ascii_lowercase();
    words.iter().any(|w| {
        t.ends_with(w) && {
            let cut = t.len() - w.len();
            cut == 0 || !t.as_bytes()[cut - 1].is_ascii_alphanumeric()
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

/// True when any of the words or phrases occurs in `text` as whole words
/// (case-insensitive). A phrase's words must follow one another.
pub fn has_word(text: &str, list: &[&str]) -> bool {
    // Asked for most sentences and gaps: a word is compared with the list only when
    // some entry has its length and its first letter (two bit masks).
    let (mut lengths, mut initials) = (0u64, 0u64);
    for entry in list {
        let entry = entry.trim_end_matches('-');
        if entry.as_bytes().contains(&b' ') {
            return has_word_or_phrase(text, list);
        }
        lengths |= 1 << entry.len().min(63);
        initials |= initial_bit(entry);
    }
    words(text).any(|(_, w)| {
        let w = w.trim_end_matches('-');
        lengths & (1 << w.len().min(63)) != 0
            && initials & initial_bit(w) != 0
            && list
                .iter()
                .any(|entry| w.eq_ignore_ascii_case(entry.trim_end_matches('-')))
    })
}

/// A bit for the first byte of a word, ASCII case-insensitive.
pub(super) const fn initial_bit(w: &str) -> u64 {
    match w.as_bytes().first() {
        Some(b) => 1 << (b.to_ascii_lowercase() & 63),
        None => 0,
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
        assert!(has_word("our countries celebrated the anniversary", &["anniversary"]));
    }

    #[test]
    fn has_word_matches_whole_words_any_case_and_phrases() {
        assert!(has_word("the FORMER minister", &["late", "former"]));
        assert!(!has_word("a reformer", &["former"]));
        assert!(!has_word("formers", &["former"]));
        assert!(has_word("the then- Chancellor", &["then-"]));
        assert!(!has_word("", &["then"]));
        assert!(has_word("Canada will hold the presidency", &["holds", "will hold"]));
        assert!(!has_word("Canada will not hold it", &["will hold"]));
        assert!(has_word("Canada holds it", &["holds", "will hold"]));
    }
}
