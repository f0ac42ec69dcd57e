//! The quick masker against its oracle, the pulldown-cmark path: generated documents of
//! the genre and of edge cases, the repository's corpus, and pinned tricky cases.

use proptest::prelude::*;
use proptest::strategy::ValueTree;

use super::super::{blank, front_matter, markdown_paths, mask_markdown};
use crate::span::Span;

/// Asserts that the quick path, when it answers, agrees with the oracle, and that the
/// masker as used (quick path or fallback after a partial quick run) always does.
/// Returns whether the quick path answered.
fn agrees(text: &str) -> Result<bool, String> {
    let (quick, oracle) = markdown_paths(text);
    let show = |(mask, blocks): &(Vec<u8>, Vec<Span>)| {
        let blocks: Vec<&str> = blocks.iter().map(|b| text.get(b.range()).unwrap_or("?")).collect();
        format!("mask {:?}\nblocks {blocks:?}", String::from_utf8_lossy(mask))
    };
    if let Some(q) = &quick
        && *q != oracle
    {
        return Err(format!(
            "text {text:?}\nquick  {}\noracle {}\nquick blocks {:?}\noracle blocks {:?}",
            show(q),
            show(&oracle),
            q.1,
            oracle.1
        ));
    }
    let (_, body_start) = front_matter(text);
    let mut mask = blank(text);
    let blocks = mask_markdown(text, body_start, &mut mask);
    if (mask, blocks) != oracle {
        return Err(format!("mask_markdown differs from the oracle on {text:?}"));
    }
    Ok(quick.is_some())
}

fn check(text: &str) -> bool {
    agrees(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The mask and the blocks (as text) of the quick path, which must answer.
fn quick(text: &str) -> (String, Vec<&str>) {
    assert!(check(text), "quick path gave up on {text:?}");
    let (Some((mask, blocks)), _) = markdown_paths(text) else {
        unreachable!()
    };
    let blocks = blocks.iter().map(|b| &text[b.range()]).collect();
    (String::from_utf8(mask).unwrap(), blocks)
}

fn gives_up(text: &str) {
    assert!(!check(text), "quick path should give up on {text:?}");
}

#[test]
fn paragraphs_headings_and_inline() {
    let text = "# Title ##\n\nSee *this* and **that**, [the text](https://x.org/1950) `1951`,\nthen <!-- 1952 --> and <https://y.org/1953>.\n";
    let (mask, blocks) = quick(text);
    assert_eq!(
        mask,
        "  Title   \n\nSee  this  and   that  ,  the text                            ,\nthen               and                     .\n"
    );
    assert_eq!(
        blocks,
        vec![
            "# Title ##\n",
            "See *this* and **that**, [the text](https://x.org/1950) `1951`,\nthen <!-- 1952 --> and <https://y.org/1953>.\n"
        ]
    );
}

#[test]
fn lists_tight_and_loose() {
    // Tight: an item is one block, the last one with the blank lines after it.
    let (mask, blocks) = quick("- one\n- two\nlazy\n\n\nAfter.\n");
    assert_eq!(mask, "  one\n  two\nlazy\n\n\nAfter.\n");
    assert_eq!(blocks, vec!["- one\n", "- two\nlazy\n\n\n", "After.\n"]);
    // Loose: the marker and the paragraph are separate blocks.
    let (_, blocks) = quick("1. one\n\n2. two\n");
    assert_eq!(blocks, vec!["1. ", "one\n", "2. ", "two\n"]);
}

#[test]
fn tables_quotes_fences_and_comment_blocks() {
    let text = "| Year | Host |\n| --- | :-: |\n| 2018 | *Canada* |\n|  |\n\n> Quoted\n> more\n\n```text\n1950\n```\n<!-- a\nb -->\nEnd";
    let (mask, blocks) = quick(text);
    assert_eq!(
        mask,
        "  Year   Host  \n             \n  2018    Canada   \n    \n\n  Quoted\n  more\n\n       \n    \n   \n      \n     \nEnd"
    );
    assert_eq!(
        blocks,
        vec![
            " Year ",
            " Host ",
            " 2018 ",
            " *Canada* ",
            "  ",
            "Quoted\n> more\n",
            "End"
        ]
    );
}

/// A long line of many comments or lone `<` is read in linear time (a quadratic
/// reading would take minutes here).
#[test]
fn long_lines_stay_linear() {
    for piece in ["< ", "<!-- c --> ", "<https://x.org> ", "`c` ", "[a](b) ", "**b** "] {
        assert!(check(&format!("x {}", piece.repeat(100_000))));
    }
}

/// Brackets that are not a link are text when nothing is defined, as in a draft's
/// placeholders.
#[test]
fn placeholders_are_prose() {
    let (mask, blocks) = quick("Meet on [DATE] in [CITY] (TBC).\n");
    assert_eq!(mask, "Meet on [DATE] in [CITY] (TBC).\n");
    assert_eq!(blocks, vec!["Meet on [DATE] in [CITY] (TBC).\n"]);
    gives_up("Meet on [DATE].\n\n[DATE]: https://x.org\n");
}

/// Found by the property test: a row of no cells is no row, but a paragraph.
#[test]
fn a_bare_bar_ends_the_table() {
    gives_up("|  | NATO  |\n| --- | --- |\n| \n\nNATO  | |\n");
}

#[test]
fn gives_up_outside_the_subset() {
    for text in [
        "a\\*b",
        "a &amp; b",
        "<div>x</div>",
        "Title\n===\n",
        "Title\n---\n",
        "    code\n",
        "> > nested\n",
        "- a\n  - nested\n",
        "[ref]: https://x.org\n",
        "a[^1]\n",
        "![img](x.png)\n",
        "a\tb\n",
        "a\r\nb\r\n",
        "~~gone~~\n",
        "snake_case\n",
        "*unclosed\n",
        "a | b\n--|--\n",
        "-\n",
        "2. a\n\nb\n2. c\n",
        "para\n| a |\n|---|\n",
        "> quote\nlazy\n",
        "- a\n\n  more\n",
    ] {
        gives_up(text);
    }
}

/// Every Markdown file of the corpus: most take the quick path, and agree.
#[test]
fn corpus_takes_the_quick_path() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (mut files, mut quick) = (0, 0);
    for dir in ["clean", "planted"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                files += 1;
                quick += usize::from(check(&text));
            }
        }
    }
    assert!(quick >= QUICK_CORPUS_FILES, "{quick} of {files} on the quick path");
}

