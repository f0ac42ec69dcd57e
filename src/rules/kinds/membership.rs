//! membership: accession dates and founding membership of a body.

use serde::Deserialize;

use super::human_date;
use crate::claims::{Claim, period};
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "membership",
    doc: "\
## What it checks
Membership claims against the ledger's `[[membership]]`s: when a country joined a body
(\"Finland, which joined NATO in 2023\"), and whether it is a founding member (\"Sweden,
a founding member of NATO\", \"NATO, of which our two countries are founding members\",
\"the founding members of NATO, alongside the United States and France\").

## Why
Accession years and founding membership are repeated from memory in anniversary and
enlargement statements, and they are easy to get wrong by one round.

## Example
In any document: \"Finland, which joined NATO in 2022\" → Finland joined NATO on 4 April
2023 (fix: 2023). \"Türkiye, a founding member of NATO\" → Türkiye joined NATO on 18
February 1952; it is not a founding member.

## Parameters
- `claims`: `\"joined\"` (accession dates) or `\"founding\"` (founding membership).

A founding claim about a country the ledger has no membership for is checked only when
the body's membership list is complete (`complete_membership`).",
    vars: &["member", "body", "claimed", "joined"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Which {
    Joined,
    Founding,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    claims: Which,
}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for claim in cx.claims {
            let Claim::Membership(c) = claim else { continue };
            let ledger = cx.ledger;
            let ms: Vec<_> = ledger
                .memberships
                .iter()
                .filter(|m| m.member == c.member && m.of == c.body)
                .collect();
            let member = ledger.entity(c.member);
            let body = ledger.entity(c.body);
            match (&self.claims, &c.joined) {
                (Which::Joined, Some((value, span))) => {
                    let Some((from, to)) = period(value) else { continue };
                    let Some(first) = ms.first() else {
                        if cx.report_unverified {
                            out.unverified(*span, format!("when {} joined {}", member.name, body.name));
                        }
                        continue;
                    };
                    if ms.iter().any(|m| m.from.first_day() <= to && from <= m.from.last_day()) {
                        continue;
                    }
                    let mut r = Report::new(*span)
                        .var("member", member.name.clone())
                        .var("body", body.name.clone())
                        .var("claimed", cx.text(*span))
                        .var("joined", first.from.human())
                        .label(*span, format!("the ledger gives {}", first.from.human()))
                        .label(c.body_span, body.name.clone())
                        .fact(
                            format!("{} joined {} on {}", member.name, body.name, first.from.human()),
                            &first.source,
                            first.origin,
                        );
                    if cx.text(*span).len() == 4 && ms.len() == 1 {
                        r = r.fix(*span, first.from.year.to_string());
                    }
                    out.emit(r);
                }
                (Which::Founding, None) if c.founding => {
                    if ms.iter().any(|m| m.founding) {
                        continue;
                    }
                    let complete = body.complete_membership.is_some();
                    let Some(first) = ms.first() else {
                        if complete && let Some(any) = ledger.memberships_in(c.body).find(|m| m.founding) {
                            out.emit(
                                Report::new(c.member_span)
                                    .var("member", member.name.clone())
                                    .var("body", body.name.clone())
                                    .var("claimed", "founding member")
                                    .var("joined", "never")
                                    .label(c.member_span, format!("not a member of {}", body.name))
                                    .fact(
                                        format!(
                                            "the ledger lists every member of {}; {} is not one",
                                            body.name, member.name
                                        ),
                                        &any.source,
                                        any.origin,
                                    ),
                            );
                        }
                        continue;
                    };
                    out.emit(
                        Report::new(c.member_span)
                            .var("member", member.name.clone())
                            .var("body", body.name.clone())
                            .var("claimed", "founding member")
                            .var("joined", human_date(first.from.first_day()))
                            .label(c.member_span, format!("joined on {}", first.from.human()))
                            .label(c.body_span, body.name.clone())
                            .fact(
                                format!("{} joined {} on {}", member.name, body.name, first.from.human()),
                                &first.source,
                                first.origin,
                            ),
                    );
                }
                _ => {}
            }
        }
    }
}
