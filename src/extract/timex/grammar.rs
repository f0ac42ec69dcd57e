//! The nom 8 grammar: small named productions over `&str`, ASCII-only matching.
//!
//! Every production starts at an ASCII word start and returns a [`Hit`]: one or more
//! [`Piece`]s (a list or range yields one piece per part) or an anniversary. Pieces
//! carry *partial* values ([`PVal`]) that `resolve` completes with the document date.
//! Positions are recorded as "remaining lengths" (the length of the input still to be
//! parsed), which the scanner turns into byte offsets.

use std::cell::OnceCell;

use jiff::civil::{Date, Weekday};
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while, take_while1},
    character::complete::{char, satisfy},
    combinator::{consumed, map, map_opt, not, opt, peek, recognize, value, verify},
    error::{Error, ErrorKind},
    sequence::{preceded, terminated},
};

use super::words::{self, Unit};
use super::{GroupKind, Season, TimexType, TimexValue};
use crate::extract::lexicon::{pack_word, pack_words};

pub(crate) type R<'a, O> = IResult<&'a str, O>;

/// A partial value: what the text says, before the document date fills the gaps.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PVal {
    /// Fully specified already.
    Abs(TimexValue),
    /// A day; without a year, the year nearest the document date.
    Day { y: Option<i16>, m: i8, d: i8 },
    /// A month; without a year, the month nearest the document date.
    Month { y: Option<i16>, m: i8 },
    /// A season; without a year, the document's year.
    Season { y: Option<i16>, s: Season },
    /// A quarter; without a year, the document's year.
    Quarter { y: Option<i16>, q: u8 },
    /// A half year; without a year, the document's year.
    Half { y: Option<i16>, h: u8 },
    /// "this/last/next <unit>": the unit containing the document date, shifted.
    Rel { unit: Unit, offset: i32 },
    /// "last/this/next <season>".
    SeasonRel { s: Season, dir: i8 },
    /// A weekday alone: `dir` 0 for the nearest (past first), -1 last, +1 next.
    Weekday { wd: Weekday, dir: i8 },
    /// "<n> <unit>s ago" (negative `n`: later).
    Ago { n: i32, unit: Unit },
    /// A day-valued expression with a part of day (`TNI`, `TMO`, ...).
    PartOfDay { day: Box<PVal>, part: &'static str },
    /// A day-valued expression with a clock time.
    Clock { day: Box<PVal>, h: u8, m: u8 },
    /// "the weekend": the weekend nearest the document date.
    Weekend { offset: i32 },
    /// "the following year|month" (`offset` 1), "that year" (0): the unit of the
    /// last date the text named, shifted (TimeBank resolves them anaphorically),
    /// else the document date's.
    Anaphoric { unit: Unit, offset: i8 },
    /// "last May" (-1), "this September" (0), "next March" (+1).
    MonthRel { m: i8, dir: i8 },
    /// "June last year": a month of the year `offset` from the document's.
    MonthRelYear { m: i8, offset: i32 },
    /// "the 1988 period": the quarter last named, in that year (else the year).
    PeriodOf { y: i16 },
    /// A holiday; without a year, the one nearest the document date.
    Holiday { h: Holiday, y: Option<i16>, dir: i8 },
}

/// Holidays with a fixed rule (no moveable feasts that need Easter tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    NewYearsDay,
    NewYearsEve,
    Valentines,
    Independence,
    Halloween,
    ChristmasEve,
    Christmas,
    /// Fourth Thursday of November.
    Thanksgiving,
    /// First Monday of September.
    Labor,
    /// Last Monday of May.
    Memorial,
    /// Tuesday after the first Monday of November.
    Election,
}

/// Remaining lengths at the start and end of a piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub a: usize,
    pub b: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    pub pos: Pos,
    pub ty: TimexType,
    pub val: PVal,
    pub weekday: Option<(Weekday, Pos)>,
}

impl Piece {
    fn new(pos: Pos, ty: TimexType, val: PVal) -> Self {
        Piece {
            pos,
            ty,
            val,
            weekday: None,
        }
    }
    fn date(pos: Pos, val: PVal) -> Self {
        Piece::new(pos, TimexType::Date, val)
    }
}

/// What one production found.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Hit {
    One(Piece),
    Group(GroupKind, Vec<Piece>),
    /// An anniversary phrase, and the duration timex inside it if any.
    Anniversary {
        pos: Pos,
        number: Pos,
        years: u32,
        timex: Option<Piece>,
    },
}

// ---------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------

/// Wraps a parser so it also returns the remaining lengths before and after it.
fn sp<'a, O, P>(mut p: P) -> impl Parser<&'a str, Output = (O, Pos), Error = Error<&'a str>>
where
    P: Parser<&'a str, Output = O, Error = Error<&'a str>>,
{
    move |i: &'a str| {
        let (r, o) = p.parse(i)?;
        Ok((r, (o, Pos { a: i.len(), b: r.len() })))
    }
}

fn fail<O>(i: &str) -> R<'_, O> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// One run of white space: up to four ASCII spaces, tabs or line breaks, or the
/// no-break spaces (U+00A0, U+202F) typesetters put inside dates. Byte-level.
pub(crate) fn ws(i: &str) -> R<'_, &str> {
    let b = i.as_bytes();
    let (mut n, mut count) = (0, 0);
    while count < 4 {
        match b.get(n..) {
            Some([b' ' | b'\t' | b'\n' | b'\r', ..]) => n += 1,
            Some([0xC2, 0xA0, ..]) => n += 2,
            Some([0xE2, 0x80, 0xAF, ..]) => n += 3,
            _ => break,
        }
        count += 1;
    }
    match (i.get(..n), i.get(n..)) {
        (Some(w), Some(rest)) if n > 0 => Ok((rest, w)),
        _ => fail(i),
    }
}

/// A byte of white space as [`ws`] reads it (the no-break spaces 0xC2 0xA0 and 0xE2
/// 0x80 0xAF byte by byte) or a hyphen: what look-aheads skip between two words.
pub(crate) fn is_gap_byte(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\n' | b'\r' | b'-' | 0xC2 | 0xA0 | 0xE2 | 0x80 | 0xAF
    )
}

/// A run of ASCII letters (byte-level: an ASCII run always ends on a char boundary).
pub(crate) fn word(i: &str) -> R<'_, &str> {
    let n = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    match (i.get(..n), i.get(n..)) {
        (Some(w), Some(rest)) if n > 0 => Ok((rest, w)),
        _ => fail(i),
    }
}

/// Between `min` and `max` ASCII digits (byte-level), not followed by another digit
/// only when `max` digits were taken (callers check what follows).
fn digits(min: usize, max: usize) -> impl Fn(&str) -> R<'_, &str> {
    move |i: &str| {
        let n = i.bytes().take(max).take_while(u8::is_ascii_digit).count();
        match (i.get(..n), i.get(n..)) {
            (Some(d), Some(rest)) if n >= min => Ok((rest, d)),
            _ => fail(i),
        }
    }
}

/// An ASCII tag matched without regard to ASCII case (byte compare, no Unicode folding).
fn itag<'a>(t: &'static str) -> impl Fn(&'a str) -> R<'a, &'a str> {
    move |i: &'a str| {
        let n = t.len();
        match i.as_bytes().get(..n) {
            Some(b) if b.eq_ignore_ascii_case(t.as_bytes()) => Ok((&i[n..], &i[..n])),
            _ => fail(i),
        }
    }
}

/// A whole word equal (ASCII case-insensitively) to `w`.
fn kw<'a>(w: &'static str) -> impl Fn(&'a str) -> R<'a, &'a str> {
    move |i: &'a str| word_if(i, |s| s.eq_ignore_ascii_case(w.as_bytes()))
}

/// A whole word equal to one of `ws`.
fn kws<'a>(list: &'static [&'static str]) -> impl Fn(&'a str) -> R<'a, &'a str> {
    move |i: &'a str| word_if(i, |s| list.iter().any(|w| s.eq_ignore_ascii_case(w.as_bytes())))
}

/// [`word`] where `test` accepts it, without the combinators (the grammar's most
/// frequent step).
fn word_if(i: &str, test: impl Fn(&[u8]) -> bool) -> R<'_, &str> {
    let n = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    let b = i.as_bytes();
    match (i.get(..n), i.get(n..)) {
        (Some(w), Some(rest)) if n > 0 && test(&b[..n]) => Ok((rest, w)),
        _ => fail(i),
    }
}

fn not_alnum(i: &str) -> R<'_, ()> {
    not(satisfy(|c: char| c.is_ascii_alphanumeric())).parse(i)
}

fn not_digit(i: &str) -> R<'_, ()> {
    not(satisfy(|c: char| c.is_ascii_digit())).parse(i)
}

/// A hyphen or an en/em dash, with optional spaces around an en/em dash.
fn dash(i: &str) -> R<'_, &str> {
    alt((
        tag("-"),
        recognize((
            take_while(|c| c == ' '),
            alt((tag("\u{2013}"), tag("\u{2014}"))),
            take_while(|c| c == ' '),
        )),
    ))
    .parse(i)
}

/// Hyphen or a single space (for "mid-2024", "third-quarter", "ten-year").
fn hyphen_or_ws(i: &str) -> R<'_, &str> {
    alt((tag("-"), ws)).parse(i)
}

/// A four-digit year 1000–2999 not followed by a digit or a decimal/thousands part.
/// Byte by byte: most attempts start at a year, and the combinators cost several
/// times the test (`year4_is_the_combinator_form` checks the two agree).
pub(crate) fn year4(i: &str) -> R<'_, i16> {
    let b = i.as_bytes();
    let digit = |k: usize| b.get(k).filter(|c| c.is_ascii_digit()).map(|c| i16::from(c - b'0'));
    let (Some(d0), Some(d1), Some(d2), Some(d3)) = (digit(0), digit(1), digit(2), digit(3)) else {
        return fail(i);
    };
    let year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
    let decimal = matches!(b.get(4), Some(b'.' | b',')) && digit(5).is_some();
    match i.get(4..) {
        Some(rest) if digit(4).is_none() && !decimal && (1000..=2999).contains(&year) => Ok((rest, year)),
        _ => fail(i),
    }
}

/// [`year4`] as nom combinators, as it was written first: the oracle.
#[cfg(test)]
pub(crate) fn year4_combinators(i: &str) -> R<'_, i16> {
    map_opt(
        terminated(
            digits(4, 4),
            (
                not_digit,
                not((alt((char('.'), char(','))), satisfy(|c: char| c.is_ascii_digit()))),
            ),
        ),
        |s: &str| s.parse::<i16>().ok().filter(|y| (1000..=2999).contains(y)),
    )
    .parse(i)
}

/// A year in words: "nineteen ninety-six", "nineteen hundred", "two thousand (and) one",
/// "twenty twelve".
fn spoken_year(i: &str) -> R<'_, i16> {
    alt((
        map(
            (
                kw("two"),
                ws,
                kw("thousand"),
                opt(preceded(
                    (ws, opt((kw("and"), ws))),
                    verify(cardinal_words, |n: &u32| *n < 100),
                )),
            ),
            |(_, _, _, n)| 2000 + n.unwrap_or(0) as i16,
        ),
        map_opt(
            (
                verify(cardinal_words, |n: &u32| (10..=20).contains(n)),
                ws,
                alt((
                    value(0u32, kw("hundred")),
                    verify(cardinal_words, |n: &u32| (10..100).contains(n)),
                )),
            ),
            |(c, _, r)| i16::try_from(c * 100 + r).ok(),
        ),
    ))
    .parse(i)
}

/// A year in digits or words.
fn year_any(i: &str) -> R<'_, i16> {
    alt((year4, spoken_year)).parse(i)
}

/// A two-digit year end in a range ("1998-99").
fn year2(i: &str) -> R<'_, i16> {
    map_opt(terminated(digits(2, 2), not_alnum), |s: &str| s.parse::<i16>().ok()).parse(i)
}

fn ord_suffix(i: &str) -> R<'_, &str> {
    alt((itag("st"), itag("nd"), itag("rd"), itag("th"))).parse(i)
}

/// A day of month 1–31, digits, optionally with an ordinal suffix.
fn day_num(i: &str) -> R<'_, i8> {
    map_opt(
        terminated(digits(1, 2), (not_digit, opt(ord_suffix), not_alnum)),
        |s: &str| s.parse::<i8>().ok().filter(|d| (1..=31).contains(d)),
    )
    .parse(i)
}

/// A month name: full ("September"), or abbreviated with optional dot ("Sept.", "Aug").
fn month_name(i: &str) -> R<'_, i8> {
    alt((
        map_opt(word, words::month_full),
        map_opt(terminated(word, opt(char('.'))), words::month_abbrev),
    ))
    .parse(i)
}

/// A full month name or an abbreviation with its dot ("Jan." but not "Jan").
fn month_name_strict(i: &str) -> R<'_, i8> {
    alt((
        map_opt(word, words::month_full),
        map_opt(terminated(word, char('.')), words::month_abbrev),
    ))
    .parse(i)
}

/// An unambiguous full month name (not "May", "March", "August").
fn month_name_clear(i: &str) -> R<'_, i8> {
    alt((
        verify(map_opt(word, words::month_full), |m: &i8| {
            !words::month_is_ambiguous(*m)
        }),
        map_opt(terminated(word, char('.')), words::month_abbrev),
    ))
    .parse(i)
}

fn weekday_name(i: &str) -> R<'_, Weekday> {
    alt((
        map_opt(word, words::weekday_full),
        map_opt(terminated(word, char('.')), words::weekday),
    ))
    .parse(i)
}

/// A cardinal number, digits (1–9999, no thousands separator) or words
/// ("seventy-five", "twenty four", "a", "an").
fn cardinal(i: &str) -> R<'_, u32> {
    alt((
        map_opt(terminated(digits(1, 4), not_digit), |s: &str| {
            s.parse::<u32>().ok().filter(|n| *n > 0)
        }),
        cardinal_words,
    ))
    .parse(i)
}

fn cardinal_words(i: &str) -> R<'_, u32> {
    alt((
        map((opt(terminated(alt((kw("a"), kw("one"))), ws)), kw("hundred")), |_| 100),
        map(
            (
                map_opt(word, words::cardinal_tens),
                hyphen_or_ws,
                map_opt(word, |w| words::cardinal_unit(w).filter(|u| *u < 10)),
            ),
            |(t, _, u)| u32::from(t) + u32::from(u),
        ),
        map_opt(word, words::cardinal_tens).map(u32::from),
        map_opt(word, words::cardinal_unit).map(u32::from),
    ))
    .parse(i)
}

/// An ordinal: "80th", "21st", "eightieth", "twenty-first", "hundredth".
fn ordinal(i: &str) -> R<'_, u32> {
    alt((
        map_opt(terminated(digits(1, 4), (ord_suffix, not_alnum)), |s: &str| {
            s.parse::<u32>().ok().filter(|n| *n > 0)
        }),
        map(
            (opt(terminated(alt((kw("a"), kw("one"))), ws)), kw("hundredth")),
            |_| 100,
        ),
        map(
            (
                map_opt(word, words::cardinal_tens),
                hyphen_or_ws,
                map_opt(word, words::ordinal_unit),
            ),
            |(t, _, u)| u32::from(t) + u32::from(u),
        ),
        map_opt(word, words::ordinal_tens).map(u32::from),
        map_opt(word, words::ordinal_unit).map(u32::from),
    ))
    .parse(i)
}

// ---------------------------------------------------------------------------
// Full dates
// ---------------------------------------------------------------------------

fn valid_day(y: Option<i16>, m: i8, d: i8) -> Option<PVal> {
    // Without a year, check against a leap year so "February 29" stays possible.
    Date::new(y.unwrap_or(2000), m, d).ok()?;
    Some(PVal::Day { y, m, d })
}

