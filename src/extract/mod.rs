//! Extraction: the items the grammar finds in a document's prose, each with its
//! byte span: temporal expressions, ledger names, acronym definitions, numbers and
//! sentence boundaries. It also settles the document date.

pub mod acronym;
pub mod gazetteer;
pub mod lexicon;
pub mod numbers;
pub mod sentences;
pub mod timex;
pub mod tokens;

use jiff::civil::Date;
use serde::Serialize;

pub use acronym::AcronymDef;
pub use gazetteer::{Gazetteer, Mention, Target};
pub use numbers::Number;
pub use timex::{Anniversary, Temporal, Timex, TimexValue};

use crate::source::SourceText;
use crate::span::Span;

/// Where the document date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrigin {
    /// `--date` on the command line (or the caller's equivalent).
    Given,
    FrontMatter,
    Dateline,
}

/// The day the document speaks from: "this year" and office holders resolve to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DocDate {
    pub date: Date,
    pub origin: DateOrigin,
    /// Where it is written in the document, if it is.
    pub span: Option<Span>,
}

/// Everything the grammar found in one document.
#[derive(Clone, Debug, Serialize)]
pub struct Extraction {
    pub doc_date: Option<DocDate>,
    pub sentences: Vec<Span>,
    pub timexes: Vec<Timex>,
    pub anniversaries: Vec<Anniversary>,
    pub mentions: Vec<Mention>,
    pub acronyms: Vec<AcronymDef>,
    pub numbers: Vec<Number>,
    /// The words of the masked text, for the rules that read word by word.
    #[serde(skip)]
    pub tokens: Vec<tokens::Token>,
}

/// Runs every extractor over the document's prose.
pub fn extract(
    source: &SourceText,
    gazetteer: &Gazetteer,
    given_date: Option<Date>,
    sources: crate::config::DateSources,
) -> Extraction {
    let masked = source.masked.as_str();
    let doc_date = given_date
        .map(|date| DocDate {
            date,
            origin: DateOrigin::Given,
            span: None,
        })
        .or_else(|| {
            let date = source.front_matter_date().filter(|_| sources.front_matter);
            date.map(|date| DocDate {
                date,
                origin: DateOrigin::FrontMatter,
                span: source.front_matter.date.as_ref().map(|(_, s)| *s),
            })
        })
        .or_else(|| if sources.dateline { dateline(source) } else { None });
    let tokens = tokens::tokenize(masked.as_bytes());
    let Temporal { timexes, anniversaries } = timex::extract_temporal_in(masked, &tokens, doc_date.map(|d| d.date));
    let mentions = gazetteer.find_in(masked, &tokens);
    let in_timex = SpanSet::new(timexes.iter().map(|t| t.span));
    let numbers = numbers::find_in(masked, &tokens)
        .into_iter()
        .filter(|n| !in_timex.overlaps(n.span))
        .collect();
    Extraction {
        doc_date,
        sentences: sentences::split(masked, &source.blocks),
        timexes,
        anniversaries,
        mentions,
        acronyms: acronym::find_definitions(masked),
        numbers,
        tokens,
    }
}

/// Room for the items an extractor finds in `len` bytes of prose at about one every
/// `every` bytes (the genre's density), so the list is not grown and copied over and
/// over; capped, so that a huge file does not reserve more than it finds.
pub(crate) fn expected(len: usize, every: usize) -> usize {
    (len / every).min(4096)
}

/// Spans sorted by start with the running maximum of their ends, so that "does any
/// span overlap this one" is a binary search rather than a scan (a scan per number made
/// extraction quadratic in the document's size).
struct SpanSet {
    starts: Vec<u32>,
    max_end: Vec<u32>,
}

impl SpanSet {
    fn new(spans: impl Iterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_by_key(|s| s.start);
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                max = max.max(s.end);
                max
            })
            .collect();
        SpanSet {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// True when some span `t` has `t.start < span.end && span.start < t.end`.
    fn overlaps(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s < span.end);
        n > 0 && self.max_end[n - 1] > span.start
    }
}

/// A dateline in the first blocks: "OTTAWA, September 26, 2024 —", "On September 26,
/// 2024, in Ottawa, ...", or a block that is a date and nothing else.
fn dateline(source: &SourceText) -> Option<DocDate> {
    let masked = source.masked.as_str();
    for block in source.blocks.iter().take(5) {
        let text = masked.get(block.range())?;
        let lead = text.len() - text.trim_start().len();
        let start = block.start as usize + lead;
        // Look at the block's first 120 bytes only.
        let mut end = (start + 120).min(block.end as usize);
        while !masked.is_char_boundary(end) {
            end -= 1;
        }
        let head = masked.get(start..end)?;
        let found = timex::extract_temporal(head, None);
        let Some(t) = found.timexes.first() else { continue };
        let TimexValue::Day { date } = t.value else { continue };
        let (ts, te) = (t.span.start as usize, t.span.end as usize);
        // With its weekday, the date phrase starts at the weekday.
        let ts = t.weekday.map_or(ts, |(_, w)| ts.min(w.start as usize));
        let before = &head[..ts];
        let after = head[te..].trim_start();
        let city = !before.is_empty()
            && before.trim_end().ends_with(',')
            && before
                .trim_end()
                .trim_end_matches(',')
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '-' | '\''))
            && before.chars().next().is_some_and(char::is_uppercase);
        let on = before == "On " && after.starts_with(", in ");
        let alone = before.trim().is_empty() && text.trim().len() == te - ts;
        let dash =
            after.starts_with('—') || after.starts_with('–') || after.starts_with("- ") || after.starts_with("--");
        if (city && (dash || after.starts_with(':') || after.starts_with('/'))) || on || alone {
            let span = Span::new(start + ts, start + te);
            return Some(DocDate {
                date,
                origin: DateOrigin::Dateline,
                span: Some(span),
            });
        }
    }
    None
}

#[cfg(test)]
mod span_set_tests {
    use super::*;

    #[test]
    fn span_set_agrees_with_a_scan() {
        let spans = [Span::new(10, 14), Span::new(2, 5), Span::new(20, 40), Span::new(22, 23)];
        let set = SpanSet::new(spans.iter().copied());
        for start in 0..45 {
            for len in 0..6 {
                let probe = Span::new(start, start + len);
                let scan = spans.iter().any(|t| t.overlaps(probe));
                assert_eq!(set.overlaps(probe), scan, "{probe:?}");
            }
        }
    }
}
