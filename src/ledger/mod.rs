//! The reference ledger: entities and the dated facts about them, merged from TOML
//! files. Each fact keeps its source and where it was written (file and span), so a
//! diagnostic can cite it and point into the ledger.

mod date;
mod load;
pub mod schema;
mod validate;

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

pub use date::{LedgerDate, MONTH_NAMES, month_name};
pub use load::load;
pub use schema::{EntityKind, EventKind, Period};
pub use validate::validate;

use crate::span::Span;

/// The ledger files embedded in the binary (every `ledger/*.toml`): the default ledger.
pub const EMBEDDED: &[(&str, &str)] = crate::embedded::LEDGER;

pub type EntityId = u32;
pub type OfficeId = u32;
pub type SeriesId = u32;

/// Where a fact is written: ledger file index and byte span of its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: u16,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct LedgerFileText {
    pub path: String,
    pub text: Arc<str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub acronym: Option<String>,
    pub member_nouns: Vec<String>,
    /// Short names ("Alliance") that refer to the entity only in a document that
    /// also names it in full.
    pub anaphora: Vec<String>,
    pub complete_membership: Option<LedgerDate>,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub entity: EntityId,
    pub kind: EventKind,
    pub date: LedgerDate,
    pub end: Option<LedgerDate>,
    pub place: Option<String>,
    pub anchor: bool,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub member: EntityId,
    pub of: EntityId,
    pub from: LedgerDate,
    pub to: Option<LedgerDate>,
    pub founding: bool,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub of: EntityId,
    pub aliases: Vec<String>,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub office: OfficeId,
    pub holder: EntityId,
    pub from: LedgerDate,
    pub to: Option<LedgerDate>,
    pub checked: Option<LedgerDate>,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub id: String,
    pub name: String,
    pub of: EntityId,
    pub aliases: Vec<String>,
    pub period: Period,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Position {
    pub series: SeriesId,
    pub holder: EntityId,
    /// First and last day held.
    pub from: Date,
    pub to: Date,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub entity: EntityId,
    pub what: String,
    pub value: u32,
    pub from: LedgerDate,
    pub to: Option<LedgerDate>,
    pub source: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// The merged ledger, indexed for the checks.
#[derive(Debug, Default)]
pub struct Ledger {
    pub files: Vec<LedgerFileText>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub memberships: Vec<Membership>,
    pub offices: Vec<Office>,
    pub terms: Vec<Term>,
    pub series: Vec<Series>,
    pub positions: Vec<Position>,
    pub counts: Vec<Count>,
    entity_ids: HashMap<String, EntityId>,
    office_ids: HashMap<String, OfficeId>,
    series_ids: HashMap<String, SeriesId>,
    /// The records of each entity, office or series, built by [`Ledger::index`]:
    /// the checks ask per mention and per claim, and scans of every record made a
    /// check slower with the size of the ledger.
    events_by_entity: ByKey,
    terms_by_office: ByKey,
    positions_by_series: ByKey,
    memberships_by_body: ByKey,
    offices_by_of: ByKey,
    /// Acronym -> the first entity with it, built with the event index (`None`
    /// before).
    by_acronym: Option<HashMap<String, EntityId>>,
}

/// The result of a lookup: the answer and the fact that gives it.
#[derive(Debug, Clone, Copy)]
pub struct Fact<'l, T> {
    pub value: &'l T,
    pub source: &'l str,
    pub origin: Origin,
}