/// By hand, on a folder of documents (e.g. from `examples/gen_corpus`):
/// `FACTLINT_QUICK_DIR=/tmp/md-gen/docs cargo test --lib quick_path_on_a_folder -- --ignored --nocapture`.
#[test]
#[ignore]
#[allow(clippy::print_stderr)]
fn quick_path_on_a_folder() {
    let dir = std::env::var("FACTLINT_QUICK_DIR").unwrap();
    let (mut files, mut quick) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        files += 1;
        quick += usize::from(check(&text));
    }
    eprintln!("quick path: {quick} of {files} files");
}

const QUICK_CORPUS_FILES: usize = 58;

// Pieces of documents: the genre's, which the quick path should read, and edge cases
// it must give up on or get exactly right.
const SAFE_WORDS: &[&str] = &[
    "NATO",
    "the",
    "1949",
    "Canada",
    "Élysée",
    "Türkiye",
    "—",
    "–",
    "(G7)",
    "'s",
    "2024-09-26",
    "a.",
    "b,",
    "x:",
    "?",
    "5%",
    "é",
    "日本",
    "🙂",
    "http://x.org/a",
    "www.x.org",
    "#",
    "1.",
    "+",
    "-",
    "=",
    ">",
    "|",
    ":",
    "\"",
    "(",
    ")",
    "!",
    "&",
    "^",
    "$",
    "{",
    "}",
    "@",
];
const EDGE_WORDS: &[&str] = &[
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "\u{0}",
    "\u{85}",
    "http://x.org/a_b",
    "##",
    "2)",
    "--",
    "||",
    "'",
    "&amp;",
    "&#49;",
    "AT&T",
    "\\",
    "\\*",
    "_",
    "__",
    "a_b",
    "~",
    "~~",
    "1)",
];
const SAFE_ATOMS: &[&str] = &[
    "[DATE]",
    "[ ] ",
    "[x]",
    "[a] (u)",
    "[*a*]",
    "[a][b]",
    "[]",
    "*[a*]",
    "[a]:",
    "*a*",
    "**b**",
    "*a **b** c*",
    "**a *b* c**",
    "`c`",
    "``c`d``",
    "` * `",
    "[t](u)",
    "[t *e*](https://x.org/a)",
    "[`c`](u)",
    "[](u)",
    "[t](u*v)",
    "<!-- c -->",
    "<!-->",
    "<!--->",
    "<!-- a -- b -->",
    "<https://x.org>",
    "< ",
    "\n",
    "\n",
    "\n",
    "\n   ",
    "\n    ",
    "  \n",
    " ",
    " ",
    "  ",
    "*",
    "**",
];
const EDGE_ATOMS: &[&str] = &[
    "***",
    "`",
    "``",
    "`[`",
    "`<a>`",
    "[",
    "]",
    "[t](u \"title\")",
    "[t]( u)",
    "[t](<u>)",
    "[t](u(v))",
    "[t] (u)",
    "[t][r]",
    "[t]",
    "[^n]",
    "![i](u)",
    "[a*](u)*",
    "[t](u`v)",
    "<",
    "<!-- *e* -->",
    "<!-- `x -->",
    "<http://x.org/`a>",
    "<https://x.org/*a>",
    "<a@b.org>",
    "<b>",
    "</b>",
    "<?p?>",
    "<1>",
    "<!x>",
    "\\\n",
    "\n> ",
    "\n- ",
    "\n1. ",
    "\n# ",
    "\n---",
    "\n===",
    "\n|",
    "\n```",
    "\n<!--",
    "\n* * *",
    "\t",
    "\r\n",
];

