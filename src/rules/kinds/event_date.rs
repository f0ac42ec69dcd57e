//! event-date: the date of a founding, signing, entry into force or other event.

use serde::Deserialize;

use crate::claims::{Claim, period};
use crate::extract::TimexValue;
use crate::ledger::EventKind;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "event-date",
    doc: "\
## What it checks
A date given for an entity's event — \"NATO, founded in 1949\", \"the creation of NATO in
1949\", \"the Charter of the United Nations, signed on 26 June 1945\" — against the
ledger's `[[event]]`s of that entity and kind.

## Why
A wrong founding or signing year is the most common factual slip in anniversary
statements, and the easiest to miss on proof-reading.

## Example
In any document: \"the North Atlantic Treaty Organization (NATO), founded in 1950\" →
NATO was founded on 4 April 1949 (fix: 1949).

## Parameters
- `events`: the event kinds to check (default: all of `founded`, `signed`,
  `entered-into-force`, `took-place`).

A claim agrees when its period (a day, month or year) overlaps the ledger's date;
when an entity has several events of one kind (different conventions), any of
them agrees. Entities or events the ledger does not know stay silent.",
    vars: &["entity", "event", "claimed", "ledger_date", "ledger_when"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default = "all_events")]
    events: Vec<EventKind>,
}

fn all_events() -> Vec<EventKind> {
    vec![
        EventKind::Founded,
        EventKind::Signed,
        EventKind::EnteredIntoForce,
        EventKind::TookPlace,
    ]
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::EventDate(c) = claim else { continue };
            if !self.events.contains(&c.event) {
                continue;
            }
            let Some((from, to)) = period(&c.value) else { continue };
            // A summit is an event that took place.
            let same = |k: EventKind| k == c.event || (c.event == EventKind::TookPlace && k == EventKind::Summit);
            // Read again where needed, not collected: most claims agree.
            let events = || cx.ledger.events_of(c.entity).filter(|e| same(e.kind));
            let Some(first) = events().next() else {
                if cx.report_unverified {
                    let name = &cx.ledger.entity(c.entity).name;
                    out.unverified(c.value_span, format!("when {name} {}", c.event.verb()));
                }
                continue;
            };
            let agrees = events().any(|e| {
                let (lf, lt) = (e.date.first_day(), e.end.unwrap_or(e.date).last_day());
                from <= lt && lf <= to
            });
            if agrees {
                continue;
            }
            let entity = cx.ledger.entity(c.entity);
            let verb = c.event.verb();
            let ledger_date = first.date.human();
            let ledger_when = first.date.human_when();
            let mut r = Report::new(c.value_span)
                .var("entity", &entity.name)
                .var("event", verb)
                .var("claimed", cx.text(c.value_span))
                .label(c.value_span, ["the ledger gives ", &ledger_date].concat())
                .label(c.entity_span, entity.name.clone())
                .fact(
                    [&entity.name, " was ", verb, " ", &ledger_when].concat(),
                    &first.source,
                    first.origin,
                )
                .var("ledger_date", ledger_date)
                .var("ledger_when", ledger_when);
            if let Some(t) = c.trigger {
                r = r.label(t, "this event");
            }
            // Only a bare year is replaced: a year for a year is certain.
            let bare_year = matches!(c.value, TimexValue::Year { .. })
                && cx.text(c.value_span).len() == 4
                && events().nth(1).is_none();
            if bare_year {
                r = r.fix(c.value_span, first.date.year.to_string());
            }
            out.emit(r);
        }
    }
}