/// ", 2024" or " 2024" after a day.
fn year_after(i: &str) -> R<'_, i16> {
    preceded((opt(char(',')), ws), year4).parse(i)
}

/// Optional weekday prefix: "Thursday, " / "Thu. " — returns the weekday and its span.
fn weekday_prefix(i: &str) -> R<'_, Option<(Weekday, Pos)>> {
    opt(terminated(sp(weekday_name), (opt(char(',')), ws))).parse(i)
}

/// The joint of a day range: a dash ("26–27"), or "to" / "through" between spaces
/// ("9 to 11"). The bool says it was a word; such a range needs its year after it,
/// since "rose on July 9 to 11%" is no range.
fn range_joint(i: &str) -> R<'_, bool> {
    alt((
        value(false, dash),
        value(true, (ws, kws(&["to", "through", "thru"]), ws)),
    ))
    .parse(i)
}

/// The two days of a range in one month, as a Range group: the first from `start`
/// (a weekday before it included), the second up to the end of the match at `r`.
fn day_range<'a>(
    i: &'a str,
    r: &'a str,
    (y, m): (Option<i16>, i8),
    (start, (d1, p1)): (usize, (i8, Pos)),
    (d2, p2): (i8, Pos),
    wd: Option<(Weekday, Pos)>,
) -> R<'a, Hit> {
    let (v1, v2) = match (valid_day(y, m, d1), valid_day(y, m, d2)) {
        (Some(a), Some(b)) if d2 > d1 => (a, b),
        _ => return fail(i),
    };
    let mut a = Piece::date(Pos { a: start, b: p1.b }, v1);
    a.weekday = wd;
    let b = Piece::date(Pos { a: p2.a, b: r.len() }, v2);
    Ok((r, Hit::Group(GroupKind::Range, vec![a, b])))
}

/// "to July 11, 2024" after "July 9": the second date of a range with its own month
/// and a year.
fn second_month_day(i: &str) -> R<'_, ((i8, i8, i16), Pos)> {
    preceded(range_joint, sp((terminated(month_name, opt(ws)), day_num, year_after))).parse(i)
}

/// One day, `val`, spanning from `start` (a weekday before it included) to `r`.
fn single_day<'a>(i: &'a str, r: &'a str, start: usize, val: Option<PVal>, wd: Option<(Weekday, Pos)>) -> R<'a, Hit> {
    let Some(val) = val else {
        return fail(i);
    };
    let mut p = Piece::date(Pos { a: start, b: r.len() }, val);
    p.weekday = wd;
    Ok((r, Hit::One(p)))
}

/// [`month_day`]: by hand ([`plain_month_day`]) unless a range follows the day.
pub(super) fn p_month_day(i: &str) -> R<'_, Hit> {
    plain_month_day(i).unwrap_or_else(|| month_day(i))
}

/// [`day_month`]: by hand ([`plain_day_month`]) unless a range follows the day.
pub(super) fn p_day_month(i: &str) -> R<'_, Hit> {
    plain_day_month(i).unwrap_or_else(|| day_month(i))
}

/// A month name as [`month_name`] reads it: a full name, or an abbreviation and an
/// optional dot.
fn month_name_by_hand(i: &str) -> Option<(&str, i8)> {
    let (r, w) = word(i).ok()?;
    if let Some(m) = words::month_full(w) {
        return Some((r, m));
    }
    let m = words::month_abbrev(w)?;
    Some((r.strip_prefix('.').unwrap_or(r), m))
}

/// A day of month as [`day_num`] reads it: one or two digits, no third, an optional
/// ordinal suffix, then no letter or digit.
fn day_num_by_hand(i: &str) -> Option<(&str, (i8, Pos))> {
    let b = i.as_bytes();
    let n = b.iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || b.get(n).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let d = b[..n].iter().fold(0i8, |d, c| d * 10 + (c - b'0') as i8);
    let suffix = b
        .get(n..n + 2)
        .is_some_and(|s| [b"st", b"nd", b"rd", b"th"].iter().any(|t| s.eq_ignore_ascii_case(*t)));
    let end = if suffix { n + 2 } else { n };
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) || !(1..=31).contains(&d) {
        return None;
    }
    let r = i.get(end..)?;
    Some((r, (d, Pos { a: i.len(), b: r.len() })))
}

/// Whether a [`range_joint`] may start at `r` (a hyphen, spaces and an en or em dash,
/// or white space and "to", "through" or "thru"): the fast paths leave ranges to the
/// combinators.
fn may_start_range(r: &str) -> bool {
    let dashed = r.trim_start_matches(' ');
    r.starts_with('-')
        || dashed.starts_with(['\u{2013}', '\u{2014}'])
        || ws(r).is_ok_and(|(rest, _)| {
            let w = alpha_prefix(rest);
            ["to", "through", "thru"]
                .iter()
                .any(|j| w.eq_ignore_ascii_case(j.as_bytes()))
        })
}

/// ", 2024" or " 2024" after a day ([`year_after`]), or nothing: `r` as it was.
fn year_after_by_hand(r: &str) -> (&str, Option<i16>) {
    let s = r.strip_prefix(',').unwrap_or(r);
    match ws(s).ok().and_then(|(s, _)| year4(s).ok()) {
        Some((rest, y)) => (rest, Some(y)),
        None => (r, None),
    }
}

/// A weekday before a date as [`weekday_prefix`] reads it ("Thursday, ", "Thu. "):
/// the input after it and the weekday with its span, or the input as it was.
fn weekday_prefix_by_hand(i: &str) -> (&str, Option<(Weekday, Pos)>) {
    let Ok((r, w)) = word(i) else {
        return (i, None);
    };
    // Full names end in "day"; abbreviations need their dot ([`weekday_name`]).
    let full = w.len() >= 6 && w.as_bytes()[w.len() - 3..].eq_ignore_ascii_case(b"day");
    if !full && !r.starts_with('.') {
        return (i, None);
    }
    let (r, wd) = match (words::weekday_full(w), r.strip_prefix('.')) {
        (Some(wd), _) => (r, wd),
        (None, Some(dotted)) => match words::weekday(w) {
            Some(wd) => (dotted, wd),
            None => return (i, None),
        },
        (None, None) => return (i, None),
    };
    let pos = Pos { a: i.len(), b: r.len() };
    match ws(r.strip_prefix(',').unwrap_or(r)) {
        Ok((rest, _)) => (rest, Some((wd, pos))),
        Err(_) => (i, None),
    }
}

/// [`month_day`] by hand for the common dates, "September 26, 2024", "Sept. 26",
/// "Thursday, September 26th": everything but a range after the day. `None` leaves
/// the input to the combinators: a dash or "to" after the day
/// (`plain_dates_agree_with_the_combinators`, `plain_dates_defer_ranges`).
pub(super) fn plain_month_day(i: &str) -> Option<R<'_, Hit>> {
    let (s, wd) = weekday_prefix_by_hand(i);
    let Some((r, m)) = month_name_by_hand(s) else {
        return Some(fail(i));
    };
    let r = ws(r).map_or(r, |(rest, _)| rest);
    let Some((r, (d, _))) = day_num_by_hand(r) else {
        return Some(fail(i));
    };
    if may_start_range(r) {
        return None;
    }
    let (r, y) = year_after_by_hand(r);
    Some(single_day(i, r, i.len(), valid_day(y, m, d), wd))
}

/// [`day_month`] by hand for the common dates, "26 September 2024", "26th of
/// September", "Thursday, 26 September": everything but a range after the day.
/// `None` leaves the input to the combinators: a dash or "to" after the day
/// (`plain_dates_agree_with_the_combinators`, `plain_dates_defer_ranges`).
pub(super) fn plain_day_month(i: &str) -> Option<R<'_, Hit>> {
    let (s, wd) = weekday_prefix_by_hand(i);
    let Some((r, (d, _))) = day_num_by_hand(s) else {
        return Some(fail(i));
    };
    if may_start_range(r) {
        return None;
    }
    let Ok((r, _)) = ws(r) else {
        return Some(fail(i));
    };
    // "of" and white space, else the month at once.
    let r = word_if(r, |w| w.eq_ignore_ascii_case(b"of"))
        .and_then(|(rest, _)| ws(rest))
        .map_or(r, |(rest, _)| rest);
    let Some((r, m)) = month_name_by_hand(r) else {
        return Some(fail(i));
    };
    let (r, y) = year_after_by_hand(r);
    // Without a year or a weekday, "5 March" and "1 May" are too ambiguous
    // ([`day_month`]).
    if y.is_none() && words::month_is_ambiguous(m) && wd.is_none() {
        return Some(fail(i));
    }
    Some(single_day(i, r, i.len(), valid_day(y, m, d), wd))
}

/// "September 26, 2024", "Sept. 26", "Thursday, September 26, 2024",
/// "September 26–27, 2024", "July 9 to 11, 2024", "July 9 to July 11, 2024".
pub(super) fn month_day(i: &str) -> R<'_, Hit> {
    let (r, (wd, (m, mpos), _, (d1, p1))) = (weekday_prefix, sp(month_name), opt(ws), sp(day_num)).parse(i)?;
    let start = wd.map_or(mpos.a, |(_, p)| p.a);
    // A range to a day of another month: the first day takes the year of the second,
    // or the year before when it comes later in the year ("December 28 to January 3,
    // 2025").
    if let Ok((r2, ((m2, d2, y2), p2))) = second_month_day(r)
        && (m, d1) != (m2, d2)
    {
        let y1 = if (m, d1) < (m2, d2) {
            Some(y2)
        } else {
            y2.checked_sub(1)
        };
        let (Some(v1), Some(v2)) = (y1.and_then(|y| valid_day(Some(y), m, d1)), valid_day(Some(y2), m2, d2)) else {
            return fail(i);
        };
        let mut a = Piece::date(Pos { a: start, b: p1.b }, v1);
        a.weekday = wd;
        let b = Piece::date(p2, v2);
        return Ok((r2, Hit::Group(GroupKind::Range, vec![a, b])));
    }
    if let Ok((r2, ((word, day2), y))) = (range_joint, sp(day_num)).and(opt(year_after)).parse(r)
        && (y.is_some() || !word)
    {
        return day_range(i, r2, (y, m), (start, (d1, p1)), day2, wd);
    }
    let (r, y) = opt(year_after).parse(r)?;
    single_day(i, r, start, valid_day(y, m, d1), wd)
}

/// "26 September 2024", "26th of September 2024", "Thursday 26 September 2024",
/// "26–27 September 2024", "9 to 11 July 2024".
pub(super) fn day_month(i: &str) -> R<'_, Hit> {
    let (r, (wd, (d1, p1), range, _, _, m, y)) = (
        weekday_prefix,
        sp(day_num),
        opt((range_joint, sp(day_num))),
        ws,
        opt(terminated(kw("of"), ws)),
        month_name,
        opt(year_after),
    )
        .parse(i)?;
    // Without a year, "5 March" and "1 May" are too ambiguous unless the month is clear.
    if y.is_none() && words::month_is_ambiguous(m) && wd.is_none() {
        return fail(i);
    }
    let start = wd.map_or(p1.a, |(_, p)| p.a);
    match range {
        None => single_day(i, r, start, valid_day(y, m, d1), wd),
        Some((true, _)) if y.is_none() => fail(i),
        Some((_, day2)) => day_range(i, r, (y, m), (start, (d1, p1)), day2, wd),
    }
}

fn two_digits(i: &str) -> R<'_, u8> {
    map_opt(digits(2, 2), |s: &str| s.parse::<u8>().ok()).parse(i)
}

/// "2024-09-26", "2024-09-26T14:30", "2024-09-26T14:30:00Z", "2024-09-26 14:30+02:00".
fn iso_date(i: &str) -> R<'_, Hit> {
    let (r, (y, _, m, _, d)) = (year4_iso, char('-'), two_digits, char('-'), two_digits).parse(i)?;
    let Ok(date) = Date::new(y, m as i8, d as i8) else {
        return fail(i);
    };
    let (r, time) = opt((
        alt((char('T'), char(' '))),
        two_digits,
        char(':'),
        two_digits,
        opt(preceded(char(':'), two_digits)),
        opt(preceded(char('.'), take_while1(|c: char| c.is_ascii_digit()))),
        opt(alt((
            recognize(char('Z')),
            recognize((alt((char('+'), char('-'))), two_digits, opt(char(':')), two_digits)),
        ))),
    ))
    .parse(r)?;
    let (r, _) = not_alnum(r)?;
    let pos = Pos { a: i.len(), b: r.len() };
    let piece = match time {
        Some((_, h, _, mi, s, _, _)) if h < 24 && mi < 60 && s.is_none_or(|s| s < 60) => {
            let mut v = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}");
            if let Some(s) = s {
                v.push_str(&format!(":{s:02}"));
            }
            Piece::new(pos, TimexType::Time, PVal::Abs(TimexValue::Other { value: v }))
        }
        Some(_) => return fail(i),
        None => Piece::date(pos, PVal::Abs(TimexValue::Day { date })),
    };
    Ok((r, Hit::One(piece)))
}

/// A four-digit year in an ISO date (followed by '-').
fn year4_iso(i: &str) -> R<'_, i16> {
    map_opt(digits(4, 4), |s: &str| s.parse::<i16>().ok().filter(|y| *y >= 1000)).parse(i)
}

// ---------------------------------------------------------------------------
// Months, seasons, years with modifiers
// ---------------------------------------------------------------------------

/// The nouns of "the end of", "the turn of", ... in [`modifier`].
const MODIFIER_NOUNS: &[&str] = &["end", "beginning", "start", "middle", "turn"];

/// A modifier that TimeBank keeps inside the span: "early", "mid-", "the end of", ...
/// By hand, the word read once: it is tried before many months, seasons, years and
/// relative phrases (`modifier_rel_unit_and_approx_are_the_combinator_forms`).
pub(super) fn modifier(i: &str) -> R<'_, &str> {
    let (r, w) = word(i)?;
    let is = |list: &[&str]| list.iter().any(|m| w.eq_ignore_ascii_case(m));
    let rest = if w.eq_ignore_ascii_case("the") {
        the_noun_of(r)
    } else if let (true, Some(rest)) = (is(&["mid", "end", "late", "early"]), r.strip_prefix('-')) {
        Some(rest)
    } else if is(&["early", "late", "mid", "earlier", "later"]) {
        ws(r).ok().map(|(rest, _)| rest)
    } else {
        None
    };
    match rest.and_then(|rest| Some((rest, i.get(..i.len() - rest.len())?))) {
        Some(found) => Ok(found),
        None => fail(i),
    }
}

/// After "the": " end of ", " beginning of ", ... ([`MODIFIER_NOUNS`]).
fn the_noun_of(r: &str) -> Option<&str> {
    let (r, _) = ws(r).ok()?;
    let (r, _) = word_if(r, |n| {
        MODIFIER_NOUNS.iter().any(|m| n.eq_ignore_ascii_case(m.as_bytes()))
    })
    .ok()?;
    let (r, _) = ws(r).ok()?;
    let (r, _) = word_if(r, |w| w.eq_ignore_ascii_case(b"of")).ok()?;
    ws(r).ok().map(|(r, _)| r)
}

/// [`modifier`] as nom combinators, as it was written first: the oracle.
#[cfg(test)]
pub(super) fn modifier_combinators(i: &str) -> R<'_, &str> {
    alt((
        recognize((kw("the"), ws, kws(MODIFIER_NOUNS), ws, kw("of"), ws)),
        recognize((kws(&["mid", "end", "late", "early"]), char('-'))),
        recognize((kws(&["early", "late", "mid", "earlier", "later"]), ws)),
    ))
    .parse(i)
}

