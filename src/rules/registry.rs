//! The one table of check kinds: `kind = "..."` in a rule maps to a file in `kinds/`.

use serde::de::DeserializeOwned;

use super::Check;
use super::kinds::*;

/// A check kind: its name in rule TOML, its documentation (what `factlint explain`
/// prints), the template values it provides, and its parameter parser.
pub struct KindInfo {
    pub name: &'static str,
    pub doc: &'static str,
    pub vars: &'static [&'static str],
    pub parse: fn(toml::Table) -> Result<Box<dyn Check>, String>,
}

impl std::fmt::Debug for KindInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

pub static KINDS: &[KindInfo] = &[
    event_date::INFO,
    anniversary::INFO,
    office_holder::INFO,
    series_position::INFO,
    weekday::INFO,
    spelling_consistency::INFO,
    membership::INFO,
    member_count::INFO,
    tense::INFO,
    acronym::INFO,
    terms::PREFERRED,
    terms::FORBIDDEN,
];

pub fn kind_info(name: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|k| k.name == name)
}

/// Reads a kind's `Params` from the rule's `[rule.params]` table.
pub fn parse<P: DeserializeOwned + Check + 'static>(table: toml::Table) -> Result<Box<dyn Check>, String> {
    toml::Value::Table(table)
        .try_into::<P>()
        .map(|p| Box::new(p) as Box<dyn Check>)
        .map_err(|e| e.message().trim().to_string())
}
