//! series-position: who holds a rotating position (G7, G20, EU Council presidency)
//! in a year.

use std::borrow::Cow;

use serde::Deserialize;

use super::{join_names, push_from_to};
use crate::claims::Claim;
use crate::decimal::push_decimal;
use crate::ledger::{EntityId, LedgerDate};
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};
use crate::span::Span;

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
            // The ledger's positions are read again where needed rather than
            // collected: most claims agree and make no finding.
            let in_year = |y: i16| {
                ledger
                    .positions_of(c.series)
                    .filter(move |p| p.from.year() <= y && y <= p.to.year())
            };
            let named = |h: EntityId| c.holders.iter().any(|(e, _)| *e == h);
            let name = |h: EntityId| ledger.entity(h).name.as_str();
            if let Some(date) = c.at {
                // "Belgium, which holds the Presidency ...": on the document date.
                let now = || {
                    ledger
                        .positions_of(c.series)
                        .filter(move |p| p.from <= date && date <= p.to)
                };
                let (Some(p), Some(&(_, first_span))) = (now().next(), c.holders.first()) else {
                    continue;
                };
                if now().any(|p| named(p.holder)) {
                    continue;
                }
                let actual = join_names(now().map(|p| name(p.holder)), " and ");
                let mut fact = String::with_capacity(128);
                for part in [&*actual, " holds the ", &series.name] {
                    fact.push_str(part);
                }
                push_from_to(
                    &mut fact,
                    LedgerDate::from_date(p.from),
                    Some(LedgerDate::from_date(p.to)),
                );
                out.emit(
                    Report::new(first_span)
                        .var("holders", join_or(c.holders.iter().map(|h| name(h.0))))
                        .var("series", &series.name)
                        .var("when", LedgerDate::from_date(date).human_when())
                        .label(c.series_span, series.name.clone())
                        .fact(fact, &p.source, p.origin)
                        .var("actual", actual),
                );
                continue;
            }
            if cx.report_unverified {
                for (y, span) in c.years.iter().filter(|(y, _)| in_year(*y).next().is_none()) {
                    out.unverified(*span, format!("who holds the {} in {y}", series.name));
                }
            }
            // A year the ledger knows that none of the named holders holds.
            let unmatched = |&&(y, _): &&(i16, Span)| {
                let mut ps = in_year(y).peekable();
                ps.peek().is_some() && !ps.any(|p| named(p.holder))
            };
            let unmatched_years = c.years.iter().filter(unmatched).count();
            if unmatched_years == 0 {
                continue;
            }
            // The holders' names, a name repeated right after itself once.
            let unique = || {
                c.holders
                    .iter()
                    .enumerate()
                    .filter(|&(i, h)| i == 0 || name(c.holders[i - 1].0) != name(h.0))
                    .map(|(_, h)| name(h.0))
            };
            for &(year, span) in c.years.iter().filter(unmatched) {
                let Some(first) = in_year(year).next() else { continue };
                let actual = join_names(in_year(year).map(|p| name(p.holder)), " and ");
                let mut when = String::from("in ");
                push_decimal(&mut when, i64::from(year));
                let mut fact = String::with_capacity(96);
                for part in [&*actual, " holds the ", &series.name, " ", &when] {
                    fact.push_str(part);
                }
                let mut r = Report::new(span)
                    .var("holders", join_or(unique()))
                    .var("series", &series.name)
                    .label(span, ["held by ", &actual].concat())
                    .label(c.series_span, series.name.clone())
                    .fact(fact, &first.source, first.origin)
                    .var("when", when)
                    .var("actual", actual);
                for h in &c.holders {
                    if !r.labels.iter().any(|l| l.span == h.1) {
                        r = r.label(h.1, name(h.0).to_string());
                    }
                }
                // "2025 and 2027" for Canada and France: France's year is certain.
                // With one holder, the year or the holder may be the mistake: no fix.
                if c.holders.len() > 1 && unmatched_years == 1 && cx.text(span).len() == 4 {
                    // Holders that hold none of the claimed years: one, with one
                    // single-year position within two years of this one.
                    let mut unmatched_holders = c
                        .holders
                        .iter()
                        .map(|h| h.0)
                        .filter(|&h| !c.years.iter().any(|(y, _)| in_year(*y).any(|p| p.holder == h)));
                    if let (Some(h), None) = (unmatched_holders.next(), unmatched_holders.next()) {
                        let mut near = ledger
                            .positions_of(c.series)
                            .filter(|p| p.holder == h && (i32::from(p.from.year()) - i32::from(year)).abs() <= 2);
                        if let (Some(p), None) = (near.next(), near.next())
                            && p.from.year() == p.to.year()
                        {
                            r = r.fix(span, p.from.year().to_string());
                        }
                    }
                }
                out.emit(r);
            }
        }
    }
}

/// "Canada", "Canada or France", "Canada, France or Italy".
fn join_or<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Cow<'a, str> {
    let n = names.clone().count();
    if n < 2 {
        return join_names(names, "");
    }
    let mut out = String::with_capacity(64);
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == n { " or " } else { ", " });
        }
        out.push_str(name);
    }
    Cow::Owned(out)
}
