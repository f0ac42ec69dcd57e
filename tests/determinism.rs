//! The same bytes out for any number of threads: the corpus checked on 1 and on 8
//! threads (rayon honours `RAYON_NUM_THREADS`), in both output formats.

use std::process::Command;

fn run(threads: &str, format: &str) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "corpus", "--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("factlint runs");
    (out.status.code(), out.stdout, out.stderr)
}

#[test]
fn one_and_eight_threads_give_the_same_bytes() {
    for format in ["human", "json"] {
        let one = run("1", format);
        let eight = run("8", format);
        assert_eq!(one.0, Some(1), "corpus/planted has findings");
        assert!(one.1.len() > 10_000, "{format}: a real report, not an empty one");
        assert!(one == eight, "{format}: output differs between 1 and 8 threads");
    }
}
