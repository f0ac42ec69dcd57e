//! Property tests: random valid dates rendered in every supported format parse back
//! to the same value, with the span covering exactly the rendered text; arbitrary
//! input never panics and yields sorted, disjoint, in-bounds spans.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::extract_temporal;

use crate::ledger::MONTH_NAMES as MONTHS;
const ABBREVS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

use crate::rules::kinds::weekday::weekday_name;

fn ordinal_suffix(d: i8) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A valid calendar date between 1000 and 2999 (every day of every month is possible).
fn any_date() -> impl Strategy<Value = Date> {
    (1000i16..=2999, 1i8..=12, 1i8..=31).prop_filter_map("valid date", |(y, m, d)| Date::new(y, m, d).ok())
}

/// Renders `date` in format number `f`, returning the text and the TIMEX3 value.
fn render(date: Date, f: u8) -> (String, String) {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let month = MONTHS[(m - 1) as usize];
    let abbrev = ABBREVS[(m - 1) as usize];
    let day_value = format!("{y:04}-{m:02}-{d:02}");
    match f {
        0 => (format!("{month} {d}, {y}"), day_value),
        1 => (format!("{abbrev} {d}, {y}"), day_value),
        2 => (format!("{d} {month} {y}"), day_value),
        3 => (format!("{d}{} of {month} {y}", ordinal_suffix(d)), day_value),
        4 => (format!("{}, {month} {d}, {y}", weekday_name(date.weekday())), day_value),
        5 => (format!("{} {d} {month} {y}", weekday_name(date.weekday())), day_value),
        6 => (format!("{y:04}-{m:02}-{d:02}"), day_value),
        7 => (format!("{month} {d}{}, {y}", ordinal_suffix(d)), day_value),
        8 => (format!("{month} {y}"), format!("{y:04}-{m:02}")),
        _ => (format!("{month} of {y}"), format!("{y:04}-{m:02}")),
    }
}

/// What may follow a year: ranges, lists, possessives, count nouns, decimals, times,
/// and plain words and punctuation.
const TAILS: &[&str] = &[
    " ",
    "  ",
    "\t",
    "\n",
    "\u{a0}",
    "\u{202f}",
    " to",
    " To",
    " through",
    " until",
    " till",
    " and",
    " or",
    " Or",
    " apples",
    " the",
    " on",
    " troops",
    " Troops",
    " km2",
    " km",
    " days",
    "-",
    "–",
    " – ",
    "—",
    "/",
    ",",
    ", ",
    ".",
    ".5",
    ":",
    ":30",
    ")",
    ";",
    "'s",
    "\u{2019}s",
    "%",
    "s",
    "a",
    "2016",
    "99",
    "7",
    "!",
    "?",
    "\"",
    "]",
    "é",
    " é",
    " 2016",
    " A",
    " Early",
    " mid-2025",
    "-word",
    "-2016",
    ", and",
    ", and ",
    " and ",
    " or ",
    ", or ",
    " And ",
    ", the",
    " the end of 2026",
    "early 2027",
    " early",
    " two",
    " two thousand",
    "nineteen ninety",
    " twenty",
    " one",
    " a",
    " hundred",
    " (",
    " \"",
    "x",
    "and",
    " andes",
    " order",
    " mid-2028",
    "later",
    " 3",
    "“",
    " “",
    "\u{2013} 2029",
    " to 2030",
    " and 2031",
    ", 2032",
    "/2033",
    "–2034",
    "-35",
    " or 2036",
    " through 2037",
    " until 2038",
    " and early 2039",
    ", mid-2040",
    " or nineteen ninety",
    ", 2041 and 2042",
    ", 2043, 2044",
    "/99",
    "–45",
    " - 2046",
    " till 47",
    " and the end of 2048",
    "\u{2019}s and 2049",
];

