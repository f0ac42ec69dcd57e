//! Unit tests: every form with its exact span and TIMEX3 value, the precision cases,
//! groups, weekdays and anniversaries.

use jiff::civil::{Date, Weekday, date};

use super::*;

const DCT: Date = date(2024, 9, 26); // a Thursday

/// (matched text, value) for every timex found.
fn found(text: &str, dct: Option<Date>) -> Vec<(String, String)> {
    extract_temporal(text, dct)
        .timexes
        .iter()
        .map(|t| (text[t.span.range()].to_string(), t.value.to_timex3()))
        .collect()
}

#[track_caller]
fn one(text: &str, span: &str, value: &str) {
    assert_eq!(
        found(text, Some(DCT)),
        vec![(span.to_string(), value.to_string())],
        "in {text:?}"
    );
}

#[track_caller]
fn many(text: &str, expect: &[(&str, &str)]) {
    let want: Vec<(String, String)> = expect.iter().map(|(s, v)| (s.to_string(), v.to_string())).collect();
    assert_eq!(found(text, Some(DCT)), want, "in {text:?}");
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(found(text, Some(DCT)), vec![], "in {text:?}");
}

// --- full dates -------------------------------------------------------------

#[test]
fn full_dates_month_first() {
    one("on September 26, 2024 we met", "September 26, 2024", "2024-09-26");
    one("on Sept. 26, 2024 we met", "Sept. 26, 2024", "2024-09-26");
    one("on Sep 26 2024.", "Sep 26 2024", "2024-09-26");
    one("by Aug. 7, 1998,", "Aug. 7, 1998", "1998-08-07");
    one("on September 26th, 2024", "September 26th, 2024", "2024-09-26");
}

#[test]
fn full_dates_day_first() {
    one("on 26 September 2024 we met", "26 September 2024", "2024-09-26");
    one("the 26th of September 2024", "26th of September 2024", "2024-09-26");
    one("on 1 May 2023.", "1 May 2023", "2023-05-01");
    one("26 Sept. 2024", "26 Sept. 2024", "2024-09-26");
}

#[test]
fn full_dates_with_weekday() {
    let text = "Thursday, September 26, 2024";
    let t = extract_temporal(text, None);
    assert_eq!(t.timexes.len(), 1);
    let x = &t.timexes[0];
    assert_eq!(&text[x.span.range()], text);
    assert_eq!(x.value.to_timex3(), "2024-09-26");
    let (wd, sp) = x.weekday.expect("weekday recorded");
    assert_eq!(wd, Weekday::Thursday);
    assert_eq!(&text[sp.range()], "Thursday");

    // The weekday is recorded as written, never used for the value.
    let text = "Friday 26 September 2024";
    let x = &extract_temporal(text, None).timexes[0];
    assert_eq!(&text[x.span.range()], text);
    assert_eq!(x.value.to_timex3(), "2024-09-26");
    assert_eq!(x.weekday.map(|w| w.0), Some(Weekday::Friday));

    one("Friday Oct. 13 was", "Friday Oct. 13", "2024-10-13");
}

#[test]
fn iso_dates() {
    one("released 2024-09-26.", "2024-09-26", "2024-09-26");
    let t = extract_temporal("at 2024-09-26T14:30:00Z sharp", None);
    assert_eq!(t.timexes[0].ty, TimexType::Time);
    assert_eq!(t.timexes[0].value.to_timex3(), "2024-09-26T14:30:00");
    none("version 2024-13-45 is out");
}

#[test]
fn month_day_without_year_takes_the_likely_year() {
    // The last one, unless it is at most 100 days ahead or the sentence speaks of
    // the future.
    one("on Sept. 30 the", "Sept. 30", "2024-09-30");
    one("since Dec. 14 the", "Dec. 14", "2024-12-14");
    one("on Feb. 1 the", "Feb. 1", "2024-02-01");
    one("It will open on Feb. 1.", "Feb. 1", "2025-02-01");
    one("on Sept. 20 the", "Sept. 20", "2024-09-20");
}

