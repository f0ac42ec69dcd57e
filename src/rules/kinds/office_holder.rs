//! office-holder: a person named with an office must hold it at the date the
//! sentence speaks of (a date it gives, else the document date).

use jiff::civil::Date;
use serde::Deserialize;

use super::human_date;
use crate::claims::{Claim, When};
use crate::ledger::{Ledger, OfficeId, Term};
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

/// The terms of `office` that cover `date`, if the ledger knows who held it then.
fn holders_on(ledger: &Ledger, office: OfficeId, date: Date) -> Option<Vec<&Term>> {
    let terms: Vec<&Term> = ledger.terms_of(office).filter(|t| t.covers(date)).collect();
    (!terms.is_empty() && terms.iter().all(|t| t.known_on(date))).then_some(terms)
}

fn overlaps(t: &Term, w: &When) -> bool {
    t.from.first_day() <= w.to && t.to.is_none_or(|to| w.from <= to.last_day())
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::OfficeHolder(c) = claim else { continue };
            let ledger = cx.ledger;
            let own_terms: Vec<&Term> = ledger.terms_of(c.office).filter(|t| t.holder == c.person).collect();
            if c.at.iter().any(|w| own_terms.iter().any(|t| overlaps(t, w))) {
                continue;
            }
            // Speak only when the ledger knows the holders at every date in question.
            let known = c.at.iter().all(|w| {
                holders_on(ledger, c.office, w.from).is_some() && holders_on(ledger, c.office, w.to).is_some()
            });
            if !known {
                if cx.report_unverified {
                    let (p, o) = (&ledger.entity(c.person).name, &ledger.office(c.office).name);
                    out.unverified(c.person_span, format!("whether {p} was {o} at that date"));
                }
                continue;
            }
            let when = c.at[0];
            let Some(holders) = holders_on(ledger, c.office, when.from) else {
                continue;
            };
            let office = ledger.office(c.office);
            let person = ledger.entity(c.person);
            let names: Vec<String> = holders.iter().map(|t| ledger.entity(t.holder).name.clone()).collect();
            let date_text = if when.from == when.to {
                format!("on {}", human_date(when.from))
            } else {
                format!("in {}", cx.text(when.span.unwrap_or_default()))
            };
            let term = holders[0];
            let mut r = Report::new(c.person_span)
                .var("person", person.name.clone())
                .var("office", office.name.clone())
                .var("date", date_text)
                .var("holder", names.join(" or "))
                .label(c.office_span, "this office")
                .fact(
                    format!(
                        "{} held the office of {} from {}{}",
                        names[0],
                        office.name,
                        term.from.human(),
                        term.to.map_or(String::new(), |t| format!(" to {}", t.human()))
                    ),
                    &term.source,
                    term.origin,
                );
            if let Some(s) = when.span {
                r = r.label(s, "at this date");
            }
            if let Some(t) = own_terms.first() {
                r = r.label(
                    c.person_span,
                    format!(
                        "{} held it from {}{}",
                        person.name,
                        t.from.human(),
                        t.to.map_or(String::new(), |to| format!(" to {}", to.human()))
                    ),
                );
            }
            if holders.len() == 1 && when.from == when.to {
                r = r.fix(c.person_span, names[0].clone());
            }
            out.emit(r);
        }
    }
}
