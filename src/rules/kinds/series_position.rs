//! series-position: who holds a rotating position (G7, G20, EU Council presidency)
//! in a year.

use serde::Deserialize;

use crate::claims::Claim;
use crate::ledger::{EntityId, Position};
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "series-position",
    doc: "\
## What it checks
A rotating position held by named holders in given years — \"Canada's G7 presidency in
2025\", \"Canada and France will hold the G7 presidency in 2025 and 2026\", \"our
successive G7 presidencies in 2025 and 2026\" (\"our\" is the document's speakers,
e.g. \"Canada and France\") — against the ledger's `[[series]]` positions.

## Why
Presidencies rotate on a fixed order that writers misremember by one year.

## Example
In a Canada–France statement: \"our successive G7 presidencies in 2025 and 2027\" →
the United States holds the G7 presidency in 2027; France holds it in 2026 (fix: 2026).

## Parameters
None. Each year must be held by one of the named holders; with several holders the
order is not enforced (\"respectively\" is often left out). Years the ledger has no
position for stay silent.",
    vars: &["holders", "series", "when", "actual"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::SeriesPosition(c) = claim else { continue };
            let ledger = cx.ledger;
            let series = ledger.series_by_id(c.series);
            let in_year = |y: i16| -> Vec<&Position> {
                ledger
                    .positions_of(c.series)
                    .filter(|p| p.from.year() <= y && y <= p.to.year())
                    .collect()
            };
            let holder_ids: Vec<EntityId> = c.holders.iter().map(|h| h.0).collect();
            if let Some(date) = c.at {
                // "Belgium, which holds the Presidency ...": on the document date.
                let now: Vec<&Position> = ledger
                    .positions_of(c.series)
                    .filter(|p| p.from <= date && date <= p.to)
                    .collect();
                if now.is_empty() || now.iter().any(|p| holder_ids.contains(&p.holder)) {
                    continue;
                }
                let actual: Vec<String> = now.iter().map(|p| ledger.entity(p.holder).name.clone()).collect();
                let names: Vec<String> = c.holders.iter().map(|h| ledger.entity(h.0).name.clone()).collect();
                let p = now[0];
                out.emit(
                    Report::new(c.holders[0].1)
                        .var("holders", join_or(&names))
                        .var("series", series.name.clone())
                        .var("when", format!("on {}", super::human_date(date)))
                        .var("actual", actual.join(" and "))
                        .label(c.series_span, series.name.clone())
                        .fact(
                            format!(
                                "{} holds the {} from {} to {}",
                                actual.join(" and "),
                                series.name,
                                super::human_date(p.from),
                                super::human_date(p.to)
                            ),
                            &p.source,
                            p.origin,
                        ),
                );
                continue;
            }
            if cx.report_unverified {
                for (y, span) in c.years.iter().filter(|(y, _)| in_year(*y).is_empty()) {
                    out.unverified(*span, format!("who holds the {} in {y}", series.name));
                }
            }
            let unmatched_years: Vec<(i16, crate::span::Span)> = c
                .years
                .iter()
                .copied()
                .filter(|(y, _)| {
                    let ps = in_year(*y);
                    !ps.is_empty() && !ps.iter().any(|p| holder_ids.contains(&p.holder))
                })
                .collect();
            if unmatched_years.is_empty() {
                continue;
            }
            // Holders that hold none of the claimed years.
            let unmatched_holders: Vec<EntityId> = holder_ids
                .iter()
                .copied()
                .filter(|h| !c.years.iter().any(|(y, _)| in_year(*y).iter().any(|p| p.holder == *h)))
                .collect();
            let names: Vec<String> = c.holders.iter().map(|h| ledger.entity(h.0).name.clone()).collect();
            let mut unique = names.clone();
            unique.dedup();
            for (year, span) in &unmatched_years {
                let ps = in_year(*year);
                let actual: Vec<String> = ps.iter().map(|p| ledger.entity(p.holder).name.clone()).collect();
                let mut r = Report::new(*span)
                    .var("holders", join_or(&unique))
                    .var("series", series.name.clone())
                    .var("when", format!("in {year}"))
                    .var("actual", actual.join(" and "))
                    .label(*span, format!("held by {}", actual.join(" and ")))
                    .label(c.series_span, series.name.clone())
                    .fact(
                        format!("{} holds the {} in {year}", actual.join(" and "), series.name),
                        &ps[0].source,
                        ps[0].origin,
                    );
                for h in &c.holders {
                    if !r.labels.iter().any(|l| l.span == h.1) {
                        r = r.label(h.1, ledger.entity(h.0).name.clone());
                    }
                }
                // "2025 and 2027" for Canada and France: France's year is certain.
                // With one holder, the year or the holder may be the mistake: no fix.
                if c.holders.len() > 1
                    && unmatched_years.len() == 1
                    && unmatched_holders.len() == 1
                    && cx.text(*span).len() == 4
                {
                    let h = unmatched_holders[0];
                    let near: Vec<&Position> = ledger
                        .positions_of(c.series)
                        .filter(|p| p.holder == h && (i32::from(p.from.year()) - i32::from(*year)).abs() <= 2)
                        .collect();
                    if let [p] = near.as_slice()
                        && p.from.year() == p.to.year()
                    {
                        r = r.fix(*span, p.from.year().to_string());
                    }
                }
                out.emit(r);
            }
        }
    }
}

fn join_or(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
