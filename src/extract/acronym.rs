//! Acronyms defined in parentheses after their expansion ("Ukraine Defence Contact
//! Group (UDCG)") and the later uses of each.

use serde::Serialize;

use super::gazetteer::is_word_byte;
use crate::span::Span;

/// "Long Name (ACR)" in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AcronymDef {
    pub acronym: String,
    pub acronym_span: Span,
    pub expansion: String,
    pub expansion_span: Span,
}

const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "et", "&",
];

/// Finds every parenthesised acronym whose letters are the initials of the words
/// before it.
pub fn find_definitions(masked: &str) -> Vec<AcronymDef> {
    let bytes = masked.as_bytes();
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'(', &bytes[i..]) {
        let open = i + p;
        i = open + 1;
        let Some(close_rel) = bytes[open + 1..].iter().take(16).position(|&b| b == b')') else {
            continue;
        };
        let inner_start = open + 1;
        let inner_end = open + 1 + close_rel;
        let Some(acr) = masked.get(inner_start..inner_end) else {
            continue;
        };
        if !looks_like_acronym(acr) {
            continue;
        }
        if let Some((es, ee)) = expansion_before(masked, open, acr, &mut scratch) {
            out.push(AcronymDef {
                acronym: acr.to_string(),
                acronym_span: Span::new(inner_start, inner_end),
                expansion: masked[es..ee].to_string(),
                expansion_span: Span::new(es, ee),
            });
        }
    }
    out
}

/// The word lists [`expansion_before`] builds, kept for a document's next
/// parenthesis: most parentheses that hold capitals are tried and fail.
#[derive(Default)]
struct Scratch {
    words: Vec<(usize, usize)>,
    tokens: Vec<(usize, usize, bool)>,
}

/// Two or more capitals, digits allowed, one internal space ("G7 RRM") at most.
fn looks_like_acronym(s: &str) -> bool {
    let caps = s.bytes().filter(u8::is_ascii_uppercase).count();
    caps >= 2
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-' || b == b'&')
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && s.bytes().filter(|&b| b == b' ').count() <= 1
        && s.bytes().filter(u8::is_ascii_lowercase).count() <= 1
}

/// The words just before `open` whose initials spell the acronym's letters. Function
/// words may give a letter or be skipped; a leading word may be the acronym's
/// alphanumeric prefix ("G7 Rapid Response Mechanism (G7 RRM)").
fn expansion_before(masked: &str, open: usize, acr: &str, scratch: &mut Scratch) -> Option<(usize, usize)> {
    let bytes = masked.as_bytes();
    // Collect up to 12 words backwards from the parenthesis.
    let Scratch { words, tokens } = scratch;
    words.clear();
    let mut e = open;
    while e > 0 && bytes[e - 1] == b' ' {
        e -= 1;
    }
    while words.len() < 12 && e > 0 {
        let mut s = e;
        while s > 0 && (is_word_byte(bytes[s - 1]) || bytes[s - 1] == b'-' || bytes[s - 1] == b'&') {
            s -= 1;
        }
        if s == e {
            break;
        }
        words.push((s, e));
        let mut k = s;
        while k > 0 && bytes[k - 1] == b' ' {
            k -= 1;
        }
        if k == s || k == 0 {
            break;
        }
        e = k;
    }
    // The acronym's letters: it is shorter than 16 bytes (see `find_definitions`).
    let mut letter_buf = [0u8; 16];
    let mut n_letters = 0;
    for (slot, b) in letter_buf
        .iter_mut()
        .zip(acr.bytes().filter(|b| b.is_ascii_alphanumeric()))
    {
        *slot = b;
        n_letters += 1;
    }
    let letters = &letter_buf[..n_letters];
    // Split hyphenated words into parts for initials ("Co-operation" gives C, maybe O).
    // (start, end, optional): the parts after a hyphen may or may not give a letter.
    tokens.clear();
    for &(s, e) in words.iter().rev() {
        let mut ps = s;
        for (k, &b) in bytes[s..e].iter().enumerate() {
            if b == b'-' {
                tokens.push((ps, s + k, ps != s));
                ps = s + k + 1;
            }
        }
        tokens.push((ps, e, ps != s));
    }
    // Try each start word: the expansion must use every letter, the last word must be
    // used, and the first word must start with the first letter.
    for start in 0..tokens.len() {
        if matches_initials(masked, &tokens[start..], letters) {
            let (s, _, _) = tokens[start];
            let (_, e, _) = tokens[tokens.len() - 1];
            let first = masked.get(s..e).and_then(|t| t.chars().next())?;
            if first.is_uppercase() || first.is_ascii_digit() {
                return Some((s, e));
            }
        }
    }
    None
}

