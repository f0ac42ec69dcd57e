//! The scanner: walks ASCII word starts, tries the grammar only where a timex can
//! begin, and turns grammar hits into [`Timex`]es and [`Anniversary`]s.

use jiff::civil::Date;

use super::grammar::{self, Hit, Piece, Pos};
use super::resolve::{Tense, resolve};
use super::words;
use super::{Anniversary, Group, Temporal, Timex, TimexValue};
use crate::extract::tokens::{Token, tokenize};
use crate::span::Span;

use super::grammar::class::*;

/// Lower-case words that can begin a timex (or the context phrase before one), with
/// the classes of productions worth trying there. Sorted; looked up through
/// [`crate::extract::lexicon`].
const TRIGGER_COUNT: usize = 265;
pub(crate) static TRIGGERS: [(&[u8], u16); TRIGGER_COUNT] = [
    (b"a", CTX | NUMW),
    (b"about", CTX | NUMW),
    (b"after", CTX),
    (b"afternoon", CONT),
    (b"almost", NUMW),
    (b"an", CTX | NUMW),
    (b"and", CTX),
    (b"anniversary", CONT),
    (b"approximately", NUMW),
    (b"apr", MONTH),
    (b"april", MONTH),
    (b"around", CTX | NUMW),
    (b"as", CTX),
    (b"at", CTX | REL | NUMW),
    (b"aug", MONTH),
    (b"august", MONTH),
    (b"autumn", SEASON | CTX),
    (b"before", CTX),
    (b"beginning", CTX | CONT),
    (b"between", CTX),
    (b"both", CTX),
    (b"by", CTX),
    (b"ca", CTX),
    (b"centuries", CONT),
    (b"century", CONT),
    (b"christmas", HOLI),
    (b"circa", CTX),
    (b"close", CONT),
    (b"coming", REL),
    (b"comparable", CONT),
    (b"corresponding", CONT),
    (b"couple", CONT),
    (b"current", REL | ALONE),
    (b"currently", REL | ALONE),
    (b"daily", SET),
    (b"day", CONT),
    (b"days", CONT),
    (b"dec", MONTH),
    (b"decade", CONT),
    (b"decades", CONT),
    (b"december", MONTH),
    (b"due", CTX),
    (b"during", CTX),
    (b"each", SET),
    (b"earlier", MOD),
    (b"early", CTX | MOD),
    (b"eight", NUMW),
    (b"eighteen", NUMW),
    (b"eighteenth", NUMW),
    (b"eighth", NUMW),
    (b"eighties", CONT),
    (b"eightieth", NUMW),
    (b"eighty", NUMW),
    (b"election", HOLI),
    (b"eleven", NUMW),
    (b"eleventh", NUMW),
    (b"end", CTX | CONT),
    (b"evening", CONT),
    (b"every", SET),
    (b"fall", SEASON | CTX),
    (b"feb", MONTH),
    (b"february", MONTH),
    (b"few", NUMW),
    (b"fewer", NUMW),
    (b"fifteen", NUMW),
    (b"fifteenth", NUMW),
    (b"fifth", NUMW),
    (b"fifties", CONT),
    (b"fiftieth", NUMW),
    (b"fifty", NUMW),
    (b"first", NUMW),
    (b"fiscal", FISCAL),
    (b"five", NUMW),
    (b"following", REL),
    (b"for", CTX),
    (b"formerly", REL | ALONE),
    (b"forties", CONT),
    (b"fortieth", NUMW),
    (b"forty", NUMW),
    (b"four", NUMW),
    (b"fourteen", NUMW),
    (b"fourteenth", NUMW),
    (b"fourth", NUMW),
    (b"fri", WKDAY),
    (b"friday", WKDAY | SET),
    (b"fridays", SET),
    (b"from", CTX),
    (b"full", CONT),
    (b"future", CONT),
    (b"fy", FISCAL),
    (b"half", CONT),
    (b"halloween", HOLI),
    (b"her", CTX),
    (b"his", CTX),
    (b"hour", CONT),
    (b"hourly", SET),
    (b"hours", CONT),
    (b"hundred", NUMW | CONT),
    (b"hundredth", NUMW),
    (b"in", CTX),
    (b"independence", HOLI),
    (b"into", CTX),
    (b"its", CTX),
    (b"jan", MONTH),
    (b"january", MONTH),
    (b"jul", MONTH),
    (b"july", MONTH),
    (b"jun", MONTH),
    (b"june", MONTH),
    (b"just", NUMW),
    (b"labor", HOLI),
    (b"labour", HOLI),
    (b"last", CTX | REL | NUMW),
    (b"late", CTX | MOD),
    (b"lately", REL | ALONE),
    (b"later", MOD),
    (b"latest", CONT),
    (b"less", NUMW),
    (b"many", NUMW),
    (b"mar", MONTH),
    (b"march", MONTH),
    (b"may", MONTH),
    (b"memorial", HOLI),
    (b"mid", CTX | MOD),
    (b"midday", CLOCKW),
    (b"middle", CTX | CONT),
    (b"midnight", CLOCKW),
    (b"minute", CONT),
    (b"minutes", CONT),
    (b"mon", WKDAY),
    (b"monday", WKDAY | SET),
    (b"mondays", SET),
    (b"month", CONT),
    (b"monthly", SET),
    (b"months", CONT),
    (b"more", NUMW),
    (b"morning", CONT),
    (b"near", CONT),
    (b"nearly", NUMW),
    (b"new", HOLI),
    (b"next", CTX | REL),
    (b"night", CONT),
    (b"nine", NUMW),
    (b"nineteen", NUMW),
    (b"nineteenth", NUMW),
    (b"nineties", CONT),
    (b"ninetieth", NUMW),
    (b"ninety", NUMW),
    (b"ninth", NUMW),
    (b"no", NUMW),
    (b"noon", CLOCKW),
    (b"nov", MONTH),
    (b"november", MONTH),
    (b"now", REL | ALONE),
    (b"nowadays", REL | ALONE),
    (b"oct", MONTH),
    (b"october", MONTH),
    (b"of", CTX),
    (b"on", CTX),
    (b"one", NUMW),
    (b"only", NUMW),
    (b"or", CTX),
    (b"our", CTX),
    (b"over", NUMW),
    (b"past", CTX | REL),
    (b"post", CTX),
    (b"pre", CTX),
    (b"present", REL | CONT),
    (b"presently", REL | ALONE),
    (b"previous", REL | CONT),
    (b"q", Q),
    (b"quarter", CONT),
    (b"quarters", CONT),
    (b"recent", REL),
    (b"recently", REL | ALONE),
    (b"right", REL),
    (b"roughly", NUMW),
    (b"s", CTX),
    (b"sat", WKDAY),
    (b"saturday", WKDAY | SET),
    (b"saturdays", SET),
    (b"second", NUMW | CONT),
    (b"seconds", CONT),
    (b"sep", MONTH),
    (b"sept", MONTH),
    (b"september", MONTH),
    (b"seven", NUMW),
    (b"seventeen", NUMW),
    (b"seventeenth", NUMW),
    (b"seventh", NUMW),
    (b"seventies", CONT),
    (b"seventieth", NUMW),
    (b"seventy", NUMW),
    (b"several", NUMW),
    (b"short", CONT),
    (b"since", CTX),
    (b"six", NUMW),
    (b"sixteen", NUMW),
    (b"sixteenth", NUMW),
    (b"sixth", NUMW),
    (b"sixties", CONT),
    (b"sixtieth", NUMW),
    (b"sixty", NUMW),
    (b"some", NUMW),
    (b"spring", SEASON | CTX),
    (b"start", CTX | CONT),
    (b"summer", SEASON | CTX),
    (b"sun", WKDAY),
    (b"sunday", WKDAY | SET),
    (b"sundays", SET),
    (b"ten", NUMW),
    (b"tenth", NUMW),
    (b"than", CTX),
    (b"thanksgiving", HOLI),
    (b"that", CTX | REL),
    (b"the", CTX | THE),
    (b"their", CTX),
    (b"these", REL),
    (b"third", NUMW),
    (b"thirteen", NUMW),
    (b"thirteenth", NUMW),
    (b"thirties", CONT),
    (b"thirtieth", NUMW),
    (b"thirty", NUMW),
    (b"this", CTX | REL),
    (b"three", NUMW),
    (b"through", CTX),
    (b"throughout", CTX),
    (b"thu", WKDAY),
    (b"thur", WKDAY),
    (b"thurs", WKDAY),
    (b"thursday", WKDAY | SET),
    (b"thursdays", SET),
    (b"till", CTX),
    (b"to", CTX),
    (b"today", REL | ALONE),
    (b"tomorrow", REL | ALONE),
    (b"tonight", REL | ALONE),
    (b"tue", WKDAY),
    (b"tues", WKDAY),
    (b"tuesday", WKDAY | SET),
    (b"tuesdays", SET),
    (b"twelfth", NUMW),
    (b"twelve", NUMW),
    (b"twenties", CONT),
    (b"twentieth", NUMW),
    (b"twenty", NUMW),
    (b"two", NUMW),
    (b"under", NUMW),
    (b"until", CTX),
    (b"up", NUMW),
    (b"valentine", HOLI),
    (b"wed", WKDAY),
    (b"wednesday", WKDAY | SET),
    (b"wednesdays", SET),
    (b"week", CONT),
    (b"weekend", CONT),
    (b"weekly", SET),
    (b"weeks", CONT),
    (b"winter", SEASON | CTX),
    (b"within", CTX | NUMW),
    (b"year", CTX | REL | CONT),
    (b"yearly", SET),
    (b"years", CONT),
    (b"yesterday", REL | ALONE),
];

