//! "Did you mean" suggestions for unknown ids and keys.

/// The known name closest to `name` by edit distance, if it is close enough to be a
/// plausible typo.
pub fn closest<'a>(name: &str, known: impl Iterator<Item = &'a String>) -> Option<&'a str> {
    let limit = (name.len() / 3).max(2);
    known
        .map(|k| (distance(name, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, k)| k.as_str())
}

/// Levenshtein distance over chars.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let known = ["nato".to_string(), "united-nations".to_string()];
        assert_eq!(closest("natto", known.iter()), Some("nato"));
        assert_eq!(closest("united-nation", known.iter()), Some("united-nations"));
        assert_eq!(closest("g20", known.iter()), None);
    }
}
