//! Deterministic generators for benchmarks and robustness tests: Markdown documents
//! of the genre (joint statements, readouts, backgrounders), one large file, and the
//! default ledger scaled up with synthetic entities. The same seed gives the same
//! bytes on every machine; no dependency beyond std.
//!
//! Shared by `benches/*.rs` and `examples/gen_corpus.rs` through `#[path]`.
#![allow(dead_code)]

use std::fmt::Write as _;

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

use factlint::ledger::MONTH_NAMES as MONTHS;
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const CITIES: [&str; 8] = [
    "OTTAWA",
    "PARIS",
    "BERLIN",
    "BRUSSELS",
    "LONDON",
    "ROME",
    "TOKYO",
    "WASHINGTON",
];

/// Names as the default ledger writes them, with aliases and acronyms.
const ENTITIES: [&str; 40] = [
    "Canada",
    "France",
    "Germany",
    "Italy",
    "Japan",
    "the United Kingdom",
    "the United States",
    "Ukraine",
    "Poland",
    "Sweden",
    "Finland",
    "North Macedonia",
    "Montenegro",
    "Türkiye",
    "NATO",
    "the North Atlantic Treaty Organization (NATO)",
    "the North Atlantic Alliance",
    "the Allies",
    "the European Union",
    "the EU",
    "the United Nations",
    "the UN Security Council",
    "the G7",
    "the G20",
    "the OSCE",
    "the OECD",
    "the Arctic Council",
    "UNESCO",
    "the World Trade Organization",
    "the International Monetary Fund",
    "NORAD",
    "the Paris Agreement",
    "the Élysée Treaty",
    "the Treaty of Rome",
    "the Ukraine Defence Contact Group (UDCG)",
    "the Coalition of the Willing",
    "the Indo-Pacific Strategy",
    "the Normandy landings",
    "Québec",
    "the Republic of Moldova",
];

const LEADERS: [(&str, &str); 8] = [
    ("Justin Trudeau", "Prime Minister of Canada"),
    ("Emmanuel Macron", "President of the French Republic"),
    ("Olaf Scholz", "Chancellor of Germany"),
    ("Giorgia Meloni", "Prime Minister of Italy"),
    ("Fumio Kishida", "Prime Minister of Japan"),
    ("Jens Stoltenberg", "Secretary General of NATO"),
    ("Mark Rutte", "Secretary General of NATO"),
    ("Keir Starmer", "Prime Minister of the United Kingdom"),
];

const TOPICS: [&str; 10] = [
    "defence cooperation",
    "critical minerals",
    "clean hydrogen",
    "Arctic security",
    "support for Ukraine",
    "artificial intelligence",
    "climate finance",
    "energy security",
    "peacekeeping",
    "the rules-based international order",
];

/// A date in one of the forms the grammar reads.
fn date(r: &mut Rng) -> String {
    let y = r.range(1945, 2031);
    let m = r.range(0, 12) as usize;
    let d = r.range(1, 29);
    let month = MONTHS[m];
    match r.range(0, 22) {
        0 => format!("{d} {month} {y}"),
        1 => format!("{month} {d}, {y}"),
        2 => format!("{}, {month} {d}, {y}", r.pick(&WEEKDAYS)),
        3 => format!("{}, {d} {month} {y}", r.pick(&WEEKDAYS)),
        4 => format!("{month} {y}"),
        5 => format!("in {y}"),
        6 => format!("{y} and {}", y + 1),
        7 => format!("{y}/{}", y + 1),
        8 => format!("{y}–{}", y + r.range(1, 4)),
        9 => format!("from {y} to {}", y + r.range(1, 5)),
        10 => format!("the {}0s", y / 10),
        11 => format!("the {} century", ordinal(r.range(18, 22))),
        12 => "last year".to_string(),
        13 => "next month".to_string(),
        14 => "this year".to_string(),
        15 => format!("{y}-{:02}-{d:02}", m + 1),
        16 => format!("between {y} and {}", y + 2),
        17 => format!("early {y}"),
        18 => format!("{month} {d}–{}, {y}", d + 1),
        19 => format!("{y}, {} and {}", y + 1, y + 2),
        20 => "two years ago".to_string(),
        _ => format!("on {d} {month}"),
    }
}

