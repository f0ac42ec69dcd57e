//! The temporal grammar (nom): finds temporal expressions in text and normalises them
//! to TIMEX3-style values, resolving relative expressions against the document date.
//!
//! Input is the *masked* text of a document (same byte length as the file, with code,
//! URLs and comments blanked to spaces), so every span maps straight back to the file.

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::span::Span;

mod grammar;
pub mod jsonl;
#[cfg(test)]
mod proptests;
mod resolve;
mod scan;
pub(crate) use scan::TRIGGERS;
#[cfg(test)]
mod tests;
mod words;

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A season, as TIMEX3 writes it (`SP`, `SU`, `FA`, `WI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// The normalised value of a temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TimexValue {
    /// `2024-09-26`
    Day { date: Date },
    /// `2024-09`
    Month { year: i16, month: i8 },
    /// `2024`
    Year { year: i16 },
    /// `2024-SU`
    Season { year: i16, season: Season },
    /// `2024-Q3`
    Quarter { year: i16, quarter: u8 },
    /// `2024-H1`
    Half { year: i16, half: u8 },
    /// `2024-W39`
    Week { year: i16, week: u8 },
    /// `199` for the 1990s
    Decade { decade: i16 },
    /// `19` for the 20th century (the 1900s)
    Century { century: i16 },
    /// `PRESENT_REF`
    Present,
    /// `PAST_REF`
    Past,
    /// `FUTURE_REF`
    Future,
    /// `P75Y`, `P2D`, ... already in TIMEX3 form.
    Duration { iso: String },
    /// Anything else, already in TIMEX3 form (times, sets, `XXXX-XX-XX`).
    Other { value: String },
}

impl TimexValue {
    /// The TIMEX3 `value` attribute.
    pub fn to_timex3(&self) -> String {
        match self {
            TimexValue::Day { date } => {
                format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
            }
            TimexValue::Month { year, month } => format!("{year:04}-{month:02}"),
            TimexValue::Year { year } => format!("{year:04}"),
            TimexValue::Season { year, season } => {
                let s = match season {
                    Season::Spring => "SP",
                    Season::Summer => "SU",
                    Season::Fall => "FA",
                    Season::Winter => "WI",
                };
                format!("{year:04}-{s}")
            }
            TimexValue::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            TimexValue::Half { year, half } => format!("{year:04}-H{half}"),
            TimexValue::Week { year, week } => format!("{year:04}-W{week:02}"),
            TimexValue::Decade { decade } => format!("{decade:03}"),
            TimexValue::Century { century } => format!("{century:02}"),
            TimexValue::Present => "PRESENT_REF".into(),
            TimexValue::Past => "PAST_REF".into(),
            TimexValue::Future => "FUTURE_REF".into(),
            TimexValue::Duration { iso } => iso.clone(),
            TimexValue::Other { value } => value.clone(),
        }
    }

    /// The calendar year this value falls in, when it falls in exactly one.
    pub fn year(&self) -> Option<i16> {
        match self {
            TimexValue::Day { date } => Some(date.year()),
            TimexValue::Month { year, .. }
            | TimexValue::Year { year }
            | TimexValue::Season { year, .. }
            | TimexValue::Quarter { year, .. }
            | TimexValue::Half { year, .. }
            | TimexValue::Week { year, .. } => Some(*year),
            _ => None,
        }
    }
}

/// How a timex belongs to a list or range written as one phrase
/// ("2025 and 2026", "2014–2016", "from 2015 to 2017").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The same for every part of one phrase; unique within a document.
    pub id: u32,
    pub kind: GroupKind,
    /// Position of this part within the phrase, from 0.
    pub index: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    List,
    Range,
}

/// A temporal expression found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    pub span: Span,
    #[serde(rename = "type")]
    pub ty: TimexType,
    pub value: TimexValue,
    /// True when the value was resolved against the document date ("this year").
    pub relative: bool,
    /// A weekday name written with a date ("Thursday, September 26, 2024"): the
    /// weekday as written and its span. The grammar records it; the weekday check
    /// compares it with the calendar. It is never used to compute the value.
    #[serde(serialize_with = "serialize_weekday")]
    pub weekday: Option<(Weekday, Span)>,
    /// Set when this timex is one part of a list or range.
    pub group: Option<Group>,
}

fn serialize_weekday<S: serde::Serializer>(weekday: &Option<(Weekday, Span)>, s: S) -> Result<S::Ok, S::Error> {
    match weekday {
        Some((day, span)) => (format!("{day:?}"), span).serialize(s),
        None => s.serialize_none(),
    }
}

/// An ordinal anniversary or a "N years after/since" phrase ("80th anniversary",
/// "eightieth anniversary", "75 years after").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Anniversary {
    /// The whole phrase, e.g. `80th anniversary`.
    pub span: Span,
    /// The span of the number or ordinal alone, e.g. `80th` (where a fix goes).
    pub number_span: Span,
    pub years: u32,
}

/// Everything temporal the grammar found in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Temporal {
    pub timexes: Vec<Timex>,
    pub anniversaries: Vec<Anniversary>,
}

/// Finds every temporal expression in `text`, in order of position, none overlapping.
/// `doc_date` resolves relative expressions; without it they are skipped (or kept with
/// a `PRESENT_REF`-style value where TIMEX3 has one).
pub fn extract_temporal(text: &str, doc_date: Option<Date>) -> Temporal {
    scan::scan(text, doc_date)
}

/// [`extract_temporal`] with the text's words already found.
pub fn extract_temporal_in(text: &str, tokens: &[crate::extract::tokens::Token], doc_date: Option<Date>) -> Temporal {
    scan::scan_in(text, tokens, doc_date)
}