impl Ledger {
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }

    pub fn office(&self, id: OfficeId) -> &Office {
        &self.offices[id as usize]
    }

    pub fn series_by_id(&self, id: SeriesId) -> &Series {
        &self.series[id as usize]
    }

    pub fn entity_id(&self, id: &str) -> Option<EntityId> {
        self.entity_ids.get(id).copied()
    }

    pub fn office_id(&self, id: &str) -> Option<OfficeId> {
        self.office_ids.get(id).copied()
    }

    pub fn series_id(&self, id: &str) -> Option<SeriesId> {
        self.series_ids.get(id).copied()
    }

    /// Finds an entity, office or series by id, name or alias (for `ledger show`).
    pub fn find(&self, query: &str) -> Vec<Found> {
        let q = query.to_lowercase();
        let hit = |id: &str, name: &str, aliases: &[String]| {
            id == q || name.to_lowercase() == q || aliases.iter().any(|a| a.to_lowercase() == q)
        };
        let mut out = Vec::new();
        for (i, e) in self.entities.iter().enumerate() {
            if hit(&e.id, &e.name, &e.aliases) || e.acronym.as_deref().is_some_and(|a| a.to_lowercase() == q) {
                out.push(Found::Entity(i as EntityId));
            }
        }
        for (i, o) in self.offices.iter().enumerate() {
            if hit(&o.id, &o.name, &o.aliases) {
                out.push(Found::Office(i as OfficeId));
            }
        }
        for (i, s) in self.series.iter().enumerate() {
            if hit(&s.id, &s.name, &s.aliases) {
                out.push(Found::Series(i as SeriesId));
            }
        }
        out
    }

    /// The events of an entity, in ledger order.
    pub fn events_of(&self, entity: EntityId) -> impl Iterator<Item = &Event> {
        self.events_by_entity.records(&self.events, entity, |e| e.entity)
    }

    /// The first entity (in ledger order) whose acronym is `acronym`. A map once the
    /// ledger is indexed: a rule asks for every acronym a document defines, and a
    /// scan would make a check slower with the size of the ledger.
    pub fn entity_by_acronym(&self, acronym: &str) -> Option<&Entity> {
        match &self.by_acronym {
            Some(index) => index.get(acronym).and_then(|&id| self.entities.get(id as usize)),
            None => self.entities.iter().find(|e| e.acronym.as_deref() == Some(acronym)),
        }
    }

    /// Builds the per-key record indices and the acronym index; the loader calls it
    /// once the ledger is merged.
    pub fn index(&mut self) {
        let mut by_acronym = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            if let Some(a) = &e.acronym {
                by_acronym.entry(a.clone()).or_insert(i as EntityId);
            }
        }
        self.by_acronym = Some(by_acronym);
        let (entities, offices, series) = (self.entities.len(), self.offices.len(), self.series.len());
        self.events_by_entity = ByKey::new(entities, self.events.iter().map(|e| e.entity));
        self.terms_by_office = ByKey::new(offices, self.terms.iter().map(|t| t.office));
        self.positions_by_series = ByKey::new(series, self.positions.iter().map(|p| p.series));
        self.memberships_by_body = ByKey::new(entities, self.memberships.iter().map(|m| m.of));
        self.offices_by_of = ByKey::new(entities, self.offices.iter().map(|o| o.of));
    }

    /// The event anniversaries of `entity` count from: the one marked `anchor`, else
    /// the earliest.
    pub fn anchor_event(&self, entity: EntityId) -> Option<&Event> {
        self.events_of(entity)
            .find(|e| e.anchor)
            .or_else(|| self.events_of(entity).min_by_key(|e| e.date))
    }

    pub fn terms_of(&self, office: OfficeId) -> impl Iterator<Item = &Term> {
        self.terms_by_office.records(&self.terms, office, |t| t.office)
    }

    pub fn positions_of(&self, series: SeriesId) -> impl Iterator<Item = &Position> {
        self.positions_by_series.records(&self.positions, series, |p| p.series)
    }

    pub fn memberships_in(&self, body: EntityId) -> impl Iterator<Item = &Membership> {
        self.memberships_by_body.records(&self.memberships, body, |m| m.of)
    }

    /// The offices whose `of` is the given country or body.
    pub fn offices_of(&self, of: EntityId) -> impl Iterator<Item = (OfficeId, &Office)> {
        match self.offices_by_of.ids(self.offices.len(), of) {
            Some(ids) => Either::Indexed(ids.iter().map(|&i| (i, &self.offices[i as usize]))),
            None => Either::Scan(
                self.offices
                    .iter()
                    .enumerate()
                    .filter(move |(_, o)| o.of == of)
                    .map(|(i, o)| (i as OfficeId, o)),
            ),
        }
    }

    /// The file a fact was written in, for diagnostics that point into the ledger.
    pub fn file(&self, origin: Origin) -> Option<&LedgerFileText> {
        self.files.get(origin.file as usize)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Entity(EntityId),
    Office(OfficeId),
    Series(SeriesId),
}

impl Term {
    /// Whether the holder was certainly in office on `date` (both boundary days count).
    pub fn covers(&self, date: Date) -> bool {
        self.from.first_day() <= date && self.to.is_none_or(|to| date <= to.last_day())
    }

    /// Whether the ledger knows who held the office on `date` through this term: past
    /// an open term's `checked` date it does not.
    pub fn known_on(&self, date: Date) -> bool {
        match (self.to, self.checked) {
            (Some(_), _) => true,
            (None, Some(checked)) => date <= checked.last_day(),
            (None, None) => false,
        }
    }
}

impl Membership {
    pub fn covers(&self, date: Date) -> bool {
        self.from.first_day() <= date && self.to.is_none_or(|to| date <= to.last_day())
    }
}