/// Words of relative and modified phrases, in several cases, and near misses.
const PHRASE_WORDS: &[&str] = &[
    "the",
    "The",
    "THE",
    "end",
    "End",
    "beginning",
    "start",
    "middle",
    "turn",
    "of",
    "Of",
    "off",
    "mid",
    "Mid",
    "late",
    "early",
    "Early",
    "earlier",
    "later",
    "lately",
    "ends",
    "this",
    "This",
    "current",
    "present",
    "last",
    "Last",
    "previous",
    "past",
    "next",
    "coming",
    "following",
    "that",
    "That",
    "thats",
    "year",
    "Year",
    "years",
    "month",
    "months",
    "week",
    "quarter",
    "quarters",
    "century",
    "decade",
    "decades",
    "day",
    "days",
    "hour",
    "season",
    "2024",
    "1990s",
    "two",
    "\u{e9}t\u{e9}",
    "",
    "more",
    "More",
    "less",
    "fewer",
    "than",
    "Than",
    "thanks",
    "at",
    "least",
    "most",
    "up",
    "to",
    "no",
    "No",
    "nearly",
    "almost",
    "around",
];

/// What may come between (or after) the words of a phrase.
const GAPS: &[&str] = &[
    " ", " ", "  ", "-", "\n", "\u{a0}", "\u{202f}", ", ", "", "'s ", "\u{2013}", " \t ",
];

/// Words of dates, and near misses.
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "September", "september", "SEPTEMBER", "Sept", "Sept.", "sept.", "Sep", "May", "March", "Mar.", "Jan",
    "Septembers", "Mayday", "Thursday", "thursday", "Thu.", "Thu", "Sat.", "Tues.", "Thursdays", "of", "Of", "to", "through", "thru", "and", "the",
    "1", "01", "9", "26", "26th", "1st", "2ND", "3rd", "31", "32", "0", "00", "123", "26x", "26st",
    "2024", "1999", "24", "20245", "2024.5", "'24", "-", "\u{2013}", "\u{2014}", "\u{e9}", "", "%",
];