#[test]
fn impossible_dates_are_not_days() {
    none("on February 30, 2024 nothing");
    assert!(
        !found("on 31 April 2024 nothing", Some(DCT))
            .iter()
            .any(|(_, v)| v.len() == 10)
    );
    one("on February 29, 2024 leap", "February 29, 2024", "2024-02-29");
    // 2023 has no 29 February; the month and year may still be read as such.
    assert!(
        !found("February 29, 2023", Some(DCT))
            .iter()
            .any(|(_, v)| v == "2023-02-29")
    );
}

// --- months, seasons ----------------------------------------------------------

#[test]
fn month_year_and_season() {
    one("in July 2023 the", "July 2023", "2023-07");
    one("in July of 2023 the", "July of 2023", "2023-07");
    one("in autumn 2024 the", "autumn 2024", "2024-FA");
    one("in fall 2024 the", "fall 2024", "2024-FA");
    one("the summer of 1998", "the summer of 1998", "1998-SU");
}

#[test]
fn month_alone() {
    one("in January the", "January", "2024-01");
    one("in November the", "November", "2024-11");
    one("It will end in January.", "January", "2025-01");
    one("late September the", "late September", "2024-09");
    one("by mid-November the", "mid-November", "2024-11");
    one("in May the", "May", "2024-05");
}

// --- years in context ---------------------------------------------------------

#[test]
fn years_in_context() {
    one("founded in 1949 by", "1949", "1949");
    one("since 2014 the", "2014", "2014");
    one("by 2030 we", "2030", "2030");
    one("until 2027.", "2027", "2027");
    one("1949's treaty", "1949", "1949");
    one("in early 2025 the", "early 2025", "2025");
    one("in mid-2024 the", "mid-2024", "2024");
    one("by the end of 2024 the", "the end of 2024", "2024");
}

#[test]
fn year_lists_and_ranges_share_a_group() {
    let text = "in 2025 and 2026 we";
    let t = extract_temporal(text, None);
    let spans: Vec<&str> = t.timexes.iter().map(|x| &text[x.span.range()]).collect();
    assert_eq!(spans, ["2025", "2026"]);
    let g0 = t.timexes[0].group.expect("grouped");
    let g1 = t.timexes[1].group.expect("grouped");
    assert_eq!((g0.id, g0.kind, g0.index), (g1.id, GroupKind::List, 0));
    assert_eq!(g1.index, 1);

    many("2025/2026", &[("2025", "2025"), ("2026", "2026")]);
    many("the 2014–2016 period", &[("2014", "2014"), ("2016", "2016")]);
    many("from 2015 to 2017", &[("2015", "2015"), ("2017", "2017")]);
    many("between 2014 and 2016", &[("2014", "2014"), ("2016", "2016")]);
    many(
        "in 1990, 1991 and 1992",
        &[("1990", "1990"), ("1991", "1991"), ("1992", "1992")],
    );
    let t = extract_temporal("from 2015 to 2017", None);
    assert_eq!(t.timexes[0].group.map(|g| g.kind), Some(GroupKind::Range));

    // Group ids are unique within a document.
    let t = extract_temporal("in 2025 and 2026, and from 2015 to 2017", None);
    assert_eq!(t.timexes.len(), 4);
    assert_ne!(t.timexes[0].group.map(|g| g.id), t.timexes[2].group.map(|g| g.id));
}

#[test]
fn day_ranges() {
    let text = "on September 26–27, 2024 the";
    many(text, &[("September 26", "2024-09-26"), ("27, 2024", "2024-09-27")]);
    let t = extract_temporal(text, None);
    assert_eq!(t.timexes[0].group.map(|g| g.kind), Some(GroupKind::Range));
    many(
        "on 26–27 September 2024 the",
        &[("26", "2024-09-26"), ("27 September 2024", "2024-09-27")],
    );
}

