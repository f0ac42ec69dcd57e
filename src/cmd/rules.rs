//! `factlint rules list`, `factlint rules kinds`, `factlint explain`.

use std::fmt::Write as _;

use factlint::rules::{KINDS, kind_info};

use super::*;

pub fn list(sources: &Sources) -> u8 {
    let (engine, errors) = engine(sources);
    if !errors.is_empty() {
        print_errors(&errors);
        return EXIT_ERROR;
    }
    let mut out = String::new();
    for r in &engine.rules {
        let _ = writeln!(
            out,
            "{:<28} {:<22} {:<8} {}",
            r.id,
            r.kind.name,
            r.severity.as_str(),
            r.summary
        );
    }
    emit(&out);
    EXIT_OK
}

pub fn kinds() -> u8 {
    let mut out = String::new();
    for k in KINDS {
        let first = k.doc.lines().nth(1).unwrap_or("");
        let _ = writeln!(out, "{:<22} {first}", k.name);
    }
    emit(&out);
    EXIT_OK
}

pub fn explain(name: &str, sources: &Sources) -> u8 {
    let (engine, errors) = engine(sources);
    if !errors.is_empty() {
        print_errors(&errors);
        return EXIT_ERROR;
    }
    let mut out = String::new();
    if let Some(r) = engine.rules.iter().find(|r| r.id == name) {
        let _ = writeln!(out, "# {} ({})\n", r.id, r.name);
        let _ = writeln!(out, "{}\n", r.summary);
        let _ = writeln!(
            out,
            "Kind: {}   Severity: {}   Status: {:?}   Pack: {}",
            r.kind.name,
            r.severity.as_str(),
            r.status,
            r.path
        );
        let _ = writeln!(out, "Message: {}", r.message);
        if let Some(h) = &r.help {
            let _ = writeln!(out, "Help: {h}");
        }
        if !r.params_toml.trim().is_empty() {
            let _ = writeln!(out, "\nParameters:\n{}", r.params_toml.trim_end());
        }
        let _ = writeln!(out, "\n{}", r.kind.doc);
    } else if let Some(k) = kind_info(name) {
        let _ = writeln!(out, "# check kind {}\n\n{}", k.name, k.doc);
        let _ = writeln!(
            out,
            "\nTemplate values: {}",
            k.vars.iter().map(|v| format!("{{{v}}}")).collect::<Vec<_>>().join(", ")
        );
    } else {
        let ids: Vec<String> = engine.rules.iter().map(|r| r.id.clone()).collect();
        let hint =
            factlint::suggest::closest(name, ids.iter()).map_or(String::new(), |b| format!(" (did you mean `{b}`?)"));
        eprintln!("error: no rule or check kind `{name}`{hint}");
        return EXIT_ERROR;
    }
    emit(&out);
    EXIT_OK
}

pub fn docs() -> u8 {
    let (engine, errors) = engine(&Sources::default());
    if !errors.is_empty() {
        print_errors(&errors);
        return EXIT_ERROR;
    }
    emit(&factlint::rules::docs::markdown(&engine.rules));
    EXIT_OK
}
