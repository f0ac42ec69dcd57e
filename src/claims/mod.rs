//! Claims: the items of a sentence associated into typed statements that a rule can
//! check against the ledger ("NATO, founded in 1949" is an event on a date).
//!
//! Association is deliberately strict: two items make a claim only when the words
//! between them are a known connective ("founded in", ", Prime Minister of"). A claim
//! the grammar is unsure of is not made: a missed check costs less than a false alarm.

mod associate;
mod count;
mod gap;
mod membership;
mod tense;

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::extract::{Extraction, TimexValue};
use crate::ledger::{EntityId, EventKind, Ledger, OfficeId, SeriesId};
use crate::span::Span;

pub use associate::build;

/// A period of time a claim is about, with the words that say it (none when it is the
/// document date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct When {
    pub from: Date,
    pub to: Date,
    pub span: Option<Span>,
}

/// "NATO, founded in 1949": an entity's event on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventDateClaim {
    pub entity: EntityId,
    pub entity_span: Span,
    pub event: EventKind,
    /// The word that names the event ("founded", "creation"), if any.
    pub trigger: Option<Span>,
    pub value: TimexValue,
    pub value_span: Span,
}

/// "the 80th anniversary of the Normandy landings" (this year).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnniversaryClaim {
    pub entity: EntityId,
    pub entity_span: Span,
    pub years: u32,
    pub number_span: Span,
    pub phrase_span: Span,
    /// The years the anniversary may be marked in: explicit years in the sentence,
    /// or the document's year.
    pub marked_in: Vec<(i16, Option<Span>)>,
}

/// "Justin Trudeau, Prime Minister of Canada": a person holding an office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfficeClaim {
    pub office: OfficeId,
    pub office_span: Span,
    pub person: EntityId,
    pub person_span: Span,
    /// When the sentence says the office was held: its dates, else the document date.
    pub at: Vec<When>,
}

/// "Canada's G7 presidency in 2025", "our successive G7 presidencies in 2025 and
/// 2026": who holds a rotating position in which years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesClaim {
    pub series: SeriesId,
    pub series_span: Span,
    /// The holders named, in order (for "our": the document's speakers, with the span
    /// of the word "our"/"we").
    pub holders: Vec<(EntityId, Span)>,
    pub years: Vec<(i16, Span)>,
    /// For a claim in the present tense without a year: the document date.
    pub at: Option<Date>,
}

/// "Thursday, September 26, 2024": a date with its weekday as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WeekdayClaim {
    pub date: Date,
    pub date_span: Span,
    #[serde(serialize_with = "weekday_name")]
    pub weekday: Weekday,
    pub weekday_span: Span,
}

fn weekday_name<S: serde::Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{w:?}"))
}

/// "Finland, which joined NATO in 2023", "Sweden, a founding member of NATO".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MembershipClaim {
    pub member: EntityId,
    pub member_span: Span,
    pub body: EntityId,
    pub body_span: Span,
    /// When the member joined, as written; `None` for a founding-member claim.
    pub joined: Option<(TimexValue, Span)>,
    pub founding: bool,
}

/// "the 32 Allies", "all 27 EU Member States": how many members a body has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountClaim {
    pub body: EntityId,
    pub number: u64,
    pub number_span: Span,
    pub noun_span: Span,
    pub at: Vec<When>,
}

/// "will host the summit in 2014" (future tense, past date) and the reverse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TenseClaim {
    pub verb_span: Span,
    pub future: bool,
    pub value_span: Span,
    pub from: Date,
    pub to: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "claim", rename_all = "kebab-case")]
pub enum Claim {
    EventDate(EventDateClaim),
    Anniversary(AnniversaryClaim),
    OfficeHolder(OfficeClaim),
    SeriesPosition(SeriesClaim),
    Weekday(WeekdayClaim),
    Membership(MembershipClaim),
    Count(CountClaim),
    Tense(TenseClaim),
}

impl Claim {
    /// Where the claim starts, for ordering.
    pub fn start(&self) -> u32 {
        match self {
            Claim::EventDate(c) => c.entity_span.start.min(c.value_span.start),
            Claim::Anniversary(c) => c.phrase_span.start,
            Claim::OfficeHolder(c) => c.office_span.start.min(c.person_span.start),
            Claim::SeriesPosition(c) => c.series_span.start,
            Claim::Weekday(c) => c.weekday_span.start,
            Claim::Membership(c) => c.member_span.start.min(c.body_span.start),
            Claim::Count(c) => c.number_span.start,
            Claim::Tense(c) => c.verb_span.start,
        }
    }
}

/// The first and last day a temporal value denotes, when it is a calendar period.
pub fn period(value: &TimexValue) -> Option<(Date, Date)> {
    use crate::ledger::LedgerDate;
    let ld = |year: i16, month: Option<i8>| LedgerDate { year, month, day: None };
    match value {
        TimexValue::Day { date } => Some((*date, *date)),
        TimexValue::Month { year, month } => {
            Some((ld(*year, Some(*month)).first_day(), ld(*year, Some(*month)).last_day()))
        }
        TimexValue::Year { year } | TimexValue::Season { year, .. } | TimexValue::Half { year, .. } => {
            Some((ld(*year, None).first_day(), ld(*year, None).last_day()))
        }
        TimexValue::Quarter { year, quarter } => {
            let m = ((*quarter as i8).clamp(1, 4) - 1) * 3 + 1;
            Some((ld(*year, Some(m)).first_day(), ld(*year, Some(m + 2)).last_day()))
        }
        _ => None,
    }
}

/// Whether [`period`] gives the value's days, without computing them: the claims ask
/// it of every date they pass over.
pub fn is_period(value: &TimexValue) -> bool {
    matches!(
        value,
        TimexValue::Day { .. }
            | TimexValue::Month { .. }
            | TimexValue::Year { .. }
            | TimexValue::Season { .. }
            | TimexValue::Half { .. }
            | TimexValue::Quarter { .. }
    )
}

/// Everything claimed in one document.
pub fn claims(extraction: &Extraction, masked: &str, ledger: &Ledger) -> Vec<Claim> {
    let mut out = build(extraction, masked, ledger);
    out.sort_by_key(Claim::start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::Season;

    #[test]
    fn is_period_is_whether_period_gives_days() {
        let values = [
            TimexValue::Day {
                date: jiff::civil::date(2024, 9, 26),
            },
            TimexValue::Month { year: 2024, month: 13 },
            TimexValue::Year { year: -5 },
            TimexValue::Season {
                year: 2024,
                season: Season::Winter,
            },
            TimexValue::Quarter { year: 2024, quarter: 9 },
            TimexValue::Half { year: 2024, half: 0 },
            TimexValue::Week { year: 2024, week: 39 },
            TimexValue::Decade { decade: 199 },
            TimexValue::Century { century: 19 },
            TimexValue::Present,
            TimexValue::Past,
            TimexValue::Future,
            TimexValue::Duration { iso: "P2D".into() },
            TimexValue::Other {
                value: "XXXX-XX-XX".into(),
            },
        ];
        for v in &values {
            assert_eq!(is_period(v), period(v).is_some(), "{v:?}");
        }
    }
}