#[test]
fn day_ranges_joined_by_words() {
    // The year after the second day is the year of both, even when the document date
    // would put the first day alone in another year.
    let dct = Some(date(2025, 3, 1));
    let text = "It ran July 9 to 11, 2024 in Paris.";
    let t = extract_temporal(text, dct);
    assert_eq!(t.timexes[0].group.map(|g| g.kind), Some(GroupKind::Range));
    assert_eq!(
        found(text, dct),
        [
            ("July 9".into(), "2024-07-09".into()),
            ("11, 2024".into(), "2024-07-11".into())
        ]
    );
    many(
        "It ran July 9-11, 2024.",
        &[("July 9", "2024-07-09"), ("11, 2024", "2024-07-11")],
    );
    many(
        "from July 9 through 11, 2024 the",
        &[("July 9", "2024-07-09"), ("11, 2024", "2024-07-11")],
    );
    many(
        "It ran 9 to 11 July 2024.",
        &[("9", "2024-07-09"), ("11 July 2024", "2024-07-11")],
    );
    assert_eq!(
        found("It ran July 9 to July 11, 2024.", dct),
        [
            ("July 9".into(), "2024-07-09".into()),
            ("July 11, 2024".into(), "2024-07-11".into())
        ]
    );
    many(
        "from December 28 to January 3, 2025 the",
        &[("December 28", "2024-12-28"), ("January 3, 2025", "2025-01-03")],
    );
    // A word joint without a year is no range: "rose on July 9 to 11%".
    one("rose on July 9 to 11% of", "July 9", "2024-07-09");
    one("fell on 9 to 11 September", "11 September", "2024-09-11");
}

// --- relative -----------------------------------------------------------------

#[test]
fn relative_years() {
    one("this year the", "this year", "2024");
    one("last year the", "last year", "2023");
    one("next year the", "next year", "2025");
    one("early next year the", "early next year", "2025");
    // Without a document date relative expressions are left out.
    assert!(found("last year", None).is_empty());
}

#[test]
fn relative_days_weeks_months() {
    one("today the", "today", "2024-09-26");
    one("yesterday the", "yesterday", "2024-09-25");
    one("tomorrow the", "tomorrow", "2024-09-27");
    one("next month the", "next month", "2024-10");
    one("last month the", "last month", "2024-08");
    one("last week the", "last week", "2024-W38");
    one("this week the", "this week", "2024-W39");
    one("two years ago the", "two years ago", "2022");
    one("10 days ago the", "10 days ago", "2024-09-16");
    one("this spring the", "this spring", "2024-SP");
    one("last fall the", "last fall", "2023-FA");
    one("on Thursday the", "Thursday", "2024-09-26");
    one("on Monday the", "Monday", "2024-09-23");
    one("They will meet on Monday.", "Monday", "2024-09-30");
    one("Talks are expected Monday.", "Monday", "2024-09-30");
    one("The three are expected to join in April.", "April", "2025-04");
    one("The three joined in April.", "April", "2024-04");
    one("last Friday the", "last Friday", "2024-09-20");
    one("in the following year the", "the following year", "2025");
    many(
        "On May 22, 1995, he was promoted, and the following year he left.",
        &[("May 22, 1995", "1995-05-22"), ("the following year", "1996")],
    );
    many(
        "He left in June 1998 and returned later that year.",
        &[("June 1998", "1998-06"), ("later that year", "1998")],
    );
    one("Imports that year rose.", "that year", "2024");
    many(
        "It was founded in March. The following month it grew.",
        &[("March", "2024-03"), ("The following month", "2024-04")],
    );
    many(
        "It was founded in 1990. The following month it grew.",
        &[("1990", "1990"), ("The following month", "2024-10")],
    );
    one("next Friday the", "next Friday", "2024-09-27");
}