/// What may come between the words of a date.
const DATE_GAPS: &[&str] = &[
    " ",
    " ",
    " ",
    ", ",
    ",",
    "",
    "  ",
    "\u{a0}",
    "\n",
    "-",
    " \u{2013} ",
    ".",
    "'s ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rendered_dates_parse_back(day in any_date(), f in 0u8..10) {
        let (rendered, value) = render(day, f);
        let text = format!("It happened on {rendered} and then");
        let t = extract_temporal(&text, Some(date(2024, 9, 26)));
        prop_assert_eq!(t.timexes.len(), 1, "{:?} -> {:?}", text, t.timexes);
        let x = &t.timexes[0];
        prop_assert_eq!(&text[x.span.range()], rendered.as_str());
        prop_assert_eq!(x.value.to_timex3(), value);
        if f == 4 || f == 5 {
            prop_assert_eq!(x.weekday.map(|w| w.0), Some(day.weekday()));
        }
    }

    /// The byte-level four-digit year accepts and returns what its combinator form did.
    #[test]
    fn year4_is_the_combinator_form(s in "[0-9., a\u{e9}]{0,8}") {
        use super::grammar::{year4, year4_combinators};
        // Failures may differ in their error kind: no caller reads it.
        prop_assert_eq!(year4(&s).ok(), year4_combinators(&s).ok());
    }

    /// A year that skips the combinators ([`lone_year`]) is what they would have found:
    /// the same year alone, and no range or list after it.
    #[test]
    fn lone_year_agrees_with_the_combinators(
        year in prop_oneof![1990u32..2030, 1000u32..3000, 0u32..10000],
        tail in proptest::collection::vec(0usize..TAILS.len(), 0..4),
    ) {
        use super::grammar::{lone_year, year_group, years_any, years_any_combinators};
        let text = format!("{year:04}{}", tail.iter().map(|&k| TAILS[k]).collect::<String>());
        prop_assert_eq!(years_any(&text).ok(), years_any_combinators(&text).ok(), "{:?}", text);
        if lone_year(&text).is_some() {
            prop_assert!(matches!(year_group(&text), Ok((_, (_, None)))), "{:?}", text);
        }
    }

    /// A year group read by hand ([`digit_year_group`]) is what the combinators read:
    /// the same first year, range or list, and the same end.
    #[test]
    fn digit_year_group_agrees_with_the_combinators(
        year in prop_oneof![1990u32..2030, 1000u32..3000, 0u32..10000],
        tail in proptest::collection::vec(0usize..TAILS.len(), 0..5),
    ) {
        use super::grammar::{digit_year_group, year_group, year_group_parsed};
        let text = format!("{year:04}{}", tail.iter().map(|&k| TAILS[k]).collect::<String>());
        prop_assert_eq!(year_group(&text).ok(), year_group_parsed(&text).ok(), "{:?}", text);
        if let Some(found) = digit_year_group(&text) {
            prop_assert_eq!(found.ok(), year_group_parsed(&text).ok(), "{:?}", text);
        }
    }

    /// "from 2015 to 2017" read by hand ([`plain_from_to_years`]) is what the
    /// combinators read.
    #[test]
    fn plain_from_to_years_agrees_with_the_combinators(
        prep in 0usize..5,
        years in (prop_oneof![1990u32..2030, 0u32..10000], prop_oneof![1990u32..2030, 0u32..10000]),
        joint in 0usize..7,
        tail in proptest::collection::vec(0usize..TAILS.len(), 0..3),
        gap in 0usize..GAPS.len(),
    ) {
        use super::grammar::{from_to_years, p_from_to_years};
        let prep = ["from", "From", "between", "betwixt", "from early"][prep];
        let joint = ["to", "and", "until", "through", "till", "or", "To"][joint];
        let tail: String = tail.iter().map(|&k| TAILS[k]).collect();
        let text = format!("{prep}{}{:04}{tail} {joint} {:04}{tail}", GAPS[gap], years.0, years.1);
        prop_assert_eq!(p_from_to_years(&text).ok(), from_to_years(&text).ok(), "{:?}", text);
    }

    /// "80th anniversary" read by hand ([`plain_anniversary`]) is what the
    /// combinators read.
    #[test]
    fn plain_anniversary_agrees_with_the_combinators(
        n in prop_oneof![0u32..100, 0u32..100_000],
        suffix in 0usize..9,
        gap in 0usize..GAPS.len(),
        noun in 0usize..7,
        tail in proptest::collection::vec(0usize..TAILS.len(), 0..2),
    ) {
        use super::grammar::{anniversary, p_anniversary};
        let suffix = ["st", "nd", "rd", "th", "TH", "x", "", "s", "th-"][suffix];
        let noun = ["anniversary", "Anniversary", "anniversaries", "years", "century", "", "2024"][noun];
        let tail: String = tail.iter().map(|&k| TAILS[k]).collect();
        let text = format!("{n}{suffix}{}{noun}{tail}", GAPS[gap]);
        prop_assert_eq!(p_anniversary(&text).ok(), anniversary(&text).ok(), "{:?}", text);
    }

    /// What may follow a year, byte by byte, is what the combinators allowed.
    #[test]
    fn year_tail_ok_is_the_combinator_form(
        tail in proptest::collection::vec(0usize..TAILS.len(), 0..3),
        noise in "[-%/.:0-9 a-zA-Z\u{a0}\u{e9}]{0,6}",
    ) {
        use super::grammar::{year_tail_ok, year_tail_ok_combinators};
        let text = format!("{}{noise}", tail.iter().map(|&k| TAILS[k]).collect::<String>());
        prop_assert_eq!(year_tail_ok(&text).ok(), year_tail_ok_combinators(&text).ok(), "{:?}", text);
    }

    /// The hand-written modifier, relative unit and approximation read what their
    /// combinator forms read, on phrases of the words they look for and near misses.
    #[test]
    fn modifier_rel_unit_and_approx_are_the_combinator_forms(
        words in proptest::collection::vec(0usize..PHRASE_WORDS.len(), 1..5),
        gaps in proptest::collection::vec(0usize..GAPS.len(), 4),
    ) {
        use super::grammar::{approx, approx_combinators, modifier, modifier_combinators, rel_unit, rel_unit_combinators};
        let text: String = words.iter().zip(gaps.iter().cycle()).map(|(&w, &g)| format!("{}{}", PHRASE_WORDS[w], GAPS[g])).collect();
        prop_assert_eq!(modifier(&text).ok(), modifier_combinators(&text).ok(), "{:?}", text);
        prop_assert_eq!(rel_unit(&text).ok(), rel_unit_combinators(&text).ok(), "{:?}", text);
        prop_assert_eq!(approx(&text).ok(), approx_combinators(&text).ok(), "{:?}", text);
    }

    /// Days and months read by hand ([`plain_month_day`], [`plain_day_month`]) are what
    /// the combinators read, on random sequences of date words, numbers, joints and
    /// their near misses.
    #[test]
    fn plain_dates_agree_with_the_combinators(
        words in proptest::collection::vec(0usize..DATE_WORDS.len(), 1..6),
        gaps in proptest::collection::vec(0usize..DATE_GAPS.len(), 6),
    ) {
        use super::grammar::{day_month, month_day, p_day_month, p_month_day};
        let text: String = words.iter().zip(&gaps).map(|(&w, &g)| format!("{}{}", DATE_WORDS[w], DATE_GAPS[g])).collect();
        prop_assert_eq!(p_month_day(&text).ok(), month_day(&text).ok(), "{:?}", text);
        prop_assert_eq!(p_day_month(&text).ok(), day_month(&text).ok(), "{:?}", text);
    }

    /// The same on dates as they are written, with random continuations.
    #[test]
    fn written_dates_agree_with_the_combinators(day in any_date(), f in 0u8..10, tail in proptest::collection::vec(0usize..TAILS.len(), 0..3)) {
        use super::grammar::{day_month, month_day, p_day_month, p_month_day};
        let text = format!("{}{}", render(day, f).0, tail.iter().map(|&k| TAILS[k]).collect::<String>());
        prop_assert_eq!(p_month_day(&text).ok(), month_day(&text).ok(), "{:?}", text);
        prop_assert_eq!(p_day_month(&text).ok(), day_month(&text).ok(), "{:?}", text);
    }

    #[test]
    fn years_in_context_parse_back(y in 1000i16..=2999, prep in 0usize..4) {
        let prep = ["in", "since", "by", "until"][prep];
        let text = format!("{prep} {y} the");
        let t = extract_temporal(&text, None);
        prop_assert_eq!(t.timexes.len(), 1);
        let want = y.to_string();
        prop_assert_eq!(&text[t.timexes[0].span.range()], want.as_str());
        prop_assert_eq!(t.timexes[0].value.to_timex3(), format!("{y:04}"));
    }

    #[test]
    fn quarters_and_decades_parse_back(y in 1000i16..=2999, q in 1u8..=4) {
        let text = format!("in Q{q} {y} the");
        let t = extract_temporal(&text, None);
        prop_assert_eq!(t.timexes.len(), 1);
        prop_assert_eq!(t.timexes[0].value.to_timex3(), format!("{y:04}-Q{q}"));

        let decade = y - y % 10;
        let text = format!("in the {decade}s the");
        let t = extract_temporal(&text, None);
        prop_assert_eq!(t.timexes.len(), 1);
        let want = format!("the {decade}s");
        prop_assert_eq!(&text[t.timexes[0].span.range()], want.as_str());
        prop_assert_eq!(t.timexes[0].value.to_timex3(), format!("{:03}", decade / 10));
    }

    #[test]
    fn impossible_days_are_never_days(y in 1000i16..=2999, k in 0usize..7) {
        let (m, d) = [(2i8, 30i8), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31), (2, 29)][k];
        prop_assume!(Date::new(y, m, d).is_err());
        let text = format!("on {} {d}, {y} the", MONTHS[(m - 1) as usize]);
        let t = extract_temporal(&text, None);
        for x in &t.timexes {
            prop_assert!(x.value.to_timex3().len() != 10, "{:?}", x);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        for dct in [Some(date(2024, 9, 26)), None] {
            let t = extract_temporal(&s, dct);
            let mut end = 0;
            for x in &t.timexes {
                let r = x.span.range();
                prop_assert!(r.start >= end && r.start < r.end && r.end <= s.len());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                end = r.end;
            }
        }
    }

    #[test]
    fn date_like_soup_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("May"), Just("2024"), Just("-"), Just("\u{2013}"), Just("the"),
                Just("31st"), Just("of"), Just(","), Just("Q3"), Just("FY"), Just("'90s"),
                Just("last"), Just("year"), Just("ago"), Just("twenty-first"),
                Just("century"), Just("9999"), Just("0000"), Just("99"), Just("in"),
                Just("Thursday"), Just("p.m."), Just("12:60"), Just("anniversary"),
            ],
            0..12,
        ),
        sep in prop_oneof![Just(" "), Just(""), Just("\n")],
    ) {
        let s = parts.join(sep);
        let _ = extract_temporal(&s, Some(date(2024, 9, 26)));
        let _ = extract_temporal(&s, Some(date(-9999, 1, 1)));
        let _ = extract_temporal(&s, Some(date(9999, 12, 31)));
    }
}