/// The production classes for an ASCII word as written, in any case (0 when no timex
/// can start with it). A word of the document has them in its token already.
pub(super) fn word_classes(word: &[u8]) -> u16 {
    crate::extract::lexicon::lookup(word).timex
}

/// Look-ahead gate for a token starting with a digit: four digits (a year), digits
/// with letters ("20th", "1990s", "3Q"), a clock ("10:35"), or a number followed by
/// a month, a unit, "a.m."/"p.m." or another number ("26–27 September").
fn digit_gate(bytes: &[u8], i: usize, wend: usize) -> bool {
    let run = &bytes[i..wend];
    if run.len() == 4 || run.iter().any(|b| b.is_ascii_alphabetic()) {
        return true;
    }
    if bytes.get(wend) == Some(&b':') {
        return true;
    }
    let mut j = wend;
    while j < bytes.len()
        && matches!(
            bytes[j],
            b' ' | b'\t' | b'\n' | b'\r' | b'-' | 0xE2 | 0x80 | 0x93 | 0x94 | 0xC2 | 0xA0 | 0xAF
        )
    {
        j += 1;
    }
    let Some(&c) = bytes.get(j) else {
        return false;
    };
    if c.is_ascii_digit() {
        return j > wend;
    }
    let mut k = j;
    while k < bytes.len() && bytes[k].is_ascii_alphabetic() {
        k += 1;
    }
    let next = &bytes[j..k];
    // "9 to 11 July 2024": a day range joined by a word.
    let range_joint = [&b"to"[..], b"through", b"thru"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w));
    !next.is_empty()
        && (range_joint
            || word_classes(next) & (MONTH | NUMW | CONT) != 0
            || next.eq_ignore_ascii_case(b"p")
            || next.eq_ignore_ascii_case(b"am")
            || next.eq_ignore_ascii_case(b"pm"))
}

