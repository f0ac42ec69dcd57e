//! Completes partial values with the document date. All calendar arithmetic goes
//! through `jiff`; nothing here panics on any input.

use jiff::Span as JSpan;
use jiff::civil::{Date, Weekday};

use super::grammar::PVal;
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

/// The weekday `wd` nearest the document date: the document date itself, else the
/// last one before it (news reports the past) unless `dir` asks otherwise.
fn resolve_weekday(dct: Date, wd: Weekday, dir: i8) -> Option<Date> {
    match dir {
        0 if dct.weekday() == wd => Some(dct),
        0 | -1 => dct.nth_weekday(-1, wd).ok(),
        _ => dct.nth_weekday(1, wd).ok(),
    }
}

/// The day for a month and day without a year: the one nearest the document date.
fn nearest_day(dct: Date, m: i8, d: i8) -> Option<Date> {
    let y = dct.year();
    let mut best: Option<(i64, Date)> = None;
    for cand in [y.checked_sub(1), Some(y), y.checked_add(1)].into_iter().flatten() {
        let Ok(date) = Date::new(cand, m, d) else {
            continue;
        };
        let dist = date.duration_since(dct).as_secs().unsigned_abs() as i64;
        // Ties go to the past.
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, date));
        }
    }
    best.map(|(_, d)| d)
}

fn nearest_month(dct: Date, m: i8) -> Option<(i16, i8)> {
    let here = i32::from(dct.year()) * 12 + i32::from(dct.month()) - 1;
    let mut best: Option<(i32, i32)> = None;
    for dy in [-1, 0, 1] {
        let cand = (i32::from(dct.year()) + dy) * 12 + i32::from(m) - 1;
        let dist = (cand - here).abs();
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, cand));
        }
    }
    let (_, c) = best?;
    Some((checked_year(c.div_euclid(12))?, (c.rem_euclid(12) + 1) as i8))
}

/// The TIMEX3 value of a partial value, or `None` when it needs a document date that
/// is missing (or falls outside the calendar).
pub(crate) fn resolve(v: &PVal, dct: Option<Date>) -> Option<TimexValue> {
    Some(match v {
        PVal::Abs(v) => v.clone(),
        PVal::Day { y: Some(y), m, d } => TimexValue::Day {
            date: Date::new(*y, *m, *d).ok()?,
        },
        PVal::Day { y: None, m, d } => match dct {
            Some(dct) => TimexValue::Day {
                date: nearest_day(dct, *m, *d)?,
            },
            None => TimexValue::Other {
                value: format!("XXXX-{m:02}-{d:02}"),
            },
        },
        PVal::Month { y: Some(y), m } => TimexValue::Month { year: *y, month: *m },
        PVal::Month { y: None, m } => match dct {
            Some(dct) => {
                let (year, month) = nearest_month(dct, *m)?;
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
                    decade: dct.year() / 10,
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
            date: resolve_weekday(dct?, *wd, *dir)?,
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
            let TimexValue::Day { date } = resolve(day, dct)? else {
                return None;
            };
            TimexValue::Other {
                value: format!("{:04}-{:02}-{:02}{part}", date.year(), date.month(), date.day()),
            }
        }
        PVal::Clock { day, h, m } => {
            let TimexValue::Day { date } = resolve(day, dct)? else {
                return None;
            };
            TimexValue::Other {
                value: format!("{:04}-{:02}-{:02}T{h:02}:{m:02}", date.year(), date.month(), date.day()),
            }
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