#[test]
fn tense_cues_for_dates_without_year() {
    // A hyphenated "expected" is an adjective, not a cue for the future.
    one(
        "after lower-than-expected earnings it closed Wednesday.",
        "Wednesday",
        "2024-09-25",
    );
    one("Earnings are expected Wednesday.", "Wednesday", "2024-10-02");
    // A period that "ended" on a day or in a month is over: the last one, even when
    // the next one is close.
    many(
        "In the fiscal year ended Dec. 1, sales rose.",
        &[("the fiscal year", "P1Y"), ("Dec. 1", "2023-12-01")],
    );
    one("Its term ended Sept. 30.", "Sept. 30", "2023-09-30");
    one("Its term ended in November.", "November", "2023-11");
    one("The offer runs to Dec. 1, the firm said.", "Dec. 1", "2024-12-01");
    one("It moved in November.", "November", "2024-11");
    // "this coming" and "this past" say the direction.
    one("The day is this coming Sunday.", "this coming Sunday", "2024-09-29");
    one("It opened this past Monday.", "this past Monday", "2024-09-23");
}

#[test]
fn reference_words() {
    one("now the", "now", "PRESENT_REF");
    one("is currently the", "currently", "PRESENT_REF");
    one("recently the", "recently", "PAST_REF");
    one("formerly the", "formerly", "PAST_REF");
    one("in the future the", "the future", "FUTURE_REF");
    one("in the past the", "the past", "PAST_REF");
}

// --- quarters, fiscal years, decades, centuries --------------------------------------

#[test]
fn quarters_and_fiscal_years() {
    one("in Q3 2024 the", "Q3 2024", "2024-Q3");
    one("the second quarter of 2024", "the second quarter of 2024", "2024-Q2");
    one("third-quarter profit", "third-quarter", "2024-Q3");
    one("in FY2025 the", "FY2025", "2025");
    one("fiscal 1989 results", "fiscal 1989", "1989");
    many("fiscal year 2025–26", &[("fiscal year 2025", "2025"), ("26", "2026")]);
    one("the first half of 2024", "the first half of 2024", "2024-H1");
}

#[test]
fn decades_and_centuries() {
    one("in the 1990s the", "the 1990s", "199");
    one("in the late 1970s the", "the late 1970s", "197");
    one("the 20th century", "20th century", "19");
    one("the twenty-first century", "twenty-first century", "20");
    one("the 11th century", "11th century", "10");
}

// --- durations, sets, times ------------------------------------------------------

#[test]
fn durations() {
    one("for 75 years the", "75 years", "P75Y");
    one("two decades of", "two decades", "P20Y");
    one("a three-year plan", "three-year", "P3Y");
    one("a five year low", "five year", "P5Y");
    one("the past two months", "the past two months", "P2M");
    one("nearly forty years", "nearly forty years", "P40Y");
    one("a couple of years", "a couple of years", "P2Y");
}

#[test]
fn sets_and_times() {
    one("every year the", "every year", "P1Y");
    one("published daily", "daily", "P1D");
    // A weekday with a part of day is a DATE; its value is the day.
    one("Tuesday morning the", "Tuesday morning", "2024-09-24");
    one("They met Friday night.", "Friday night", "2024-09-20");
    let t = extract_temporal("They met Friday night.", Some(DCT));
    assert_eq!(t.timexes[0].ty, TimexType::Date);
    one("tonight the", "tonight", "2024-09-26TNI");
    one("at 10:35 a.m. the", "10:35 a.m.", "2024-09-26T10:35");
    one("at 10 p.m. Wednesday", "10 p.m. Wednesday", "2024-09-25T22:00");
}

// --- anniversaries -----------------------------------------------------------------

