//! `factlint.toml`: a project's ledger and rule files, rule selection, severity and
//! parameter overrides, document-date sources and file globs. Found by walking up from
//! the working folder, or given with `--config`. Unknown keys are errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::Severity;
use crate::error::InputError;
use crate::span::Span;

pub const FILE_NAME: &str = "factlint.toml";

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Ledger files added to the embedded ledger (relative to the config file).
    #[serde(default)]
    pub ledger: Vec<String>,
    /// Rule packs added to the embedded rules.
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default = "yes")]
    pub default_ledger: bool,
    #[serde(default = "yes")]
    pub default_rules: bool,
    /// Only these rules (ids or id prefixes).
    #[serde(default)]
    pub select: Vec<String>,
    /// Not these rules (ids or id prefixes).
    #[serde(default)]
    pub ignore: Vec<String>,
    pub fail_on: Option<Severity>,
    #[serde(default)]
    pub report_unverified: bool,
    /// Severity per rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Parameters per rule id, merged over the rule's own.
    #[serde(default)]
    pub params: BTreeMap<String, toml::Table>,
    #[serde(default)]
    pub files: FileGlobs,
    #[serde(default)]
    pub date: DateSources,
    /// Where the config was read from (not a key).
    #[serde(skip)]
    pub path: Option<PathBuf>,
    #[serde(skip)]
    pub text: Option<Arc<str>>,
}

fn yes() -> bool {
    true
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ledger: Vec::new(),
            rules: Vec::new(),
            default_ledger: true,
            default_rules: true,
            select: Vec::new(),
            ignore: Vec::new(),
            fail_on: None,
            report_unverified: false,
            severity: BTreeMap::new(),
            params: BTreeMap::new(),
            files: FileGlobs::default(),
            date: DateSources::default(),
            path: None,
            text: None,
        }
    }
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct FileGlobs {
    /// Globs of files to check when walking folders (default: *.md, *.markdown, *.txt).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files and folders to skip.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// Which sources may give the document date (`--date` always wins).
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateSources {
    #[serde(default = "yes")]
    pub front_matter: bool,
    #[serde(default = "yes")]
    pub dateline: bool,
}

impl Default for DateSources {
    fn default() -> Self {
        DateSources {
            front_matter: true,
            dateline: true,
        }
    }
}

/// The nearest `factlint.toml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

impl Config {
    /// No config file: the embedded ledger and rules, every rule.
    pub fn default_enabled() -> Config {
        Config::default()
    }

    /// Reads and parses a config file; errors point into it.
    pub fn load(path: &Path) -> Result<Config, InputError> {
        let shown = crate::walk::display(path);
        let text = std::fs::read_to_string(path)
            .map_err(|e| InputError::new("config::read", &shown, format!("{shown}: cannot read: {e}")))?;
        Self::parse(&shown, Arc::from(text)).map(|mut c| {
            c.path = Some(path.to_path_buf());
            c
        })
    }

    pub fn parse(shown: &str, text: Arc<str>) -> Result<Config, InputError> {
        let mut config: Config =
            toml::from_str(&text).map_err(|e| InputError::from_toml("config::syntax", shown, &text, &e))?;
        config.text = Some(text);
        Ok(config)
    }

    /// A path from the config, relative to the config file's folder.
    pub fn resolve(&self, p: &str) -> PathBuf {
        match self.path.as_deref().and_then(Path::parent) {
            Some(dir) if !Path::new(p).is_absolute() => dir.join(p),
            _ => PathBuf::from(p),
        }
    }

    /// An error about `key` (a rule id in `[severity]` or `[params]`), pointing at it.
    pub fn key_error(&self, code: &'static str, key: &str, message: String, known: &[String]) -> InputError {
        let shown = self
            .path
            .as_deref()
            .map(crate::walk::display)
            .unwrap_or_else(|| FILE_NAME.into());
        let mut e = InputError::new(code, &shown, format!("{shown}: {message}"));
        if let Some(text) = &self.text
            && let Some(at) = text
                .find(&format!("\n{key}"))
                .map(|i| i + 1)
                .or_else(|| text.find(&format!("\"{key}\"")))
        {
            e = e.at(text, Span::new(at, at + key.len()), "here");
        }
        if let Some(best) = crate::suggest::closest(key, known.iter()) {
            e = e.with_help(format!("did you mean `{best}`?"));
        }
        e
    }
}

/// The starter config `factlint init` writes.
pub const STARTER: &str = r#"# factlint configuration: https://github.com/ (see docs/config.md in factlint's repository)
# factlint finds this file by walking up from the folder it runs in.

# Ledger files and rule packs added to the embedded defaults (paths relative to this file).
# ledger = ["ledger/our-facts.toml"]
# rules = ["rules/house-style.toml"]

# Set to false to use only your own ledger or rules.
# default-ledger = true
# default-rules = true

# Rule selection by id or id prefix.
# select = ["event-date", "office-holder-mismatch"]
# ignore = ["tense-mismatch"]

# Exit 1 when a finding at or above this level is reported (error, warning, info).
# fail-on = "error"

# Also report claims the ledger cannot verify (info level).
# report-unverified = false

# Severity per rule.
[severity]
# tense-mismatch = "error"

# Parameters per rule, merged over the rule's own (see `factlint explain RULE`).
[params]
# spelling-inconsistent = { locale = "en-CA" }

# Which files to check when walking folders.
[files]
# include = ["**/*.md", "**/*.txt"]
# exclude = ["drafts/**", "archive/**"]

# Where the document date may come from (--date always wins).
[date]
# front-matter = true
# dateline = true
"#;
