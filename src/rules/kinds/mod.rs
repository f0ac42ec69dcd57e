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
}