/// "July 2023", "July of 2023", "July, 2023".
fn month_year(i: &str) -> R<'_, PVal> {
    map(
        (
            month_name,
            alt((recognize((ws, kw("of"), ws)), recognize((opt(char(',')), ws)))),
            year_any,
        ),
        |(m, _, y)| PVal::Month { y: Some(y), m },
    )
    .parse(i)
}

/// "autumn 2024", "the summer of 1998", "winter 1994".
fn season_year(i: &str) -> R<'_, PVal> {
    map(
        (
            map_opt(word, words::season),
            alt((recognize((ws, kw("of"), ws)), ws)),
            year_any,
        ),
        |(s, _, y)| PVal::Season { y: Some(y), s },
    )
    .parse(i)
}

/// "1990s", "1990's", "'90s".
fn decade(i: &str) -> R<'_, PVal> {
    alt((
        map_opt(
            terminated(digits(4, 4), (opt(char('\'')), char('s'), not_alnum)),
            |s: &str| {
                let y = s.parse::<i16>().ok()?;
                (y % 10 == 0 && y >= 1000).then_some(PVal::Abs(TimexValue::Decade { decade: y / 10 }))
            },
        ),
        map_opt(
            terminated(
                preceded(alt((char('\''), char('\u{2019}'))), digits(2, 2)),
                (char('s'), not_alnum),
            ),
            |s: &str| {
                let y = s.parse::<i16>().ok()?;
                (y % 10 == 0).then_some(PVal::Abs(TimexValue::Decade { decade: 190 + y / 10 }))
            },
        ),
    ))
    .parse(i)
}

/// "the nineties", "the eighties".
fn decade_words(i: &str) -> R<'_, PVal> {
    map_opt(word, |w: &str| {
        let d = words::lookup(
            w,
            &[
                ("twenties", 2),
                ("thirties", 3),
                ("forties", 4),
                ("fifties", 5),
                ("sixties", 6),
                ("seventies", 7),
                ("eighties", 8),
                ("nineties", 9),
            ],
        )?;
        Some(PVal::Abs(TimexValue::Decade { decade: 190 + d }))
    })
    .parse(i)
}

/// "20th century", "twenty-first century", "21st-century".
fn century(i: &str) -> R<'_, Hit> {
    let (r, ((n, _, _), p)) = sp((ordinal, hyphen_or_ws, alt((kw("century"), kw("centuries"))))).parse(i)?;
    if !(1..=40).contains(&n) {
        return fail(i);
    }
    let century = n as i16 - 1;
    Ok((r, Hit::One(Piece::date(p, PVal::Abs(TimexValue::Century { century })))))
}

/// Quarter words: "first".."fourth" → 1..4.
fn quarter_ord(i: &str) -> R<'_, u8> {
    alt((
        map_opt(ordinal, |n| (1..=4).contains(&n).then_some(n as u8)),
        map(kw("last"), |_| 4),
    ))
    .parse(i)
}

/// "Q3 2024", "Q3-2024", "3Q 2024", "2024-Q3", "Q3".
fn q_quarter(i: &str) -> R<'_, PVal> {
    alt((
        map(
            (
                alt((
                    preceded(
                        char('Q'),
                        map_opt(satisfy(|c| ('1'..='4').contains(&c)), |c| c.to_digit(10)),
                    ),
                    terminated(
                        map_opt(satisfy(|c| ('1'..='4').contains(&c)), |c| c.to_digit(10)),
                        char('Q'),
                    ),
                )),
                opt(preceded(
                    alt((tag("-"), tag("/"), ws)),
                    alt((year4, map(year2_apos, |y| y))),
                )),
                not_alnum,
            ),
            |(q, y, _)| PVal::Quarter { y, q: q as u8 },
        ),
        map(
            (
                year4_iso,
                char('-'),
                char('Q'),
                map_opt(satisfy(|c| ('1'..='4').contains(&c)), |c| c.to_digit(10)),
                not_alnum,
            ),
            |(y, _, _, q, _)| PVal::Quarter { y: Some(y), q: q as u8 },
        ),
    ))
    .parse(i)
}

/// "'24" as a year (2000s assumed below 50, else 1900s).
fn year2_apos(i: &str) -> R<'_, i16> {
    map(
        preceded(char('\''), year2),
        |y| {
            if y < 50 { 2000 + y } else { 1900 + y }
        },
    )
    .parse(i)
}

/// "the second quarter of 2024", "third-quarter", "fourth quarter", "the fiscal first quarter".
fn quarter_phrase(i: &str) -> R<'_, PVal> {
    map(
        (
            opt(terminated(kw("fiscal"), alt((tag("-"), ws)))),
            quarter_ord,
            hyphen_or_ws,
            alt((kw("quarter"), kw("qtr"))),
            opt(preceded(
                (ws, kw("of"), ws, opt((kw("fiscal"), ws, opt((kw("year"), ws))))),
                year4,
            )),
        ),
        |(_, q, _, _, y)| PVal::Quarter { y, q },
    )
    .parse(i)
}

/// "the first half of 2024", "first-half", "the second half".
fn half_phrase(i: &str) -> R<'_, PVal> {
    map(
        (
            alt((
                value(1u8, kw("first")),
                value(2u8, kw("second")),
                value(2u8, kw("last")),
            )),
            hyphen_or_ws,
            kw("half"),
            opt(preceded((ws, kw("of"), ws), year4)),
        ),
        |(h, _, _, y)| PVal::Half { y, h },
    )
    .parse(i)
}

/// "FY2025", "FY 2025", "FY25", "fiscal 2025", "fiscal year 2025" (and "–26").
fn fiscal_year(i: &str) -> R<'_, Hit> {
    let (r, _) = alt((
        recognize((tag("FY"), opt(alt((tag(" "), tag("-")))))),
        recognize((kw("fiscal"), ws, opt((kw("year"), ws)))),
    ))
    .parse(i)?;
    let (r, y) = alt((
        year4,
        map(
            terminated(year2, not_alnum),
            |y| {
                if y < 50 { 2000 + y } else { 1900 + y }
            },
        ),
    ))
    .parse(r)?;
    let first = Piece::date(Pos { a: i.len(), b: r.len() }, PVal::Abs(TimexValue::Year { year: y }));
    // "fiscal year 2025–26": a range.
    if let Ok((r2, (_, (y2, p2)))) = (dash, sp(alt((year4, year2)))).parse(r) {
        let y2 = if y2 < 100 { y - y % 100 + y2 } else { y2 };
        if y2 == y + 1 {
            let second = Piece::date(p2, PVal::Abs(TimexValue::Year { year: y2 }));
            return Ok((r2, Hit::Group(GroupKind::Range, vec![first, second])));
        }
    }
    Ok((r, Hit::One(first)))
}

// ---------------------------------------------------------------------------
// Years in context, lists and ranges
// ---------------------------------------------------------------------------

/// Words after which a bare four-digit number is a year. Attributive years: "a 1996
/// law", "that 1978 resolution", "the company's 1989 results" (the "s" after the
/// apostrophe), "bonds due 1993". Sorted and lower-case, for [`is_year_context`].
pub(super) const YEAR_CONTEXT: &[&str] = &[
    "a",
    "about",
    "after",
    "an",
    "and",
    "around",
    "as",
    "at",
    "autumn",
    "before",
    "beginning",
    "between",
    "both",
    "by",
    "ca",
    "circa",
    "due",
    "during",
    "early",
    "end",
    "fall",
    "for",
    "from",
    "her",
    "his",
    "in",
    "into",
    "its",
    "late",
    "mid",
    "middle",
    "of",
    "or",
    "our",
    "past",
    "post",
    "pre",
    "s",
    "since",
    "spring",
    "start",
    "summer",
    "than",
    "that",
    "the",
    "their",
    "through",
    "throughout",
    "till",
    "to",
    "until",
    "winter",
    "within",
    "year",
];

/// [`YEAR_CONTEXT`] packed by [`pack_word`], in the same (sorted) order.
const YEAR_CONTEXT_KEYS: [u128; YEAR_CONTEXT.len()] = pack_words(YEAR_CONTEXT);

/// A word of at most 16 bytes, in any ASCII case, among `keys` (a sorted list packed
/// by [`pack_words`]): a binary search of numbers.
fn in_packed(keys: &[u128], w: &[u8]) -> bool {
    w.len() <= 16 && keys.binary_search(&pack_word(w)).is_ok()
}

/// A word of ASCII letters that is one of [`YEAR_CONTEXT`], in any case: a binary
/// search of numbers (every year in context is looked up, and the list is long).
pub(super) fn is_year_context(w: &[u8]) -> bool {
    in_packed(&YEAR_CONTEXT_KEYS, w)
}

/// A year in a context phrase, with an optional modifier: "early 2025", "mid-2024",
/// "the end of 2024", "1949's" (span without the "'s").
fn modified_year(i: &str) -> R<'_, Piece> {
    let (r, ((_, year), p)) = sp((opt(modifier), year_any)).parse(i)?;
    let (r, _) = opt(alt((tag("'s"), tag("\u{2019}s")))).parse(r)?;
    Ok((r, Piece::date(p, PVal::Abs(TimexValue::Year { year }))))
}

/// The rest of a year range after its first year `a` ("–2016", "-99", " to 2016",
/// " through 2016"): "2014–2016", "1998-99", "2014 to 2016".
fn year_range_rest<'a>(i: &'a str, a: &Piece) -> R<'a, Hit> {
    let (r, (_, (y2, p2))) = (
        alt((dash, recognize((ws, kws(&["to", "through", "until", "till"]), ws)))),
        sp(alt((year4, year2))),
    )
        .parse(i)?;
    let PVal::Abs(TimexValue::Year { year: y1 }) = a.val else {
        return fail(i);
    };
    let y2 = if y2 < 100 { y1 - y1 % 100 + y2 } else { y2 };
    if y2 <= y1 || y2 - y1 > 200 {
        return fail(i);
    }
    let b = Piece::date(p2, PVal::Abs(TimexValue::Year { year: y2 }));
    Ok((r, Hit::Group(GroupKind::Range, vec![a.clone(), b])))
}

/// The rest of a year list after its first year: "2025 and 2026", "1990, 1991 and
/// 1992", "2025/2026", "2025 or 2026".
fn year_list_rest<'a>(i: &'a str, first: &Piece) -> R<'a, Hit> {
    let next = |r| {
        let sep = alt((
            recognize((opt(char(',')), ws, kws(&["and", "or"]), ws)),
            recognize((char(','), ws)),
            tag("/"),
        ));
        preceded(sep, modified_year).parse(r)
    };
    // The second year before the list is allocated: most years are no list. A list
    // goes on with ',', '/' or a space and "and"/"or": anything else is turned away
    // before the separator's parsers run.
    let goes_on = |r: &str| match r.as_bytes().first() {
        Some(b',' | b'/') => true,
        _ => ws(r).is_ok_and(|(rest, _)| matches!(rest.as_bytes().first(), Some(b'a' | b'A' | b'o' | b'O'))),
    };
    if !goes_on(i) {
        return fail(i);
    }
    let (mut r, second) = next(i)?;
    let mut pieces = vec![first.clone(), second];
    while pieces.len() < 20 && goes_on(r) {
        match next(r) {
            Ok((r2, p)) => {
                pieces.push(p);
                r = r2;
            }
            Err(_) => break,
        }
    }
    Ok((r, Hit::Group(GroupKind::List, pieces)))
}

/// A four-digit year that nothing after it can extend or undo: no range, list,
/// possessive or count noun can follow, so [`year_group`] and [`year_tail_ok`] would
/// take the year alone. Most years in prose are such; they skip the combinators.
/// `None` leaves the year to them (`lone_year_agrees_with_the_combinators`).
pub(super) fn lone_year(i: &str) -> Option<(&str, i16)> {
    let (r, year) = year4(i).ok()?;
    let b = r.as_bytes();
    let safe = match b.first() {
        None => true,
        // Not a decimal, a time or a date ("2024.5", "2024:", "2024/25").
        Some(b'.' | b')' | b';' | b'!' | b'?' | b'"' | b']' | b':') => !b.get(1).is_some_and(u8::is_ascii_digit),
        // A list goes on after ", " or ", and " only with another year.
        Some(b',') => match r.get(1..).map(ws) {
            Some(Ok((after, _))) => no_year_after_conjunction(after).unwrap_or_else(|| no_year_at(after)),
            _ => true,
        },
        Some(b' ' | b'\t' | b'\n' | b'\r') => {
            let Ok((after, _)) = ws(r) else {
                return None;
            };
            let word = alpha_prefix(after);
            match after.as_bytes().first() {
                Some(c) if c.is_ascii_alphabetic() => {
                    // Not a range ("to 2016"), a count ("2000 troops"), or a list
                    // ("and 2026") unless no year follows the "and".
                    let listed = |list: &[&str]| list.iter().any(|n| word.eq_ignore_ascii_case(n.as_bytes()));
                    !listed(&["to", "through", "until", "till"])
                        && !is_count_noun(word)
                        && no_year_after_conjunction(after).unwrap_or(true)
                }
                // A dash after spaces may make a range ("2014 – 2016").
                Some(&c) => c < 0x80 && c != b'-',
                None => true,
            }
        }
        _ => false,
    };
    safe.then_some((r, year))
}

/// The ASCII letters `s` starts with ([`word`], or none).
fn alpha_prefix(s: &str) -> &[u8] {
    word(s).map_or(&[][..], |(_, w)| w.as_bytes())
}

/// For `s` starting "and " or "or " (a list's conjunction, as [`year_list_rest`]
/// reads it): whether no year can follow it. `None` when there is no conjunction.
fn no_year_after_conjunction(s: &str) -> Option<bool> {
    let word = alpha_prefix(s);
    if !(word.eq_ignore_ascii_case(b"and") || word.eq_ignore_ascii_case(b"or")) {
        return None;
    }
    let (rest, _) = s.get(word.len()..).map(ws)?.ok()?;
    Some(no_year_at(rest))
}

/// Whether [`modified_year`] surely fails at `s`: no digit, no modifier ("the end
/// of", "early", "mid-") and no number word (a year in words) starts it.
fn no_year_at(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(c) if c.is_ascii_alphabetic() => {
            let word = alpha_prefix(s);
            !["the", "mid", "end", "late", "early", "earlier", "later"]
                .iter()
                .any(|m| word.eq_ignore_ascii_case(m.as_bytes()))
                && super::scan::word_classes(word) & NUMW == 0
        }
        Some(&c) => c < 0x80 && !c.is_ascii_digit(),
    }
}

/// A year range or list: the first year is parsed once, then a range or a list is
/// tried after it (a range first). Groups of years in digits are read by hand
/// ([`digit_year_group`]); the rest by the combinators.
pub(super) fn year_group(i: &str) -> R<'_, (Piece, Option<Hit>)> {
    match digit_year_group(i) {
        Some(found) => found,
        None => year_group_parsed(i),
    }
}

/// A year's piece (a four-digit year or the end of a range).
fn year_piece(pos: Pos, year: i16) -> Piece {
    Piece::date(pos, PVal::Abs(TimexValue::Year { year }))
}

/// `s` after the "'s" or "’s" that [`modified_year`] takes after a year.
fn skip_possessive(s: &str) -> &str {
    s.strip_prefix("'s")
        .or_else(|| s.strip_prefix("\u{2019}s"))
        .unwrap_or(s)
}

