//! The quick Markdown masker against its oracle: on any UTF-8 input, whenever the quick
//! path answers, its mask and blocks must be exactly pulldown-cmark's.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (quick, oracle) = factlint::source::markdown_paths(text);
        if let Some(quick) = quick {
            assert!(
                quick == oracle,
                "quick path differs from pulldown-cmark on {text:?}:\nquick  {quick:?}\noracle {oracle:?}"
            );
        }
    }
});