/// Look-ahead gate: a function word ("the", "in", "a", "last") can begin a timex only
/// when the next token can continue one. Cheap, and skips most attempts in prose.
/// `next` is the document's next word, when known: a word of letters alone that
/// starts where the look-ahead lands ends at its end, without a scan. Inlined: it runs
/// for every word of a trigger class ("and", "a", "in"), and most calls end early.
#[inline(always)]
fn gate(bytes: &[u8], wend: usize, classes: u16, next: Option<&Token>) -> bool {
    if classes & (ALONE | MONTH | WKDAY | SEASON | FISCAL | Q | SET | CLOCKW | HOLI) != 0 {
        return true;
    }
    // Classes that need more than a year or a month after them.
    let strong = classes & !CTX;
    let mut j = wend;
    while j < bytes.len() && grammar::is_gap_byte(bytes[j]) {
        j += 1;
    }
    let Some(&c) = bytes.get(j) else {
        return false;
    };
    // The next word, and its classes when it is the next token (a word of letters).
    let (mut k, known) = match next {
        Some(t) if t.alpha && t.start as usize == j => (t.end as usize, Some(t.timex)),
        _ => (j, None),
    };
    while k < bytes.len() && bytes[k].is_ascii_alphanumeric() {
        k += 1;
    }
    if c.is_ascii_digit() {
        let digits = bytes[j..k].iter().take_while(|b| b.is_ascii_digit()).count();
        return digits == 4 || (strong != 0 && (k > j + digits || digit_gate(bytes, j, k)));
    }
    if c == b'\'' {
        // "the '80s", "year's end".
        return strong & (THE | REL) != 0;
    }
    if !c.is_ascii_alphabetic() {
        return false;
    }
    let next = &bytes[j..k];
    // "two to three weeks", "a year or two".
    if classes & NUMW != 0 && matches!(next, b"to" | b"or" | b"than" | b"least" | b"most") {
        return true;
    }
    let nc = known.unwrap_or_else(|| word_classes(next));
    if nc & (MONTH | WKDAY) != 0 {
        return c.is_ascii_uppercase();
    }
    if nc & (MOD | SEASON | HOLI) != 0 {
        return true;
    }
    // Years in words: "in nineteen ninety-six", "the year two thousand" (number
    // words all, so the class test first).
    if nc & NUMW != 0
        && [&b"nineteen"[..], b"eighteen", b"twenty", b"two"]
            .iter()
            .any(|w| next.eq_ignore_ascii_case(w))
    {
        return true;
    }
    strong != 0 && nc & !CTX != 0
}