#[test]
fn anniversaries() {
    let text = "the 80th anniversary of the UN";
    let t = extract_temporal(text, Some(DCT));
    assert_eq!(t.anniversaries.len(), 1);
    let a = &t.anniversaries[0];
    assert_eq!(&text[a.span.range()], "80th anniversary");
    assert_eq!(&text[a.number_span.range()], "80th");
    assert_eq!(a.years, 80);
    assert!(t.timexes.is_empty());

    let text = "its eightieth anniversary";
    let a = &extract_temporal(text, None).anniversaries[0];
    assert_eq!((&text[a.span.range()], a.years), ("eightieth anniversary", 80));

    let text = "75 years after the war";
    let t = extract_temporal(text, None);
    let a = &t.anniversaries[0];
    assert_eq!((&text[a.span.range()], a.years), ("75 years after", 75));
    assert_eq!(&text[a.number_span.range()], "75");
    assert_eq!(t.timexes[0].value.to_timex3(), "P75Y");

    let text = "seventy-five years since";
    let a = &extract_temporal(text, None).anniversaries[0];
    assert_eq!(a.years, 75);
}

// --- precision --------------------------------------------------------------------

#[test]
fn numbers_that_are_not_dates() {
    none("some 1,949 troops");
    none("see page 2024 of");
    none("under Resolution 2231 the");
    none("a 2025-word essay");
    none("call 555-2024 or +1 202 555 1998");
    none("Article 5 applies");
    none("section 1990 says");
    none("it cost $1998 in");
    none("in 1500 cases");
    none("in 2000 troops");
}

#[test]
fn month_words_that_are_not_months() {
    none("You may go if you like");
    none("They may March on the capital");
    none("the troops march on");
    none("an August institution");
    none("We May see");
}

#[test]
fn spans_are_sorted_and_disjoint() {
    let text = "On Thursday, September 26, 2024, in 2025 and 2026, last year and now.";
    let t = extract_temporal(text, Some(DCT));
    for w in t.timexes.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
}

#[test]
fn no_panic_on_odd_input() {
    for text in [
        "",
        "2",
        "May",
        "the",
        "é2024",
        "2024-",
        "Sept.",
        "\u{2013}2024",
        "99999999999",
    ] {
        let _ = extract_temporal(text, Some(DCT));
        let _ = extract_temporal(text, None);
    }
}

// --- further TimeBank forms ---------------------------------------------------------

#[test]
fn relative_months_and_holidays() {
    one("last May the", "last May", "2024-05");
    one("last November the", "last November", "2023-11");
    one("this December the", "this December", "2024-12");
    one("next March the", "next March", "2025-03");
    one("in June last year", "June last year", "2023-06");
    one("January this year", "January this year", "2024-01");
    // The next one when it is at most 100 days ahead, else the last one.
    one("on Thanksgiving Day the", "Thanksgiving Day", "2024-11-28");
    one("on Independence Day the", "Independence Day", "2024-07-04");
    one("last Christmas the", "last Christmas", "2023-12-25");
    one("Christmas 1998 was", "Christmas 1998", "1998-12-25");
    one("on Election Day the", "Election Day", "2024-11-05");
}

#[test]
fn spoken_years() {
    one("in nineteen ninety-six the", "nineteen ninety-six", "1996");
    one(
        "January nineteen ninety-seven",
        "January nineteen ninety-seven",
        "1997-01",
    );
    one("the year two thousand", "the year two thousand", "2000");
    one(
        "the winter of nineteen ninety-four",
        "the winter of nineteen ninety-four",
        "1994-WI",
    );
}