fn inline(edge: bool) -> BoxedStrategy<String> {
    let words = if edge {
        [SAFE_WORDS, EDGE_WORDS].concat()
    } else {
        SAFE_WORDS.to_vec()
    };
    let atoms = if edge {
        [SAFE_ATOMS, EDGE_ATOMS].concat()
    } else {
        SAFE_ATOMS.to_vec()
    };
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(words.clone()).prop_map(|w| format!("{w} ")),
            2 => prop::sample::select(words).prop_map(str::to_string),
            2 => prop::sample::select(atoms).prop_map(str::to_string),
        ],
        0..8,
    )
    .prop_map(|v| v.concat())
    .boxed()
}

fn line_of(prefixes: &'static [&'static str], edge: bool) -> BoxedStrategy<String> {
    (prop::sample::select(prefixes), inline(edge))
        .prop_map(|(p, s)| format!("{p}{s}"))
        .boxed()
}

fn piece(edge: bool) -> BoxedStrategy<String> {
    let safe = prop_oneof![
        4 => inline(edge),
        2 => line_of(&["# ", "## ", "###### ", "#", "# #", "#  "], edge).prop_map(|h| h + " #"),
        2 => line_of(&["# ", "## ", "### "], edge),
        3 => prop::collection::vec(line_of(&["- ", "* ", "+ ", "1. ", "2. ", "1) ", "10. ", "01. ", "1234567890. ", "- ", "   ", "  ", ""], edge), 1..5)
            .prop_map(|v| v.join("\n")),
        2 => prop::collection::vec(line_of(&["> ", ">"], edge), 1..4).prop_map(|v| v.join("\n")),
        2 => prop::sample::select(&["```", "```text", "~~~", "````", "~~~~ x"][..]).prop_flat_map(move |open| {
            (Just(open), inline(edge), prop::sample::select(&["```", "~~~", "````", "   ```", "    ```", "``` x", ""][..]))
                .prop_map(|(o, body, close)| format!("{o}\n{body}\n{close}"))
        }),
        2 => (
            inline(edge),
            inline(edge),
            prop::sample::select(&["| --- | --- |", "|---|:-:|", "| - |", "|--|--|--|", "| --- | x |", "--|--"][..]),
            prop::collection::vec((inline(edge), inline(edge)), 0..3),
            prop::sample::select(&["|", "", "  ", " |"][..]),
        )
            .prop_map(|(a, b, delim, rows, end)| {
                let mut s = format!("| {a} | {b} {end}\n{delim}");
                for (c, d) in rows {
                    s.push_str(&format!("\n| {c} | {d}{end}"));
                }
                s
            }),
        1 => line_of(&["<!-- ", "<!--", "<!-->", "< "], edge).prop_map(|s| s + " -->"),
        1 => line_of(&["<!-- "], edge),
        1 => prop::sample::select(&["---", "***", "___", "* * *", "- - -", "-->"][..]).prop_map(str::to_string),
    ];
    if !edge {
        return safe.boxed();
    }
    prop_oneof![
        3 => safe,
        1 => line_of(&["####### ", " # ", "-  ", "  - ", "> > ", ">  ", "``` a`b", "  ```", "<div>", "    ", "\t"], edge),
        1 => prop::sample::select(&[
            "===", "-", "--", "[r]: https://x.org", "[^n]: note", "    indented", "\t- tab", "---\ntitle: x\n---", "|",
            "| a |", "1.", "- ", "+", ">", "\u{feff}", "\r", "* a\n\n  b", "- a\n  - b", "1. a\n   1. b",
        ][..]).prop_map(str::to_string),
    ]
    .boxed()
}

fn document() -> impl Strategy<Value = String> {
    any::<bool>().prop_flat_map(|edge| {
        let seps: &[&str] = if edge {
            &["\n", "\n\n", "\n\n", "", "\n\n\n", "  \n", "\n \n", "\r\n"]
        } else {
            &["\n", "\n\n", "\n\n", "", "\n\n\n", "\n \n"]
        };
        (
            prop::collection::vec((piece(edge), prop::sample::select(seps)), 0..10),
            prop::sample::select(&["", "---\ndate: 2024-01-02\n---\n", "\u{feff}", "---\nx\n---\n\n"][..]),
        )
            .prop_map(|(pieces, head)| {
                let mut s = head.to_string();
                for (p, sep) in pieces {
                    s.push_str(&p);
                    s.push_str(sep);
                }
                s
            })
    })
}

/// The property is only as good as the share of generated documents the quick path
/// answers: keep it up.
#[test]
fn generated_documents_often_take_the_quick_path() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = document();
    let (mut quick, n) = (0, 2000);
    for _ in 0..n {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        quick += usize::from(check(&text));
    }
    assert!(quick * 100 >= n * 25, "{quick} of {n}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn quick_path_agrees_with_pulldown(text in document()) {
        if let Err(e) = agrees(&text) {
            prop_assert!(false, "{}", e);
        }
    }
}