/// [`year_group`] by hand where every year in the group is four digits (the second
/// year of a range may be two): the same result as the combinators, without them.
/// Most groups in prose are such ("2024 and 2025", "2014–2016", "2025/2026").
/// `Some(Err)` is a failure the combinators would also report; `None` leaves the
/// input to them: no year in digits first, or a list that goes on with a modifier
/// or a year in words ("2024 and early 2025"), which [`modified_year`] reads
/// (`digit_year_group_agrees_with_the_combinators`).
pub(super) fn digit_year_group(i: &str) -> Option<R<'_, (Piece, Option<Hit>)>> {
    let Ok((after_year, y1)) = year4(i) else {
        // A year in words or with a modifier; or no year, if a digit starts it.
        return match i.as_bytes().first() {
            Some(c) if c.is_ascii_digit() => Some(fail(i)),
            _ => None,
        };
    };
    let first = year_piece(
        Pos {
            a: i.len(),
            b: after_year.len(),
        },
        y1,
    );
    let r = skip_possessive(after_year);
    // A range ([`year_range_rest`]): a joint, then a year in four or two digits after
    // and within 200 years of the first.
    if let Some((r2, (y2, p2))) = year_range_joint(r).and_then(range_end_year) {
        let y2 = if y2 < 100 { y1 - y1 % 100 + y2 } else { y2 };
        if y2 > y1 && y2 - y1 <= 200 {
            let hit = Hit::Group(GroupKind::Range, vec![first.clone(), year_piece(p2, y2)]);
            return Some(Ok((r2, (first, Some(hit)))));
        }
    }
    // A list ([`year_list_rest`]).
    let mut pieces: Vec<Piece> = Vec::new();
    let mut end = r;
    while pieces.len() < 20 && list_goes_on(end) {
        match list_item(end)? {
            Some((r2, piece)) => {
                if pieces.is_empty() {
                    pieces.push(first.clone());
                }
                pieces.push(piece);
                end = r2;
            }
            None => break,
        }
    }
    if pieces.is_empty() {
        return Some(Ok((r, (first, None))));
    }
    Some(Ok((end, (first, Some(Hit::Group(GroupKind::List, pieces))))))
}

/// The joint of a year range, as [`year_range_rest`] reads it: a [`dash`] (a hyphen,
/// or an en or em dash with spaces around it), else white space, "to", "through",
/// "until" or "till", and white space.
fn year_range_joint(r: &str) -> Option<&str> {
    if let Some(rest) = r.strip_prefix('-') {
        return Some(rest);
    }
    let dashed = r.trim_start_matches(' ');
    if let Some(rest) = dashed
        .strip_prefix('\u{2013}')
        .or_else(|| dashed.strip_prefix('\u{2014}'))
    {
        return Some(rest.trim_start_matches(' '));
    }
    let (rest, _) = ws(r).ok()?;
    let (rest, _) = word_if(rest, |w| {
        ["to", "through", "until", "till"]
            .iter()
            .any(|t| w.eq_ignore_ascii_case(t.as_bytes()))
    })
    .ok()?;
    ws(rest).ok().map(|(rest, _)| rest)
}

/// The second year of a range: four digits ([`year4`]) or two ([`year2`]), with its
/// remaining lengths.
fn range_end_year(s: &str) -> Option<(&str, (i16, Pos))> {
    let (r, y) = year4(s).or_else(|_| year2(s)).ok()?;
    Some((r, (y, Pos { a: s.len(), b: r.len() })))
}

/// Whether a year list can go on at `r` (as in [`year_list_rest`]): with ',', '/' or
/// white space and a word starting with 'a' or 'o' ("and", "or").
fn list_goes_on(r: &str) -> bool {
    match r.as_bytes().first() {
        Some(b',' | b'/') => true,
        _ => ws(r).is_ok_and(|(rest, _)| matches!(rest.as_bytes().first(), Some(b'a' | b'A' | b'o' | b'O'))),
    }
}

/// The next item of a year list at `r`, by [`year_list_rest`]'s separators: `Some(Some)`
/// a year in digits, `Some(None)` no item (the list ends before `r`), `None` an item
/// that only the combinators can tell (a modifier, a year in words).
fn list_item(r: &str) -> Option<Option<(&str, Piece)>> {
    fn and_or(s: &str) -> Option<&str> {
        let (s, _) = ws(s).ok()?;
        let (s, _) = word_if(s, |w| w.eq_ignore_ascii_case(b"and") || w.eq_ignore_ascii_case(b"or")).ok()?;
        ws(s).ok().map(|(s, _)| s)
    }
    // The separators in the combinators' order: the first that matches is taken.
    let comma = r.strip_prefix(',');
    let item = and_or(comma.unwrap_or(r))
        .or_else(|| comma.and_then(|s| ws(s).ok()).map(|(s, _)| s))
        .or_else(|| r.strip_prefix('/'));
    let Some(s) = item else {
        return Some(None);
    };
    match year4(s) {
        Ok((after, year)) => Some(Some((
            skip_possessive(after),
            year_piece(
                Pos {
                    a: s.len(),
                    b: after.len(),
                },
                year,
            ),
        ))),
        Err(_) if s.as_bytes().first().is_some_and(u8::is_ascii_digit) || no_year_at(s) => Some(None),
        Err(_) => None,
    }
}

/// [`year_group`] by the combinators alone: the oracle for [`digit_year_group`].
pub(super) fn year_group_parsed(i: &str) -> R<'_, (Piece, Option<Hit>)> {
    let (r, first) = modified_year(i)?;
    match year_range_rest(r, &first).or_else(|_| year_list_rest(r, &first)) {
        Ok((r, hit)) => Ok((r, (first, Some(hit)))),
        Err(_) => Ok((r, (first, None))),
    }
}

/// [`from_to_years`], by hand where both years are in digits
/// ([`plain_from_to_years`]).
pub(super) fn p_from_to_years(i: &str) -> R<'_, Hit> {
    plain_from_to_years(i).unwrap_or_else(|| from_to_years(i))
}

/// [`from_to_years`] by hand: "from", "between", a joint, and the years in digits
/// (a possessive after either is taken, as [`modified_year`] takes it). `None` leaves
/// the input to the combinators: a year that starts with a letter, a modifier or a
/// year in words ("from early 2015") (`plain_from_to_years_agrees_with_the_combinators`).
pub(super) fn plain_from_to_years(i: &str) -> Option<R<'_, Hit>> {
    /// A year in digits at `s`, with its piece: `None` for a letter first, and
    /// `Some(None)` for no year.
    fn year_at(s: &str) -> Option<Option<(&str, Piece)>> {
        if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Some(
            year4(s)
                .ok()
                .map(|(r, y)| (skip_possessive(r), year_piece(Pos { a: s.len(), b: r.len() }, y))),
        )
    }
    /// One of `list`, then white space.
    fn words<'a>(r: &'a str, list: &[&str]) -> Option<&'a str> {
        let (r, _) = word_if(r, |w| list.iter().any(|l| w.eq_ignore_ascii_case(l.as_bytes()))).ok()?;
        ws(r).ok().map(|(r, _)| r)
    }
    let Some(s) = words(i, &["from", "between"]) else {
        return Some(fail(i));
    };
    let Some((r, a)) = year_at(s)? else {
        return Some(fail(i));
    };
    let Some(s) = ws(r)
        .ok()
        .and_then(|(r, _)| words(r, &["to", "and", "until", "through", "till"]))
    else {
        return Some(fail(i));
    };
    let Some((r, b)) = year_at(s)? else {
        return Some(fail(i));
    };
    match (&a.val, &b.val) {
        (PVal::Abs(TimexValue::Year { year: y1 }), PVal::Abs(TimexValue::Year { year: y2 })) if y2 > y1 => {
            Some(Ok((r, Hit::Group(GroupKind::Range, vec![a, b]))))
        }
        _ => Some(fail(i)),
    }
}

/// "from 2015 to 2017", "between 2014 and 2016" (the prepositions stay out of the spans).
pub(super) fn from_to_years(i: &str) -> R<'_, Hit> {
    let (r, (_, _, a, _, _, _, b)) = (
        alt((kw("from"), kw("between"))),
        ws,
        modified_year,
        ws,
        alt((kw("to"), kw("and"), kw("until"), kw("through"), kw("till"))),
        ws,
        modified_year,
    )
        .parse(i)?;
    match (&a.val, &b.val) {
        (PVal::Abs(TimexValue::Year { year: y1 }), PVal::Abs(TimexValue::Year { year: y2 })) if y2 > y1 => {}
        _ => return fail(i),
    }
    Ok((r, Hit::Group(GroupKind::Range, vec![a, b])))
}

/// Years, lists and ranges of years after a context word: "in 1949", "since 2014",
/// "by 2030", "in 2025 and 2026".
fn years_in_context(i: &str) -> R<'_, Hit> {
    let (r, _) = word_if(i, is_year_context)?;
    let (r, _) = ws(r)?;
    years_any(r)
}

/// A year, year list or range (the caller has established the context).
pub(super) fn years_any(i: &str) -> R<'_, Hit> {
    if let Some((r, year)) = lone_year(i) {
        return Ok((
            r,
            Hit::One(Piece::date(
                Pos { a: i.len(), b: r.len() },
                PVal::Abs(TimexValue::Year { year }),
            )),
        ));
    }
    years_any_parsed(i)
}

/// [`years_any`] without [`lone_year`]: a group, then what may follow it.
pub(super) fn years_any_parsed(i: &str) -> R<'_, Hit> {
    let (r, (first, group)) = year_group(i)?;
    let hit = group.unwrap_or(Hit::One(first));
    let (r, _) = year_tail_ok(r)?;
    Ok((r, hit))
}

/// [`years_any`] by the combinators alone: the oracle for its hand-written parts.
#[cfg(test)]
pub(super) fn years_any_combinators(i: &str) -> R<'_, Hit> {
    let (r, (first, group)) = year_group_parsed(i)?;
    let hit = group.unwrap_or(Hit::One(first));
    let (r, _) = year_tail_ok_combinators(r)?;
    Ok((r, hit))
}

/// Nouns after which a four-digit number is a count, not a year ("2000 troops").
/// Sorted and lower-case, for [`is_count_noun`].
pub(super) const COUNT_NOUNS: &[&str] = &[
    "acres",
    "aircraft",
    "barrels",
    "cars",
    "cases",
    "children",
    "copies",
    "days",
    "deaths",
    "dollars",
    "employees",
    "feet",
    "hectares",
    "homes",
    "hours",
    "houses",
    "jobs",
    "kilometers",
    "kilometres",
    "km",
    "km2",
    "members",
    "men",
    "meters",
    "metres",
    "miles",
    "minutes",
    "pages",
    "people",
    "planes",
    "points",
    "refugees",
    "residents",
    "seats",
    "shares",
    "ships",
    "soldiers",
    "students",
    "tonnes",
    "tons",
    "troops",
    "units",
    "votes",
    "women",
    "words",
    "workers",
];

/// [`COUNT_NOUNS`] packed by [`pack_word`], in the same (sorted) order.
const COUNT_NOUN_KEYS: [u128; COUNT_NOUNS.len()] = pack_words(COUNT_NOUNS);

/// What may follow a bare year: not a word glued by a hyphen ("2025-word"), not a
/// percentage, not a decimal, date or time ("2025.5", "2025/26", "2025:"), not a unit or
/// count noun after white space. Byte by byte (`year_tail_ok_is_the_combinator_form`).
pub(super) fn year_tail_ok(i: &str) -> R<'_, ()> {
    let b = i.as_bytes();
    let glued = match b {
        [b'-', c, ..] => c.is_ascii_alphanumeric(),
        [b'%', ..] => true,
        [b'/' | b'.' | b':', c, ..] => c.is_ascii_digit(),
        _ => false,
    };
    let counted = || ws(i).is_ok_and(|(rest, _)| word_if(rest, is_count_noun).is_ok());
    if glued || counted() { fail(i) } else { Ok((i, ())) }
}

/// A word of ASCII letters that is one of [`COUNT_NOUNS`], in any case: a binary
/// search of numbers, as for [`is_year_context`] (every year is looked at).
pub(super) fn is_count_noun(w: &[u8]) -> bool {
    in_packed(&COUNT_NOUN_KEYS, w)
}

/// [`year_tail_ok`] as nom combinators, as it was written first: the oracle.
#[cfg(test)]
pub(crate) fn year_tail_ok_combinators(i: &str) -> R<'_, ()> {
    let (r, _) = not((char('-'), satisfy(|c: char| c.is_ascii_alphabetic()))).parse(i)?;
    let (r, _) = not((tag("%"),)).parse(r)?;
    let (r, _) = not((
        alt((char('-'), char('/'), char('.'), char(':'))),
        satisfy(|c: char| c.is_ascii_digit()),
    ))
    .parse(r)?;
    let (r, _) = not(preceded(ws, kws(COUNT_NOUNS))).parse(r)?;
    Ok((r, ()))
}

/// A bare year made a year by what follows: "1949's".
fn year_possessive(i: &str) -> R<'_, Hit> {
    let (r, (y, p)) = sp(terminated(year4, peek((alt((tag("'s"), tag("\u{2019}s"))), not_alnum)))).parse(i)?;
    if !(1000..=2199).contains(&y) {
        return fail(i);
    }
    Ok((r, Hit::One(Piece::date(p, PVal::Abs(TimexValue::Year { year: y })))))
}

/// Context-free year ranges and lists that are plainly years: "2014–2016",
/// "2025/2026", "2025 and 2026".
fn year_group_bare(i: &str) -> R<'_, Hit> {
    if lone_year(i).is_some() {
        return fail(i);
    }
    let (r, (_, Some(hit))) = year_group(i)? else {
        return fail(i);
    };
    let ok = match &hit {
        Hit::Group(_, ps) => ps
            .iter()
            .all(|p| matches!(p.val, PVal::Abs(TimexValue::Year { year }) if (1800..=2199).contains(&year))),
        _ => false,
    };
    if !ok {
        return fail(i);
    }
    let (r, _) = year_tail_ok(r)?;
    Ok((r, hit))
}

// ---------------------------------------------------------------------------
// Month alone, month with modifiers
// ---------------------------------------------------------------------------

/// Context words that make an ambiguous month name ("May", "March") a month.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "of",
    "before",
    "after",
    "through",
    "to",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "since",
    "between",
    "and",
    "or",
    "throughout",
    "around",
    "on",
];

/// A month alone ("January", "late September", "mid-November", "early this month" is
/// relative): unambiguous month names stand alone; "May"/"March"/"August" need a
/// modifier or a preceding context word (checked by [`month_in_context`]).
fn month_alone(i: &str) -> R<'_, Piece> {
    alt((
        map(sp((modifier, month_name)), |((_, m), p)| {
            Piece::date(p, PVal::Month { y: None, m })
        }),
        map(
            sp(terminated(month_name_clear, (not_digit_after_ws, not_followed_by_name))),
            |(m, p)| Piece::date(p, PVal::Month { y: None, m }),
        ),
    ))
    .parse(i)
}

/// Not followed by a capitalised word: "April Smith", "June Carter" are names.
fn not_followed_by_name(i: &str) -> R<'_, ()> {
    not((ws, satisfy(|c: char| c.is_ascii_uppercase()))).parse(i)
}

fn not_digit_after_ws(i: &str) -> R<'_, ()> {
    not((opt(ws), satisfy(|c: char| c.is_ascii_digit()))).parse(i)
}

fn month_in_context(i: &str) -> R<'_, Hit> {
    let (r, _) = (kws(MONTH_CONTEXT), ws).parse(i)?;
    let (r, (val, p)) = sp(alt((
        month_year,
        rel_month,
        map(
            terminated(month_name_strict, (not_digit_after_ws, not_followed_by_name)),
            |m| PVal::Month { y: None, m },
        ),
    )))
    .parse(r)?;
    Ok((r, Hit::One(Piece::date(p, val))))
}

// ---------------------------------------------------------------------------
// Relative expressions
// ---------------------------------------------------------------------------