#[test]
fn quarter_anaphora_and_period_phrases() {
    // "a year ago" after a quarter is that quarter a year before (TimeBank practice in
    // quarterly reports); without one it is the year.
    many(
        "Profit rose in the third quarter from a year ago.",
        &[("the third quarter", "2024-Q3"), ("a year ago", "2023-Q3")],
    );
    one("up from a year ago", "a year ago", "2023");
    one("the quarter ended", "the quarter", "2024-Q2");
    one("the latest period", "the latest period", "2024-Q2");
    many(
        "in the third quarter, and the 1988 period",
        &[("the third quarter", "2024-Q3"), ("the 1988 period", "1988-Q3")],
    );
    one("the year-earlier quarter", "the year-earlier quarter", "2023");
    // The period compared with, in other words.
    many(
        "a loss for the third quarter, against a profit in the comparable year-ago quarter",
        &[
            ("the third quarter", "2024-Q3"),
            ("the comparable year-ago quarter", "2023-Q3"),
        ],
    );
    many(
        "net for the third quarter compared with the corresponding period last year",
        &[
            ("the third quarter", "2024-Q3"),
            ("the corresponding period last year", "2023-Q3"),
        ],
    );
    many(
        "sales in the second quarter, up from the quarter a year ago",
        &[("the second quarter", "2024-Q2"), ("the quarter a year ago", "2023-Q2")],
    );
    many(
        "sales in the second quarter, up from last year's quarter",
        &[("the second quarter", "2024-Q2"), ("last year's quarter", "2023-Q2")],
    );
    one("down from last year's period", "last year's period", "2023");
    one("at year-end the", "year-end", "2024");
    one("the fiscal year", "the fiscal year", "2024");
    one("the latest fiscal year", "the latest fiscal year", "2023");
    one("the last decade", "the last decade", "201");
    one("in the near future", "the near future", "FUTURE_REF");
}

#[test]
fn sets_of_weekdays_and_units() {
    one("on Tuesday nights the", "Tuesday nights", "XXXX-WXX-2TNI");
    one("open Mondays only", "Mondays", "XXXX-WXX-1");
    one("each July the", "each July", "XXXX-07");
    one("every Monday the", "every Monday", "XXXX-WXX-1");
    one("published weekly", "weekly", "P1W");
}

#[test]
fn deictic_modifiers_and_parts_of_day() {
    one("late yesterday the", "late yesterday", "2024-09-25");
    one("this morning the", "this morning", "2024-09-26TMO");
    one("mid-afternoon yesterday", "mid-afternoon yesterday", "2024-09-25TAF");
    one("last night the", "last night", "2024-09-25TNI");
    one("noon Thursday", "noon Thursday", "2024-09-26T12:00");
}

#[test]
fn duration_forms() {
    one("two to three weeks", "two to three weeks", "P2W");
    one("more than four hours", "more than four hours", "PT4H");
    one("at least 30 days", "at least 30 days", "P30D");
    one("the first nine months", "the first nine months", "P9M");
    one("several years", "several years", "PXY");
    // Ages are not durations.
    none("a 6-year-old boy");
    none("wait a second");
}

#[test]
fn attributive_years() {
    one("a 1996 law", "1996", "1996");
    one("that 1978 resolution", "1978", "1978");
    one("the company's 1989 results", "1989", "1989");
    one("bonds due 1993 and", "1993", "1993");
}

#[test]
fn jsonl_batch_reports_bad_lines_and_goes_on() {
    let input = concat!(
        r#"{"id": "a", "dct": "2024-09-26", "text": "It happened last year."}"#,
        "\n",
        "not json\n",
        "\n",
        r#"{"id": 7, "dct": "2024-13-01", "text": "x"}"#,
        "\n",
        r#"{"id": "b", "text": "in 1949"}"#,
        "\n",
    );
    let mut out = Vec::new();
    let report = jsonl::run_jsonl(input.as_bytes(), &mut out).expect("in-memory I/O");
    assert_eq!(report.documents, 2);
    let bad: Vec<usize> = report.bad_lines.iter().map(|b| b.line).collect();
    assert_eq!(bad, [2, 4]);
    let out = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        r#"{"id":"a","timexes":[{"start":12,"end":21,"type":"DATE","value":"2023"}]}"#
    );
    assert_eq!(
        lines[1],
        r#"{"id":"b","timexes":[{"start":3,"end":7,"type":"DATE","value":"1949"}]}"#
    );
}

