//! weekday: a weekday written with a date must be that date's weekday.

use jiff::civil::Weekday;
use serde::Deserialize;

use super::human_date;
use crate::claims::Claim;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "weekday",
    doc: "\
## What it checks
A weekday written with a date (\"Friday, September 26, 2024\") against the calendar.

## Why
Weekdays are copied from an earlier draft when the date moves; readers trust them.

## Example
\"Friday, September 26, 2024\" → 26 September 2024 is a Thursday (fix: Thursday).

## Parameters
None.",
    vars: &["written", "date", "weekday"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::Weekday(c) = claim else { continue };
            let actual = c.date.weekday();
            if actual == c.weekday {
                continue;
            }
            let written = cx.text(c.weekday_span);
            let name = weekday_name(actual);
            // Keep the writer's form: "Fri." stays abbreviated, "FRIDAY" stays upper case.
            let replacement = if written.len() < 6 || written.ends_with('.') {
                None
            } else if written.chars().all(|ch| ch.is_uppercase()) {
                Some(name.to_uppercase())
            } else {
                Some(name.to_string())
            };
            let mut r = Report::new(c.weekday_span)
                .var("written", written)
                .var("date", human_date(c.date))
                .var("weekday", name)
                .label(c.weekday_span, ["not a ", written].concat())
                .label(c.date_span, ["a ", name].concat());
            if let Some(rep) = replacement {
                r = r.fix(c.weekday_span, rep);
            }
            out.emit(r);
        }
    }
}
