//! office-holder: a person named with an office must hold it at the date the
//! sentence speaks of (a date it gives, else the document date).

use jiff::civil::Date;
use serde::Deserialize;

use super::{join_names, push_from_to};
use crate::claims::{Claim, When};
use crate::ledger::{Ledger, LedgerDate, OfficeId, Term};
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "office-holder",
    doc: "\
## What it checks
A person named with an office — \"Stephen Harper, Prime Minister of Canada\", \"French
President Emmanuel Macron\" — against the ledger's terms of that office, at the
dates the sentence gives or, when it gives none, at the document date.

## Why
Titles outlive their holders in templates and boilerplate; a statement that names the
wrong Prime Minister is an embarrassment that spell-checkers cannot see.

## Example
In a document dated 26 September 2024: \"Stephen Harper, Prime Minister of Canada\" →
Justin Trudeau was Prime Minister of Canada on 26 September 2024 (fix: Justin
Trudeau).

## Parameters
None. Words such as \"former\", \"then\", \"late\" or \"incoming\" before the title
turn the check off for that mention; after an open term's `checked` date the ledger
does not know the holder and the check is silent.",
    vars: &["person", "office", "date", "holder"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

/// Whether the ledger knows who held `office` on `date`: some term covers it and
/// every term that does is known then. Asked for every claim, most of which agree:
/// no list of the terms is made.
fn known_on(ledger: &Ledger, office: OfficeId, date: Date) -> bool {
    let mut any = false;
    for t in ledger.terms_of(office).filter(|t| t.covers(date)) {
        if !t.known_on(date) {
            return false;
        }
        any = true;
    }
    any
}

fn overlaps(t: &Term, w: &When) -> bool {
    t.from.first_day() <= w.to && t.to.is_none_or(|to| w.from <= to.last_day())
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::OfficeHolder(c) = claim else { continue };
            let ledger = cx.ledger;
            let own_terms = || ledger.terms_of(c.office).filter(|t| t.holder == c.person);
            if c.at.iter().any(|w| own_terms().any(|t| overlaps(t, w))) {
                continue;
            }
            // Speak only when the ledger knows the holders at every date in question.
            let known =
                c.at.iter()
                    .all(|w| known_on(ledger, c.office, w.from) && known_on(ledger, c.office, w.to));
            if !known {
                if cx.report_unverified {
                    let (p, o) = (&ledger.entity(c.person).name, &ledger.office(c.office).name);
                    out.unverified(c.person_span, format!("whether {p} was {o} at that date"));
                }
                continue;
            }
            let Some(&when) = c.at.first() else { continue };
            let holders = || ledger.terms_of(c.office).filter(|t| t.covers(when.from));
            let Some(term) = holders().next() else { continue };
            let office = ledger.office(c.office);
            let person = ledger.entity(c.person);
            let holder = &ledger.entity(term.holder).name;
            let date_text = if when.from == when.to {
                LedgerDate::from_date(when.from).human_when()
            } else {
                ["in ", cx.text(when.span.unwrap_or_default())].concat()
            };
            let mut fact = String::with_capacity(128);
            for part in [holder, " held the office of ", &office.name] {
                fact.push_str(part);
            }
            push_from_to(&mut fact, term.from, term.to);
            let mut r = Report::new(c.person_span)
                .var("person", &person.name)
                .var("office", &office.name)
                .var("date", date_text)
                .var(
                    "holder",
                    join_names(holders().map(|t| ledger.entity(t.holder).name.as_str()), " or "),
                )
                .label(c.office_span, "this office")
                .fact(fact, &term.source, term.origin);
            if let Some(s) = when.span {
                r = r.label(s, "at this date");
            }
            if let Some(t) = own_terms().next() {
                let mut label = String::with_capacity(80);
                label.push_str(&person.name);
                label.push_str(" held it");
                push_from_to(&mut label, t.from, t.to);
                r = r.label(c.person_span, label);
            }
            if when.from == when.to && holders().nth(1).is_none() {
                r = r.fix(c.person_span, holder.as_str());
            }
            out.emit(r);
        }
    }
}
