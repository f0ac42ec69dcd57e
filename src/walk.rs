//! Finding the documents to check: explicit files as given, folders walked with the
//! `ignore` crate (.gitignore, .ignore and hidden files honoured).

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::error::InputError;

/// File extensions checked when walking folders.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expands paths into a sorted, de-duplicated list of documents. Paths that do not
/// exist or cannot be walked are returned as errors; the rest still go on.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
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
        for entry in WalkBuilder::new(p).follow_links(false).build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_document(e.path()) => {
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