/// "this/last/next year|month|week|quarter". By hand, the words read once
/// (`modifier_rel_unit_and_approx_are_the_combinator_forms`).
pub(super) fn rel_unit(i: &str) -> R<'_, PVal> {
    let (r, w) = word(i)?;
    let is = |list: &[&str]| list.iter().any(|m| w.eq_ignore_ascii_case(m));
    let dir = if is(&["this", "current", "present"]) {
        0
    } else if is(&["last", "previous", "past"]) {
        -1
    } else if is(&["next", "coming"]) {
        1
    } else if w.eq_ignore_ascii_case("following") {
        2
    } else if w.eq_ignore_ascii_case("that") {
        3
    } else {
        return fail(i);
    };
    let (r, _) = ws(r)?;
    let (r, unit) = word(r).map(|(r, w)| (r, words::unit_singular(w)))?;
    match unit.and_then(|unit| rel_unit_value(dir, unit)) {
        Some(v) => Ok((r, v)),
        None => fail(i),
    }
}

/// The value of "<dir> <unit>" ([`rel_unit`]): `dir` 0 this, -1 last, 1 next, 2
/// following, 3 that; `None` for the pairs that are no timex ("that week").
fn rel_unit_value(dir: i32, unit: Unit) -> Option<PVal> {
    match (dir, unit) {
        (3, Unit::Year) => Some(PVal::Anaphoric { unit, offset: 0 }),
        (3, _) => None,
        (2, Unit::Year | Unit::Month) => Some(PVal::Anaphoric { unit, offset: 1 }),
        (2, Unit::Week | Unit::Quarter) => Some(PVal::Rel { unit, offset: 1 }),
        (2, _) => None,
        (_, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter) | (0, Unit::Century) | (-1, Unit::Decade) => {
            Some(PVal::Rel { unit, offset: dir })
        }
        _ => None,
    }
}

/// [`rel_unit`] as nom combinators, as it was written first: the oracle.
#[cfg(test)]
pub(super) fn rel_unit_combinators(i: &str) -> R<'_, PVal> {
    let (r, (dir, _, unit)) = (
        alt((
            value(0i32, kws(&["this", "current", "present"])),
            value(-1i32, kws(&["last", "previous", "past"])),
            value(1i32, kws(&["next", "coming"])),
            value(2i32, kw("following")),
            value(3i32, kw("that")),
        )),
        ws,
        map_opt(word, words::unit_singular),
    )
        .parse(i)?;
    if dir == 3 {
        return match unit {
            Unit::Year => Ok((r, PVal::Anaphoric { unit, offset: 0 })),
            _ => fail(i),
        };
    }
    if dir == 2 {
        return match unit {
            Unit::Year | Unit::Month => Ok((r, PVal::Anaphoric { unit, offset: 1 })),
            Unit::Week | Unit::Quarter => Ok((r, PVal::Rel { unit, offset: 1 })),
            _ => fail(i),
        };
    }
    match unit {
        Unit::Year | Unit::Month | Unit::Week | Unit::Quarter => {}
        Unit::Century if dir == 0 => {}
        Unit::Decade if dir == -1 => {}
        _ => return fail(i),
    }
    Ok((r, PVal::Rel { unit, offset: dir }))
}

/// "last May", "this September", "next March"; "June last year", "January this year".
fn rel_month(i: &str) -> R<'_, PVal> {
    let dir = || alt((value(-1i8, kw("last")), value(0i8, kw("this")), value(1i8, kw("next"))));
    alt((
        map((month_name, ws, dir(), ws, kw("year")), |(m, _, o, _, _)| {
            PVal::MonthRelYear {
                m,
                offset: i32::from(o),
            }
        }),
        map(
            (dir(), ws, terminated(month_name, not_digit_after_ws)),
            |(dir, _, m)| PVal::MonthRel { m, dir },
        ),
    ))
    .parse(i)
}

fn holiday_name(i: &str) -> R<'_, Holiday> {
    alt((
        value(
            Holiday::NewYearsDay,
            (
                kw("New"),
                ws,
                kw("Year"),
                alt((tag("'s"), tag("\u{2019}s"))),
                ws,
                kw("Day"),
            ),
        ),
        value(
            Holiday::NewYearsEve,
            (
                kw("New"),
                ws,
                kw("Year"),
                alt((tag("'s"), tag("\u{2019}s"))),
                ws,
                kw("Eve"),
            ),
        ),
        value(Holiday::ChristmasEve, (kw("Christmas"), ws, kw("Eve"))),
        value(Holiday::Christmas, (kw("Christmas"), opt((ws, kw("Day"))))),
        value(Holiday::Thanksgiving, (kw("Thanksgiving"), opt((ws, kw("Day"))))),
        value(Holiday::Independence, (kw("Independence"), ws, kw("Day"))),
        value(Holiday::Labor, (alt((kw("Labor"), kw("Labour"))), ws, kw("Day"))),
        value(Holiday::Memorial, (kw("Memorial"), ws, kw("Day"))),
        value(Holiday::Election, (kw("Election"), ws, kw("Day"))),
        value(Holiday::Halloween, kw("Halloween")),
        value(
            Holiday::Valentines,
            (kw("Valentine"), alt((tag("'s"), tag("\u{2019}s"))), ws, kw("Day")),
        ),
    ))
    .parse(i)
}

/// "Thanksgiving", "last Christmas", "Christmas 1998", "Election Day".
fn holiday(i: &str) -> R<'_, PVal> {
    map(
        (
            opt(terminated(alt((value(-1i8, kw("last")), value(1i8, kw("next")))), ws)),
            verify(peek(word), |w: &str| words::is_capitalised(w)),
            holiday_name,
            opt(preceded((opt(char(',')), ws), year4)),
        ),
        |(dir, _, h, y)| PVal::Holiday {
            h,
            y,
            dir: dir.unwrap_or(0),
        },
    )
    .parse(i)
}

/// "this spring", "last fall", "next summer".
fn rel_season(i: &str) -> R<'_, PVal> {
    map(
        (
            alt((value(0i8, kw("this")), value(-1i8, kw("last")), value(1i8, kw("next")))),
            ws,
            opt((kw("past"), ws)),
            map_opt(word, words::season),
        ),
        |(dir, _, _, s)| PVal::SeasonRel { s, dir },
    )
    .parse(i)
}

/// "last Friday", "next Monday", "this Tuesday", "this coming Sunday", "this past
/// Monday".
fn rel_weekday(i: &str) -> R<'_, PVal> {
    map(
        (
            alt((
                value(-1i8, kw("last")),
                value(1i8, kw("next")),
                value(1i8, (kw("this"), ws, kw("coming")).map(|_| "")),
                value(-1i8, (kw("this"), ws, kw("past")).map(|_| "")),
                value(0i8, kw("this")),
                value(-1i8, (kw("the"), ws, kw("previous")).map(|_| "")),
            )),
            ws,
            weekday_name,
        ),
        |(dir, _, wd)| PVal::Weekday { wd, dir },
    )
    .parse(i)
}

fn part_of_day(i: &str) -> R<'_, &'static str> {
    alt((
        value("TMO", kw("morning")),
        value("TAF", kw("afternoon")),
        value("TEV", kw("evening")),
        value("TNI", kw("night")),
    ))
    .parse(i)
}

/// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night".
fn deictic_day(i: &str) -> R<'_, Piece> {
    alt((
        map(
            sp((
                opt((kws(&["early", "late", "earlier", "later"]), ws)),
                alt((
                    value(0i32, kw("today")),
                    value(-1i32, kw("yesterday")),
                    value(1i32, kw("tomorrow")),
                )),
                opt(preceded(ws, part_of_day)),
            )),
            |((_, o, part), p)| {
                let day = PVal::Rel {
                    unit: Unit::Day,
                    offset: o,
                };
                match part {
                    Some(part) => Piece::new(
                        p,
                        TimexType::Time,
                        PVal::PartOfDay {
                            day: Box::new(day),
                            part,
                        },
                    ),
                    None => Piece::date(p, day),
                }
            },
        ),
        map(sp(kw("tonight")), |(_, p)| {
            Piece::new(
                p,
                TimexType::Time,
                PVal::PartOfDay {
                    day: Box::new(PVal::Rel {
                        unit: Unit::Day,
                        offset: 0,
                    }),
                    part: "TNI",
                },
            )
        }),
        map(sp((kw("this"), ws, part_of_day)), |((_, _, part), p)| {
            Piece::new(
                p,
                TimexType::Time,
                PVal::PartOfDay {
                    day: Box::new(PVal::Rel {
                        unit: Unit::Day,
                        offset: 0,
                    }),
                    part,
                },
            )
        }),
        map(
            sp((
                opt((kw("mid"), opt(char('-')))),
                part_of_day,
                ws,
                alt((
                    value(0i32, kw("today")),
                    value(-1i32, kw("yesterday")),
                    value(1i32, kw("tomorrow")),
                )),
            )),
            |((_, part, _, o), p)| {
                Piece::new(
                    p,
                    TimexType::Time,
                    PVal::PartOfDay {
                        day: Box::new(PVal::Rel {
                            unit: Unit::Day,
                            offset: o,
                        }),
                        part,
                    },
                )
            },
        ),
        map(sp((kw("last"), ws, kw("night"))), |(_, p)| {
            Piece::new(
                p,
                TimexType::Time,
                PVal::PartOfDay {
                    day: Box::new(PVal::Rel {
                        unit: Unit::Day,
                        offset: -1,
                    }),
                    part: "TNI",
                },
            )
        }),
    ))
    .parse(i)
}

/// A weekday alone, optionally with a part of day: "Friday", "Tuesday morning". The
/// part of day stays in the span but not in the value: the timex is a DATE, and a
/// DATE's value is the day, as TimeBank annotates most DATE-typed "Friday night"s.
fn weekday_alone(i: &str) -> R<'_, Piece> {
    map(
        // Alone, only full names: "Sun." and "Sat." are too often something else.
        sp((map_opt(word, words::weekday_full), opt(preceded(ws, part_of_day)))),
        |((wd, _), p)| Piece::date(p, PVal::Weekday { wd, dir: 0 }),
    )
    .parse(i)
}

/// PRESENT_REF / PAST_REF / FUTURE_REF words.
fn ref_word(i: &str) -> R<'_, Piece> {
    let present = TimexValue::Present;
    let past = TimexValue::Past;
    let future = TimexValue::Future;
    map(
        sp(alt((
            value(present.clone(), kws(&["currently", "nowadays", "presently"])),
            value(present.clone(), (kw("at"), ws, kw("present"))),
            value(present.clone(), (kw("these"), ws, kw("days"))),
            value(present, (opt((kw("right"), ws)), kw("now"))),
            value(
                TimexValue::Present,
                terminated(
                    kw("current"),
                    not((ws, alt((recognize(map_opt(word, words::unit)), kw("fiscal"))))),
                ),
            ),
            value(past.clone(), kws(&["recently", "formerly", "lately"])),
            value(
                past.clone(),
                (
                    kw("the"),
                    ws,
                    kw("past"),
                    not((
                        ws,
                        alt((
                            cardinal.map(|_| ""),
                            kws(&[
                                "few", "several", "year", "month", "week", "decade", "century", "quarter", "day",
                                "years", "months", "weeks", "decades", "days", "quarters",
                            ]),
                        )),
                    )),
                ),
            ),
            value(past, (kw("recent"), ws, kws(&["years", "decades"]))),
            value(future.clone(), (kw("the"), ws, kw("future"))),
            value(future, (kw("coming"), ws, kw("quarters"))),
        ))),
        |(v, p)| Piece::date(p, PVal::Abs(v)),
    )
    .parse(i)
}

/// Vague durations: "recent months", "coming weeks", "the weeks ahead" (`PXM`, `PXW`).
fn vague_duration(i: &str) -> R<'_, Piece> {
    map(
        sp(alt((
            preceded(
                (kws(&["recent", "coming"]), ws),
                map_opt(word, |w: &str| words::unit(w).filter(|_| w.ends_with('s'))),
            ),
            terminated(
                preceded(
                    (kw("the"), ws),
                    map_opt(word, |w: &str| words::unit(w).filter(|_| w.ends_with('s'))),
                ),
                (ws, kw("ahead")),
            ),
        ))),
        |(unit, p)| {
            Piece::new(
                p,
                TimexType::Duration,
                PVal::Abs(TimexValue::Duration {
                    iso: unit.duration_unknown(),
                }),
            )
        },
    )
    .parse(i)
}

/// An approximation or bound kept in a duration's span: "nearly", "more than". By
/// hand: the first word decides which words must follow
/// (`modifier_rel_unit_and_approx_are_the_combinator_forms`).
pub(super) fn approx(i: &str) -> R<'_, &str> {
    /// White space and one of `list` after `r`.
    fn then<'a>(r: Option<&'a str>, list: &[&str]) -> Option<&'a str> {
        let (r, _) = ws(r?).ok()?;
        let (r, _) = word_if(r, |w| list.iter().any(|l| w.eq_ignore_ascii_case(l.as_bytes()))).ok()?;
        Some(r)
    }
    let (r, w) = word(i)?;
    let is = |list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    let end = if is(&["more", "less", "fewer"]) {
        then(Some(r), &["than"])
    } else if is(&["at"]) {
        then(Some(r), &["least", "most"])
    } else if is(&["up"]) {
        then(Some(r), &["to"])
    } else if is(&["no"]) {
        then(then(Some(r), &["more", "less"]), &["than"])
    } else if is(&["nearly", "almost", "around"]) {
        Some(r)
    } else {
        None
    };
    match end.and_then(|r| Some((r, i.get(..i.len() - r.len())?))) {
        Some(found) => Ok(found),
        None => fail(i),
    }
}

/// [`approx`] as nom combinators, as it was written first: the oracle.
#[cfg(test)]
pub(super) fn approx_combinators(i: &str) -> R<'_, &str> {
    recognize(alt((
        recognize((kws(&["more", "less", "fewer"]), ws, kw("than"))),
        recognize((kw("at"), ws, kws(&["least", "most"]))),
        recognize((kw("up"), ws, kw("to"))),
        recognize((kw("no"), ws, kws(&["more", "less"]), ws, kw("than"))),
        recognize(kws(&["nearly", "almost", "around"])),
    )))
    .parse(i)
}

/// A count: a cardinal, "a"/"an", "a couple of", "a few"/"several" (unknown, 0).
fn count(i: &str) -> R<'_, u32> {
    alt((
        value(2u32, (kw("a"), ws, kw("couple"), ws, kw("of"))),
        value(0u32, (kw("a"), ws, kw("few"))),
        value(0u32, kws(&["several", "few", "many"])),
        cardinal,
        value(1u32, kws(&["a", "an"])),
    ))
    .parse(i)
}

/// "two years ago", "a year ago", "nearly four years ago", "a year earlier".
fn ago(i: &str) -> R<'_, Piece> {
    map_opt(
        sp((
            opt(terminated(approx, ws)),
            count,
            ws,
            map_opt(word, words::unit),
            ws,
            alt((
                value(1i32, kw("ago")),
                value(1i32, kw("earlier")),
                value(-1i32, (kw("from"), ws, kw("now")).map(|_| "")),
            )),
        )),
        |((_, n, _, unit, _, dir), p)| {
            if n == 0 {
                let v = if dir > 0 { TimexValue::Past } else { TimexValue::Future };
                return Some(Piece::date(p, PVal::Abs(v)));
            }
            let n = i32::try_from(n).ok()?;
            Some(Piece::date(p, PVal::Ago { n: n * dir, unit }))
        },
    )
    .parse(i)
}

/// Words between a count and its unit in a duration: "two more years", "five
/// straight years".
const DURATION_WORDS: &[&str] = &[
    "more",
    "full",
    "straight",
    "consecutive",
    "long",
    "trading",
    "business",
    "calendar",
];

/// The words between "the" and a duration's count: "the past two years".
const DURATION_ADJECTIVES: &[&str] = &[
    "past",
    "last",
    "next",
    "first",
    "coming",
    "previous",
    "latest",
    "remaining",
    "final",
    "same",
];

