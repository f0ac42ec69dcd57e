//! The engine: a loaded ledger, its name automaton and the rules, applied to one
//! document at a time. Stateless per document, so files can be checked in parallel.

use std::sync::Arc;

use jiff::civil::Date;

use crate::claims;
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

    /// Keeps only the rules `keep` accepts.
    pub fn retain_rules(&mut self, keep: impl Fn(&Rule) -> bool) {
        self.rules.retain(|r| keep(r));
    }

    pub fn extract(&self, source: &SourceText, opts: &CheckOptions) -> (Extraction, Vec<claims::Claim>) {
        let extraction = extract::extract(source, &self.gazetteer, opts.date);
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
        let mut findings = Vec::new();
        for rule in self.rules.iter().filter(|r| only(r)) {
            let mut emitter = Emitter {
                rule,
                findings: Vec::new(),
            };
            rule.check.check(&cx, &mut emitter);
            findings.extend(emitter.findings);
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
        findings
    }
}
