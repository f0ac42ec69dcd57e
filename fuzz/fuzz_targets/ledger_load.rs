//! The ledger loader on arbitrary text, alone and merged with the embedded ledger
//! (so references into the default entities are exercised). Errors are fine; panics
//! are not.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = ("fuzz.toml".to_string(), Arc::<str>::from(text));
    let (ledger, _errors) = factlint::ledger::load(std::slice::from_ref(&file));
    let _ = factlint::extract::Gazetteer::new(&ledger);
    let mut files = factlint::check::embedded(factlint::ledger::EMBEDDED);
    files.push(file);
    let (ledger, errors) = factlint::ledger::load(&files);
    for e in &errors {
        let _ = e.location();
    }
    let _ = factlint::extract::Gazetteer::new(&ledger);
});
