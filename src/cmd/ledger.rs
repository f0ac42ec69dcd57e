//! `factlint ledger check` and `factlint ledger show`.

use std::fmt::Write as _;
use std::path::PathBuf;

use factlint::check::embedded;
use factlint::ledger::{Found, Ledger};

use super::*;

pub fn check(files: &[PathBuf], no_default: bool, strict: bool) -> u8 {
    let mut errors = Vec::new();
    let mut texts = if no_default {
        Vec::new()
    } else {
        embedded(factlint::ledger::EMBEDDED)
    };
    texts.extend(factlint::check::read_all(files.iter().cloned(), &mut errors));
    let (ledger, load_errors) = factlint::ledger::load(&texts);
    errors.extend(load_errors);
    errors.extend(factlint::ledger::validate(&ledger));
    print_errors(&errors);
    let hard = errors.iter().filter(|e| !e.warning).count();
    let warnings = errors.len() - hard;
    let summary = format!(
        "{} ledger {}: {} entities, {} events, {} memberships, {} offices, {} terms, {} series, {} positions, {} counts; {hard} {}, {warnings} {}.\n",
        texts.len(),
        if texts.len() == 1 { "file" } else { "files" },
        ledger.entities.len(),
        ledger.events.len(),
        ledger.memberships.len(),
        ledger.offices.len(),
        ledger.terms.len(),
        ledger.series.len(),
        ledger.positions.len(),
        ledger.counts.len(),
        if hard == 1 { "error" } else { "errors" },
        if warnings == 1 { "warning" } else { "warnings" },
    );
    emit(&summary);
    if hard > 0 || (strict && warnings > 0) {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

pub fn show(name: &str, sources: &Sources) -> u8 {
    let (engine, errors) = engine(sources);
    if !errors.is_empty() {
        print_errors(&errors);
        return EXIT_ERROR;
    }
    let ledger = &engine.ledger;
    let found = ledger.find(name);
    if found.is_empty() {
        eprintln!("error: the ledger has no entity, office or series called `{name}`");
        return EXIT_ERROR;
    }
    let mut out = String::new();
    for f in found {
        describe(ledger, f, &mut out);
    }
    emit(&out);
    EXIT_OK
}

fn describe(ledger: &Ledger, found: Found, out: &mut String) {
    let until = |to: Option<factlint::ledger::LedgerDate>| to.map_or("present".to_string(), |d| d.to_string());
    match found {
        Found::Entity(id) => {
            let e = ledger.entity(id);
            let _ = writeln!(out, "{} ({}, {:?})", e.name, e.id, e.kind);
            if !e.aliases.is_empty() {
                let _ = writeln!(out, "  aliases: {}", e.aliases.join(", "));
            }
            if let Some(a) = &e.acronym {
                let _ = writeln!(out, "  acronym: {a}");
            }
            let _ = writeln!(out, "  source: {}", e.source);
            for ev in ledger.events_of(id) {
                let end = ev.end.map_or(String::new(), |d| format!(" to {d}"));
                let place = ev.place.as_deref().map_or(String::new(), |p| format!(" in {p}"));
                let _ = writeln!(out, "  {:?} {}{end}{place}  [{}]", ev.kind, ev.date, ev.source);
            }
            for m in ledger.memberships.iter().filter(|m| m.member == id) {
                let founding = if m.founding { " (founding member)" } else { "" };
                let _ = writeln!(
                    out,
                    "  member of {} from {} to {}{founding}  [{}]",
                    ledger.entity(m.of).name,
                    m.from,
                    until(m.to),
                    m.source
                );
            }
            let members: Vec<_> = ledger.memberships_in(id).collect();
            if !members.is_empty() {
                let _ = writeln!(out, "  members: {}", members.len());
                for m in members {
                    let _ = writeln!(
                        out,
                        "    {} from {} to {}  [{}]",
                        ledger.entity(m.member).name,
                        m.from,
                        until(m.to),
                        m.source
                    );
                }
            }
            for t in ledger.terms.iter().filter(|t| t.holder == id) {
                let _ = writeln!(
                    out,
                    "  {} from {} to {}  [{}]",
                    ledger.office(t.office).name,
                    t.from,
                    until(t.to),
                    t.source
                );
            }
            for p in ledger.positions.iter().filter(|p| p.holder == id) {
                let _ = writeln!(
                    out,
                    "  {} {} to {}  [{}]",
                    ledger.series_by_id(p.series).name,
                    p.from,
                    p.to,
                    p.source
                );
            }
        }
        Found::Office(id) => {
            let o = ledger.office(id);
            let _ = writeln!(out, "{} ({}), office of {}", o.name, o.id, ledger.entity(o.of).name);
            let _ = writeln!(out, "  source: {}", o.source);
            let mut terms: Vec<_> = ledger.terms_of(id).collect();
            terms.sort_by_key(|t| t.from);
            for t in terms {
                let checked = t.checked.map_or(String::new(), |c| format!(" (checked {c})"));
                let _ = writeln!(
                    out,
                    "  {} from {} to {}{checked}  [{}]",
                    ledger.entity(t.holder).name,
                    t.from,
                    until(t.to),
                    t.source
                );
            }
        }
        Found::Series(id) => {
            let s = ledger.series_by_id(id);
            let _ = writeln!(out, "{} ({}), of {}", s.name, s.id, ledger.entity(s.of).name);
            let mut ps: Vec<_> = ledger.positions_of(id).collect();
            ps.sort_by_key(|p| p.from);
            for p in ps {
                let _ = writeln!(
                    out,
                    "  {} to {}: {}  [{}]",
                    p.from,
                    p.to,
                    ledger.entity(p.holder).name,
                    p.source
                );
            }
        }
    }
}