/// Durations: "for 75 years" (span "75 years"), "two decades", "the past two months",
/// "nearly forty years", "a couple of years", "the next three years".
fn duration(i: &str) -> R<'_, Piece> {
    map_opt(
        sp((
            opt(terminated(approx, ws)),
            opt(terminated(
                (kw("the"), ws, opt(terminated(kws(DURATION_ADJECTIVES), ws))),
                peek(count),
            )),
            opt(terminated(kws(&["past", "last", "next", "first"]), ws)),
            consumed(count),
            // "two to three weeks", "12 to 18 months": the first count stands.
            opt((ws, kws(&["to", "or"]), ws, count)),
            ws,
            opt(terminated(kws(DURATION_WORDS), ws)),
            map_opt(word, words::unit),
            not((char('-'), satisfy(|c: char| c.is_ascii_alphabetic()))),
            // Ages: "52 years old".
            not((ws, kw("old"))),
            opt(peek((ws, kw("of")))),
        )),
        |((_, _, _, (ntext, n), _, _, _, unit, _, _, of), p)| {
            // Fractions: "a quarter of the shares".
            if unit == Unit::Quarter && of.is_some() {
                return None;
            }
            // "a second" is an ordinal more often than a duration.
            if unit == Unit::Second && !ntext.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let iso = if n == 0 {
                unit.duration_unknown()
            } else {
                unit.duration(n)
            };
            Some(Piece::new(
                p,
                TimexType::Duration,
                PVal::Abs(TimexValue::Duration { iso }),
            ))
        },
    )
    .parse(i)
}

/// Adjectival durations: "three-year", "10-year", "a five year low" (span "five year"),
/// "8-month-old".
fn duration_adj(i: &str) -> R<'_, Piece> {
    map_opt(
        sp((
            cardinal,
            hyphen_or_ws,
            map_opt(word, words::unit_singular),
            not((tag("-"), kw("old"))),
            peek(alt((
                recognize((ws, satisfy(|c: char| c.is_ascii_alphabetic()))),
                recognize((tag("-"), satisfy(|c: char| c.is_ascii_alphabetic()))),
                recognize(satisfy(|c: char| c.is_ascii_punctuation())),
            ))),
        )),
        |((n, sep, unit, _, _), p)| {
            // "a five year low": a space form must be followed by a word (checked by
            // peek); "three-year" may end anywhere.
            let _ = sep;
            Some(Piece::new(
                p,
                TimexType::Duration,
                PVal::Abs(TimexValue::Duration { iso: unit.duration(n) }),
            ))
        },
    )
    .parse(i)
}

/// "every year", "each July", "daily", "every Monday", "Tuesday nights", "Mondays".
fn set_expr(i: &str) -> R<'_, Piece> {
    map(
        sp(alt((
            map(
                (kws(&["every", "each"]), ws, map_opt(word, words::unit_singular)),
                |(_, _, u)| u.duration(1),
            ),
            map((kws(&["every", "each"]), ws, month_name), |(_, _, m)| {
                format!("XXXX-{m:02}")
            }),
            map((kws(&["every", "each"]), ws, weekday_name), |(_, _, wd)| {
                format!("XXXX-WXX-{}", wd.to_monday_one_offset())
            }),
            map(
                (
                    weekday_name,
                    ws,
                    map_opt(word, |w: &str| part_name(w.strip_suffix('s')?)),
                ),
                |(wd, _, part)| format!("XXXX-WXX-{}{part}", wd.to_monday_one_offset()),
            ),
            map(
                (
                    map_opt(word, |w: &str| words::weekday_full(w.strip_suffix('s')?)),
                    opt(preceded(
                        ws,
                        map_opt(word, |w: &str| {
                            let part = part_name(w.strip_suffix('s')?)?;
                            Some(part)
                        }),
                    )),
                ),
                |(wd, part)| format!("XXXX-WXX-{}{}", wd.to_monday_one_offset(), part.unwrap_or("")),
            ),
            map(
                map_opt(word, |w: &str| {
                    words::lookup(
                        w,
                        &[
                            ("daily", "P1D"),
                            ("weekly", "P1W"),
                            ("monthly", "P1M"),
                            ("yearly", "P1Y"),
                            ("hourly", "PT1H"),
                        ],
                    )
                }),
                str::to_string,
            ),
        ))),
        |(v, p)| Piece::new(p, TimexType::Set, PVal::Abs(TimexValue::Other { value: v })),
    )
    .parse(i)
}

fn part_name(w: &str) -> Option<&'static str> {
    words::lookup(
        w,
        &[
            ("morning", "TMO"),
            ("afternoon", "TAF"),
            ("evening", "TEV"),
            ("night", "TNI"),
        ],
    )
}

/// Clock times: "10:35 a.m.", "10 p.m.", "noon", "midnight", with an optional day
/// ("10 p.m. Wednesday", "noon Thursday", "5 p.m. yesterday").
fn clock(i: &str) -> R<'_, Piece> {
    let ampm = alt((
        value(0u8, alt((itag("a.m."), itag("am"), itag("a.m")))),
        value(12u8, alt((itag("p.m."), itag("pm"), itag("p.m")))),
    ));
    let hm = alt((
        map_opt(
            (digits(1, 2), char(':'), two_digits, opt(preceded(opt(ws), ampm))),
            |(h, _, m, ap)| {
                let h: u8 = h.parse().ok()?;
                let h = match ap {
                    Some(off) if (1..=12).contains(&h) => h % 12 + off,
                    None if h < 24 => h,
                    _ => return None,
                };
                (m < 60).then_some((h, m))
            },
        ),
        map_opt(
            (
                digits(1, 2),
                opt(ws),
                alt((
                    value(0u8, alt((itag("a.m."), itag("a.m")))),
                    value(12u8, alt((itag("p.m."), itag("p.m")))),
                )),
            ),
            |(h, _, off)| {
                let h: u8 = h.parse().ok()?;
                (1..=12).contains(&h).then_some((h % 12 + off, 0))
            },
        ),
        value((12u8, 0u8), kws(&["noon", "midday"])),
        value((0u8, 0u8), kw("midnight")),
    ));
    map(
        sp((
            hm,
            opt(preceded(
                (
                    opt(char(',')),
                    ws,
                    opt((kws(&["on", "EST", "EDT", "GMT", "ET"]), opt(char(',')), ws)),
                ),
                alt((
                    map_opt((month_name, ws, day_num), |(m, _, d)| valid_day(None, m, d)),
                    map(weekday_name, |wd| PVal::Weekday { wd, dir: 0 }),
                    value(
                        PVal::Rel {
                            unit: Unit::Day,
                            offset: 0,
                        },
                        kw("today"),
                    ),
                    value(
                        PVal::Rel {
                            unit: Unit::Day,
                            offset: -1,
                        },
                        kw("yesterday"),
                    ),
                    value(
                        PVal::Rel {
                            unit: Unit::Day,
                            offset: 1,
                        },
                        kw("tomorrow"),
                    ),
                )),
            )),
        )),
        |(((h, m), day), p)| {
            let day = day.unwrap_or(PVal::Rel {
                unit: Unit::Day,
                offset: 0,
            });
            Piece::new(
                p,
                TimexType::Time,
                PVal::Clock {
                    day: Box::new(day),
                    h,
                    m,
                },
            )
        },
    )
    .parse(i)
}

// ---------------------------------------------------------------------------
// Anniversaries
// ---------------------------------------------------------------------------

/// [`anniversary`], and by hand for an ordinal in digits ([`plain_anniversary`]).
pub(super) fn p_anniversary(i: &str) -> R<'_, Hit> {
    plain_anniversary(i).unwrap_or_else(|| anniversary(i))
}

/// [`anniversary`] by hand where up to four digits and a letter start it ("80th
/// anniversary"): only the ordinal form can match there (a count is followed by
/// white space). `None` leaves the input to the combinators: no digit first, or no
/// letter after the digits ("75 years after")
/// (`plain_anniversary_agrees_with_the_combinators`).
pub(super) fn plain_anniversary(i: &str) -> Option<R<'_, Hit>> {
    let b = i.as_bytes();
    let n = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || !b.get(n).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // The ordinal ([`ordinal`]): the digits, a suffix, then no letter or digit.
    let suffix = b
        .get(n..n + 2)
        .is_some_and(|s| [b"st", b"nd", b"rd", b"th"].iter().any(|t| s.eq_ignore_ascii_case(*t)));
    let years = b[..n].iter().fold(0u32, |v, c| v * 10 + u32::from(c - b'0'));
    if !suffix || b.get(n + 2).is_some_and(u8::is_ascii_alphanumeric) || years == 0 {
        return Some(fail(i));
    }
    let Some(after) = i.get(n + 2..) else {
        return Some(fail(i));
    };
    let number = Pos {
        a: i.len(),
        b: after.len(),
    };
    let found = ws(after).and_then(|(r, _)| word_if(r, |w| w.eq_ignore_ascii_case(b"anniversary")));
    Some(found.map(|(r, _)| {
        let pos = Pos { a: i.len(), b: r.len() };
        (
            r,
            Hit::Anniversary {
                pos,
                number,
                years,
                timex: None,
            },
        )
    }))
}

/// "80th anniversary", "the eightieth anniversary", "75 years after", "75 years since".
pub(super) fn anniversary(i: &str) -> R<'_, Hit> {
    alt((
        map(sp((sp(ordinal), ws, kw("anniversary"))), |(((n, np), _, _), p)| {
            Hit::Anniversary {
                pos: p,
                number: np,
                years: n,
                timex: None,
            }
        }),
        map(
            sp((sp((sp(cardinal), ws, kw("years"))), ws, alt((kw("after"), kw("since"))))),
            |(((((n, np), _, _), yp), _, _), p)| Hit::Anniversary {
                pos: p,
                number: np,
                years: n,
                timex: Some(Piece::new(
                    yp,
                    TimexType::Duration,
                    PVal::Abs(TimexValue::Duration { iso: format!("P{n}Y") }),
                )),
            },
        ),
    ))
    .parse(i)
}

// ---------------------------------------------------------------------------
// "the ..." phrases
// ---------------------------------------------------------------------------

/// "year-end", "year end", "year's end": the end of the document's year.
fn year_end(i: &str) -> R<'_, PVal> {
    map(
        (
            kw("year"),
            alt((tag("-"), tag("'s "), tag("\u{2019}s "), ws)),
            kw("end"),
        ),
        |_| PVal::Rel {
            unit: Unit::Year,
            offset: 0,
        },
    )
    .parse(i)
}

/// "year-earlier", "year-ago" (with an optional "quarter"/"period" after them).
fn year_ago_phrase(i: &str) -> R<'_, PVal> {
    map(
        (
            kw("year"),
            char('-'),
            kws(&["earlier", "ago"]),
            opt((
                ws,
                opt(terminated(quarter_ord, alt((tag("-"), ws)))),
                kws(&["quarter", "period"]),
            )),
        ),
        |_| PVal::Ago { n: 1, unit: Unit::Year },
    )
    .parse(i)
}

/// The period a report compares with, a year before the one it reports: "the
/// comparable year-ago quarter", "the same period last year", "the quarter a year
/// ago" (after "the").
fn year_ago_period(i: &str) -> R<'_, PVal> {
    let ago = PVal::Ago { n: 1, unit: Unit::Year };
    preceded(
        opt(terminated(kws(&["comparable", "corresponding", "same"]), ws)),
        alt((
            year_ago_phrase,
            value(
                ago,
                (
                    kws(&["quarter", "period"]),
                    ws,
                    alt((
                        (kw("a"), ws, kw("year"), ws, kws(&["ago", "earlier"])).map(|_| ()),
                        (kw("last"), ws, kw("year")).map(|_| ()),
                    )),
                ),
            ),
        )),
    )
    .parse(i)
}

/// "last year's quarter", "last year's third quarter", "last year's period": the
/// period compared with, a year before the one reported.
fn last_years_period(i: &str) -> R<'_, PVal> {
    value(
        PVal::Ago { n: 1, unit: Unit::Year },
        (
            kw("last"),
            ws,
            kw("year"),
            alt((tag("'s "), tag("\u{2019}s "))),
            opt(terminated(quarter_ord, alt((tag("-"), ws)))),
            kws(&["quarter", "period"]),
        ),
    )
    .parse(i)
}

/// The rest of the "the ..." phrases (split from [`the_phrase`] for `alt`'s arity).
fn the_phrase_more(i: &str) -> R<'_, PVal> {
    alt((
        map((kw("year"), ws, year_any), |(_, _, y)| {
            PVal::Abs(TimexValue::Year { year: y })
        }),
        year_ago_phrase,
        // "the 1988 third quarter", "the 1988 quarter", "the 1989 period".
        map(
            (
                year4,
                ws,
                opt(terminated(quarter_ord, alt((tag("-"), ws)))),
                kws(&["quarter", "period"]),
            ),
            |(y, _, q, _)| match q {
                Some(q) => PVal::Quarter { y: Some(y), q },
                None => PVal::PeriodOf { y },
            },
        ),
        map(
            (kws(&["latest", "last", "previous", "past", "recent"]), ws, kw("period")),
            |_| PVal::Rel {
                unit: Unit::Quarter,
                offset: -1,
            },
        ),
        map(terminated(kw("quarter"), not((ws, kw("of")))), |_| PVal::Rel {
            unit: Unit::Quarter,
            offset: -1,
        }),
        map(
            (
                opt(terminated(
                    alt((
                        value(0i32, kws(&["current", "present", "full"])),
                        value(-1i32, kws(&["latest", "last", "previous", "past"])),
                    )),
                    ws,
                )),
                kw("fiscal"),
                ws,
                kw("year"),
                not((ws, alt((recognize(year4), kws(&["ended", "ending", "before"]))))),
            ),
            |(o, _, _, _, _)| PVal::Rel {
                unit: Unit::Year,
                offset: o.unwrap_or(0),
            },
        ),
        map((kws(&["near", "short"]), ws, kws(&["future", "term"])), |_| {
            PVal::Abs(TimexValue::Future)
        }),
        map(kw("week"), |_| PVal::Rel {
            unit: Unit::Week,
            offset: 0,
        }),
        // "the full year" is the document's year.
        map(
            terminated(
                (kw("full"), ws, kw("year")),
                not(alt((tag("-"), tag("'"), recognize((ws, kw("of")))))),
            ),
            |_| PVal::Rel {
                unit: Unit::Year,
                offset: 0,
            },
        ),
        // "the year ended Sept. 30" is the span of a year in TimeBank (P1Y); "the
        // year" otherwise ("for the year", "earlier in the year") is the document's.
        alt((
            map(
                terminated(
                    (opt((kw("fiscal"), ws)), kw("year")),
                    peek((ws, kws(&["ended", "ending", "before"]))),
                ),
                |_| PVal::Abs(TimexValue::Duration { iso: "P1Y".to_string() }),
            ),
            map(
                terminated(kw("year"), not(alt((tag("-"), tag("'"), recognize((ws, kw("of"))))))),
                |_| PVal::Rel {
                    unit: Unit::Year,
                    offset: 0,
                },
            ),
        )),
        rel_unit,
        map(
            (
                opt(terminated(kws(&["early", "late"]), ws)),
                // Not "the fall" (of a government) nor "the spring" (of water).
                map_opt(word, |w: &str| {
                    words::season(w).filter(|s| !matches!(s, Season::Fall | Season::Spring))
                }),
            ),
            |(_, s)| PVal::Season { y: None, s },
        ),
    ))
    .parse(i)
}

