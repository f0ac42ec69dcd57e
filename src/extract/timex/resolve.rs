//! Completes partial values with the document date. All calendar arithmetic goes
//! through `jiff`; nothing here panics on any input.

use jiff::Span as JSpan;
use jiff::civil::{Date, Weekday};

use super::grammar::{Holiday, PVal};
use super::words::Unit;
use super::{Season, TimexValue};

fn season_of(month: i8) -> Season {
    match month {
        3..=5 => Season::Spring,
        6..=8 => Season::Summer,
        9..=11 => Season::Fall,
        _ => Season::Winter,
    }
}

fn season_index(s: Season) -> u8 {
    match s {
        Season::Spring => 0,
        Season::Summer => 1,
        Season::Fall => 2,
        Season::Winter => 3,
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(JSpan::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(JSpan::new().try_months(n).ok()?).ok()
}

fn add_weeks(d: Date, n: i64) -> Option<Date> {
    d.checked_add(JSpan::new().try_weeks(n).ok()?).ok()
}

fn week_of(d: Date) -> TimexValue {
    let w = d.iso_week_date();
    TimexValue::Week {
        year: w.year(),
        week: w.week() as u8,
    }
}

fn quarter_of(d: Date) -> (i16, i32) {
    (d.year(), (i32::from(d.month()) - 1) / 3)
}

fn checked_year(y: i32) -> Option<i16> {
    i16::try_from(y).ok().filter(|y| (0..=9999).contains(y))
}

/// What the words around a date written without its year or week say about when it
/// is: a cheap cue, not a parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "ended Jan. 31": a period already over.
    Past,
    Unknown,
    /// "will meet Tuesday", "is scheduled to close Monday".
    Future,
}

/// The weekday `wd` meant by a weekday name alone: the document date itself, else the
/// last one before it (news reports the past), or the next one when the sentence
/// speaks of the future or `dir` says "next".
fn resolve_weekday(dct: Date, wd: Weekday, dir: i8, tense: Tense) -> Option<Date> {
    match dir {
        0 if dct.weekday() == wd => Some(dct),
        0 if tense == Tense::Future => dct.nth_weekday(1, wd).ok(),
        0 | -1 => dct.nth_weekday(-1, wd).ok(),
        _ => dct.nth_weekday(1, wd).ok(),
    }
}

/// How far ahead a date without a year may be and still be read as coming, when the
/// sentence does not speak of the future (news mostly reports the past).
const AHEAD_DAYS: i64 = 100;

fn days_between(a: Date, b: Date) -> i64 {
    b.duration_since(a).as_secs() / 86_400
}

/// The date of a yearly day (given per year by `day_in`) meant without a year: the
/// next one when it is close (and not said to be past) or the sentence speaks of the
/// future, else the last.
fn yearly_day(dct: Date, tense: Tense, day_in: impl Fn(i16) -> Option<Date>) -> Option<Date> {
    let y = dct.year();
    let this = day_in(y);
    let (past, next) = match this {
        Some(d) if d <= dct => (Some(d), y.checked_add(1).and_then(&day_in)),
        _ => (y.checked_sub(1).and_then(&day_in), this),
    };
    match (past, next) {
        (Some(p), Some(n)) => {
            let ahead = days_between(dct, n);
            let next = match tense {
                Tense::Past => false,
                Tense::Unknown => ahead <= AHEAD_DAYS,
                Tense::Future => ahead <= 330,
            };
            if p == dct || !next { Some(p) } else { Some(n) }
        }
        (p, n) => p.or(n),
    }
}

/// A month without a year: the current one; the next one when it is at most two
/// months ahead (and not said to be past) or the sentence speaks of the future; else
/// the last one.
fn month_without_year(dct: Date, m: i8, tense: Tense) -> Option<(i16, i8)> {
    let ahead = (i32::from(m) - i32::from(dct.month())).rem_euclid(12);
    let here = i32::from(dct.year()) * 12 + i32::from(dct.month()) - 1;
    let next = match tense {
        Tense::Past => ahead == 0,
        Tense::Unknown => ahead <= 2,
        Tense::Future => true,
    };
    let c = if next { here + ahead } else { here + ahead - 12 };
    Some((checked_year(c.div_euclid(12))?, (c.rem_euclid(12) + 1) as i8))
}

fn holiday_in(h: Holiday, y: i16) -> Option<Date> {
    let fixed = |m, d| Date::new(y, m, d).ok();
    let nth = |m, n, wd| Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, wd).ok();
    match h {
        Holiday::NewYearsDay => fixed(1, 1),
        Holiday::NewYearsEve => fixed(12, 31),
        Holiday::Valentines => fixed(2, 14),
        Holiday::Independence => fixed(7, 4),
        Holiday::Halloween => fixed(10, 31),
        Holiday::ChristmasEve => fixed(12, 24),
        Holiday::Christmas => fixed(12, 25),
        Holiday::Thanksgiving => nth(11, 4, Weekday::Thursday),
        Holiday::Labor => nth(9, 1, Weekday::Monday),
        Holiday::Memorial => nth(5, -1, Weekday::Monday),
        Holiday::Election => add_days(nth(11, 1, Weekday::Monday)?, 1),
    }
}

