//! Fixes: applying certain replacements to a document, and writing the result
//! atomically (a temporary file in the same folder, then a rename), keeping the file's
//! permissions. Bytes outside the fixed spans are never touched.

use std::io::Write;
use std::path::Path;

use crate::diagnostics::Finding;

/// Applies every fix that does not overlap an earlier one; returns the new text and
/// how many fixes were applied.
pub fn apply(text: &str, findings: &[Finding]) -> (String, usize) {
    let mut fixes: Vec<_> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0usize;
    let mut applied = 0;
    for f in fixes {
        let (s, e) = (f.span.start as usize, f.span.end as usize);
        if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        // Removing a whole-line comment removes its line ending too.
        let e = if f.replacement.is_empty() && text[..s].ends_with('\n') && text[e..].starts_with('\n') {
            e + 1
        } else {
            e
        };
        out.push_str(&text[pos..s]);
        out.push_str(&f.replacement);
        pos = e;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// Replaces `path`'s contents with `contents` atomically: on any failure the original
/// file is left as it was.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let perms = std::fs::metadata(path)?.permissions();
    let mut tmp_path = None;
    for i in 0..100u32 {
        let candidate = dir.join(format!(".{name}.factlint-{}-{i}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(mut f) => {
                let written = f.write_all(contents).and_then(|_| f.sync_all());
                if let Err(e) = written {
                    let _ = std::fs::remove_file(&candidate);
                    return Err(e);
                }
                tmp_path = Some(candidate);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    let tmp = tmp_path.ok_or_else(|| std::io::Error::other("no free temporary file name"))?;
    let done = std::fs::set_permissions(&tmp, perms).and_then(|_| std::fs::rename(&tmp, path));
    if done.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    done
}

/// A unified diff of a fix, for `--diff`.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Fix;
    use crate::span::Span;

    fn fix(s: usize, e: usize, r: &str) -> Finding {
        let span = Span::new(s, e);
        Finding {
            fix: Some(Fix {
                span,
                replacement: r.into(),
            }),
            ..Finding::bare("r", span)
        }
    }

    #[test]
    fn applies_non_overlapping_fixes_and_keeps_other_bytes() {
        let text = "Friday,\r\nin 1950 and 1951.\r\n";
        let (out, n) = apply(text, &[fix(0, 6, "Thursday"), fix(12, 16, "1949"), fix(13, 15, "xx")]);
        assert_eq!(out, "Thursday,\r\nin 1949 and 1951.\r\n");
        assert_eq!(n, 2);
    }

    #[test]
    fn atomic_write_replaces_and_keeps_permissions() {
        let dir = std::env::temp_dir().join(format!("factlint-fix-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let p = dir.join("doc.md");
        std::fs::write(&p, "old").unwrap_or_default();
        assert!(write_atomic(&p, b"new").is_ok());
        assert_eq!(std::fs::read_to_string(&p).unwrap_or_default(), "new");
        assert_eq!(
            std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0),
            1,
            "no temporary file left"
        );
        // A missing file cannot be replaced: an error, and nothing created.
        assert!(write_atomic(&dir.join("missing.md"), b"x").is_err());
        assert!(!dir.join("missing.md").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
