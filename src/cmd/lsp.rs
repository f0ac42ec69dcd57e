//! `factlint lsp`: the language server on stdin/stdout.

use lsp_server::Connection;

use super::{EXIT_ERROR, EXIT_OK};

pub fn run() -> u8 {
    let (connection, io_threads) = Connection::stdio();
    let served = factlint::lsp::serve(&connection);
    // Closing our end lets the writer thread finish.
    drop(connection);
    let joined = io_threads.join();
    match (served, joined) {
        (Ok(()), Ok(())) => EXIT_OK,
        (Err(e), _) => {
            eprintln!("factlint lsp: {e}");
            EXIT_PROTOCOL
        }
        (Ok(()), Err(e)) => {
            eprintln!("factlint lsp: {e}");
            EXIT_ERROR
        }
    }
}

/// LSP: "exit" without a preceding "shutdown" exits with 1.
const EXIT_PROTOCOL: u8 = 1;
