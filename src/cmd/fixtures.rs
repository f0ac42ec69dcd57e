//! `factlint rules test [DIR]`: rule fixtures with inline expectations.

use std::fmt::Write as _;
use std::path::Path;

use factlint::expect::run_fixtures;

use super::*;

pub fn test(dir: &Path, sources: &Sources) -> u8 {
    let (engine, errors) = engine(sources);
    if !errors.is_empty() {
        print_errors(&errors);
        return EXIT_ERROR;
    }
    let (results, unknown) = match run_fixtures(&engine, dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}: {e}", dir.display());
            return EXIT_ERROR;
        }
    };
    let mut out = String::new();
    let mut failed = 0;
    for r in &results {
        if r.mismatches.is_empty() {
            let _ = writeln!(
                out,
                "ok     {} ({} finding{})",
                r.path,
                r.findings.len(),
                if r.findings.len() == 1 { "" } else { "s" }
            );
        } else {
            failed += 1;
            let _ = writeln!(out, "FAILED {}", r.path);
            for m in &r.mismatches {
                let _ = writeln!(out, "    {m}");
            }
        }
    }
    for u in &unknown {
        let _ = writeln!(out, "FAILED {}/{u}: no loaded rule has the id `{u}`", dir.display());
    }
    let _ = writeln!(
        out,
        "\n{} passed, {} failed",
        results.len() - failed,
        failed + unknown.len()
    );
    emit(&out);
    if failed + unknown.len() > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