/// Phrases starting with "the", which TimeBank keeps in the span.
fn the_phrase(i: &str) -> R<'_, Piece> {
    let (r, (_, _, (val, p))) = (
        kw("the"),
        ws,
        sp(alt((
            map(
                (
                    opt(terminated(kws(&["early", "late", "mid"]), alt((tag("-"), ws)))),
                    decade,
                ),
                |(_, d)| d,
            ),
            map(
                (
                    opt(terminated(kws(&["early", "late", "mid"]), alt((tag("-"), ws)))),
                    decade_words,
                ),
                |(_, d)| d,
            ),
            year_ago_period,
            quarter_phrase,
            half_phrase,
            map(
                (
                    kws(&["latest", "last", "previous", "past", "recent"]),
                    ws,
                    kw("quarter"),
                ),
                |_| PVal::Rel {
                    unit: Unit::Quarter,
                    offset: -1,
                },
            ),
            map((kws(&["current", "present"]), ws, kw("quarter")), |_| PVal::Rel {
                unit: Unit::Quarter,
                offset: 0,
            }),
            map(kw("weekend"), |_| PVal::Weekend { offset: 0 }),
            map(
                (
                    kws(&["end", "beginning", "start", "middle"]),
                    ws,
                    kw("of"),
                    ws,
                    alt((
                        month_year,
                        season_year,
                        map(year4, |year| PVal::Abs(TimexValue::Year { year })),
                        rel_unit,
                        map(month_name, |m| PVal::Month { y: None, m }),
                        map((kw("the"), ws, kw("year")), |_| PVal::Rel {
                            unit: Unit::Year,
                            offset: 0,
                        }),
                        map((kw("the"), ws, kw("month")), |_| PVal::Rel {
                            unit: Unit::Month,
                            offset: 0,
                        }),
                        map((kw("the"), ws, kw("week")), |_| PVal::Rel {
                            unit: Unit::Week,
                            offset: 0,
                        }),
                    )),
                ),
                |(_, _, _, _, v)| v,
            ),
            map(
                (map_opt(word, words::season), ws, kw("of"), ws, year_any),
                |(s, _, _, _, y)| PVal::Season { y: Some(y), s },
            ),
            the_phrase_more,
        ))),
    )
        .parse(i)?;
    let _ = p;
    let ty = match val {
        PVal::Abs(TimexValue::Duration { .. }) => TimexType::Duration,
        _ => TimexType::Date,
    };
    Ok((r, Piece::new(Pos { a: i.len(), b: r.len() }, ty, val)))
}

// ---------------------------------------------------------------------------
// Top level
// ---------------------------------------------------------------------------

/// Classes of productions, by the kind of word they start with. The scanner looks
/// the first word up once and tries only the productions of its classes.
pub(crate) mod class {
    pub const DIG: u16 = 1;
    pub const MONTH: u16 = 1 << 1;
    pub const WKDAY: u16 = 1 << 2;
    pub const SEASON: u16 = 1 << 3;
    pub const CTX: u16 = 1 << 4;
    pub const THE: u16 = 1 << 5;
    pub const MOD: u16 = 1 << 6;
    pub const REL: u16 = 1 << 7;
    pub const NUMW: u16 = 1 << 8;
    pub const FISCAL: u16 = 1 << 9;
    pub const Q: u16 = 1 << 10;
    pub const SET: u16 = 1 << 11;
    pub const CLOCKW: u16 = 1 << 12;
    pub const HOLI: u16 = 1 << 13;
    /// Set for words that can continue a timex after a gated word ("year", "weekend",
    /// "morning") without beginning one themselves.
    pub const CONT: u16 = 1 << 14;
    /// Set for words that can be a timex on their own ("today", "now"): no look-ahead
    /// gate.
    pub const ALONE: u16 = 1 << 15;
}

use class::*;

fn one<'a, O>(
    mut p: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
    f: impl Fn(O) -> Piece,
) -> impl FnMut(&'a str) -> R<'a, Hit> {
    move |i: &'a str| p.parse(i).map(|(r, o)| (r, Hit::One(f(o))))
}

fn date_piece((v, p): (PVal, Pos)) -> Piece {
    Piece::date(p, v)
}

type Production = fn(&str) -> R<'_, Hit>;

fn p_month_year(i: &str) -> R<'_, Hit> {
    one(sp(month_year), date_piece)(i)
}
fn p_season_year(i: &str) -> R<'_, Hit> {
    one(sp(season_year), date_piece)(i)
}
fn p_modified_month_season(i: &str) -> R<'_, Hit> {
    one(sp(preceded(modifier, alt((month_year, season_year)))), date_piece)(i)
}
fn p_quarter(i: &str) -> R<'_, Hit> {
    one(sp(alt((quarter_phrase, half_phrase, q_quarter))), date_piece)(i)
}
fn p_decade(i: &str) -> R<'_, Hit> {
    one(sp(decade), date_piece)(i)
}
fn p_the(i: &str) -> R<'_, Hit> {
    one(the_phrase, |p| p)(i)
}
fn p_modified_years(i: &str) -> R<'_, Hit> {
    let (r, _) = peek(modifier).parse(i)?;
    let _ = r;
    years_any(i)
}
fn p_clock(i: &str) -> R<'_, Hit> {
    one(clock, |p| p)(i)
}
fn p_ago(i: &str) -> R<'_, Hit> {
    one(ago, |p| p)(i)
}
fn p_duration_adj(i: &str) -> R<'_, Hit> {
    one(duration_adj, |p| p)(i)
}
fn p_duration(i: &str) -> R<'_, Hit> {
    one(duration, |p| p)(i)
}
fn p_set(i: &str) -> R<'_, Hit> {
    one(set_expr, |p| p)(i)
}
fn p_deictic(i: &str) -> R<'_, Hit> {
    one(deictic_day, |p| p)(i)
}
fn p_rel_season(i: &str) -> R<'_, Hit> {
    one(sp(preceded(opt(modifier), rel_season)), date_piece)(i)
}
fn p_rel_weekday(i: &str) -> R<'_, Hit> {
    one(sp(preceded(opt(modifier), rel_weekday)), date_piece)(i)
}
fn p_rel_unit(i: &str) -> R<'_, Hit> {
    one(sp(preceded(opt(modifier), rel_unit)), date_piece)(i)
}
fn p_rel_month(i: &str) -> R<'_, Hit> {
    one(sp(rel_month), date_piece)(i)
}
fn p_holiday(i: &str) -> R<'_, Hit> {
    one(sp(holiday), date_piece)(i)
}
fn p_year_ago(i: &str) -> R<'_, Hit> {
    one(sp(alt((year_ago_phrase, last_years_period, year_end))), date_piece)(i)
}
fn p_ref(i: &str) -> R<'_, Hit> {
    one(alt((ref_word, vague_duration)), |p| p)(i)
}
fn p_weekday_alone(i: &str) -> R<'_, Hit> {
    one(weekday_alone, |p| p)(i)
}
fn p_month_alone(i: &str) -> R<'_, Hit> {
    one(month_alone, |p| p)(i)
}

// ---------------------------------------------------------------------------
// Quick tests: most attempts fail, so each production first checks, on a look at
// the first two tokens taken once per attempt, a condition that all its matches
// meet. A production that passes runs as before, so the tests change no result;
// the `quick_tests_reject_no_match` test runs every production without them to
// check. Extending a production means widening its test too.
// ---------------------------------------------------------------------------

/// The first two tokens of an attempt.
pub(crate) struct Look<'a> {
    /// The classes of the first word, or [`DIG`] at a number.
    classes: u16,
    /// The first word (empty at a number).
    first: &'a [u8],
    /// How many ASCII digits the attempt starts with (0 at a word).
    digits: usize,
    /// The byte after the first token's digits or letters (0 at the end).
    after: u8,
    /// The next token: the next run of ASCII digits or letters after the first
    /// token and anything that is neither (empty when there is none).
    next: &'a [u8],
    /// The word classes of the next token (0 for a number or a word that no timex
    /// starts or continues with).
    next_classes: u16,
    /// Where the next token ends in `input` (where it starts when there is none).
    next_end: usize,
    /// The byte before the next token (an apostrophe in "the '90s").
    before_next: u8,
    /// The byte after the next token (0 at the end).
    after_next: u8,
    /// The value of the digits the attempt starts with (saturating; 0 at a word).
    number: u32,
    /// The attempt's text, for the rare test that looks further.
    input: &'a [u8],
    /// Only ASCII white space between the first token and the next.
    plain_gap: bool,
    /// The attempt's text (as `input`).
    text: &'a str,
    /// After an approximation, whether [`q_ago`] and [`q_duration`] pass there
    /// ([`Look::approx_verdicts`]): found once for both.
    approx: OnceCell<Option<(bool, bool)>>,
    /// [`Look::word_after_ordinal`], once found.
    ordinal_word: OnceCell<&'a [u8]>,
}

/// How many bytes of `b` from `from` on pass `f` (a plain loop, inlined: it runs
/// several times for every attempt).
#[inline]
fn run_len(b: &[u8], from: usize, f: impl Fn(u8) -> bool) -> usize {
    let mut k = from;
    while k < b.len() && f(b[k]) {
        k += 1;
    }
    k - from
}

impl<'a> Look<'a> {
    pub(crate) fn new(i: &'a str, classes: u16) -> Self {
        let b = i.as_bytes();
        let digits = run_len(b, 0, |c| c.is_ascii_digit());
        let first_len = if digits == 0 {
            run_len(b, 0, |c| c.is_ascii_alphabetic())
        } else {
            0
        };
        let end = digits + first_len;
        let gap = run_len(b, end, |c| !c.is_ascii_alphanumeric());
        let j = end + gap;
        let next_len = match b.get(j) {
            Some(c) if c.is_ascii_digit() => run_len(b, j, |c| c.is_ascii_digit()),
            Some(_) => run_len(b, j, |c| c.is_ascii_alphabetic()),
            None => 0,
        };
        let next = b.get(j..j + next_len).unwrap_or_default();
        let next_classes = match next.first() {
            Some(c) if c.is_ascii_alphabetic() => super::scan::word_classes(next),
            _ => 0,
        };
        Look {
            classes,
            first: b.get(..first_len).unwrap_or_default(),
            digits,
            after: b.get(end).copied().unwrap_or(0),
            next,
            next_classes,
            next_end: j + next_len,
            before_next: j.checked_sub(1).and_then(|k| b.get(k)).copied().unwrap_or(0),
            after_next: b.get(j + next_len).copied().unwrap_or(0),
            number: b[..digits]
                .iter()
                .fold(0u32, |n, d| n.saturating_mul(10).saturating_add(u32::from(d - b'0'))),
            input: b,
            plain_gap: gap > 0
                && b.get(end..j)
                    .is_some_and(|g| g.iter().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))),
            text: i,
            approx: OnceCell::new(),
            ordinal_word: OnceCell::new(),
        }
    }

    /// After an approximation, whether [`q_ago`] and [`q_duration`] pass at the count
    /// that follows it (`None` without an approximation). Both tests ask; the look
    /// past the approximation is taken once.
    fn approx_verdicts(&self) -> Option<(bool, bool)> {
        *self.approx.get_or_init(|| {
            let rest = self.after_approx()?;
            Some((
                rest.classes & (DIG | NUMW) == 0 || q_ago(&rest),
                rest.classes & (DIG | NUMW | THE | REL) == 0 || q_duration(&rest),
            ))
        })
    }

    /// After an approximation and white space ("more than 4 years": "4 years"), where
    /// the count of [`ago`] and [`duration`] starts, looked at as the scanner would: the
    /// classes of its first word, or [`DIG`] at a number.
    fn after_approx(&self) -> Option<Look<'a>> {
        // The first letters of the approximations, before the words.
        let starts = matches!(
            self.first.first().map(u8::to_ascii_lowercase),
            Some(b'm' | b'l' | b'f' | b'a' | b'u' | b'n')
        );
        if !starts || !self.first_is(&["more", "less", "fewer", "at", "up", "no", "nearly", "almost", "around"]) {
            return None;
        }
        let (rest, _) = terminated(approx, ws).parse(self.text).ok()?;
        let classes = if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            DIG
        } else {
            super::scan::word_classes(rest.as_bytes().get(..alpha_prefix(rest).len()).unwrap_or_default()) & !CONT
        };
        Some(Look::new(rest, classes))
    }

    /// The word after the next token across white space or hyphens ("the full text":
    /// "text"); empty when there is none or something else comes first.
    fn word_after_next(&self) -> &'a [u8] {
        let b = self.input;
        let gap = run_len(b, self.next_end, is_gap_byte);
        let from = self.next_end + gap;
        b.get(from..from + run_len(b, from, |c| c.is_ascii_alphabetic()))
            .unwrap_or_default()
    }

    fn first_is(&self, list: &[&str]) -> bool {
        list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(self.first))
    }

    fn next_is(&self, list: &[&str]) -> bool {
        list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(self.next))
    }

    /// The next token is a word of one of `classes`.
    fn next_has(&self, classes: u16) -> bool {
        self.next_classes & classes != 0
    }

    /// How many digits the next token has (0 for a word or nothing).
    fn next_digits(&self) -> usize {
        if self.next.first().is_some_and(u8::is_ascii_digit) {
            self.next.len()
        } else {
            0
        }
    }

    /// The next token can start a [`count`]: digits, or a word of class `NUMW`
    /// (a cardinal, "a", "an", "several", ...: see [`Look::first_is_number_word`]).
    fn next_starts_count(&self) -> bool {
        self.next_digits() > 0 || self.next_has(NUMW)
    }

    /// After digits with an ordinal suffix ("75th"), the word that follows it across
    /// white space or a hyphen ("75th anniversary", "20th-century"); empty otherwise.
    fn word_after_ordinal(&self) -> &'a [u8] {
        self.ordinal_word.get_or_init(|| self.find_word_after_ordinal())
    }

    /// [`Look::word_after_ordinal`], found (three quick tests ask for it).
    fn find_word_after_ordinal(&self) -> &'a [u8] {
        let b = self.input;
        let Some(suffix) = b.get(self.digits..self.digits + 2) else {
            return &[];
        };
        let is_suffix = [b"st", b"nd", b"rd", b"th"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(suffix));
        if !is_suffix || b.get(self.digits + 2).is_some_and(u8::is_ascii_alphanumeric) {
            return &[];
        }
        let from = self.digits + 2;
        let gap = b[from..].iter().take_while(|&&c| is_gap_byte(c)).count();
        let rest = &b[from + gap..];
        &rest[..rest.iter().take_while(|c| c.is_ascii_alphabetic()).count()]
    }

    /// The first word can start a cardinal or ordinal in words ("two", "twenty-first",
    /// "a hundredth"), a count ("a", "several") or an approximation ("nearly"): the
    /// word class `NUMW` marks them all (test `number_words_are_numw`), and "last",
    /// marked for "last quarter", is none of them.
    fn first_is_number_word(&self) -> bool {
        self.classes & NUMW != 0 && !self.first_is(&["last"])
    }

    fn word_after_ordinal_is(&self, list: &[&str]) -> bool {
        let w = self.word_after_ordinal();
        list.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
    }

    /// The attempt starts with at most four digits and a letter: "80th", "3Q".
    fn digits_then_letter(&self) -> bool {
        (1..=4).contains(&self.digits) && self.after.is_ascii_alphabetic()
    }
}

type Quick = fn(&Look) -> bool;

fn any(_: &Look) -> bool {
    true
}