/// The hand-written year groups leave to the combinators what only they can read: a
/// list that goes on with a modifier or a year in words. Each case fails if its
/// exclusion in [`digit_year_group`] is dropped.
#[test]
fn digit_year_group_defers_modifiers_and_spoken_years() {
    use super::grammar::{digit_year_group, year_group, year_group_parsed};
    for text in [
        "2024 and early 2025",
        "2024, mid-2025",
        "2024 and the end of 2025",
        "2024 or two thousand",
        "2024, 2025 and late 2026",
        "2024/nineteen ninety",
        "2024 and the",
        "2024 and \u{e9}t\u{e9}",
    ] {
        assert!(digit_year_group(text).is_none(), "{text:?}");
        assert_eq!(year_group(text).ok(), year_group_parsed(text).ok(), "{text:?}");
    }
    // Lists and ranges of years in digits, and ends that no year follows, are read by
    // hand.
    for text in [
        "2024 and 2025",
        "2014\u{2013}16",
        "2024, 2025 and 2026.",
        "2024 and then",
        "2024 and x",
    ] {
        assert_eq!(
            digit_year_group(text).map(Result::ok),
            Some(year_group_parsed(text).ok()),
            "{text:?}"
        );
    }
}

/// The hand-written days and months leave ranges to the combinators: each case fails
/// if the range check in [`plain_month_day`] or [`plain_day_month`] is dropped.
#[test]
fn plain_dates_defer_ranges() {
    use super::grammar::{day_month, month_day, p_day_month, p_month_day, plain_day_month, plain_month_day};
    for text in [
        "September 26\u{2013}27, 2024",
        "September 26 \u{2014} 27, 2024",
        "July 9 to 11, 2024",
        "July 9 through July 11, 2024",
        "December 28-January 3, 2025",
    ] {
        assert!(plain_month_day(text).is_none(), "{text:?}");
        assert_eq!(p_month_day(text).ok(), month_day(text).ok(), "{text:?}");
    }
    for text in [
        "26\u{2013}27 September 2024",
        "9 to 11 July 2024",
        "9-11 July",
        "9 thru 11 July 2024",
    ] {
        assert!(plain_day_month(text).is_none(), "{text:?}");
        assert_eq!(p_day_month(text).ok(), day_month(text).ok(), "{text:?}");
    }
    // Single days are read by hand, with a weekday or without.
    for text in [
        "Thursday, September 26, 2024",
        "Thu. 26 September",
        "September 26, 2024 and",
        "Sept. 26th",
        "26 September 2024.",
        "26th of May 2024",
        "5 March",
    ] {
        assert!(
            plain_month_day(text).is_some() || plain_day_month(text).is_some(),
            "{text:?}"
        );
    }
}

