//! `factlint ledger check`: consistency checks over a loaded ledger, beyond what
//! loading already rejects (syntax, unknown keys, malformed dates, dangling ids).

use std::collections::HashMap;

use super::*;
use crate::error::InputError;

/// Duplicate aliases, overlapping terms, intervals that end before they start, and
/// gaps in yearly series (a warning: a series may rightly start late).
pub fn validate(ledger: &Ledger) -> Vec<InputError> {
    let mut errors = Vec::new();
    let at = |origin: Origin, code: &'static str, message: String, label: &str| {
        let f = &ledger.files[origin.file as usize];
        InputError::new(code, &f.path, format!("{}: {message}", f.path)).at(&f.text, origin.span, label)
    };

    // One name, one thing: an alias claimed by two entities makes mentions ambiguous.
    let mut names: HashMap<&str, (usize, Origin)> = HashMap::new();
    for (i, e) in ledger.entities.iter().enumerate() {
        let mut own: Vec<&str> = vec![e.name.as_str()];
        own.extend(e.aliases.iter().map(String::as_str));
        own.sort_unstable();
        own.dedup();
        for n in own {
            match names.get(n) {
                Some((j, first)) if *j != i => {
                    let other = &ledger.entities[*j];
                    let mut err = at(
                        e.origin,
                        "ledger::duplicate-alias",
                        format!("the name `{n}` is claimed by `{}` and `{}`", other.id, e.id),
                        "this entity claims it too",
                    );
                    if first.file == e.origin.file {
                        err = err.with_related(first.span, "first claimed here");
                    }
                    errors.push(err);
                }
                Some(_) => {}
                None => {
                    names.insert(n, (i, e.origin));
                }
            }
        }
    }

    for t in &ledger.terms {
        if let Some(to) = t.to
            && to.last_day() < t.from.first_day()
        {
            errors.push(at(
                t.origin,
                "ledger::reversed-interval",
                format!("term ends ({to}) before it starts ({})", t.from),
                "this term",
            ));
        }
    }
    for m in &ledger.memberships {
        if let Some(to) = m.to
            && to.last_day() < m.from.first_day()
        {
            errors.push(at(
                m.origin,
                "ledger::reversed-interval",
                format!("membership ends ({to}) before it starts ({})", m.from),
                "this membership",
            ));
        }
    }

    // Terms of one office may touch (handover day) but not overlap.
    for (oid, office) in ledger.offices.iter().enumerate() {
        let mut terms: Vec<&Term> = ledger.terms_of(oid as OfficeId).collect();
        terms.sort_by_key(|t| t.from);
        for pair in terms.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let a_end = a.to.map_or(jiff::civil::Date::MAX, |d| d.last_day());
            if a_end > b.from.first_day() {
                let name = |t: &Term| ledger.entity(t.holder).name.clone();
                let mut err = at(
                    b.origin,
                    "ledger::overlapping-terms",
                    format!(
                        "terms of {} overlap: {} from {} and {} until {}",
                        office.name,
                        name(b),
                        b.from,
                        name(a),
                        a.to.map_or("(open)".to_string(), |d| d.to_string())
                    ),
                    "this term starts before the previous one ends",
                );
                if a.origin.file == b.origin.file {
                    err = err.with_related(a.origin.span, "previous term");
                }
                errors.push(err);
            }
        }
    }

    // Yearly series: every year between the first and last is held by someone once.
    for (sid, series) in ledger.series.iter().enumerate() {
        let mut positions: Vec<&Position> = ledger.positions_of(sid as SeriesId).collect();
        positions.sort_by_key(|p| p.from);
        for pair in positions.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.from <= a.to {
                let mut err = at(
                    b.origin,
                    "ledger::overlapping-positions",
                    format!("{} positions overlap: {} and {}", series.name, a.from, b.from),
                    "overlaps the previous position",
                );
                if a.origin.file == b.origin.file {
                    err = err.with_related(a.origin.span, "previous position");
                }
                errors.push(err);
            } else if a.to.tomorrow().ok() != Some(b.from) {
                errors.push(
                    at(
                        b.origin,
                        "ledger::series-gap",
                        format!("{} has a gap between {} and {}", series.name, a.to, b.from),
                        "the previous position ends before the day before this one",
                    )
                    .with_help("a gap is allowed where the facts are unsure; it leaves those dates unchecked")
                    .warning(),
                );
            }
        }
    }
    errors
}
