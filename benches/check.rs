//! factlint's benchmarks (`cargo bench`). The documents and ledgers come from the
//! deterministic generator in `benches/gen/`. Throughput is reported in bytes and
//! documents per second; see `docs/performance.md` for the figures and how to read
//! them.

#[path = "gen/mod.rs"]
mod generator;

use std::sync::{Arc, OnceLock};

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use factlint::check::{CheckOptions, Engine, embedded};
use factlint::source::SourceText;
use rayon::prelude::*;

fn main() {
    divan::main();
}

fn default_engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_defaults().0)
}

/// The default ledger plus `n` generated entities (each with an acronym, three
/// aliases and an event), and the default rules.
fn scaled_engine(n: usize) -> Engine {
    let mut ledger = embedded(factlint::ledger::EMBEDDED);
    if n > 0 {
        ledger.push(("generated.toml".into(), Arc::from(generator::ledger(n))));
    }
    let (engine, errors) = Engine::load(&ledger, &embedded(factlint::rules::EMBEDDED));
    assert!(errors.is_empty(), "generated ledger has errors: {:?}", errors.first());
    engine
}

fn corpus() -> &'static [(String, String)] {
    static CORPUS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    CORPUS.get_or_init(|| generator::corpus(2000))
}

/// One ~6 KB document of the genre.
fn doc_6kb() -> String {
    generator::document(42, 6 * 1024)
}

fn check_bytes(engine: &Engine, path: &str, bytes: &[u8]) -> usize {
    match SourceText::from_bytes(path, bytes.to_vec()) {
        Ok(src) => engine.check(&src, &CheckOptions::default()).len(),
        Err(_) => 0,
    }
}

/// Extraction alone (dates, names, acronyms, numbers, sentences) on one 6 KB document.
#[divan::bench]
fn extract_6kb(bencher: Bencher) {
    let engine = default_engine();
    let src = SourceText::new("doc.md", doc_6kb());
    bencher.counter(BytesCount::new(src.text.len())).bench(|| {
        factlint::extract::extract(&src, &engine.gazetteer, None, Default::default())
            .timexes
            .len()
    });
}

/// The editor case: the full check of one 6 KB document (decode, mask, extract,
/// claims, rules), after start-up.
#[divan::bench]
fn check_6kb(bencher: Bencher) {
    let engine = default_engine();
    let doc = doc_6kb();
    bencher
        .counter(BytesCount::new(doc.len()))
        .bench(|| check_bytes(engine, "doc.md", doc.as_bytes()));
}

/// The CI case: 2,000 generated documents (4-8 KB each), on a rayon pool of 1 thread
/// and of every core.
#[divan::bench(args = [1, 0], sample_count = 5, sample_size = 1)]
fn corpus_2000(bencher: Bencher, threads: usize) {
    let engine = default_engine();
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    bencher
        .counter(BytesCount::new(bytes))
        .counter(ItemsCount::new(docs.len()))
        .bench(|| {
            pool.install(|| {
                docs.par_iter()
                    .map(|(p, t)| check_bytes(engine, p, t.as_bytes()))
                    .sum::<usize>()
            })
        });
}

/// Real prose: the documents of `corpus/clean` (written for the project, not
/// generated; fewer dates and names a KB than the generated corpus), each checked ten
/// times over, on one thread.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn real_prose(bencher: Bencher) {
    let engine = default_engine();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/clean");
    let mut docs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("corpus/clean")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("read")))
        .collect();
    docs.sort();
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes * 10)).bench(|| {
        (0..10)
            .flat_map(|_| docs.iter())
            .map(|(p, b)| check_bytes(engine, p, b))
            .sum::<usize>()
    });
}

/// One 16 MB Markdown file, single thread.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn large_file_16mb(bencher: Bencher) {
    let engine = default_engine();
    let text = generator::large_file(16 << 20);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| check_bytes(engine, "large.md", text.as_bytes()));
}

/// Start-up work: parse the ledger and rule TOML and build the name automaton, for
/// the default ledger (0) and with 1k, 10k and 100k generated entities added.
#[divan::bench(args = [0, 1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn ledger_load(bencher: Bencher, extra_entities: usize) {
    let mut ledger = embedded(factlint::ledger::EMBEDDED);
    if extra_entities > 0 {
        ledger.push(("generated.toml".into(), Arc::from(generator::ledger(extra_entities))));
    }
    let rules = embedded(factlint::rules::EMBEDDED);
    let bytes: usize = ledger.iter().map(|(_, t)| t.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| Engine::load(&ledger, &rules).0.gazetteer.len());
}

/// The automaton build alone, from an already loaded ledger.
#[divan::bench(args = [0, 1_000, 10_000, 100_000], sample_count = 5, sample_size = 1)]
fn automaton_build(bencher: Bencher, extra_entities: usize) {
    let engine = scaled_engine(extra_entities);
    bencher.bench(|| factlint::extract::Gazetteer::new(&engine.ledger).len());
}

/// A ledger of 100k more entities against the default one: 200 corpus documents,
/// single thread (the target: no more than 2x slower).
#[divan::bench(args = [0, 100_000], sample_count = 10, sample_size = 1)]
fn corpus_200_by_ledger_size(bencher: Bencher, extra_entities: usize) {
    let engine = scaled_engine(extra_entities);
    let docs = &corpus()[..200];
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        docs.iter()
            .map(|(p, t)| check_bytes(&engine, p, t.as_bytes()))
            .sum::<usize>()
    });
}

/// One entity with 1M aliases: loading must not be pathological.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn ledger_1m_aliases(bencher: Bencher) {
    let ledger = vec![(
        "aliases.toml".to_string(),
        Arc::<str>::from(generator::ledger_many_aliases(1_000_000)),
    )];
    bencher
        .counter(BytesCount::new(ledger[0].1.len()))
        .bench(|| Engine::load(&ledger, &[]).0.gazetteer.len());
}
