//! The whole check of arbitrary bytes read as a plain-text file: decoding, masking,
//! extraction, claims, every default rule, and the human renderer. Nothing may panic.
#![no_main]

use std::sync::OnceLock;

use factlint::check::{CheckOptions, Engine};
use factlint::source::SourceText;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_defaults().0)
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    if let Ok(src) = SourceText::from_bytes("fuzz.txt", data.to_vec()) {
        let findings = engine.check(&src, &CheckOptions::default());
        let handler = factlint::render::human::handler(false, 80);
        let _ =
            factlint::render::human::render_findings(&handler, "fuzz.txt", &src.text, &findings, Some(&engine.ledger));
    }
});
