//! The ledger's TOML schema, as it is written (see `docs/ledger.md`). Every field that
//! a validation error may point at is `Spanned`.

use serde::Deserialize;
use toml::Spanned;

type S<T> = Spanned<T>;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LedgerFile {
    #[serde(default)]
    pub entity: Vec<EntityDef>,
    #[serde(default)]
    pub event: Vec<EventDef>,
    #[serde(default)]
    pub membership: Vec<MembershipDef>,
    #[serde(default)]
    pub office: Vec<OfficeDef>,
    #[serde(default)]
    pub term: Vec<TermDef>,
    #[serde(default)]
    pub series: Vec<SeriesDef>,
    #[serde(default)]
    pub position: Vec<PositionDef>,
    #[serde(default)]
    pub count: Vec<CountDef>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Country,
    Organisation,
    Person,
    Event,
    Treaty,
    Operation,
    Group,
    Place,
    Other,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Founded,
    Signed,
    EnteredIntoForce,
    TookPlace,
    Began,
    Ended,
    Summit,
}

impl EventKind {
    /// How a help text says it: "NATO was founded on ...".
    pub fn verb(self) -> &'static str {
        match self {
            EventKind::Founded => "founded",
            EventKind::Signed => "signed",
            EventKind::EnteredIntoForce => "entered into force",
            EventKind::TookPlace => "took place",
            EventKind::Began => "began",
            EventKind::Ended => "ended",
            EventKind::Summit => "met",
        }
    }
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Year,
    HalfYear,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    pub id: S<String>,
    pub name: S<String>,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub acronym: Option<S<String>>,
    #[serde(default)]
    pub member_nouns: Vec<S<String>>,
    #[serde(default)]
    pub anaphora: Vec<S<String>>,
    pub complete_membership: Option<S<String>>,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    pub entity: S<String>,
    pub kind: EventKind,
    pub date: S<String>,
    pub end: Option<S<String>>,
    pub place: Option<String>,
    #[serde(default)]
    pub anchor: bool,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipDef {
    pub member: S<String>,
    pub of: S<String>,
    pub from: S<String>,
    pub to: Option<S<String>>,
    #[serde(default)]
    pub founding: bool,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeDef {
    pub id: S<String>,
    pub name: S<String>,
    pub of: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermDef {
    pub office: S<String>,
    pub holder: S<String>,
    pub from: S<String>,
    pub to: Option<S<String>>,
    pub checked: Option<S<String>>,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesDef {
    pub id: S<String>,
    pub name: S<String>,
    pub of: S<String>,
    #[serde(default)]
    pub aliases: Vec<S<String>>,
    pub period: Period,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionDef {
    pub series: S<String>,
    pub holder: S<String>,
    pub year: Option<S<i64>>,
    pub from: Option<S<String>>,
    pub to: Option<S<String>>,
    pub source: S<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountDef {
    pub entity: S<String>,
    pub what: S<String>,
    pub value: S<i64>,
    pub from: S<String>,
    pub to: Option<S<String>>,
    pub source: S<String>,
    pub note: Option<String>,
}
