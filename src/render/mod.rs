//! Output: findings of many files in human (miette) or machine formats. The only
//! module, with `main`, that writes to the terminal.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diagnostics::Finding;
use crate::source::SourceText;

/// One checked file and what was found in it.
pub struct FileResult {
    pub path: String,
    pub source: Option<SourceText>,
    pub findings: Vec<Finding>,
}