/// Words after which a number is a number, not a date ("page 2024", "Resolution 2231").
static NUMBER_NOUNS: &[&str] = &[
    "act",
    "annex",
    "appendix",
    "art",
    "article",
    "articles",
    "box",
    "chapter",
    "chapters",
    "clause",
    "code",
    "exhibit",
    "ext",
    "fax",
    "fig",
    "figure",
    "flight",
    "item",
    "line",
    "lines",
    "no",
    "nos",
    "number",
    "p",
    "page",
    "pages",
    "para",
    "paragraph",
    "paragraphs",
    "phone",
    "pp",
    "protocol",
    "ref",
    "regulation",
    "resolution",
    "resolutions",
    "room",
    "route",
    "rule",
    "rules",
    "sec",
    "section",
    "sections",
    "suite",
    "table",
    "tel",
    "unit",
    "verse",
    "version",
    "vol",
    "volume",
];

/// Where the word before `i` starts and ends (empty when there is none).
fn prev_word_at(bytes: &[u8], i: usize) -> (usize, usize) {
    let mut e = i;
    while e > 0 && matches!(bytes[e - 1], b' ' | b'\t' | b'.' | b'#') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && bytes[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    (s, e)
}

fn prev_word(bytes: &[u8], i: usize) -> &[u8] {
    let (s, e) = prev_word_at(bytes, i);
    &bytes[s..e]
}

/// May a timex start with the digit at `i`? Not inside a larger number, an amount of
/// money, or after a number noun.
fn digit_start_ok(bytes: &[u8], i: usize) -> bool {
    if i > 0 {
        let p = bytes[i - 1];
        if matches!(p, b'$' | b'#' | b'\xa3' | b'\xac' | b'\xa5' | b'+' | b'@') {
            return false;
        }
        if matches!(p, b'.' | b',' | b':' | b'/' | b'-') && i > 1 && bytes[i - 2].is_ascii_digit() {
            return false;
        }
    }
    let w = prev_word(bytes, i);
    !NUMBER_NOUNS.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(w))
}

