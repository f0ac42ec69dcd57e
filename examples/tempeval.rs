//! Runs the temporal grammar over a JSONL file (`id`, `dct`, `text` per line) and
//! prints one line per document, for the TempEval-3 scorer:
//!
//! ```sh
//! cargo run --release --example tempeval -- FILE > system.jsonl
//! ```
//!
//! With `--bench`, extracts every text repeatedly and reports the throughput instead.

use std::io::{BufReader, BufWriter};
use std::time::Instant;

use factlint::extract::timex::{extract_temporal, jsonl::run_jsonl};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let Some(path) = args
        .iter()
        .enumerate()
        .find(|(k, a)| !a.starts_with("--") && (*k == 0 || args[k - 1] != "--mb"))
        .map(|(_, a)| a)
    else {
        eprintln!("usage: tempeval [--bench [--mb N]] FILE|-");
        std::process::exit(2);
    };
    if bench {
        let data = std::fs::read_to_string(path)?;
        let mut texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect();
        if texts.is_empty() {
            // Not JSONL: time the whole file as one plain-text document.
            texts.push(data);
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        // `--mb N`: how many megabytes to extract in all (default 50).
        let mb_total: usize = args
            .iter()
            .position(|a| a == "--mb")
            .and_then(|k| args.get(k + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(50);
        let rounds = (mb_total * 1_000_000 / bytes.max(1)).max(1);
        let start = Instant::now();
        let mut found = 0usize;
        for _ in 0..rounds {
            for t in &texts {
                found += extract_temporal(t, None).timexes.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let mb = (bytes * rounds) as f64 / 1e6;
        eprintln!("{mb:.1} MB in {secs:.3} s: {:.1} MB/s ({found} timexes)", mb / secs);
        return Ok(());
    }
    let stdout = std::io::stdout();
    let out = BufWriter::new(stdout.lock());
    let report = if path == "-" {
        run_jsonl(std::io::stdin().lock(), out)?
    } else {
        run_jsonl(BufReader::new(std::fs::File::open(path)?), out)?
    };
    for bad in &report.bad_lines {
        eprintln!("line {}: {}", bad.line, bad.message);
    }
    Ok(())
}