fn matches_initials(masked: &str, tokens: &[(usize, usize, bool)], letters: &[u8]) -> bool {
    fn go(masked: &str, tokens: &[(usize, usize, bool)], letters: &[u8], first: bool) -> bool {
        match (tokens.first(), letters.first()) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(&(s, e, optional)), _) => {
                let word = masked.get(s..e).unwrap_or("");
                let wb = word.as_bytes();
                // The function words are lower case: no lower-cased copy needed.
                let function =
                    (optional || FUNCTION_WORDS.iter().any(|f| wb.eq_ignore_ascii_case(f.as_bytes()))) && !first;
                // Use the word: its initial, or an alphanumeric prefix such as "G7".
                let mut used = false;
                if let Some(&l) = letters.first() {
                    let n = common_prefix(wb, letters);
                    let take = if n >= 2 && wb[..n].iter().any(u8::is_ascii_digit) {
                        n
                    } else {
                        1
                    };
                    if wb.first().is_some_and(|c| c.eq_ignore_ascii_case(&l))
                        && go(masked, &tokens[1..], &letters[take.min(letters.len())..], false)
                    {
                        used = true;
                    }
                }
                used || (function && go(masked, &tokens[1..], letters, false))
            }
        }
    }
    !letters.is_empty() && go(masked, tokens, letters, true)
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Whole-word uses of `acronym` in `masked`, in order (the rule wants the first
/// one before the definition: no list).
pub fn uses<'t>(masked: &'t str, acronym: &'t str) -> impl Iterator<Item = Span> + 't {
    let bytes = masked.as_bytes();
    // A vectorized search: the rule asks once per defined acronym, over the whole text.
    memchr::memmem::find_iter(bytes, acronym.as_bytes())
        .filter(move |&s| {
            let e = s + acronym.len();
            (s == 0 || !is_word_byte(bytes[s - 1])) && (e == bytes.len() || !is_word_byte(bytes[e]))
        })
        .map(move |s| Span::new(s, s + acronym.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `matches_initials` compares words with them case-blind, which equals the
    /// lower-cased compare only while they are lower case.
    #[test]
    fn function_words_are_lower_case() {
        for w in FUNCTION_WORDS {
            assert_eq!(*w, w.to_ascii_lowercase());
        }
    }

    fn defs(t: &str) -> Vec<(String, String)> {
        find_definitions(t)
            .into_iter()
            .map(|d| (d.expansion, d.acronym))
            .collect()
    }

    #[test]
    fn finds_expansions_by_initials() {
        assert_eq!(
            defs("As part of the Ukraine Defence Contact Group (UDCG), we act."),
            vec![("Ukraine Defence Contact Group".into(), "UDCG".into())]
        );
        assert_eq!(
            defs("the United Nations Convention on the Law of the Sea (UNCLOS)."),
            vec![(
                "United Nations Convention on the Law of the Sea".into(),
                "UNCLOS".into()
            )]
        );
        assert_eq!(
            defs("with the creation of the North Atlantic Treaty Organization (NATO), of which"),
            vec![("North Atlantic Treaty Organization".into(), "NATO".into())]
        );
        assert_eq!(
            defs("the G7 Rapid Response Mechanism (G7 RRM), our"),
            vec![("G7 Rapid Response Mechanism".into(), "G7 RRM".into())]
        );
        assert_eq!(
            defs("the Organization for Security and Co-operation in Europe (OSCE) met"),
            vec![(
                "Organization for Security and Co-operation in Europe".into(),
                "OSCE".into()
            )]
        );
    }

    #[test]
    fn ignores_non_acronym_parentheses() {
        assert!(defs("Operation UNIFIER (Canada) and the Mission (France).").is_empty());
        assert!(defs("some words (ABC) here").is_empty());
    }

    #[test]
    fn uses_are_whole_words() {
        let t = "NATO and NATOs and the NATO-led force";
        assert_eq!(
            uses(t, "NATO").collect::<Vec<_>>(),
            vec![Span::new(0, 4), Span::new(23, 27)]
        );
    }
}
