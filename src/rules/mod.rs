//! Rules: TOML rule packs. Each rule names a check kind built into the engine (one
//! file per kind in `kinds/`), its parameters, severity and message templates.

pub mod docs;
pub mod kinds;
mod registry;

use std::borrow::Cow;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

pub use registry::{KINDS, KindInfo, kind_info};

use crate::claims::Claim;
use crate::diagnostics::{FactRef, Finding, Fix, Label, Severity};
use crate::error::InputError;
use crate::extract::Extraction;
use crate::ledger::Ledger;
use crate::source::SourceText;
use crate::span::Span;

/// The rule packs embedded in the binary (every `rules/*.toml`).
pub const EMBEDDED: &[(&str, &str)] = crate::embedded::RULES;

/// What a check kind sees of one document.
pub struct Ctx<'a> {
    pub source: &'a SourceText,
    pub extraction: &'a Extraction,
    pub claims: &'a [Claim],
    pub ledger: &'a Ledger,
    /// Report claims the ledger cannot verify (info level) instead of staying silent.
    pub report_unverified: bool,
}

impl Ctx<'_> {
    pub fn masked(&self) -> &str {
        &self.source.masked
    }

    pub fn text(&self, span: Span) -> &str {
        self.source.text.get(span.range()).unwrap_or("")
    }

    pub fn doc_date(&self) -> Option<jiff::civil::Date> {
        self.extraction.doc_date.map(|d| d.date)
    }
}

/// A check kind's implementation, built from a rule's `[rule.params]`.
pub trait Check: Send + Sync + std::fmt::Debug {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Stable,
    Preview,
    Deprecated,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<RuleDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: Spanned<String>,
    name: String,
    kind: Spanned<String>,
    severity: Spanned<String>,
    #[serde(default = "stable")]
    status: Status,
    summary: String,
    message: Spanned<String>,
    help: Option<Spanned<String>>,
    #[serde(default)]
    params: Option<Spanned<toml::Table>>,
    #[serde(default)]
    example: Vec<ExampleDef>,
}

fn stable() -> Status {
    Status::Stable
}

/// An example a rule carries: a text and the findings it must give (empty: none).
#[derive(Debug, Deserialize, Clone, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleDef {
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
    #[serde(default)]
    pub expect: usize,
}

/// A loaded rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub kind: &'static KindInfo,
    pub severity: Severity,
    pub status: Status,
    pub summary: String,
    pub message: String,
    pub help: Option<String>,
    pub check: Box<dyn Check>,
    pub examples: Vec<ExampleDef>,
    /// The pack the rule comes from, and its TOML.
    pub path: String,
    pub params_toml: String,
    /// The parameters as written, kept so a project config can override some.
    pub params: toml::Table,
}

impl Rule {
    /// Merges `extra` over the rule's parameters and rebuilds its check.
    pub fn reconfigure(&mut self, extra: &toml::Table) -> Result<(), String> {
        let mut params = self.params.clone();
        for (k, v) in extra {
            params.insert(k.clone(), v.clone());
        }
        self.check = (self.kind.parse)(params.clone())?;
        self.params_toml = toml::to_string(&params).unwrap_or_default();
        self.params = params;
        Ok(())
    }
}

