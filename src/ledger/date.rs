//! Ledger dates: a day, a month or a year, as certain as the source allows.

use std::fmt;

use jiff::civil::Date;
use serde::Serialize;

use crate::decimal::push_decimal;

/// A date written in the ledger as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LedgerDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl LedgerDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else, including
    /// impossible days such as `2024-02-30`.
    pub fn parse(s: &str) -> Option<LedgerDate> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = parts
            .next()
            .map(|m| parse_digits(m, 2))
            .map_or(Ok(None), |m| m.filter(|m| (1..=12).contains(m)).map(Some).ok_or(()));
        let month = month.ok()?;
        let day = match parts.next() {
            Some(d) => Some(parse_digits(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = LedgerDate {
            year,
            month: month.map(|m| m as i8),
            day: day.map(|d| d as i8),
        };
        if let (Some(m), Some(d)) = (date.month, date.day) {
            Date::new(year, m, d).ok()?;
        }
        Some(date)
    }

    pub fn from_date(date: Date) -> LedgerDate {
        LedgerDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The first day this date may denote.
    pub fn first_day(self) -> Date {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        Date::new(self.year, m, d).unwrap_or(Date::MIN)
    }

    /// The last day this date may denote.
    pub fn last_day(self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).unwrap_or(Date::MAX),
            (Some(m), None) => Date::new(self.year, m, 1)
                .map(|d| d.last_of_month())
                .unwrap_or(Date::MAX),
            _ => Date::new(self.year, 12, 31).unwrap_or(Date::MAX),
        }
    }

    /// A full date when the ledger gives the day.
    pub fn exact(self) -> Option<Date> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).ok(),
            _ => None,
        }
    }

    /// "on 4 April 1949", "in April 1949" or "in 1949".
    pub fn human_when(self) -> String {
        let mut out = String::with_capacity(23);
        out.push_str(if self.day.is_some() { "on " } else { "in " });
        self.push_human(&mut out);
        out
    }

    /// "4 April 1949", "April 1949" or "1949": how help texts state the fact.
    pub fn human(self) -> String {
        let mut out = String::with_capacity(20);
        self.push_human(&mut out);
        out
    }

    /// [`LedgerDate::human`] written at the end of `out`: a finding's texts are built
    /// in one buffer each. Without `format!`: every finding about a ledger date
    /// states it, and the formatting machinery cost ten times the pushes.
    pub fn push_human(self, out: &mut String) {
        if let Some(m) = self.month {
            if let Some(d) = self.day {
                push_decimal(out, i64::from(d));
                out.push(' ');
            }
            out.push_str(month_name(m));
            out.push(' ');
        }
        push_decimal(out, i64::from(self.year));
    }
}

impl fmt::Display for LedgerDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn parse_digits(s: &str, len: usize) -> Option<i16> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn month_name(m: i8) -> &'static str {
    MONTH_NAMES.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            LedgerDate::parse("1949-04-04").map(|d| d.human()),
            Some("4 April 1949".into())
        );
        assert_eq!(
            LedgerDate::parse("1949-04").map(|d| d.to_string()),
            Some("1949-04".into())
        );
        assert_eq!(
            LedgerDate::parse("1949").map(|d| d.last_day().to_string()),
            Some("1949-12-31".into())
        );
    }

    #[test]
    fn rejects_malformed_and_impossible() {
        for bad in ["2024-02-30", "2024-13", "49", "1949-4-4", "1949-04-04-01", "", "abcd"] {
            assert_eq!(LedgerDate::parse(bad), None, "{bad}");
        }
    }

    /// `human` writes what `format!` wrote, for every precision and odd years.
    #[test]
    fn human_equals_formatting() {
        for year in [-12, 0, 7, 99, 1000, 1949, 2026, i16::MIN, i16::MAX] {
            for month in [None, Some(1), Some(12), Some(13)] {
                for day in [None, Some(1), Some(9), Some(31), Some(-3)] {
                    let d = LedgerDate { year, month, day };
                    let expected = match (month, day) {
                        (Some(m), Some(day)) => format!("{} {} {}", day, month_name(m), year),
                        (Some(m), None) => format!("{} {}", month_name(m), year),
                        _ => year.to_string(),
                    };
                    assert_eq!(d.human(), expected);
                }
            }
        }
    }
}
