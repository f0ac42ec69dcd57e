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

/// True when any of the words occurs in `text` as a whole word (case-insensitive).
pub fn has_word(text: &str, words: &[&str]) -> bool {
    let t = text.to_ascii_lowercase();
    let b = t.as_bytes();
    words.iter().any(|w| {
        t.match_indices(w).any(|(i, _)| {
            let e = i + w.len();
            (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && (e == b.len() || !b[e].is_ascii_alphanumeric())
        })
    })
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
}
