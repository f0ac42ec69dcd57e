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
    /// Indices into `events` per entity, in ledger order; valid while it covers
    /// every event (see [`Ledger::index_events`]).
    events_by_entity: Vec<Vec<u32>>,
    events_indexed: usize,
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

    /// The events of an entity, in ledger order. Indexed: with a large ledger a scan
    /// of every event per mention dominated the check.
    pub fn events_of(&self, entity: EntityId) -> impl Iterator<Item = &Event> {
        let indexed = self.events_indexed == self.events.len();
        let hits = indexed.then(|| {
            self.events_by_entity
                .get(entity as usize)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(move |&i| &self.events[i as usize])
        });
        let scan = (!indexed).then(|| self.events.iter().filter(move |e| e.entity == entity));
        hits.into_iter().flatten().chain(scan.into_iter().flatten())
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

    /// Builds the per-entity event index and the acronym index; the loader calls it
    /// once the ledger is merged.
    pub fn index_events(&mut self) {
        let mut by_acronym = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            if let Some(a) = &e.acronym {
                by_acronym.entry(a.clone()).or_insert(i as EntityId);
            }
        }
        self.by_acronym = Some(by_acronym);
        let mut by_entity: Vec<Vec<u32>> = vec![Vec::new(); self.entities.len()];
        for (i, e) in self.events.iter().enumerate() {
            if let Some(list) = by_entity.get_mut(e.entity as usize) {
                list.push(i as u32);
            }
        }
        // An event whose entity is out of range is not indexed: fall back to scans.
        let covered: usize = by_entity.iter().map(Vec::len).sum();
        self.events_by_entity = by_entity;
        self.events_indexed = if covered == self.events.len() {
            covered
        } else {
            usize::MAX
        };
    }

    /// The event anniversaries of `entity` count from: the one marked `anchor`, else
    /// the earliest.
    pub fn anchor_event(&self, entity: EntityId) -> Option<&Event> {
        self.events_of(entity)
            .find(|e| e.anchor)
            .or_else(|| self.events_of(entity).min_by_key(|e| e.date))
    }

    pub fn terms_of(&self, office: OfficeId) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.office == office)
    }

    pub fn positions_of(&self, series: SeriesId) -> impl Iterator<Item = &Position> {
        self.positions.iter().filter(move |p| p.series == series)
    }

    pub fn memberships_in(&self, body: EntityId) -> impl Iterator<Item = &Membership> {
        self.memberships.iter().filter(move |m| m.of == body)
    }

    /// The offices whose `of` is the given country or body.
    pub fn offices_of(&self, of: EntityId) -> impl Iterator<Item = (OfficeId, &Office)> {
        self.offices
            .iter()
            .enumerate()
            .filter(move |(_, o)| o.of == of)
            .map(|(i, o)| (i as OfficeId, o))
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