fn span(total: usize, p: Pos) -> Span {
    Span::new(total - p.a, total - p.b)
}

/// Words that put a sentence in the future.
fn is_future_word(w: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    if w.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"will"
            | b"ll"
            | b"shall"
            | b"scheduled"
            | b"upcoming"
            | b"planned"
            | b"planning"
            | b"plans"
            | b"soon"
            | b"resume"
            | b"expected"
            | b"expects"
            | b"expect"
    )
}

/// Does the clause before `start` speak of the future ("will meet Tuesday", "is
/// scheduled to close Monday")? A cheap tense cue for weekdays, months and days
/// written without a year.
fn future_cue(bytes: &[u8], start: usize) -> bool {
    let is_stop = |b: u8| matches!(b, b'.' | b'!' | b'?' | b';' | b'"' | b'`');
    let mut s = start;
    let lo = start.saturating_sub(120);
    while s > lo && !is_stop(bytes[s - 1]) {
        s -= 1;
    }
    let e = start;
    let mut k = s;
    while k < e {
        if bytes[k].is_ascii_alphabetic() {
            let w0 = k;
            while k < e && bytes[k].is_ascii_alphabetic() {
                k += 1;
            }
            // "lower-than-expected" is no cue: only free-standing words count.
            let glued = w0 > 0 && bytes[w0 - 1] == b'-';
            if !glued && is_future_word(&bytes[w0..k]) {
                return true;
            }
        } else {
            k += 1;
        }
    }
    false
}

/// Is the timex at `start` the end of a period said to be over ("the fiscal year ended
/// Jan. 31", "ended in December")? Such a date is the last one, never the next.
fn ended_before(bytes: &[u8], start: usize) -> bool {
    let (mut s, mut e) = prev_word_at(bytes, start);
    if bytes[s..e].eq_ignore_ascii_case(b"on") || bytes[s..e].eq_ignore_ascii_case(b"in") {
        (s, e) = prev_word_at(bytes, s);
    }
    bytes[s..e].eq_ignore_ascii_case(b"ended")
}

/// The tense cue for a date written without its year or week.
fn tense_at(bytes: &[u8], start: usize) -> Tense {
    if future_cue(bytes, start) {
        Tense::Future
    } else if ended_before(bytes, start) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// "$5 a year", "3% a month", "twice a day": a rate, not a duration.
fn is_rate(bytes: &[u8], i: usize, hit: &Hit) -> bool {
    let Hit::One(p) = hit else {
        return false;
    };
    if p.ty != super::TimexType::Duration {
        return false;
    }
    let starts = |w: &[u8]| bytes.get(i..i + w.len()).is_some_and(|b| b.eq_ignore_ascii_case(w));
    if !(starts(b"a ") || starts(b"an ")) {
        return false;
    }
    let w = prev_word(bytes, i);
    if w.is_empty() {
        // A number or a sign before "a": "$5 a year", "3% a month".
        let mut e = i;
        while e > 0 && bytes[e - 1] == b' ' {
            e -= 1;
        }
        return e > 0 && (bytes[e - 1].is_ascii_digit() || bytes[e - 1] == b'%');
    }
    [
        &b"percent"[..],
        b"cents",
        b"dollars",
        b"times",
        b"twice",
        b"once",
        b"thrice",
        b"million",
        b"billion",
    ]
    .iter()
    .any(|r| w.eq_ignore_ascii_case(r))
}

/// The year or month of the last date named (year, month if known), `offset` on.
fn anaphoric((year, month): (i16, Option<i8>), unit: words::Unit, offset: i8) -> Option<TimexValue> {
    match unit {
        words::Unit::Year => Some(TimexValue::Year {
            year: year.checked_add(i16::from(offset)).filter(|y| (0..=9999).contains(y))?,
        }),
        words::Unit::Month => {
            let c = i32::from(year) * 12 + i32::from(month?) - 1 + i32::from(offset);
            let year = i16::try_from(c.div_euclid(12))
                .ok()
                .filter(|y| (0..=9999).contains(y))?;
            Some(TimexValue::Month {
                year,
                month: (c.rem_euclid(12) + 1) as i8,
            })
        }
        _ => None,
    }
}

/// Document state while scanning.
struct Emitter<'a> {
    bytes: &'a [u8],
    dct: Option<Date>,
    out: Temporal,
    next_group: u32,
    /// The last quarter named, for "a year ago" in quarterly reports (1988-Q3).
    last_quarter: Option<(i16, u8)>,
    /// The last day, month or year a date named, for "the following year|month".
    last_date: Option<(i16, Option<i8>)>,
}