/// Indices of records (events, terms, ...) per key (an entity, office or series id),
/// in ledger order. It answers only while it covers every record: a ledger built or
/// extended after [`Ledger::index`] (or with a key out of range) is scanned instead.
#[derive(Debug, Default)]
struct ByKey {
    lists: Vec<Vec<u32>>,
    /// How many records the lists cover; `usize::MAX` when one was left out.
    covered: usize,
}

impl ByKey {
    fn new(keys: usize, of: impl Iterator<Item = u32>) -> ByKey {
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); keys];
        let mut covered = 0;
        let mut all = true;
        for (i, k) in of.enumerate() {
            match lists.get_mut(k as usize) {
                Some(list) => list.push(i as u32),
                None => all = false,
            }
            covered += 1;
        }
        ByKey {
            lists,
            covered: if all { covered } else { usize::MAX },
        }
    }

    /// The indices of the records of `key` among `len` records, if the index is valid.
    fn ids(&self, len: usize, key: u32) -> Option<&[u32]> {
        (self.covered == len).then(|| self.lists.get(key as usize).map_or(&[][..], Vec::as_slice))
    }

    /// The records of `key` among `all`, from the index or by a scan.
    fn records<'a, T>(
        &'a self,
        all: &'a [T],
        key: u32,
        key_of: impl Fn(&T) -> u32 + 'a,
    ) -> impl Iterator<Item = &'a T> + 'a {
        match self.ids(all.len(), key) {
            Some(ids) => Either::Indexed(ids.iter().map(move |&i| &all[i as usize])),
            None => Either::Scan(all.iter().filter(move |t| key_of(t) == key)),
        }
    }
}

/// One of two iterators of the same items.
enum Either<A, B> {
    Indexed(A),
    Scan(B),
}

impl<T, A: Iterator<Item = T>, B: Iterator<Item = T>> Iterator for Either<A, B> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Either::Indexed(a) => a.next(),
            Either::Scan(b) => b.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the records are: two look-ups agree when they give the same records.
    fn addrs<'a, T: 'a>(records: impl Iterator<Item = &'a T>) -> Vec<*const T> {
        records.map(|r| r as *const T).collect()
    }

    /// Every indexed look-up gives the records a scan gives, in the same order; a
    /// record added after indexing makes it scan.
    #[test]
    fn indexed_lookups_equal_scans() {
        let files: Vec<(String, Arc<str>)> = EMBEDDED.iter().map(|(p, t)| (p.to_string(), Arc::from(*t))).collect();
        let (mut ledger, errors) = load::load(&files);
        assert!(errors.is_empty());
        let l = &ledger;
        let mut found = [0; 5];
        for e in 0..l.entities.len() as EntityId {
            let events = addrs(l.events_of(e));
            found[0] += events.len();
            assert_eq!(events, addrs(l.events.iter().filter(|x| x.entity == e)));
            let members = addrs(l.memberships_in(e));
            found[1] += members.len();
            assert_eq!(members, addrs(l.memberships.iter().filter(|x| x.of == e)));
            let offices: Vec<OfficeId> = l.offices_of(e).map(|(i, _)| i).collect();
            found[2] += offices.len();
            assert_eq!(
                offices,
                (0..l.offices.len() as OfficeId)
                    .filter(|&i| l.office(i).of == e)
                    .collect::<Vec<_>>()
            );
        }
        for o in 0..l.offices.len() as OfficeId {
            let terms = addrs(l.terms_of(o));
            found[3] += terms.len();
            assert_eq!(terms, addrs(l.terms.iter().filter(|x| x.office == o)));
        }
        for s in 0..l.series.len() as SeriesId {
            let positions = addrs(l.positions_of(s));
            found[4] += positions.len();
            assert_eq!(positions, addrs(l.positions.iter().filter(|x| x.series == s)));
        }
        let all = [
            l.events.len(),
            l.memberships.len(),
            l.offices.len(),
            l.terms.len(),
            l.positions.len(),
        ];
        assert_eq!(found, all);
        assert!(all.iter().all(|&n| n > 10), "{all:?}");
        // A term added after indexing is found: the stale index is not used.
        let Some(mut extra) = ledger.terms.first().cloned() else {
            panic!("no terms")
        };
        extra.office = 1;
        ledger.terms.push(extra);
        let last = ledger.terms.len() - 1;
        assert_eq!(
            addrs(ledger.terms_of(1)).last(),
            Some(&(&ledger.terms[last] as *const Term))
        );
    }
}
