//! Reads ledger TOML files and resolves them into one indexed [`Ledger`]. Every
//! problem becomes an [`InputError`] pointing into the file; facts with errors are
//! dropped and the rest of the ledger still loads.

use std::collections::HashMap;
use std::sync::Arc;

use toml::Spanned;

use super::schema::*;
use super::*;
use crate::error::InputError;

struct Ctx<'a> {
    file: u16,
    path: &'a str,
    text: &'a Arc<str>,
}

impl<'a> Ctx<'a> {
    fn span<T>(&self, s: &Spanned<T>) -> Span {
        Span::from(s.span())
    }

    fn origin<T>(&self, s: &Spanned<T>) -> Origin {
        Origin {
            file: self.file,
            span: self.span(s),
        }
    }

    fn err<T>(&self, code: &'static str, at: &Spanned<T>, message: String, label: &str) -> InputError {
        InputError::new(code, self.path, format!("{}: {message}", self.path)).at(self.text, self.span(at), label)
    }

    fn date(&self, s: &Spanned<String>, errors: &mut Vec<InputError>) -> Option<LedgerDate> {
        let d = LedgerDate::parse(s.get_ref());
        if d.is_none() {
            errors.push(
                self.err(
                    "ledger::malformed-date",
                    s,
                    format!("`{}` is not a date", s.get_ref()),
                    "not a valid YYYY-MM-DD, YYYY-MM or YYYY date",
                )
                .with_help("write dates as \"1949-04-04\", \"1949-04\" or \"1949\""),
            );
        }
        d
    }

    fn source(&self, s: &Spanned<String>, errors: &mut Vec<InputError>) -> String {
        if s.get_ref().trim().is_empty() {
            errors.push(self.err(
                "ledger::missing-source",
                s,
                "a fact without a source".into(),
                "empty source",
            ));
        }
        s.get_ref().clone()
    }
}

