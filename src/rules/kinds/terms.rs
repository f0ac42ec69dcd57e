//! preferred-term and forbidden-term: house vocabulary (Vale's substitution and
//! existence checks).

use serde::Deserialize;

use crate::extract::gazetteer::is_word_byte;
use crate::rules::registry::{KindInfo, parse};
use crate::rules::{Check, Ctx, Emitter, Report};
use crate::span::Span;

pub const PREFERRED: KindInfo = KindInfo {
    name: "preferred-term",
    doc: "\
## What it checks
Words or phrases that have a preferred form (\"Kiev\" → \"Kyiv\", \"the Ukraine\" →
\"Ukraine\"), with the preferred form as the fix.

## Why
House style and official usage change; a release that writes \"Kiev\" reads as dated.

## Example
\"the government in Kiev\" → prefer \"Kyiv\" (fix: Kyiv).

## Parameters
- `terms`: a list of `{ use, instead_of, case_sensitive, unless_next_capitalised }`:
  `use` is the preferred form, `instead_of` the forms to replace; matching is whole
  words, case-sensitive by default; with `unless_next_capitalised`, a match followed by
  a capitalised word is part of a name and is skipped (\"the Ukraine Defence Contact
  Group\").",
    vars: &["found", "preferred"],
    parse: parse::<Preferred>,
};

pub const FORBIDDEN: KindInfo = KindInfo {
    name: "forbidden-term",
    doc: "\
## What it checks
Words or phrases that must not appear in a published document (placeholders such as
\"TBC\" or \"lorem ipsum\").

## Why
A draft's placeholders escape into print more often than anyone admits.

## Example
\"The ministers will meet on [DATE TBC].\" → \"TBC\" is a placeholder.

## Parameters
- `terms`: the words or phrases (whole words).
- `case_sensitive`: default true.",
    vars: &["found"],
    parse: parse::<Forbidden>,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preferred {
    terms: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    #[serde(rename = "use")]
    preferred: String,
    instead_of: Vec<String>,
    #[serde(default = "yes")]
    case_sensitive: bool,
    #[serde(default)]
    unless_next_capitalised: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbidden {
    terms: Vec<String>,
    #[serde(default = "yes")]
    case_sensitive: bool,
}

fn yes() -> bool {
    true
}

/// Whole-word occurrences of `needle` in `hay`.
fn find_all(hay: &str, needle: &str, case_sensitive: bool) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    let bytes = hay.as_bytes();
    let found: Vec<usize> = if case_sensitive {
        hay.match_indices(needle).map(|(i, _)| i).collect()
    } else {
        let lower_hay = hay.to_ascii_lowercase();
        let lower = needle.to_ascii_lowercase();
        lower_hay.match_indices(&lower).map(|(i, _)| i).collect()
    };
    let first_word = needle.as_bytes().first().is_some_and(|b| is_word_byte(*b));
    let last_word = needle.as_bytes().last().is_some_and(|b| is_word_byte(*b));
    found
        .into_iter()
        .filter(|&i| {
            let e = i + needle.len();
            (!first_word || i == 0 || !is_word_byte(bytes[i - 1]))
                && (!last_word || e == bytes.len() || !is_word_byte(bytes[e]))
        })
        .map(|i| Span::new(i, i + needle.len()))
        .collect()
}

fn next_word_capitalised(hay: &str, end: usize) -> bool {
    hay[end..]
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

impl Check for Preferred {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        let masked = cx.masked();
        for t in &self.terms {
            for form in &t.instead_of {
                for span in find_all(masked, form, t.case_sensitive) {
                    if t.unless_next_capitalised && next_word_capitalised(masked, span.end as usize) {
                        continue;
                    }
                    let found = cx.text(span);
                    // "The Ukraine" at a sentence start keeps its capital.
                    let preferred =
                        if found.starts_with(char::is_uppercase) && !t.preferred.starts_with(char::is_uppercase) {
                            let mut c = t.preferred.chars();
                            c.next()
                                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                                .unwrap_or_default()
                        } else {
                            t.preferred.clone()
                        };
                    out.emit(
                        Report::new(span)
                            .var("found", found)
                            .var("preferred", preferred.clone())
                            .label(span, format!("prefer \"{preferred}\""))
                            .fix(span, preferred),
                    );
                }
            }
        }
    }
}

impl Check for Forbidden {
    fn check(&self, cx: &Ctx<'_>, out: &mut Emitter<'_>) {
        for term in &self.terms {
            for span in find_all(cx.masked(), term, self.case_sensitive) {
                out.emit(
                    Report::new(span)
                        .var("found", cx.text(span))
                        .label(span, "remove before publishing"),
                );
            }
        }
    }
}
