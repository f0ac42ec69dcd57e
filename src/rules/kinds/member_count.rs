//! member-count: how many members a body has at a date.

use jiff::civil::Date;
use serde::Deserialize;

use super::human_date;
use crate::claims::Claim;
use crate::ledger::{EntityId, Ledger};
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "member-count",
    doc: "\
## What it checks
A number of members (\"the 32 Allies\", \"all 27 EU Member States\", \"NATO's 32
members\") against the ledger, at the date the sentence speaks of (else the document
date). The count comes from a `[[count]]` fact, or from the body's memberships when
its list is complete (`complete_membership`) up to that date.

## Why
Member counts change with each accession, and templates keep the old number.

## Example
In a document dated 11 July 2023: \"the leaders of the 30 Allies\" → NATO had 31 members
on 11 July 2023 (fix: 31).

## Parameters
- `max_difference`: a number further than this from the real count is taken to be a
  subset (\"the five Allies that border Russia\"), not a count of all members
  (default 5).",
    vars: &["claimed", "body", "date", "count"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default = "five")]
    max_difference: u64,
}

fn five() -> u64 {
    5
}

/// The number of members of `body` on `date`, with the source of the fact used.
pub fn count_on(ledger: &Ledger, body: EntityId, date: Date) -> Option<(u64, String, crate::ledger::Origin)> {
    if let Some(c) = ledger.counts.iter().find(|c| {
        c.entity == body
            && c.what == "members"
            && c.from.first_day() <= date
            && c.to.is_none_or(|t| date <= t.last_day())
    }) {
        return Some((u64::from(c.value), c.source.clone(), c.origin));
    }
    let entity = ledger.entity(body);
    let complete = entity.complete_membership?;
    if date > complete.last_day() {
        return None;
    }
    let ms: Vec<_> = ledger.memberships_in(body).filter(|m| m.covers(date)).collect();
    let first = ms.first()?;
    Some((ms.len() as u64, entity.source.clone(), first.origin))
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::Count(c) = claim else { continue };
            // The claim holds if the count is right at any date it may speak of.
            let mut wrong = None;
            let mut right = false;
            for w in &c.at {
                for d in [w.from, w.to] {
                    match count_on(cx.ledger, c.body, d) {
                        Some((n, ..)) if n == c.number => right = true,
                        Some((n, source, origin)) => wrong = wrong.or(Some((n, d, source, origin))),
                        None => {
                            right = true;
                            if cx.report_unverified {
                                let name = &cx.ledger.entity(c.body).name;
                                out.unverified(c.number_span, format!("how many members {name} had at that date"));
                            }
                        }
                    }
                }
            }
            let Some((n, date, source, origin)) = wrong.filter(|_| !right) else {
                continue;
            };
            if n.abs_diff(c.number) > self.max_difference {
                continue;
            }
            let body = cx.ledger.entity(c.body);
            let written = cx.text(c.number_span);
            let mut r = Report::new(c.number_span)
                .var("claimed", written)
                .var("body", body.name.clone())
                .var("date", human_date(date))
                .var("count", n.to_string())
                .label(c.number_span, format!("{n} on {}", human_date(date)))
                .label(c.noun_span, format!("members of {}", body.name))
                .fact(
                    format!("{} had {n} members on {}", body.name, human_date(date)),
                    &source,
                    origin,
                );
            if written.bytes().all(|b| b.is_ascii_digit()) {
                r = r.fix(c.number_span, n.to_string());
            }
            out.emit(r);
        }
    }
}