/// Loads and merges ledger files given as `(path, text)`. Returns the ledger built
/// from every fact that is well-formed, and the errors found.
pub fn load(files: &[(String, Arc<str>)]) -> (Ledger, Vec<InputError>) {
    let mut errors = Vec::new();
    let mut ledger = Ledger::default();
    let mut parsed = Vec::new();
    for (i, (path, text)) in files.iter().enumerate() {
        ledger.files.push(LedgerFileText {
            path: path.clone(),
            text: text.clone(),
        });
        match crate::embedded_toml::from_str::<LedgerFile>(text) {
            Ok(f) => parsed.push((i as u16, f)),
            Err(e) => errors.push(InputError::from_toml("ledger::syntax", path, text, &e)),
        }
    }

    // Pass 1: everything that has an id.
    let mut first_seen: HashMap<String, (u16, Span)> = HashMap::new();
    for (file, f) in &parsed {
        let cx = ctx(files, *file);
        let mut claim_id = |id: &Spanned<String>, errors: &mut Vec<InputError>| -> bool {
            let key = id.get_ref().clone();
            if let Some((pfile, pspan)) = first_seen.get(&key) {
                let mut e = cx.err(
                    "ledger::duplicate-id",
                    id,
                    format!("the id `{key}` is defined twice"),
                    "defined again here",
                );
                if *pfile == *file {
                    e = e.with_related(*pspan, "first defined here");
                } else {
                    e = e.with_help(format!("first defined in {}", files[*pfile as usize].0));
                }
                errors.push(e);
                return false;
            }
            first_seen.insert(key, (*file, cx.span(id)));
            true
        };
        for e in &f.entity {
            if !claim_id(&e.id, &mut errors) {
                continue;
            }
            let complete_membership = e.complete_membership.as_ref().and_then(|d| cx.date(d, &mut errors));
            let source = cx.source(&e.source, &mut errors);
            ledger
                .entity_ids
                .insert(e.id.get_ref().clone(), ledger.entities.len() as EntityId);
            ledger.entities.push(Entity {
                id: e.id.get_ref().clone(),
                name: e.name.get_ref().clone(),
                kind: e.kind,
                aliases: e.aliases.iter().map(|a| a.get_ref().clone()).collect(),
                acronym: e.acronym.as_ref().map(|a| a.get_ref().clone()),
                member_nouns: e.member_nouns.iter().map(|a| a.get_ref().clone()).collect(),
                anaphora: e.anaphora.iter().map(|a| a.get_ref().clone()).collect(),
                complete_membership,
                source,
                origin: cx.origin(&e.id),
            });
        }
        for o in &f.office {
            if !claim_id(&o.id, &mut errors) {
                continue;
            }
            ledger
                .office_ids
                .insert(o.id.get_ref().clone(), ledger.offices.len() as OfficeId);
            ledger.offices.push(Office {
                id: o.id.get_ref().clone(),
                name: o.name.get_ref().clone(),
                of: EntityId::MAX,
                aliases: o.aliases.iter().map(|a| a.get_ref().clone()).collect(),
                source: cx.source(&o.source, &mut errors),
                origin: cx.origin(&o.id),
            });
        }
        for s in &f.series {
            if !claim_id(&s.id, &mut errors) {
                continue;
            }
            ledger
                .series_ids
                .insert(s.id.get_ref().clone(), ledger.series.len() as SeriesId);
            ledger.series.push(Series {
                id: s.id.get_ref().clone(),
                name: s.name.get_ref().clone(),
                of: EntityId::MAX,
                aliases: s.aliases.iter().map(|a| a.get_ref().clone()).collect(),
                period: s.period,
                source: cx.source(&s.source, &mut errors),
                origin: cx.origin(&s.id),
            });
        }
    }

    // Pass 2: facts that refer to ids.
    for (file, f) in &parsed {
        let cx = ctx(files, *file);
        let entity = |r: &Spanned<String>, errors: &mut Vec<InputError>| -> Option<EntityId> {
            let id = ledger.entity_ids.get(r.get_ref()).copied();
            if id.is_none() {
                errors.push(dangling(&cx, r, "entity", ledger.entity_ids.keys()));
            }
            id
        };
        let mut offices_of = Vec::new();
        for o in &f.office {
            if let (Some(oid), Some(of)) = (
                ledger.office_ids.get(o.id.get_ref()).copied(),
                entity(&o.of, &mut errors),
            ) {
                offices_of.push((oid, of));
            }
        }
        let mut series_of = Vec::new();
        for s in &f.series {
            if let (Some(sid), Some(of)) = (
                ledger.series_ids.get(s.id.get_ref()).copied(),
                entity(&s.of, &mut errors),
            ) {
                series_of.push((sid, of));
            }
        }
        let mut events = Vec::new();
        for e in &f.event {
            let (Some(id), Some(date)) = (entity(&e.entity, &mut errors), cx.date(&e.date, &mut errors)) else {
                continue;
            };
            let end = e.end.as_ref().and_then(|d| cx.date(d, &mut errors));
            events.push(Event {
                entity: id,
                kind: e.kind,
                date,
                end,
                place: e.place.clone(),
                anchor: e.anchor,
                source: cx.source(&e.source, &mut errors),
                origin: cx.origin(&e.entity),
            });
        }
        let mut memberships = Vec::new();
        for m in &f.membership {
            let member = entity(&m.member, &mut errors);
            let of = entity(&m.of, &mut errors);
            let from = cx.date(&m.from, &mut errors);
            let to = m.to.as_ref().map(|d| cx.date(d, &mut errors));
            let (Some(member), Some(of), Some(from), None | Some(Some(_))) = (member, of, from, to) else {
                continue;
            };
            memberships.push(Membership {
                member,
                of,
                from,
                to: to.flatten(),
                founding: m.founding,
                source: cx.source(&m.source, &mut errors),
                origin: cx.origin(&m.member),
            });
        }
        let mut terms = Vec::new();
        for t in &f.term {
            let office = ledger.office_ids.get(t.office.get_ref()).copied();
            if office.is_none() {
                errors.push(dangling(&cx, &t.office, "office", ledger.office_ids.keys()));
            }
            let holder = entity(&t.holder, &mut errors);
            let from = cx.date(&t.from, &mut errors);
            let to = t.to.as_ref().map(|d| cx.date(d, &mut errors));
            let checked = t.checked.as_ref().map(|d| cx.date(d, &mut errors));
            if t.to.is_none() && t.checked.is_none() {
                errors.push(
                    cx.err(
                        "ledger::open-term-unchecked",
                        &t.holder,
                        "an open-ended term needs a `checked` date".into(),
                        "no `to` and no `checked`",
                    )
                    .with_help(
                        "add `checked = \"YYYY-MM-DD\"`: the last day the holder is known to have been in office",
                    ),
                );
            }
            let (Some(office), Some(holder), Some(from), None | Some(Some(_)), None | Some(Some(_))) =
                (office, holder, from, to, checked)
            else {
                continue;
            };
            terms.push(Term {
                office,
                holder,
                from,
                to: to.flatten(),
                checked: checked.flatten(),
                source: cx.source(&t.source, &mut errors),
                origin: cx.origin(&t.holder),
            });
        }
        let mut positions = Vec::new();
        for p in &f.position {
            let series = ledger.series_ids.get(p.series.get_ref()).copied();
            if series.is_none() {
                errors.push(dangling(&cx, &p.series, "series", ledger.series_ids.keys()));
            }
            let holder = entity(&p.holder, &mut errors);
            let interval = position_interval(&cx, p, &mut errors);
            let (Some(series), Some(holder), Some((from, to))) = (series, holder, interval) else {
                continue;
            };
            positions.push(Position {
                series,
                holder,
                from,
                to,
                source: cx.source(&p.source, &mut errors),
                origin: cx.origin(&p.holder),
            });
        }
        let mut counts = Vec::new();
        for c in &f.count {
            let id = entity(&c.entity, &mut errors);
            let from = cx.date(&c.from, &mut errors);
            let to = c.to.as_ref().map(|d| cx.date(d, &mut errors));
            let value = u32::try_from(*c.value.get_ref()).ok();
            if value.is_none() {
                errors.push(cx.err(
                    "ledger::bad-count",
                    &c.value,
                    "a count must be a non-negative number".into(),
                    "here",
                ));
            }
            let (Some(entity), Some(from), Some(value), None | Some(Some(_))) = (id, from, value, to) else {
                continue;
            };
            counts.push(Count {
                entity,
                what: c.what.get_ref().clone(),
                value,
                from,
                to: to.flatten(),
                source: cx.source(&c.source, &mut errors),
                origin: cx.origin(&c.entity),
            });
        }
        for (oid, of) in offices_of {
            ledger.offices[oid as usize].of = of;
        }
        for (sid, of) in series_of {
            ledger.series[sid as usize].of = of;
        }
        ledger.events.extend(events);
        ledger.memberships.extend(memberships);
        ledger.terms.extend(terms);
        ledger.positions.extend(positions);
        ledger.counts.extend(counts);
    }
    // An office or series whose `of` did not resolve cannot be used.
    ledger
        .terms
        .retain(|t| ledger.offices[t.office as usize].of != EntityId::MAX);
    ledger
        .positions
        .retain(|p| ledger.series[p.series as usize].of != EntityId::MAX);
    ledger.index();
    (ledger, errors)
}

