//! Embeds every `ledger/*.toml` and `rules/*.toml` file in the binary, so the default
//! ledger and rules work with no configuration and a new file needs no code change.
//!
//! Each file is also parsed here, once, into a compact tree (the format is described
//! in `src/embedded_toml.rs`, which reads it): parsing 180 KB of TOML was most of
//! factlint's start-up. A file that does not parse, or holds a value the tree does not
//! encode, gets an empty tree and is parsed at run time as before, so its errors are
//! reported as usual.

use std::fmt::Write as _;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let mut code = String::new();
    let mut trees = String::from("pub const TREES: &[&[u8]] = &[\n");
    for dir in ["ledger", "rules"] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".toml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let _ = writeln!(code, "pub const {}: &[(&str, &str)] = &[", dir.to_uppercase());
        for f in files {
            let abs = Path::new(dir).join(&f).canonicalize().unwrap_or_default();
            println!("cargo:rerun-if-changed={dir}/{f}");
            let _ = writeln!(code, "    (\"{dir}/{f}\", include_str!({:?})),", abs.display());
            let tree = std::fs::read_to_string(&abs)
                .ok()
                .and_then(|text| encode_document(&text))
                .unwrap_or_default();
            let bin = Path::new(&out).join(format!("{dir}-{f}.tree"));
            let _ = std::fs::write(&bin, tree);
            let _ = writeln!(trees, "    include_bytes!({:?}),", bin.display());
        }
        code.push_str("];\n");
    }
    trees.push_str("];\n");
    code.push_str("/// The pre-parsed tree of each file of `LEDGER` then `RULES`, in order.\n");
    code.push_str(&trees);
    let _ = std::fs::write(Path::new(&out).join("embedded.rs"), code);
}

fn encode_document(text: &str) -> Option<Vec<u8>> {
    let root = DeTable::parse(text).ok()?;
    let span = root.span();
    let mut out = Vec::new();
    encode(&Spanned::new(span, DeValue::Table(root.into_inner())), &mut out)?;
    Some(out)
}

/// One value: tag, span start and end, payload (see `src/embedded_toml.rs`).
fn encode(value: &Spanned<DeValue<'_>>, out: &mut Vec<u8>) -> Option<()> {
    let span = value.span();
    let tag = match value.get_ref() {
        DeValue::String(_) => 0,
        DeValue::Integer(_) => 1,
        DeValue::Float(_) => 2,
        DeValue::Boolean(_) => 3,
        DeValue::Array(_) => 4,
        DeValue::Table(_) => 5,
        DeValue::Datetime(_) => return None,
    };
    out.push(tag);
    out.extend(u32::try_from(span.start).ok()?.to_le_bytes());
    out.extend(u32::try_from(span.end).ok()?.to_le_bytes());
    match value.get_ref() {
        DeValue::String(s) => string(s, out)?,
        DeValue::Integer(i) => out.extend(i64::from_str_radix(i.as_str(), i.radix()).ok()?.to_le_bytes()),
        DeValue::Float(f) => {
            let f: f64 = f.as_str().parse().ok().filter(|f: &f64| f.is_finite())?;
            out.extend(f.to_bits().to_le_bytes());
        }
        DeValue::Boolean(b) => out.push(u8::from(*b)),
        DeValue::Array(items) => {
            out.extend(u32::try_from(items.len()).ok()?.to_le_bytes());
            for item in items.iter() {
                encode(item, out)?;
            }
        }
        DeValue::Table(table) => {
            out.extend(u32::try_from(table.len()).ok()?.to_le_bytes());
            for (key, value) in table.iter() {
                string(key.get_ref(), out)?;
                encode(value, out)?;
            }
        }
        DeValue::Datetime(_) => return None,
    }
    Some(())
}

fn string(s: &str, out: &mut Vec<u8>) -> Option<()> {
    out.extend(u32::try_from(s.len()).ok()?.to_le_bytes());
    out.extend(s.as_bytes());
    Some(())
}