/// The TIMEX3 value of a partial value, or `None` when it needs a document date that
/// is missing (or falls outside the calendar).
///
/// `tense` says what the sentence says of the time ("will", "ended"), which decides
/// between the last and the next occurrence of a weekday, a month or a day without a
/// year.
pub(crate) fn resolve(v: &PVal, dct: Option<Date>, tense: Tense) -> Option<TimexValue> {
    Some(match v {
        PVal::Abs(v) => v.clone(),
        PVal::Day { y: Some(y), m, d } => TimexValue::Day {
            date: Date::new(*y, *m, *d).ok()?,
        },
        PVal::Day { y: None, m, d } => match dct {
            Some(dct) => TimexValue::Day {
                date: yearly_day(dct, tense, |y| Date::new(y, *m, *d).ok())?,
            },
            None => TimexValue::Other {
                value: format!("XXXX-{m:02}-{d:02}"),
            },
        },
        PVal::Month { y: Some(y), m } => TimexValue::Month { year: *y, month: *m },
        PVal::Month { y: None, m } => match dct {
            Some(dct) => {
                let (year, month) = month_without_year(dct, *m, tense)?;
                TimexValue::Month { year, month }
            }
            None => TimexValue::Other {
                value: format!("XXXX-{m:02}"),
            },
        },
        PVal::Season { y, s } => TimexValue::Season {
            year: y.or(dct.map(|d| d.year()))?,
            season: *s,
        },
        PVal::Quarter { y, q } => TimexValue::Quarter {
            year: y.or(dct.map(|d| d.year()))?,
            quarter: *q,
        },
        PVal::Half { y, h } => TimexValue::Half {
            year: y.or(dct.map(|d| d.year()))?,
            half: *h,
        },
        PVal::Anaphoric { unit, offset } => resolve(
            &PVal::Rel {
                unit: *unit,
                offset: i32::from(*offset),
            },
            dct,
            tense,
        )?,
        PVal::Rel { unit, offset } => {
            let dct = dct?;
            let o = i64::from(*offset);
            match unit {
                Unit::Year => TimexValue::Year {
                    year: checked_year(i32::from(dct.year()) + *offset)?,
                },
                Unit::Month => {
                    let d = add_months(dct.first_of_month(), o)?;
                    TimexValue::Month {
                        year: d.year(),
                        month: d.month(),
                    }
                }
                Unit::Week => week_of(add_weeks(dct, o)?),
                Unit::Day => TimexValue::Day {
                    date: add_days(dct, o)?,
                },
                Unit::Quarter => {
                    let (y, q) = quarter_of(dct);
                    let idx = i32::from(y) * 4 + q + *offset;
                    TimexValue::Quarter {
                        year: checked_year(idx.div_euclid(4))?,
                        quarter: (idx.rem_euclid(4) + 1) as u8,
                    }
                }
                Unit::Century => TimexValue::Century {
                    century: dct.year() / 100,
                },
                Unit::Decade => TimexValue::Decade {
                    decade: dct.year() / 10 + i16::try_from(*offset).ok()?,
                },
                _ => return None,
            }
        }
        PVal::SeasonRel { s, dir } => {
            let dct = dct?;
            let y = dct.year();
            let year = match dir {
                0 => y,
                d if *d < 0 => y.checked_sub(1)?,
                _ => {
                    if season_index(*s) > season_index(season_of(dct.month())) {
                        y
                    } else {
                        y.checked_add(1)?
                    }
                }
            };
            TimexValue::Season { year, season: *s }
        }
        PVal::Weekday { wd, dir } => TimexValue::Day {
            date: resolve_weekday(dct?, *wd, *dir, tense)?,
        },
        PVal::Ago { n, unit } => {
            let dct = dct?;
            let n = i64::from(*n);
            match unit {
                Unit::Year | Unit::Decade | Unit::Century => {
                    let k = match unit {
                        Unit::Decade => 10,
                        Unit::Century => 100,
                        _ => 1,
                    };
                    TimexValue::Year {
                        year: checked_year(i32::from(dct.year()) - i32::try_from(n * k).ok()?)?,
                    }
                }
                Unit::Month => {
                    let d = add_months(dct.first_of_month(), -n)?;
                    TimexValue::Month {
                        year: d.year(),
                        month: d.month(),
                    }
                }
                Unit::Week => week_of(add_weeks(dct, -n)?),
                Unit::Day => TimexValue::Day {
                    date: add_days(dct, -n)?,
                },
                Unit::Quarter => {
                    let (y, q) = quarter_of(dct);
                    let idx = i64::from(y) * 4 + i64::from(q) - n;
                    TimexValue::Quarter {
                        year: checked_year(i32::try_from(idx.div_euclid(4)).ok()?)?,
                        quarter: (idx.rem_euclid(4) + 1) as u8,
                    }
                }
                _ => return None,
            }
        }
        PVal::PartOfDay { day, part } => {
            let TimexValue::Day { date } = resolve(day, dct, tense)? else {
                return None;
            };
            TimexValue::Other {
                value: format!("{:04}-{:02}-{:02}{part}", date.year(), date.month(), date.day()),
            }
        }
        PVal::Clock { day, h, m } => {
            let TimexValue::Day { date } = resolve(day, dct, tense)? else {
                return None;
            };
            TimexValue::Other {
                value: format!("{:04}-{:02}-{:02}T{h:02}:{m:02}", date.year(), date.month(), date.day()),
            }
        }
        PVal::PeriodOf { y } => TimexValue::Year { year: *y },
        PVal::MonthRel { m, dir } => {
            let dct = dct?;
            let (y, here) = (dct.year(), dct.month());
            let year = match dir {
                0 => y,
                d if *d < 0 => {
                    if *m < here {
                        y
                    } else {
                        y.checked_sub(1)?
                    }
                }
                _ => {
                    if *m > here {
                        y
                    } else {
                        y.checked_add(1)?
                    }
                }
            };
            TimexValue::Month { year, month: *m }
        }
        PVal::MonthRelYear { m, offset } => TimexValue::Month {
            year: checked_year(i32::from(dct?.year()) + offset)?,
            month: *m,
        },
        PVal::Holiday { h, y: Some(y), .. } => TimexValue::Day {
            date: holiday_in(*h, *y)?,
        },
        PVal::Holiday { h, y: None, dir } => {
            let dct = dct?;
            let date = match dir {
                0 => yearly_day(dct, tense, |y| holiday_in(*h, y))?,
                d if *d < 0 => {
                    let this = holiday_in(*h, dct.year())?;
                    if this < dct {
                        this
                    } else {
                        holiday_in(*h, dct.year().checked_sub(1)?)?
                    }
                }
                _ => {
                    let this = holiday_in(*h, dct.year())?;
                    if this > dct {
                        this
                    } else {
                        holiday_in(*h, dct.year().checked_add(1)?)?
                    }
                }
            };
            TimexValue::Day { date }
        }
        PVal::Weekend { offset } => {
            let dct = dct?;
            // The weekend of the current week once it has begun, else the last one.
            let sat = match dct.weekday() {
                Weekday::Saturday => dct,
                Weekday::Sunday => add_days(dct, -1)?,
                _ => dct.nth_weekday(-1, Weekday::Saturday).ok()?,
            };
            let sat = add_weeks(sat, i64::from(*offset))?;
            let w = sat.iso_week_date();
            TimexValue::Other {
                value: format!("{:04}-W{:02}-WE", w.year(), w.week()),
            }
        }
    })
}