fn ordinal(n: u64) -> String {
    factlint::rules::kinds::ordinal(n as i64)
}

fn sentence(r: &mut Rng) -> String {
    let e1 = r.pick(&ENTITIES);
    let e2 = r.pick(&ENTITIES);
    let (who, office) = r.pick(&LEADERS);
    let topic = r.pick(&TOPICS);
    let d = date(r);
    match r.range(0, 12) {
        0 => format!("{who}, {office}, met leaders of {e1} on {d} to discuss {topic}."),
        1 => format!(
            "{} was founded in {}, and its members renewed their commitment {d}.",
            capital(e1),
            r.range(1945, 2000)
        ),
        2 => format!(
            "This year marks the {} anniversary of {e2}, a milestone for {e1}.",
            ordinal(r.range(5, 100))
        ),
        3 => format!(
            "Our successive G7 presidencies in {} and {} will build on {topic}.",
            r.range(2018, 2030),
            r.range(2018, 2030)
        ),
        4 => format!(
            "{} and {e2} signed a roadmap on {topic} {d}, with 12 sponsoring nations and 32 Allies.",
            capital(e1)
        ),
        5 => format!("The {office}, {who}, will travel to {e1} {d}."),
        6 => format!("Since {d}, {e1} has provided more than 4 billion dollars in support of {topic}."),
        7 => format!(
            "{} reaffirmed its defence and security partnership with {e2} ({d}).",
            capital(e1)
        ),
        8 => format!(
            "Ministers welcomed the report of {e1} published {d}, and looked ahead to the summit in {}.",
            r.range(2024, 2030)
        ),
        9 => format!(
            "Under {who}'s leadership, {e1} hosted the {} summit of {e2}.",
            ordinal(r.range(1, 50))
        ),
        10 => format!("The organisation of the meeting {d} reflected the priorities of {e1}."),
        _ => format!(
            "{} will renew its pledge on {topic} in {}.",
            capital(e2),
            r.range(2020, 2032)
        ),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// One document of the genre, `target` bytes long give or take a sentence.
pub fn document(seed: u64, target: usize) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(target + 512);
    let y = r.range(2015, 2026);
    let m = r.range(0, 12) as usize;
    let d = r.range(1, 29);
    if r.chance(40) {
        let _ = write!(
            out,
            "---\ntitle: Statement {seed}\ndate: {y}-{:02}-{d:02}\n---\n\n",
            m + 1
        );
    }
    let _ = write!(
        out,
        "# Joint Statement by {} and {} on {}\n\n",
        capital(r.pick(&ENTITIES)),
        r.pick(&ENTITIES),
        r.pick(&TOPICS)
    );
    if r.chance(70) {
        let _ = write!(out, "{}, {} {d}, {y} — ", r.pick(&CITIES), MONTHS[m]);
    }
    while out.len() < target {
        match r.range(0, 24) {
            0 => {
                let _ = write!(out, "\n\n## {}\n\n", capital(r.pick(&TOPICS)));
            }
            1 => {
                out.push_str("\n\n");
                for _ in 0..r.range(2, 6) {
                    let _ = writeln!(out, "- {}", sentence(&mut r));
                }
                out.push('\n');
            }
            2 => {
                out.push_str("\n\n");
                for i in 1..r.range(3, 5) {
                    let _ = writeln!(out, "{i}. {}", sentence(&mut r));
                }
                out.push('\n');
            }
            3 => {
                let _ = write!(
                    out,
                    "\n\n```text\nref 2019-04-04 NATO {} founded in 1950\n```\n\n",
                    r.next() % 1000
                );
            }
            4 => {
                let _ = write!(
                    out,
                    "See [the full text of {} ({})](https://www.example.org/{}/statement-{}) and `{}`. ",
                    r.pick(&ENTITIES),
                    date(&mut r),
                    r.range(2000, 2030),
                    r.next() % 10_000,
                    r.range(1900, 2100)
                );
            }
            5 => {
                let _ = write!(out, "\n\n> {}\n\n", sentence(&mut r));
            }
            6 => {
                let _ = writeln!(out, "<!-- note {} -->", date(&mut r));
            }
            7 => {
                out.push_str("\n\n| Year | Presidency |\n| --- | --- |\n");
                for _ in 0..3 {
                    let _ = writeln!(out, "| {} | {} |", r.range(2010, 2030), r.pick(&ENTITIES));
                }
                out.push('\n');
            }
            8 => out.push_str("\n\n"),
            _ => {
                out.push_str(&sentence(&mut r));
                out.push(' ');
            }
        }
    }
    out.push('\n');
    out
}

/// Document `i` of a corpus: 4–8 KB, seeded by its index.
pub fn corpus_document(i: usize) -> String {
    let mut r = Rng::new(i as u64 * 7919 + 1);
    let target = r.range(4096, 8000) as usize;
    document(i as u64 + 1, target)
}

/// A corpus of `n` documents: `(file name, text)`.
pub fn corpus(n: usize) -> Vec<(String, String)> {
    (0..n).map(|i| (format!("doc-{i:05}.md"), corpus_document(i))).collect()
}

/// One large Markdown file of at least `bytes` bytes (documents joined by rules).
pub fn large_file(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 8192);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&corpus_document(i));
        out.push_str("\n---\n\n");
        i += 1;
    }
    out
}

