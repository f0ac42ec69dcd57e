//! The rule loader on arbitrary text; a pack that loads is then run on a small
//! document so that templates and parameters from the fuzzer are exercised.
#![no_main]

use std::sync::{Arc, OnceLock};

use factlint::check::{CheckOptions, Engine};
use factlint::source::SourceText;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::with_defaults().0)
}

const DOC: &str = "OTTAWA, September 26, 2024 — Stephen Harper, Prime Minister of Canada, \
marked the 75th anniversary of NATO, founded in 1950, on Friday, September 26, 2024. \
Our defense and defence policies; the G7 presidency in 2025.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = ("fuzz.toml".to_string(), Arc::<str>::from(text));
    let (rules, errors) = factlint::rules::load(std::slice::from_ref(&file));
    for e in &errors {
        let _ = e.location();
    }
    if rules.is_empty() {
        return;
    }
    let base = engine();
    let src = SourceText::new("doc.md", DOC.to_string());
    let (extraction, claims) = base.extract(&src, &CheckOptions::default());
    let cx = factlint::rules::Ctx {
        source: &src,
        extraction: &extraction,
        claims: &claims,
        ledger: &base.ledger,
        report_unverified: true,
    };
    let mut findings = Vec::new();
    for rule in &rules {
        let mut emitter = factlint::rules::Emitter {
            rule,
            findings: &mut findings,
        };
        rule.check.check(&cx, &mut emitter);
    }
});
