//! factlint: checks policy documents for factual and internal consistency.
#![warn(clippy::print_stdout, clippy::print_stderr)]
// `InputError` carries the file text for miette; errors are rare, so size is no concern.
#![allow(clippy::result_large_err)]

pub mod baseline;
pub mod check;
pub mod claims;
pub mod config;
pub mod decimal;
pub mod diagnostics;
pub mod error;
pub mod expect;
pub mod extract;
pub mod fix;
pub mod ledger;
pub mod lsp;
pub mod render;
pub mod rules;
pub mod source;
pub mod span;
pub mod suggest;
pub mod suppress;
pub mod walk;
pub mod word_filter;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
mod embedded_toml;
