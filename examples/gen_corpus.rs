//! Writes the benchmark corpus to a folder, for profiling and for timing the CLI:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- OUT [DOCS] [LARGE_MB] [LEDGER_ENTITIES]
//! ```
//!
//! `OUT/docs/doc-NNNNN.md` (DOCS documents, 4-8 KB each, default 2000),
//! `OUT/large.md` (one file of LARGE_MB MB, default 16; 0 for none) and
//! `OUT/ledger-N.toml` (N generated entities to add with `--ledger`; default 0, none).
//! The same arguments give the same bytes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../benches/gen/mod.rs"]
mod generator;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus OUT [DOCS] [LARGE_MB] [LEDGER_ENTITIES]");
        std::process::exit(2);
    };
    let num = |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (docs, large_mb, entities) = (num(1, 2000), num(2, 16), num(3, 0));
    let dir = out.join("docs");
    std::fs::create_dir_all(&dir)?;
    let mut total = 0;
    for (name, text) in generator::corpus(docs) {
        total += text.len();
        std::fs::write(dir.join(name), text)?;
    }
    println!("{docs} documents, {total} bytes in {}", dir.display());
    if large_mb > 0 {
        let text = generator::large_file(large_mb << 20);
        std::fs::write(out.join("large.md"), &text)?;
        println!("large.md: {} bytes", text.len());
    }
    if entities > 0 {
        let path = out.join(format!("ledger-{entities}.toml"));
        std::fs::write(&path, generator::ledger(entities))?;
        println!("{}: {entities} entities", path.display());
    }
    Ok(())
}
