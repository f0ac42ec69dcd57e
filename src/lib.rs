//! factlint: checks policy documents for factual and internal consistency.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod diagnostics;
pub mod error;
pub mod render;
pub mod rules;
pub mod check;
pub mod claims;
pub mod expect;
pub mod extract;
pub mod ledger;
pub mod span;
pub mod source;
pub mod suggest;
pub mod walk;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
