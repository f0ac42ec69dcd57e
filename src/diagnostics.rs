//! Findings: what a rule reports about a document, as plain data. Only `render`
//! turns them into miette diagnostics or machine formats.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::ledger::Origin;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!("unknown severity `{other}` (expected error, warning or info)")),
        }
    }
}

/// A secondary place in the document that explains the finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    /// Most labels are fixed words ("this office", "at this date"): not copied.
    pub text: Cow<'static, str>,
}

/// The ledger fact a finding relies on, with its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactRef {
    /// The fact in words: "NATO was founded on 4 April 1949".
    pub text: String,
    pub source: String,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A certain replacement for the words at `span`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fact: Option<FactRef>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A bare finding of `rule` at `span` (error, no message): for tests.
    #[cfg(test)]
    pub fn bare(rule: &str, span: Span) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            span,
            message: String::new(),
            labels: Vec::new(),
            help: None,
            fact: None,
            fix: None,
        }
    }

    /// Output order: position, then rule id, then message.
    pub fn sort_key(&self) -> (u32, u32, &str, &str) {
        (self.span.start, self.span.end, &self.rule, &self.message)
    }
}
