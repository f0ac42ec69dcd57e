//! Embeds every `ledger/*.toml` and `rules/*.toml` file in the binary, so the default
//! ledger and rules work with no configuration and a new file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let mut code = String::new();
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
        }
        code.push_str("];\n");
    }
    let _ = std::fs::write(Path::new(&out).join("embedded.rs"), code);
}
