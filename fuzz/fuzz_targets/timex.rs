//! Runs the temporal grammar on arbitrary bytes (lossy UTF-8) with a fixed document
//! date, and checks the output invariants: spans in bounds, on char boundaries,
//! sorted and disjoint.
#![no_main]

use factlint::extract::timex::extract_temporal;
use jiff::civil::date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for dct in [Some(date(2024, 9, 26)), None] {
        let t = extract_temporal(&text, dct);
        let mut last_end = 0;
        for x in &t.timexes {
            let r = x.span.range();
            assert!(r.start < r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(r.start >= last_end, "overlapping or unsorted timexes");
            last_end = r.end;
            let _ = x.value.to_timex3();
        }
        let mut last_end = 0;
        for a in &t.anniversaries {
            let r = a.span.range();
            assert!(r.start < r.end && r.end <= text.len());
            assert!(r.start >= last_end, "overlapping or unsorted anniversaries");
            last_end = r.end;
        }
    }
});
