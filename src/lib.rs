//! factlint: checks policy documents for factual and internal consistency.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod extract;
pub mod span;