/// "80th anniversary", "75 years after"; in words, the ordinal or cardinal goes on
/// with a number word ("twenty-first", "a hundredth") or is followed by
/// "anniversary" or "years". After "years" comes "after" or "since": "two years ago"
/// is no anniversary.
fn q_anniversary(l: &Look) -> bool {
    let years_then = |l: &Look| {
        let w = l.word_after_next();
        w.is_empty() || w.eq_ignore_ascii_case(b"after") || w.eq_ignore_ascii_case(b"since")
    };
    if l.digits > 0 {
        (l.digits_then_letter() && l.word_after_ordinal_is(&["anniversary"]))
            || (l.digits <= 4 && !l.after.is_ascii_alphabetic() && l.next_is(&["years"]) && years_then(l))
    } else {
        l.first_is_number_word() && l.next_has(NUMW | CONT) && (!l.next_is(&["years"]) || years_then(l))
    }
}

/// "September 26", "Thursday, September 26".
fn q_month_day(l: &Look) -> bool {
    (l.classes & MONTH != 0 && l.next_digits() > 0) || (l.classes & WKDAY != 0 && l.next_has(MONTH))
}

/// "26 September", "Thursday 26 September". After the day (and its ordinal suffix),
/// a word is a month, "of" or the joint of a range ("9 to 11 July"): "21st century"
/// is no day.
fn q_day_month(l: &Look) -> bool {
    if l.digits == 0 {
        return l.next_digits() > 0;
    }
    if l.digits > 2 || !(1..=31).contains(&l.number) {
        return false;
    }
    let (word, classes) = if l.after.is_ascii_alphabetic() {
        let w = l.word_after_ordinal();
        (w, super::scan::word_classes(w))
    } else if l.next_digits() == 0 {
        (l.next, l.next_classes)
    } else {
        (&[][..], 0)
    };
    word.is_empty()
        || classes & MONTH != 0
        || ["of", "to", "through", "thru"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

fn q_iso_date(l: &Look) -> bool {
    l.digits == 4 && l.after == b'-'
}

/// "FY2025", "fiscal 2025", "fiscal year 2025".
fn q_fiscal_year(l: &Look) -> bool {
    l.next_digits() > 0 || l.next_has(CONT)
}

/// "July 2023", "July of 2023", "July nineteen ninety-six" (and seasons).
fn q_month_season_year(l: &Look) -> bool {
    l.next_digits() > 0 || l.next_has(CTX | NUMW)
}

/// "the end of July 2023", "early autumn 2024".
fn q_modified_month_season(l: &Look) -> bool {
    if l.classes & THE != 0 {
        l.next_is(MODIFIER_NOUNS)
    } else {
        l.next_has(MONTH | SEASON)
    }
}

/// "20th century", "twenty-first century".
fn q_century(l: &Look) -> bool {
    if l.digits > 0 {
        l.digits_then_letter() && l.word_after_ordinal_is(&["century", "centuries"])
    } else {
        l.first_is_number_word() && l.next_has(NUMW | CONT)
    }
}

/// "3rd quarter", "3Q", "2024-Q3"; "fiscal first quarter", "last quarter", "second
/// half", "Q3".
fn q_quarter_phrase(l: &Look) -> bool {
    if l.digits > 0 {
        // "1st quarter", "3Q", "2024-Q3".
        (l.digits_then_letter()
            && (1..=4).contains(&l.number)
            && matches!(l.after.to_ascii_lowercase(), b's' | b'n' | b'r' | b't' | b'q'))
            || (l.digits == 4 && l.after == b'-' && l.next.first() == Some(&b'Q'))
    } else {
        l.classes & (FISCAL | Q | NUMW) != 0
            && (l.next_digits() > 0 || l.next_has(NUMW) || l.next_is(&["quarter", "qtr", "half"]))
    }
}

fn q_decade(l: &Look) -> bool {
    l.digits == 4 && matches!(l.after, b's' | b'\'')
}

/// After "the": a number is a year or decade ("the 1990s", "the 1988 quarter"), a
/// decade after an apostrophe ("the '90s") or a quarter's ordinal ("the 3rd
/// quarter"); a word is one of the classes below or "same" or "period".
fn q_the(l: &Look) -> bool {
    match l.next_digits() {
        // "the full year", "the full fiscal year", but not "the full text".
        0 if l.next_is(&["full"]) => {
            let w = l.word_after_next();
            w.is_empty() || w.eq_ignore_ascii_case(b"year") || w.eq_ignore_ascii_case(b"fiscal")
        }
        0 => l.next_has(MOD | CONT | FISCAL | NUMW | REL | SEASON) || l.next_is(&["same", "period"]),
        4 => true,
        n => {
            (n == 2 && matches!(l.before_next, b'\'' | 0x99))
                || (n <= 4
                    && std::str::from_utf8(l.next)
                        .ok()
                        .and_then(|d| d.parse::<u32>().ok())
                        .is_some_and(|q| (1..=4).contains(&q)))
        }
    }
}

/// After the context word, a year (four digits or words) or a modifier.
fn q_years_in_context(l: &Look) -> bool {
    l.next_digits() == 4 || l.next_has(THE | MOD | NUMW) || l.next_is(&["end"])
}

/// After "early", "mid-", a year in digits or words.
fn q_modified_years(l: &Look) -> bool {
    l.next_digits() == 4 || l.next_has(NUMW)
}

/// "1949's".
fn q_year_possessive(l: &Look) -> bool {
    l.digits == 4 && (l.after == b'\'' || l.input.get(4..7) == Some("\u{2019}".as_bytes()))
}

/// "from 2015 to 2017", "between 2014 and 2016".
fn q_from_to_years(l: &Look) -> bool {
    l.first_is(&["from", "between"])
}

/// "2014–2016", "2025/2026", "2025, 2026": after white space alone, only a joining
/// word can follow.
fn q_year_group_bare(l: &Look) -> bool {
    l.digits == 4 && (!l.plain_gap || l.next_is(&["to", "through", "until", "till", "and", "or"]))
}

/// "10:35", "10 p.m.", "noon": one or two digits go on with a colon or "a.m."/"p.m.".
fn q_clock(l: &Look) -> bool {
    l.digits == 0 || (l.digits <= 2 && (l.after == b':' || l.next_is(&["a", "p"])))
}

/// "two years ago", "more than a year ago", "at least a year earlier".
fn q_ago(l: &Look) -> bool {
    // After an approximation, the count: "more than 4 billion" is no time ago.
    if let Some((ago, _)) = l.approx_verdicts() {
        return ago;
    }
    if l.digits > 0 {
        l.digits <= 4 && l.next_has(CONT)
    } else {
        l.first_is_number_word()
            && (l.next_digits() > 0 || l.next_has(NUMW | CONT) || l.next_is(&["than", "least", "most", "to"]))
    }
}

/// "three-year", "10-year", "twenty-five-year".
fn q_duration_adj(l: &Look) -> bool {
    if l.digits > 0 {
        l.digits <= 4 && l.next_has(CONT)
    } else {
        l.first_is_number_word() && l.next_has(NUMW | CONT)
    }
}

/// "75 years", "two to three weeks", "nearly forty years", "the past two months".
fn q_duration(l: &Look) -> bool {
    let unit_or_joint = |l: &Look| l.next_has(NUMW | CONT) || l.next_is(&["to", "or"]) || l.next_is(DURATION_WORDS);
    // After an approximation, what may follow it ("more than two years", "nearly the
    // past two years").
    if let Some((_, duration)) = l.approx_verdicts() {
        return duration;
    }
    if l.digits > 0 {
        return l.digits <= 4 && unit_or_joint(l);
    }
    // After "last", "next", "past" or "first" the count comes at once ("last two
    // years"; "last year" is no duration); after "a"/"an" (the count) no number does.
    if l.first_is(&["past", "last", "next", "first"]) {
        return l.next_starts_count();
    }
    if l.first_is(&["a", "an"]) && l.next_digits() > 0 {
        return false;
    }
    // After "the", an adjective or the count ("the past two years", "the 12 months");
    // a count in digits is followed by white space ("the 21st century" is no duration).
    if l.first_is(&["the"]) {
        let glued = l.next_digits() > 0 && (l.next_digits() > 4 || l.after_next.is_ascii_alphanumeric());
        return l.next_is(DURATION_ADJECTIVES) || (l.next_starts_count() && !glued);
    }
    // Otherwise an approximation ("more than"), a count or a cardinal starts it.
    l.classes & NUMW != 0
        && (l.next_digits() > 0
            || l.next_has(REL | THE)
            || unit_or_joint(l)
            || l.next_is(&["than", "least", "most", "remaining", "final", "same"]))
}

/// "last May", "June last year".
fn q_rel_month(l: &Look) -> bool {
    (l.classes & MONTH != 0 && l.next_is(&["last", "this", "next"])) || (l.classes & REL != 0 && l.next_has(MONTH))
}

/// "Christmas", "last Christmas".
fn q_holiday(l: &Look) -> bool {
    l.classes & HOLI != 0 || l.next_has(HOLI)
}

/// "year-earlier", "year-end", "year's end", "last year's quarter".
fn q_year_ago(l: &Look) -> bool {
    (l.first_is(&["year"]) && l.next_is(&["earlier", "ago", "end", "s"]))
        || (l.first_is(&["last"]) && l.next_is(&["year"]))
}

/// "today", "early today", "this morning", "mid-morning today", "last night".
fn q_deictic(l: &Look) -> bool {
    l.classes & ALONE != 0
        || l.next_is(&[
            "today",
            "yesterday",
            "tomorrow",
            "morning",
            "afternoon",
            "evening",
            "night",
        ])
}

/// "this spring", "this past fall", "late this summer".
fn q_rel_season(l: &Look) -> bool {
    if l.classes & MOD != 0 {
        l.next_is(&["this", "last", "next"])
    } else {
        l.next_has(SEASON) || l.next_is(&["past"])
    }
}

/// "last Friday", "this coming Sunday", "the previous Monday", "early last Monday".
fn q_rel_weekday(l: &Look) -> bool {
    if l.classes & THE != 0 {
        l.next_is(MODIFIER_NOUNS) || l.next_is(&["previous"])
    } else if l.classes & MOD != 0 {
        l.next_is(&["last", "next", "this", "the"])
    } else {
        l.next_has(WKDAY) || l.next_is(&["coming", "past"])
    }
}

/// "this year", "late last month".
fn q_rel_unit(l: &Look) -> bool {
    if l.classes & MOD != 0 {
        l.next_is(&[
            "this",
            "current",
            "present",
            "last",
            "previous",
            "past",
            "next",
            "coming",
            "following",
            "that",
        ])
    } else {
        l.next_has(CONT)
    }
}

/// "now", "currently", "right now", "at present", "the past", "recent years", "the
/// weeks ahead".
fn q_ref(l: &Look) -> bool {
    if l.first_is(&["the"]) {
        // "the past", "the future", "the weeks ahead" (a unit in the plural).
        return l.next_is(&["past", "future"]) || (l.next_has(CONT) && l.next.last() == Some(&b's'));
    }
    l.classes & ALONE != 0 || l.next_has(CONT) || l.next_is(&["now", "past"])
}

fn q_weekday_alone(l: &Look) -> bool {
    l.classes & WKDAY != 0
}

/// "January", "late September", "the end of May".
fn q_month_alone(l: &Look) -> bool {
    l.classes & MONTH != 0
        || (l.classes & THE != 0 && l.next_is(MODIFIER_NOUNS))
        || (l.classes & MOD != 0 && l.next_has(MONTH))
}

/// "in May", "since last March".
fn q_month_in_context(l: &Look) -> bool {
    l.next_has(MONTH) || l.next_is(&["last", "this", "next"])
}

/// Every production with the classes of words it can start with and its quick test,
/// longest forms first.
const PRODUCTIONS: &[(u16, Quick, Production)] = &[
    (DIG | NUMW, q_anniversary, p_anniversary),
    (MONTH | WKDAY, q_month_day, p_month_day),
    (DIG | WKDAY, q_day_month, p_day_month),
    (DIG, q_iso_date, iso_date),
    (FISCAL, q_fiscal_year, fiscal_year),
    (MONTH, q_month_season_year, p_month_year),
    (SEASON, q_month_season_year, p_season_year),
    (MOD | THE, q_modified_month_season, p_modified_month_season),
    (DIG | NUMW, q_century, century),
    (NUMW | FISCAL | Q | DIG | REL, q_quarter_phrase, p_quarter),
    (DIG, q_decade, p_decade),
    (THE, q_the, p_the),
    (CTX, q_from_to_years, p_from_to_years),
    (CTX, q_years_in_context, years_in_context),
    (MOD, q_modified_years, p_modified_years),
    (DIG, q_year_possessive, year_possessive),
    (DIG, q_year_group_bare, year_group_bare),
    (DIG | CLOCKW, q_clock, p_clock),
    (DIG | NUMW, q_ago, p_ago),
    (DIG | NUMW, q_duration_adj, p_duration_adj),
    (DIG | NUMW | THE | REL, q_duration, p_duration),
    (SET, any, p_set),
    (REL | MONTH, q_rel_month, p_rel_month),
    (HOLI | REL, q_holiday, p_holiday),
    (REL, q_year_ago, p_year_ago),
    (REL | MOD, q_deictic, p_deictic),
    (MOD | REL, q_rel_season, p_rel_season),
    (MOD | REL | THE, q_rel_weekday, p_rel_weekday),
    (MOD | REL, q_rel_unit, p_rel_unit),
    (REL | THE, q_ref, p_ref),
    (WKDAY | MOD, q_weekday_alone, p_weekday_alone),
    (MONTH | MOD | THE, q_month_alone, p_month_alone),
    (CTX, q_month_in_context, month_in_context),
];

/// For each class bit, the productions (bit `k` for `PRODUCTIONS[k]`) that a word of
/// that class can start: the productions of a word's classes are the union over its
/// bits, found without a look at the others.
const BY_CLASS: [u64; 16] = {
    assert!(PRODUCTIONS.len() <= 64);
    let mut by_class = [0u64; 16];
    let mut k = 0;
    while k < PRODUCTIONS.len() {
        let mut bit = 0;
        while bit < 16 {
            if PRODUCTIONS[k].0 & (1 << bit) != 0 {
                by_class[bit] |= 1 << k;
            }
            bit += 1;
        }
        k += 1;
    }
    by_class
};

/// The productions of the given classes, as bits in [`PRODUCTIONS`] order.
pub(super) fn productions_of(classes: u16) -> u64 {
    let mut set = 0;
    let mut bits = classes;
    while bits != 0 {
        set |= BY_CLASS[bits.trailing_zeros() as usize];
        bits &= bits - 1;
    }
    set
}

/// Tries, in order, every production of the given classes at `i` whose quick test
/// passes; the first that matches and ends at a word boundary wins.
pub(crate) fn timex_at(i: &str, classes: u16) -> Option<(&str, Hit)> {
    let look = Look::new(i, classes);
    let mut todo = productions_of(classes);
    while todo != 0 {
        let (_, quick, production) = PRODUCTIONS[todo.trailing_zeros() as usize];
        todo &= todo - 1;
        if !quick(&look) {
            continue;
        }
        if let Ok((r, hit)) = production(i)
            && not_alnum(r).is_ok()
        {
            return Some((r, hit));
        }
    }
    None
}

/// The productions whose classes meet `classes`, as bits, by a scan of
/// [`PRODUCTIONS`]: the oracle for [`productions_of`].
#[cfg(test)]
pub(super) fn productions_by_mask(classes: u16) -> u64 {
    PRODUCTIONS
        .iter()
        .enumerate()
        .filter(|(_, (mask, _, _))| mask & classes != 0)
        .fold(0, |set, (k, _)| set | 1 << k)
}

/// [`timex_at`] without the quick tests, to check that they reject no match.
#[cfg(test)]
pub(crate) fn timex_at_slow(i: &str, classes: u16) -> Option<(&str, Hit)> {
    for (mask, _, production) in PRODUCTIONS {
        if mask & classes == 0 {
            continue;
        }
        if let Ok((r, hit)) = production(i)
            && not_alnum(r).is_ok()
        {
            return Some((r, hit));
        }
    }
    None
}