/// Loads rule packs given as `(path, text)`. A later rule with the id of an earlier
/// one replaces it (so a project's pack can override a default rule).
pub fn load(files: &[(String, Arc<str>)]) -> (Vec<Rule>, Vec<InputError>) {
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in files {
        let file: RulesFile = match crate::embedded_toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                errors.push(InputError::from_toml("rules::syntax", path, text, &e));
                continue;
            }
        };
        let mut seen_here: Vec<String> = Vec::new();
        for def in file.rule {
            let err = |code, at: std::ops::Range<usize>, msg: String, label: &str| {
                InputError::new(code, path, format!("{path}: {msg}")).at(text, Span::from(at), label)
            };
            let id = def.id.get_ref().clone();
            if seen_here.contains(&id) {
                errors.push(err(
                    "rules::duplicate-id",
                    def.id.span(),
                    format!("the rule id `{id}` is defined twice in this file"),
                    "defined again here",
                ));
                continue;
            }
            seen_here.push(id.clone());
            let Some(kind) = kind_info(def.kind.get_ref()) else {
                let mut e = err(
                    "rules::unknown-kind",
                    def.kind.span(),
                    format!("unknown check kind `{}`", def.kind.get_ref()),
                    "not a check kind",
                );
                let names: Vec<String> = KINDS.iter().map(|k| k.name.to_string()).collect();
                e = e.with_help(match crate::suggest::closest(def.kind.get_ref(), names.iter()) {
                    Some(best) => format!("did you mean `{best}`? (`factlint rules kinds` lists them)"),
                    None => format!("check kinds: {}", names.join(", ")),
                });
                errors.push(e);
                continue;
            };
            let severity = match def.severity.get_ref().parse::<Severity>() {
                Ok(s) => s,
                Err(msg) => {
                    errors.push(err("rules::bad-severity", def.severity.span(), msg, "here"));
                    continue;
                }
            };
            let mut bad_template = false;
            for t in std::iter::once(&def.message).chain(def.help.as_ref()) {
                for var in placeholders(t.get_ref()) {
                    if !kind.vars.contains(&var) {
                        bad_template = true;
                        errors.push(
                            err(
                                "rules::unknown-placeholder",
                                t.span(),
                                format!("`{{{var}}}` is not a value the `{}` kind provides", kind.name),
                                "in this template",
                            )
                            .with_help(format!(
                                "available: {}",
                                kind.vars
                                    .iter()
                                    .map(|v| format!("{{{v}}}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )),
                        );
                    }
                }
            }
            if bad_template {
                continue;
            }
            let (params_span, params) = match def.params {
                Some(p) => (p.span(), p.into_inner()),
                None => (def.kind.span(), toml::Table::new()),
            };
            let params_toml = toml::to_string(&params).unwrap_or_default();
            let check = match (kind.parse)(params.clone()) {
                Ok(c) => c,
                Err(msg) => {
                    errors.push(err(
                        "rules::bad-params",
                        params_span,
                        format!("rule `{id}`: {msg}"),
                        "in these parameters",
                    ));
                    continue;
                }
            };
            let rule = Rule {
                id: id.clone(),
                name: def.name,
                kind,
                severity,
                status: def.status,
                summary: def.summary,
                message: def.message.into_inner(),
                help: def.help.map(Spanned::into_inner),
                check,
                examples: def.example,
                path: path.clone(),
                params_toml,
                params,
            };
            match rules.iter_mut().find(|r| r.id == id) {
                Some(existing) => *existing = rule,
                None => rules.push(rule),
            }
        }
    }
    (rules, errors)
}

/// `{name}` placeholders in a template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// Fills `{name}` placeholders from `vars`; an unknown name stays as written. The
/// text is allocated once, with room for the template and every value: each finding
/// fills a message and a help text.
pub fn fill(template: &str, vars: &[(&str, Cow<'_, str>)]) -> String {
    let room = template.len() + vars.iter().map(|(_, v)| v.len()).sum::<usize>();
    let mut out = String::with_capacity(room);
    let mut rest = template;
    // Byte searches: the braces are ASCII, so their offsets are char boundaries.
    while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match memchr::memchr(b'}', after.as_bytes()) {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collects a rule's findings, filling its templates, into the document's list.
pub struct Emitter<'r> {
    pub rule: &'r Rule,
    pub findings: &'r mut Vec<Finding>,
}

/// The most template values a kind gives one finding (see the test that every kind
/// keeps to it).
const MAX_VARS: usize = 5;

/// One finding as a kind describes it, before the rule's templates are applied.
pub struct Report<'a> {
    pub span: Span,
    /// The template values: borrowed where the ledger or the document holds the
    /// text, and kept in place rather than in a map, as there are at most
    /// [`MAX_VARS`].
    vars: [(&'static str, Cow<'a, str>); MAX_VARS],
    n_vars: usize,
    pub labels: Vec<Label>,
    pub fact: Option<FactRef>,
    pub fix: Option<Fix>,
    /// Overrides the rule's severity (info for unverified claims).
    pub severity: Option<Severity>,
}

impl<'a> Report<'a> {
    pub fn new(span: Span) -> Report<'a> {
        Report {
            span,
            vars: Default::default(),
            n_vars: 0,
            labels: Vec::new(),
            fact: None,
            fix: None,
            severity: None,
        }
    }

    /// Sets a template value (a second value for a name replaces the first).
    pub fn var(mut self, name: &'static str, value: impl Into<Cow<'a, str>>) -> Report<'a> {
        let value = value.into();
        match self.vars[..self.n_vars].iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None if self.n_vars < MAX_VARS => {
                self.vars[self.n_vars] = (name, value);
                self.n_vars += 1;
            }
            None => debug_assert!(false, "more than {MAX_VARS} template values"),
        }
        self
    }

    /// The template values set so far.
    pub fn vars(&self) -> &[(&'static str, Cow<'a, str>)] {
        &self.vars[..self.n_vars]
    }

    pub fn label(mut self, span: Span, text: impl Into<Cow<'static, str>>) -> Report<'a> {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    pub fn fact(mut self, text: impl Into<String>, source: &str, origin: crate::ledger::Origin) -> Report<'a> {
        self.fact = Some(FactRef {
            text: text.into(),
            source: source.to_string(),
            origin: Some(origin),
        });
        self
    }

    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Report<'a> {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}

impl Emitter<'_> {
    pub fn emit(&mut self, r: Report<'_>) {
        let message = fill(&self.rule.message, r.vars());
        let help = self.rule.help.as_ref().map(|h| fill(h, r.vars()));
        self.push(r, message, help);
    }

    /// An info finding for a claim the ledger cannot verify (`--report-unverified`).
    pub fn unverified(&mut self, span: Span, what: String) {
        let r = Report {
            severity: Some(Severity::Info),
            ..Report::new(span)
        };
        let help = Some("the ledger has no fact to check this against; add one to check it".to_string());
        self.push(r, format!("unverified: {what}"), help);
    }

    fn push(&mut self, r: Report<'_>, message: String, help: Option<String>) {
        self.findings.push(Finding {
            rule: self.rule.id.clone(),
            severity: r.severity.unwrap_or(self.rule.severity),
            span: r.span,
            message,
            labels: r.labels,
            help,
            fact: r.fact,
            fix: r.fix,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        let vars = [("entity", Cow::Borrowed("NATO"))];
        assert_eq!(fill("{entity} in {year}", &vars), "NATO in {year}");
        assert_eq!(fill("{entity}{entity}{", &vars), "NATONATO{");
        assert_eq!(fill("a {b", &vars), "a {b");
        assert_eq!(fill("", &vars), "");
        assert_eq!(fill("{}}", &vars), "{}}");
        assert_eq!(placeholders("{a} and {b}"), vec!["a", "b"]);
        let r = Report::new(Span::default())
            .var("a", "1")
            .var("b", String::from("2"))
            .var("a", "3");
        assert_eq!(fill("{a}{b}", r.vars()), "32");
    }

    /// A report holds [`MAX_VARS`] values: every kind gives at most that many.
    #[test]
    fn kinds_give_at_most_max_vars() {
        for k in KINDS {
            assert!(k.vars.len() <= MAX_VARS, "{}", k.name);
        }
    }

    /// The embedded packs read from their build-time trees as the TOML parser reads
    /// them, spans included.
    #[test]
    fn embedded_trees_match_the_toml_parser() {
        for (path, text) in EMBEDDED {
            let (tree, toml) = crate::embedded_toml::both_ways::<RulesFile>(text);
            let toml = toml.map_err(|e| format!("{path}: {e}"));
            assert_eq!(
                tree.map(|t| format!("{t:?}")),
                Some(format!("{:?}", toml.unwrap())),
                "{path}"
            );
        }
    }
}
