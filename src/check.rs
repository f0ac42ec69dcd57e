//! The engine: a loaded ledger, its name automaton and the rules, applied to one
//! document at a time. Stateless per document, so files can be checked in parallel.

use std::sync::Arc;

use jiff::civil::Date;

use crate::claims;
use crate::config::Config;
use crate::diagnostics::Finding;
use crate::error::InputError;
use crate::extract::{self, Extraction, Gazetteer};
use crate::ledger::{self, Ledger};
use crate::rules::{self, Ctx, Emitter, Rule};
use crate::source::SourceText;

pub struct Engine {
    pub ledger: Ledger,
    pub gazetteer: Gazetteer,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// The document date, overriding front matter and datelines.
    pub date: Option<Date>,
    pub report_unverified: bool,
    /// Where else the document date may come from.
    pub date_sources: crate::config::DateSources,
}

/// Texts of ledger or rule files to load: `(path as shown, text)`.
pub type Files = Vec<(String, Arc<str>)>;

/// The embedded defaults as loadable files.
pub fn embedded(files: &[(&str, &str)]) -> Files {
    files.iter().map(|(p, t)| (p.to_string(), Arc::from(*t))).collect()
}

impl Engine {
    /// Builds an engine from ledger and rule files; every problem in them is returned
    /// and the engine is built from what loaded.
    pub fn load(ledger_files: &[(String, Arc<str>)], rule_files: &[(String, Arc<str>)]) -> (Engine, Vec<InputError>) {
        let (ledger, mut errors) = ledger::load(ledger_files);
        let (rules, rule_errors) = rules::load(rule_files);
        errors.extend(rule_errors);
        let gazetteer = Gazetteer::new(&ledger);
        (
            Engine {
                ledger,
                gazetteer,
                rules,
            },
            errors,
        )
    }

    /// The embedded default ledger and rules.
    pub fn with_defaults() -> (Engine, Vec<InputError>) {
        Engine::load(&embedded(ledger::EMBEDDED), &embedded(rules::EMBEDDED))
    }

    /// The engine a project asks for: the embedded defaults (unless the config turns
    /// them off), the config's ledger and rule files, then `extra` files (from the
    /// command line); then the config's selection, severities and parameters.
    pub fn configured(config: &Config, extra_ledger: Files, extra_rules: Files) -> (Engine, Vec<InputError>) {
        let mut errors = Vec::new();
        let mut ledger_files = if config.default_ledger {
            embedded(ledger::EMBEDDED)
        } else {
            Vec::new()
        };
        ledger_files.extend(read_all(config.ledger.iter().map(|p| config.resolve(p)), &mut errors));
        ledger_files.extend(extra_ledger);
        let mut rule_files = if config.default_rules {
            embedded(rules::EMBEDDED)
        } else {
            Vec::new()
        };
        rule_files.extend(read_all(config.rules.iter().map(|p| config.resolve(p)), &mut errors));
        rule_files.extend(extra_rules);
        let (mut engine, more) = Engine::load(&ledger_files, &rule_files);
        errors.extend(more);
        let ids: Vec<String> = engine.rules.iter().map(|r| r.id.clone()).collect();
        for (id, severity) in &config.severity {
            match engine.rules.iter_mut().find(|r| &r.id == id) {
                Some(r) => r.severity = *severity,
                None => errors.push(config.key_error(
                    "config::unknown-rule",
                    id,
                    format!("no rule `{id}` to set the severity of"),
                    &ids,
                )),
            }
        }
        for (id, params) in &config.params {
            match engine.rules.iter_mut().find(|r| &r.id == id) {
                Some(r) => {
                    if let Err(msg) = r.reconfigure(params) {
                        errors.push(config.key_error("config::bad-params", id, format!("rule `{id}`: {msg}"), &ids));
                    }
                }
                None => errors.push(config.key_error(
                    "config::unknown-rule",
                    id,
                    format!("no rule `{id}` to set parameters of"),
                    &ids,
                )),
            }
        }
        engine.select(&config.select, &config.ignore);
        (engine, errors)
    }

    /// Keeps the rules whose id is or starts with one in `select` (all when empty)
    /// and none in `ignore`.
    pub fn select(&mut self, select: &[String], ignore: &[String]) {
        let hit = |id: &str, list: &[String]| list.iter().any(|p| id == p || id.starts_with(p.as_str()));
        self.retain_rules(|r| (select.is_empty() || hit(&r.id, select)) && !hit(&r.id, ignore));
    }

    /// Keeps only the rules `keep` accepts.
    pub fn retain_rules(&mut self, keep: impl Fn(&Rule) -> bool) {
        self.rules.retain(|r| keep(r));
    }

    pub fn extract(&self, source: &SourceText, opts: &CheckOptions) -> (Extraction, Vec<claims::Claim>) {
        let extraction = extract::extract(source, &self.gazetteer, opts.date, opts.date_sources);
        let claims = claims::claims(&extraction, &source.masked, &self.ledger);
        (extraction, claims)
    }

    /// Every finding in one document, sorted by position then rule.
    pub fn check(&self, source: &SourceText, opts: &CheckOptions) -> Vec<Finding> {
        self.check_with(source, opts, |_| true)
    }

    /// Like [`Engine::check`], with only the rules `only` accepts (a rule fixture runs
    /// its own rule alone).
    pub fn check_with(&self, source: &SourceText, opts: &CheckOptions, only: impl Fn(&Rule) -> bool) -> Vec<Finding> {
        let (extraction, claims) = self.extract(source, opts);
        let cx = Ctx {
            source,
            extraction: &extraction,
            claims: &claims,
            ledger: &self.ledger,
            report_unverified: opts.report_unverified,
        };
        // One list for every rule's findings, in rule order.
        let mut findings = Vec::new();
        for rule in self.rules.iter().filter(|r| only(r)) {
            let mut emitter = Emitter {
                rule,
                findings: &mut findings,
            };
            rule.check.check(&cx, &mut emitter);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
        let ran = |prefix: &str| {
            self.rules
                .iter()
                .any(|r| only(r) && (r.id == prefix || r.id.starts_with(prefix)))
        };
        crate::suppress::apply(&source.text, &mut findings, ran);
        findings
    }
}

/// Reads files for the ledger or rules; unreadable ones become errors.
pub fn read_all(paths: impl Iterator<Item = std::path::PathBuf>, errors: &mut Vec<InputError>) -> Files {
    let mut out = Vec::new();
    for p in paths {
        let shown = crate::walk::display(&p);
        match std::fs::read(&p) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => out.push((shown, Arc::from(text))),
                Err(_) => errors.push(InputError::new(
                    "io::not-utf8",
                    &shown,
                    format!("{shown}: not valid UTF-8"),
                )),
            },
            Err(e) => errors.push(InputError::new(
                "io::read",
                &shown,
                format!("{shown}: cannot read: {e}"),
            )),
        }
    }
    out
}
