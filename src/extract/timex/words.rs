//! Word tables: month, weekday, season and number words, matched on ASCII bytes
//! without allocation (`eq_ignore_ascii_case`).

use jiff::civil::Weekday;

use super::Season;

/// True when the word starts with an ASCII upper-case letter (proper-noun use).
pub(crate) fn is_capitalised(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|b| b.is_ascii_uppercase())
}

/// The value of `w` in `table`, matched without regard to ASCII case.
pub(crate) fn lookup<T: Copy>(w: &str, table: &[(&str, T)]) -> Option<T> {
    table.iter().find(|(k, _)| k.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const MONTH_ABBREVS: &[(&str, i8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A full month name ("September"), capitalised.
pub(crate) fn month_full(w: &str) -> Option<i8> {
    if !is_capitalised(w) {
        return None;
    }
    lookup(w, MONTHS)
}

/// An abbreviated month name ("Sept", "Aug"), capitalised.
pub(crate) fn month_abbrev(w: &str) -> Option<i8> {
    if !is_capitalised(w) {
        return None;
    }
    lookup(w, MONTH_ABBREVS)
}

/// Month names that are also common English words ("May", "March", "August").
pub(crate) fn month_is_ambiguous(m: i8) -> bool {
    matches!(m, 3 | 5 | 8)
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("tues", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// A weekday name, full ("Thursday") or abbreviated ("Thu"), capitalised.
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    if !is_capitalised(w) {
        return None;
    }
    lookup(w, WEEKDAYS)
}

/// Full weekday names only (abbreviations alone are too ambiguous: "Sun", "Sat").
pub(crate) fn weekday_full(w: &str) -> Option<Weekday> {
    if w.len() < 6 {
        return None;
    }
    weekday(w)
}

const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Fall),
    ("fall", Season::Fall),
    ("winter", Season::Winter),
];

pub(crate) fn season(w: &str) -> Option<Season> {
    lookup(w, SEASONS)
}

const UNITS: &[(&str, u8)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u8)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORD_UNITS: &[(&str, u8)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];

const ORD_TENS: &[(&str, u8)] = &[
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
];

/// A cardinal word below 20 or a tens word ("five", "twenty").
pub(crate) fn cardinal_unit(w: &str) -> Option<u8> {
    lookup(w, UNITS)
}

pub(crate) fn cardinal_tens(w: &str) -> Option<u8> {
    lookup(w, TENS)
}

pub(crate) fn ordinal_unit(w: &str) -> Option<u8> {
    lookup(w, ORD_UNITS)
}

pub(crate) fn ordinal_tens(w: &str) -> Option<u8> {
    lookup(w, ORD_TENS)
}

/// A time unit word, singular or plural, as its TIMEX3 letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

const UNIT_WORDS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
];

pub(crate) fn unit(w: &str) -> Option<Unit> {
    lookup(w, UNIT_WORDS)
}

/// The singular form of a unit word ("year", not "years").
pub(crate) fn unit_singular(w: &str) -> Option<Unit> {
    let u = unit(w)?;
    (!w.ends_with(['s', 'S'])).then_some(u)
}

impl Unit {
    /// The ISO 8601 duration of `n` units: `P3Y`, `PT5H`, `P20Y` for two decades.
    pub(crate) fn duration(self, n: u32) -> String {
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{}Y", u64::from(n) * 10),
            Unit::Century => format!("P{}Y", u64::from(n) * 100),
        }
    }

    /// The duration with an unknown count: `PXY`, `PTXH`.
    pub(crate) fn duration_unknown(self) -> String {
        match self {
            Unit::Second => "PTXS".into(),
            Unit::Minute => "PTXM".into(),
            Unit::Hour => "PTXH".into(),
            Unit::Day => "PXD".into(),
            Unit::Week => "PXW".into(),
            Unit::Month => "PXM".into(),
            Unit::Quarter => "PXQ".into(),
            Unit::Year => "PXY".into(),
            Unit::Decade => "PXDE".into(),
            Unit::Century => "PXCE".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::grammar::class::NUMW;
    use super::super::scan::word_classes;
    use super::*;

    /// The quick tests take the class `NUMW` for "a word a number, count or
    /// approximation can start with": every such word must have it.
    #[test]
    fn number_words_are_numw() {
        let tables = [UNITS, TENS, ORD_UNITS, ORD_TENS];
        let listed = tables.iter().flat_map(|t| t.iter().map(|(w, _)| *w));
        let counts = ["a", "an", "one", "hundred", "hundredth", "several", "few", "many"];
        // The first words of `grammar::approx`.
        let approx = ["more", "less", "fewer", "at", "up", "no", "nearly", "almost", "around"];
        let all: Vec<&str> = listed.chain(counts).chain(approx).collect();
        assert!(all.len() > 60);
        for w in all {
            assert_ne!(word_classes(w.as_bytes()) & NUMW, 0, "{w}");
            assert_ne!(w, "last");
        }
    }
}