impl Emitter<'_> {
    fn total(&self) -> usize {
        self.bytes.len()
    }

    fn push_piece(&mut self, p: &Piece, group: Option<Group>) -> bool {
        use grammar::PVal;
        let total = self.total();
        let sp = span(total, p.pos);
        let needs_tense = match &p.val {
            PVal::Weekday { dir: 0, .. }
            | PVal::Day { y: None, .. }
            | PVal::Month { y: None, .. }
            | PVal::Holiday { y: None, dir: 0, .. } => true,
            PVal::PartOfDay { day, .. } | PVal::Clock { day, .. } => {
                matches!(**day, PVal::Weekday { dir: 0, .. })
            }
            _ => false,
        };
        let tense = if needs_tense {
            tense_at(self.bytes, sp.start as usize)
        } else {
            Tense::Unknown
        };
        let Some(mut value) = resolve(&p.val, self.dct, tense) else {
            return false;
        };
        match (&p.val, &value) {
            (
                PVal::Ago {
                    n,
                    unit: words::Unit::Year,
                },
                _,
            ) if *n > 0 => {
                if let Some((y, q)) = self.last_quarter
                    && let Ok(n) = i16::try_from(*n)
                    && let Some(year) = y.checked_sub(n)
                {
                    value = TimexValue::Quarter { year, quarter: q };
                }
            }
            (PVal::Anaphoric { unit, offset }, _) => {
                if let Some(v) = self.last_date.and_then(|a| anaphoric(a, *unit, *offset)) {
                    value = v;
                }
            }
            (PVal::PeriodOf { y }, _) => {
                if let Some((_, q)) = self.last_quarter {
                    value = TimexValue::Quarter { year: *y, quarter: q };
                }
            }
            // Only quarters already begun can be the one a report compares with.
            (_, TimexValue::Quarter { year, quarter })
                if self
                    .dct
                    .is_none_or(|d| (*year, i32::from(*quarter)) <= (d.year(), (i32::from(d.month()) + 2) / 3)) =>
            {
                self.last_quarter = Some((*year, *quarter));
            }
            _ => {}
        }
        if p.ty == super::TimexType::Date {
            match &value {
                TimexValue::Day { date } => self.last_date = Some((date.year(), Some(date.month()))),
                TimexValue::Month { year, month } => self.last_date = Some((*year, Some(*month))),
                TimexValue::Year { year } => self.last_date = Some((*year, None)),
                _ => {}
            }
        }
        let relative = !matches!(p.val, PVal::Abs(_))
            && !matches!(
                p.val,
                PVal::Day { y: Some(_), .. } | PVal::Month { y: Some(_), .. } | PVal::Holiday { y: Some(_), .. }
            );
        self.out.timexes.push(Timex {
            span: sp,
            ty: p.ty,
            value,
            relative,
            weekday: p.weekday.map(|(wd, pos)| (wd, span(total, pos))),
            group,
        });
        true
    }

    fn emit(&mut self, hit: Hit) {
        match hit {
            Hit::One(p) => {
                self.push_piece(&p, None);
            }
            Hit::Group(kind, pieces) => {
                let id = self.next_group;
                self.next_group += 1;
                for (idx, p) in pieces.iter().enumerate() {
                    let group = Group {
                        id,
                        kind,
                        index: u8::try_from(idx).unwrap_or(u8::MAX),
                    };
                    self.push_piece(p, Some(group));
                }
            }
            Hit::Anniversary {
                pos,
                number,
                years,
                timex,
            } => {
                let total = self.total();
                self.out.anniversaries.push(Anniversary {
                    span: span(total, pos),
                    number_span: span(total, number),
                    years,
                });
                if let Some(p) = timex {
                    self.push_piece(&p, None);
                }
            }
        }
    }
}