/// "from 2015 to 2017" by hand leaves a modifier or a year in words to the
/// combinators: each case fails if that deferral in [`plain_from_to_years`] is
/// dropped.
#[test]
fn plain_from_to_years_defers_modifiers_and_spoken_years() {
    use super::grammar::{from_to_years, p_from_to_years, plain_from_to_years};
    for text in [
        "from early 2015 to 2017",
        "between 2014 and late 2016",
        "from two thousand to 2017",
        "from 2015 to mid-2017",
    ] {
        assert!(plain_from_to_years(text).is_none(), "{text:?}");
        assert_eq!(p_from_to_years(text).ok(), from_to_years(text).ok(), "{text:?}");
    }
    assert!(plain_from_to_years("from 2015 to 2017").is_some_and(|r| r.is_ok()));
}

/// The hand-written anniversary leaves counts ("75 years after") and words to the
/// combinators: each case fails if that deferral in [`plain_anniversary`] is dropped.
#[test]
fn plain_anniversary_defers_counts_and_words() {
    use super::grammar::{anniversary, p_anniversary, plain_anniversary};
    for text in [
        "75 years after",
        "75 years since the war",
        "eightieth anniversary",
        "12345th anniversary",
    ] {
        assert!(plain_anniversary(text).is_none(), "{text:?}");
        assert_eq!(p_anniversary(text).ok(), anniversary(text).ok(), "{text:?}");
    }
    assert!(plain_anniversary("80th anniversary of").is_some_and(|r| r.is_ok()));
}
