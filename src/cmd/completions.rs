//! `factlint completions SHELL`: a completion script on stdout.

use clap::CommandFactory;
use clap_complete::Shell;

use super::{EXIT_ERROR, EXIT_OK, emit};
use crate::Cli;

pub fn run(shell: Shell) -> u8 {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut out);
    match String::from_utf8(out) {
        Ok(script) if emit(&script) => EXIT_OK,
        _ => EXIT_ERROR,
    }
}
