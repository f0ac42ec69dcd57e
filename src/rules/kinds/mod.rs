//! One file per check kind. Each has `INFO` (registered in `registry.rs`), a
//! `Params` struct read from the rule's TOML, and its `check`.

pub mod acronym;
pub mod anniversary;
pub mod event_date;
pub mod member_count;
pub mod membership;
pub mod office_holder;
pub mod series_position;
pub mod spelling_consistency;
pub mod tense;
pub mod terms;
pub mod weekday;

use std::borrow::Cow;

use crate::ledger::LedgerDate;

/// "80th", "21st", "112th".
pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "4 April 1949" for a full date.
pub fn human_date(d: jiff::civil::Date) -> String {
    LedgerDate::from_date(d).human()
}

/// The names joined with `sep`: the one name itself when there is one, as most
/// findings name one holder (no copy).
pub fn join_names<'a>(mut names: impl Iterator<Item = &'a str>, sep: &str) -> Cow<'a, str> {
    let Some(first) = names.next() else {
        return Cow::Borrowed("");
    };
    let Some(second) = names.next() else {
        return Cow::Borrowed(first);
    };
    let mut out = [first, sep, second].concat();
    for name in names {
        out.push_str(sep);
        out.push_str(name);
    }
    Cow::Owned(out)
}

/// Writes "from 24 July 2019 to 6 September 2022" (or "from 24 July 2019" for an
/// open term) at the end of `out`.
pub fn push_from_to(out: &mut String, from: LedgerDate, to: Option<LedgerDate>) {
    out.push_str(" from ");
    from.push_human(out);
    if let Some(to) = to {
        out.push_str(" to ");
        to.push_human(out);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 80, 101, 111, 112]
            .iter()
            .map(|&n| super::ordinal(n))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "80th", "101st", "111th", "112th"
            ]
        );
    }

    #[test]
    fn names_joined() {
        fn join(names: &[&'static str]) -> std::borrow::Cow<'static, str> {
            super::join_names(names.iter().copied(), " or ")
        }
        assert_eq!(join(&[]), "");
        assert!(matches!(join(&["A"]), std::borrow::Cow::Borrowed("A")));
        assert_eq!(join(&["A", "B"]), "A or B");
        assert_eq!(join(&["A", "B", "C"]), "A or B or C");
    }
}
