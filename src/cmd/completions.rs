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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script_that_knows_the_commands() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut out);
            let script = String::from_utf8(out).expect("UTF-8");
            for word in ["factlint", "check", "lsp", "completions", "format"] {
                assert!(script.contains(word), "{shell}: no `{word}`");
            }
            // Shells that complete option values know the formats.
            if matches!(shell, Shell::Bash | Shell::Zsh | Shell::Fish) {
                assert!(script.contains("sarif"), "{shell}: no `sarif`");
            }
        }
    }
}
