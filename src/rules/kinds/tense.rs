//! tense: future tense for a past date, past tense for a future date.

use serde::Deserialize;

use super::human_date;
use crate::claims::Claim;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};

pub const INFO: KindInfo = KindInfo {
    name: "tense",
    doc: "\
## What it checks
A verb's tense against the document date: \"will\" with a date that is already past
(\"the UK will host the NATO Summit in Wales in 2014\" in a 2018 document), or an event
verb in the past tense with a date still to come (\"Allies signed the protocols on 5
July 2022\" in a document dated 30 June 2022).

## Why
Drafts written before an event and published after it (or the reverse) keep the
wrong tense.

## Example
In a document dated 12 July 2018: \"the UK will host the NATO Summit in Wales in 2014\"
→ 2014 is before the document date.

## Parameters
None. The date must be attached to the verb (\"in\", \"on\", \"from\", \"during\" within
the clause, with no \"which\", \"since\", \"anniversary\" or participle between), and
only a list of event verbs is checked in the past tense.",
    vars: &["verb", "date", "doc_date", "tense", "tense_relation"],
    parse: parse::<Params>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

impl Check for Params {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        let Some(today) = cx.doc_date() else { return };
        for claim in cx.claims {
            let Claim::Tense(c) = claim else { continue };
            let (tense, relation) = if c.future {
                ("future", "before")
            } else {
                ("past", "after")
            };
            let doc_date = human_date(today);
            out.emit(
                Report::new(c.verb_span)
                    .var("verb", cx.text(c.verb_span))
                    .var("date", cx.text(c.value_span))
                    .var("tense", tense)
                    .var(
                        "tense_relation",
                        if c.future { "already past" } else { "still to come" },
                    )
                    .label(c.verb_span, [tense, " tense"].concat())
                    .label(c.value_span, [relation, " the document date, ", &doc_date].concat())
                    .var("doc_date", doc_date),
            );
        }
    }
}