pub(crate) fn scan(text: &str, dct: Option<Date>) -> Temporal {
    scan_in(text, &tokenize(text.as_bytes()), dct)
}

/// [`scan`] with the text's words already found: only the words are read. A word of
/// letters alone is one ASCII word; other words (digits, non-ASCII letters) are read
/// byte by byte, as ASCII words are runs of ASCII letters and digits.
pub(crate) fn scan_in(text: &str, tokens: &[Token], dct: Option<Date>) -> Temporal {
    let bytes = text.as_bytes();
    let mut em = Emitter {
        bytes,
        dct,
        out: Temporal {
            timexes: Vec::with_capacity(crate::extract::expected(bytes.len(), 128)),
            anniversaries: Vec::new(),
        },
        next_group: 0,
        last_quarter: None,
        last_date: None,
    };
    // Where reading has got to: a timex may end inside or after a later word.
    let mut i = 0;
    for (k, t) in tokens.iter().enumerate() {
        let (start, end) = (t.start as usize, t.end as usize);
        if end <= i {
            continue;
        }
        if t.alpha && start >= i {
            // Most words begin no timex: their class says so, or the gate (the next
            // word) does, without a call.
            let c = t.timex & !CONT;
            i = if c != 0 && gate(bytes, end, c, tokens.get(k + 1)) {
                em.try_at(text, start, end, c)
            } else {
                end
            };
            continue;
        }
        i = i.max(start);
        while i < end {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // The letters first (the word looked up), then the rest of the token.
            let mut aend = i;
            while aend < bytes.len() && bytes[aend].is_ascii_alphabetic() {
                aend += 1;
            }
            let mut wend = aend;
            while wend < bytes.len() && bytes[wend].is_ascii_alphanumeric() {
                wend += 1;
            }
            let classes = if bytes[i].is_ascii_digit() {
                if digit_start_ok(bytes, i) && digit_gate(bytes, i, wend) {
                    DIG
                } else {
                    0
                }
            } else {
                let c = word_classes(&bytes[i..aend]) & !CONT;
                if c != 0 && gate(bytes, aend, c, None) { c } else { 0 }
            };
            i = if classes != 0 {
                em.try_at(text, i, wend, classes)
            } else {
                wend
            };
        }
    }
    em.out
}

impl Emitter<'_> {
    /// Tries a timex of `classes` (the gate passed) at the ASCII word `i..wend`;
    /// returns where reading goes on.
    fn try_at(&mut self, text: &str, i: usize, wend: usize, classes: u16) -> usize {
        if let Some(rest) = text.get(i..)
            && let Some((r, hit)) = grammar::timex_at(rest, classes)
        {
            let end = self.bytes.len() - r.len();
            if end > i && !is_rate(self.bytes, i, &hit) {
                self.emit(hit);
                return end;
            }
        }
        wend
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_sorted_lowercase_and_short() {
        assert!(TRIGGERS.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, c) in TRIGGERS.iter() {
            assert!(!w.is_empty() && w.len() <= 16 && *c != 0);
            assert!(w.iter().all(u8::is_ascii_lowercase));
            assert_eq!(word_classes(w), *c);
        }
        assert_eq!(word_classes(b"The"), word_classes(b"the"));
        assert_eq!(word_classes(b"elephant"), 0);
    }
}