#[test]
fn documented_examples() {
    one("in 3Q the", "3Q", "2024-Q3");
    one("during the '80s the", "the '80s", "198");
    one("in the nineties the", "the nineties", "199");
    one("a 21st-century idea", "21st-century", "20");
    one("this century the", "this century", "20");
    one("the previous Friday the", "the previous Friday", "2024-09-20");
    one("earlier today the", "earlier today", "2024-09-26");
    one("over the weekend the", "the weekend", "2024-W38-WE");
    one("six weeks ago the", "six weeks ago", "2024-W33");
    one("two months ago the", "two months ago", "2024-07");
    one("a decade ago the", "a decade ago", "2014");
    one("in coming quarters the", "coming quarters", "FUTURE_REF");
    one("in coming years the", "coming years", "PXY");
    one("in recent months the", "recent months", "PXM");
    one("in recent years the", "recent years", "PAST_REF");
    one("in the weeks ahead the", "the weeks ahead", "PXW");
    many(
        "for the year ended Sept. 20 the",
        &[("the year", "P1Y"), ("Sept. 20", "2024-09-20")],
    );
    one("in the fiscal year ended then", "the fiscal year", "P1Y");
    one("for the fiscal year the", "the fiscal year", "2024");
    one("For the year, volume was flat.", "the year", "2024");
    one("delayed earlier in the year by rain", "the year", "2024");
    one("for the full year the", "the full year", "2024");
    one("at present the", "at present", "PRESENT_REF");
    one("at midnight the", "midnight", "2024-09-26T00:00");
    let text = "the seventy-fifth anniversary";
    let t = extract_temporal(text, Some(DCT));
    assert!(t.timexes.is_empty());
    let a = &t.anniversaries[0];
    assert_eq!((&text[a.span.range()], a.years), ("seventy-fifth anniversary", 75));
    assert_eq!(&text[a.number_span.range()], "seventy-fifth");
}

#[test]
fn later_is_narrative_not_document_time() {
    // "N units later" counts from an event in the story: only the duration is read.
    one("Three days later the", "Three days", "P3D");
    // A quarter still to come is not the one a report compares with.
    many(
        "in the third quarter of 2025, up from a year ago",
        &[("the third quarter of 2025", "2025-Q3"), ("a year ago", "2023")],
    );
}

#[test]
fn rates_ages_and_fractions_are_not_durations() {
    none("it costs $5 a year");
    none("wages rose 3% a month");
    none("twice a day");
    none("Mr. Schwarz, 52 years old, will");
    none("more than a quarter of the shares");
    one("within a year, it said", "a year", "P1Y");
}

#[test]
fn clock_with_a_date() {
    one("by 5 p.m. EST Nov. 9 the", "5 p.m. EST Nov. 9", "2024-11-09T17:00");
    one("at 5 p.m. EST, Nov. 6 the", "5 p.m. EST, Nov. 6", "2024-11-06T17:00");
}

#[test]
fn no_break_spaces_inside_dates() {
    one(
        "on 26\u{a0}September\u{a0}2024 the",
        "26\u{a0}September\u{a0}2024",
        "2024-09-26",
    );
    one("in\u{a0}2024 the", "2024", "2024");
}

#[test]
fn names_and_abbreviations_are_not_dates() {
    none("April Smith said");
    none("as reported by the Sun.");
    none("with June Carter");
    one("in June the", "June", "2024-06");
}

#[test]
fn year_end_with_possessive() {
    one("by the year's end the", "year's end", "2024");
}

