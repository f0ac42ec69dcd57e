//! Finding the documents to check: explicit files as given, folders walked with the
//! `ignore` crate (.gitignore, .ignore and hidden files honoured).

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::config::FileGlobs;
use crate::error::InputError;

/// File extensions checked when walking folders.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expands paths into a sorted, de-duplicated list of documents. Paths that do not
/// exist or cannot be walked are returned as errors; the rest still go on. Folders are
/// filtered by `globs` (relative to the folder walked); files named explicitly are
/// always checked.
pub fn collect(paths: &[PathBuf], globs: &FileGlobs) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_file() => {
                files.push(p.clone());
                continue;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(InputError::new(
                    "io::not-found",
                    &p.display().to_string(),
                    format!("{}: no such file or folder", p.display()),
                ));
                continue;
            }
            // A symlink loop, a permission error: say what it is.
            Err(e) => {
                errors.push(InputError::new(
                    "io::read",
                    &p.display().to_string(),
                    format!("{}: cannot read: {e}", p.display()),
                ));
                continue;
            }
        }
        let mut builder = WalkBuilder::new(p);
        builder.follow_links(false);
        let has_includes = !globs.include.is_empty();
        if has_includes || !globs.exclude.is_empty() {
            let mut ob = OverrideBuilder::new(p);
            let mut bad = None;
            for g in &globs.include {
                bad = bad.or(ob.add(g).err());
            }
            for g in &globs.exclude {
                bad = bad.or(ob.add(&format!("!{g}")).err());
            }
            match (bad, ob.build()) {
                (None, Ok(o)) => {
                    builder.overrides(o);
                }
                (Some(e), _) | (None, Err(e)) => {
                    errors.push(InputError::new(
                        "config::glob",
                        "factlint.toml",
                        format!("factlint.toml: bad glob in [files]: {e}"),
                    ));
                    continue;
                }
            }
        }
        for entry in builder.build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && (has_includes || is_document(e.path())) => {
                    files.push(e.into_path())
                }
                Ok(_) => {}
                Err(err) => {
                    let path = match &err {
                        ignore::Error::WithPath { path, .. } => path.display().to_string(),
                        _ => p.display().to_string(),
                    };
                    errors.push(InputError::new("io::walk", &path, format!("{path}: {err}")));
                }
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// A path as it is shown: relative, with `/` separators.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}
