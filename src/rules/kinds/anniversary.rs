//! anniversary: ordinal anniversaries ("80th anniversary of the Normandy landings")
//! against the year they are marked in.

use serde::Deserialize;

use super::ordinal;
use crate::claims::Claim;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "anniversary",
    doc: "\
## What it checks
An ordinal anniversary (\"the 80th anniversary of the Normandy landings\", \"75 years
since the founding of NATO\") against the year it is marked in: a year the sentence
gives, or else the document's year. The anniversary counts from the entity's anchor
event in the ledger (the event marked `anchor`, else the earliest).

## Why
Anniversary arithmetic is done in a hurry, often from last year's statement.

## Example
In a document dated 26 September 2024: \"this year, we marked the 75th anniversary of the
Normandy landings\" → the landings took place on 6 June 1944: 2024 is the 80th
anniversary (fix: 80th).

## Parameters
- `tolerance`: years of slack either way (default 0).",
    vars: &["entity", "claimed", "expected", "year", "anchor_date"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    tolerance: u32,
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::Anniversary(c) = claim else { continue };
            let Some(anchor) = cx.ledger.anchor_event(c.entity) else {
                continue;
            };
            let expected = |year: i16| i64::from(year) - i64::from(anchor.date.year);
            let agrees = c
                .marked_in
                .iter()
                .any(|(y, _)| (expected(*y) - i64::from(c.years)).unsigned_abs() <= u64::from(self.tolerance));
            if agrees {
                continue;
            }
            let (year, year_span) = c.marked_in[0];
            let want = expected(year);
            if want <= 0 {
                continue;
            }
            let entity = cx.ledger.entity(c.entity);
            let expected = ordinal(want);
            let anchor_date = anchor.date.human();
            let verb = anchor.kind.verb();
            let year_text = year.to_string();
            let mut r = Report::new(c.number_span)
                .var("entity", &entity.name)
                .var("claimed", cx.text(c.number_span))
                .label(c.number_span, [&expected, " in ", &year_text].concat())
                .label(c.entity_span, [verb, " ", &anchor_date].concat())
                .fact(
                    [&entity.name, " ", verb, " on ", &anchor_date].concat(),
                    &anchor.source,
                    anchor.origin,
                )
                .var("expected", expected)
                .var("year", year_text)
                .var("anchor_date", anchor_date);
            if let Some(s) = year_span {
                r = r.label(s, "marked in this year");
            }
            // Rewrite "75th" as "80th"; words ("seventy-fifth") and "N years" are left to the writer.
            let written = cx.text(c.number_span);
            if c.marked_in.len() == 1
                && written.ends_with(|ch: char| ch.is_ascii_alphabetic())
                && written.starts_with(|ch: char| ch.is_ascii_digit())
            {
                r = r.fix(c.number_span, ordinal(want));
            }
            out.emit(r);
        }
    }
}