/// A syllable-built proper name, unique for each `i`.
fn synthetic_name(i: usize) -> String {
    const SYL: [&str; 20] = [
        "al", "bor", "cen", "dra", "el", "fen", "gal", "hor", "is", "jun", "kal", "lor", "mar", "nev", "or", "pra",
        "quin", "ros", "sel", "tar",
    ];
    let mut n = i;
    let mut s = String::new();
    for _ in 0..4 {
        s.push_str(SYL[n % 20]);
        n /= 20;
    }
    if n > 0 {
        s.push_str(SYL[n % 20]);
    }
    capital(&s)
}

/// An all-caps acronym unique for each `i` ("QAAB"), never a real one.
fn synthetic_acronym(i: usize) -> String {
    let mut n = i;
    let mut s = String::from("Q");
    for _ in 0..4 {
        s.push((b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    s
}

/// A ledger file of `n` synthetic entities, each with a name, an acronym, two
/// aliases and a founding event: merged with the default ledger it scales the
/// automaton and the tables.
pub fn ledger(n: usize) -> String {
    let mut r = Rng::new(n as u64);
    let mut out = String::with_capacity(n * 360);
    out.push_str("# Generated by benches/gen: synthetic entities for scale tests.\n\n");
    for i in 0..n {
        let name = synthetic_name(i);
        let acr = synthetic_acronym(i);
        let _ = write!(
            out,
            "[[entity]]\nid = \"gen-{i}\"\nname = \"{name} Council\"\nkind = \"organisation\"\nacronym = \"{acr}\"\n\
             aliases = [\"{acr}\", \"{name} Development Council\", \"Council of {name}\"]\nsource = \"generated\"\n\n\
             [[event]]\nentity = \"gen-{i}\"\nkind = \"founded\"\ndate = \"{}-{:02}-{:02}\"\nsource = \"generated\"\n\n",
            r.range(1900, 2020),
            r.range(1, 13),
            r.range(1, 29)
        );
    }
    out
}

/// A ledger file with one entity carrying `n` aliases.
pub fn ledger_many_aliases(n: usize) -> String {
    let mut out = String::with_capacity(n * 24 + 200);
    out.push_str("[[entity]]\nid = \"many\"\nname = \"Many Names Council\"\nkind = \"organisation\"\naliases = [\n");
    for i in 0..n {
        let _ = writeln!(out, "  \"{} Council\",", synthetic_name(i));
    }
    out.push_str("]\nsource = \"generated\"\n");
    out
}