/// The quick tests of the productions only skip attempts that cannot match: at every
/// word start of the clean corpus and of random phrases made of the grammar's own
/// words, with numbers and punctuation, the grammar finds the same with and without
/// them. (Without the scanner's gate, so more starts are tried than in a scan.)
#[test]
fn quick_tests_reject_no_match() {
    use super::grammar::{class, timex_at, timex_at_slow};
    use super::scan::word_classes;

    // Every quoted word of the grammar and the word tables, as written.
    let sources = [
        include_str!("grammar.rs"),
        include_str!("words.rs"),
        include_str!("scan.rs"),
    ];
    let mut vocab: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.split('"').skip(1).step_by(2))
        .filter(|w| !w.is_empty() && w.len() < 20 && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\''))
        .collect();
    vocab.sort_unstable();
    vocab.dedup();
    let extra = [
        "2024",
        "1998",
        "2025",
        "99",
        "'90s",
        "1990s",
        "20th",
        "3rd",
        "1st",
        "3Q",
        "Q3",
        "FY25",
        "10:35",
        "10",
        "5",
        "31",
        "a.m.",
        "p.m.",
        "-",
        "\u{2013}",
        " \u{2013} ",
        ",",
        ".",
        "'s",
        "\u{2019}s",
        "\u{2019}90s",
        "/",
        "%",
        "2024-09-26",
        "2024-Q3",
        "\u{a0}",
        "May",
        "March",
        "Thursday",
        "Christmas",
        "New",
        "Year's",
        "The",
        "LAST",
    ];
    vocab.extend(extra);
    let seps = [" ", " ", " ", ", ", "-", "", "\n", "  ", ". "];

    let mut texts: Vec<String> = Vec::new();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/clean");
    for entry in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
        if let Ok(t) = std::fs::read_to_string(entry.path()) {
            texts.push(t);
        }
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut rand = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..30_000 {
        let mut t = String::new();
        for _ in 0..2 + rand(7) {
            t.push_str(vocab[rand(vocab.len())]);
            t.push_str(seps[rand(seps.len())]);
        }
        texts.push(t);
    }

    let mut tried = 0;
    for text in &texts {
        let b = text.as_bytes();
        for i in 0..b.len() {
            if !b[i].is_ascii_alphanumeric() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
                continue;
            }
            let classes = if b[i].is_ascii_digit() {
                class::DIG
            } else {
                let n = b[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                word_classes(&b[i..i + n]) & !class::CONT
            };
            if classes == 0 {
                continue;
            }
            let rest = &text[i..];
            tried += 1;
            assert_eq!(
                timex_at(rest, classes),
                timex_at_slow(rest, classes),
                "at {:?}",
                &b[i..b.len().min(i + 60)]
            );
        }
    }
    assert!(tried > 10_000, "only {tried} attempts");
}

/// The context words before a year and the count nouns after one are found by a
/// binary search: the lists are sorted and lower-case, and the search finds what a
/// scan of them finds, in any case.
#[test]
fn word_list_searches_are_the_lists() {
    use super::grammar::{COUNT_NOUNS, YEAR_CONTEXT, is_count_noun, is_year_context};
    /// A word list and its search.
    type Searched = (&'static [&'static str], fn(&[u8]) -> bool);
    let lists: [Searched; 2] = [(YEAR_CONTEXT, is_year_context), (COUNT_NOUNS, is_count_noun)];
    for (list, search) in lists {
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(
            list.iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        );
        let words = include_str!("grammar.rs")
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty());
        let extra = [
            "",
            "A",
            "IN",
            "Throughout",
            "throughouts",
            "x",
            "mids",
            "tho",
            "TROOPS",
            "Km",
            "kms",
            "hectaress",
        ];
        for w in words.chain(extra) {
            let listed = list.iter().any(|c| c.eq_ignore_ascii_case(w));
            assert_eq!(search(w.as_bytes()), listed, "{w}");
        }
    }
}

/// The productions found by class bits are those whose classes meet the word's, in
/// order.
#[test]
fn productions_by_class_are_those_of_the_classes() {
    use super::grammar::productions_by_mask;
    for classes in 0..=u16::MAX {
        assert_eq!(
            super::grammar::productions_of(classes),
            productions_by_mask(classes),
            "{classes:#x}"
        );
    }
}