fn ctx(files: &[(String, Arc<str>)], file: u16) -> Ctx<'_> {
    let (path, text) = &files[file as usize];
    Ctx { file, path, text }
}

fn dangling<'a>(cx: &Ctx<'_>, r: &Spanned<String>, what: &str, known: impl Iterator<Item = &'a String>) -> InputError {
    let name = r.get_ref();
    let mut e = cx.err(
        "ledger::dangling-reference",
        r,
        format!("no {what} has the id `{name}`"),
        &format!("unknown {what}"),
    );
    if let Some(best) = crate::suggest::closest(name, known) {
        e = e.with_help(format!("did you mean `{best}`?"));
    }
    e
}

fn position_interval(
    cx: &Ctx<'_>,
    p: &PositionDef,
    errors: &mut Vec<InputError>,
) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    match (&p.year, &p.from, &p.to) {
        (Some(y), None, None) => {
            let year = i16::try_from(*y.get_ref()).ok().filter(|y| (1..=9999).contains(y));
            if year.is_none() {
                errors.push(cx.err("ledger::malformed-date", y, "not a year".into(), "here"));
            }
            let year = year?;
            let d = LedgerDate {
                year,
                month: None,
                day: None,
            };
            Some((d.first_day(), d.last_day()))
        }
        (None, Some(from), Some(to)) => {
            let from = cx.date(from, errors)?;
            let to = cx.date(to, errors)?;
            Some((from.first_day(), to.last_day()))
        }
        _ => {
            errors.push(cx.err(
                "ledger::position-interval",
                &p.holder,
                "a position needs either `year` or both `from` and `to`".into(),
                "this position",
            ));
            None
        }
    }
}
