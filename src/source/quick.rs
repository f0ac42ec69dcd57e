//! The quick masker: a hand-written reader for the small subset of Markdown that policy
//! documents use (ATX headings, paragraphs, simple lists and block quotes, fenced code,
//! GFM tables, comments, `*` emphasis, inline links, code spans and autolinks).
//! pulldown-cmark took about a tenth of a whole check; this does the common case in a
//! fraction of that. It answers only when its mask and blocks are exactly those of the
//! pulldown-cmark path (the oracle the tests and the `markdown_quick` fuzz target hold it
//! to); on anything outside the subset or in doubt it gives up, and pulldown-cmark runs.

use crate::span::Span;

/// Reads the Markdown body `text[body_start..]`: unmasks its prose in `masked` and
/// returns its blocks, exactly as the pulldown-cmark path would, or `None` (with
/// `masked` possibly partly written) when the body is outside the subset.
pub(super) fn quick(text: &str, body_start: usize, masked: &mut [u8]) -> Option<Vec<Span>> {
    let t = text.as_bytes();
    let body = t.get(body_start..)?;
    // Tabs (column arithmetic), carriage returns and other controls: left to the oracle.
    // A fold over each chunk, not `any`, so that the test vectorizes.
    let control = |c: &[u8]| c.iter().fold(false, |e, &b| e | ((b < 0x20) & (b != b'\n')));
    if masked.len() != t.len() || body.chunks(64).any(control) {
        return None;
    }
    let mut lines = Vec::with_capacity(body.len() / 64 + 1);
    let mut start = body_start;
    for nl in memchr::memchr_iter(b'\n', body) {
        lines.push(Line {
            start,
            end: body_start + nl,
        });
        start = body_start + nl + 1;
    }
    if start < t.len() {
        lines.push(Line { start, end: t.len() });
    }
    let mut q = Quick {
        text,
        t,
        masked,
        blocks: Vec::with_capacity(lines.len() / 2 + 8),
        specials: Specials::new(body, body_start),
        definitions: memchr::memmem::find(body, b"]:").is_some(),
        cells: Vec::new(),
        lines,
    };
    q.document()?;
    let mut blocks = q.blocks;
    blocks.retain(|b| !b.is_empty());
    // Read in order, they come sorted; the oracle's order regardless.
    if !blocks.is_sorted() {
        blocks.sort();
    }
    Some(blocks)
}

/// A line: `start..end` without its newline.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
}

/// What a line starts, judged from its first non-space byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Paragraph text: cannot start any other block.
    Text,
    Heading,
    Fence,
    /// An HTML comment block (`<!--`).
    Comment,
    Quote,
    /// A thematic break.
    Rule,
    /// A line starting with `|`: a table row.
    Pipe,
    /// A list item with content. `key` tells lists apart (the bullet, or the ordered
    /// delimiter), `one`: a bullet or the number 1 (may interrupt a paragraph),
    /// `width`: the marker and its one space.
    Item {
        key: u8,
        one: bool,
        width: usize,
    },
    /// Anything the quick path does not read exactly.
    Bail,
}

/// How a character next to a `*` run counts for flanking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space,
    Punct,
    Other,
}

struct Quick<'a> {
    text: &'a str,
    t: &'a [u8],
    masked: &'a mut [u8],
    lines: Vec<Line>,
    blocks: Vec<Span>,
    specials: Specials<'a>,
    /// Whether the body may define links or footnotes (has a `]:`).
    definitions: bool,
    /// Scratch for a table row's cells, kept across tables.
    cells: Vec<(usize, usize)>,
}

/// Where the inline reader next has to look: every byte that may start an inline
/// construct, or make the quick path give up, found by vectorized `memchr` passes over
/// the body. The blocks are read in order, so each pass runs once, resumed hit by hit.
struct Specials<'a> {
    base: usize,
    stars: Hits<memchr::Memchr3<'a>>,
    ticks: Hits<memchr::Memchr2<'a>>,
    /// `\\`, `_`, `~`: the quick path gives up on them.
    escapes: Hits<memchr::Memchr3<'a>>,
    amps: Hits<memchr::Memchr<'a>>,
}

/// One pass: its iterator and its next hit (`usize::MAX` when done).
struct Hits<I> {
    iter: I,
    next: usize,
}

impl<I: Iterator<Item = usize>> Hits<I> {
    fn new(mut iter: I) -> Hits<I> {
        let next = iter.next().unwrap_or(usize::MAX);
        Hits { iter, next }
    }

    /// The first hit at or after `from`.
    fn at(&mut self, from: usize) -> usize {
        while self.next < from {
            self.next = self.iter.next().unwrap_or(usize::MAX);
        }
        self.next
    }
}

impl<'a> Specials<'a> {
    fn new(body: &'a [u8], base: usize) -> Specials<'a> {
        Specials {
            base,
            stars: Hits::new(memchr::memchr3_iter(b'*', b'[', b']', body)),
            ticks: Hits::new(memchr::memchr2_iter(b'`', b'<', body)),
            escapes: Hits::new(memchr::memchr3_iter(b'\\', b'_', b'~', body)),
            amps: Hits::new(memchr::memchr_iter(b'&', body)),
        }
    }

    /// The first special byte at or after `from` and before `end`, else `end`.
    fn find(&mut self, from: usize, end: usize) -> usize {
        let from = from.saturating_sub(self.base);
        let first = self
            .stars
            .at(from)
            .min(self.ticks.at(from))
            .min(self.escapes.at(from))
            .min(self.amps.at(from));
        first.saturating_add(self.base).min(end)
    }
}

/// Whether a paragraph goes on to the next line.
enum Next {
    Continue,
    /// Ends before the next line (blank, end of document, or a block that interrupts).
    End,
}

fn is_blank(s: &[u8]) -> bool {
    s.iter().all(|&b| b == b' ')
}

fn leading(s: &[u8], c: u8) -> usize {
    s.iter().take_while(|&&b| b == c).count()
}

/// Classifies a line from its first byte, which is not a space; `s` is not blank.
fn classify(s: &[u8]) -> Kind {
    let Some(&first) = s.first() else {
        return Kind::Bail;
    };
    // Setext underlines, delimiter rows and `-` thematic breaks; only the last is read.
    if s.iter().all(|b| matches!(b, b'-' | b'=' | b':' | b'|' | b' ')) {
        let dashes_only = s.iter().all(|&b| b == b'-' || b == b' ');
        return if dashes_only && s.iter().filter(|&&b| b == b'-').count() >= 3 {
            Kind::Rule
        } else {
            Kind::Bail
        };
    }
    if matches!(first, b'*' | b'_')
        && s.iter().all(|&b| b == first || b == b' ')
        && s.iter().filter(|&&b| b == first).count() >= 3
    {
        return Kind::Rule;
    }
    match first {
        b'#' => {
            let n = leading(s, b'#');
            if n <= 6 && matches!(s.get(n), None | Some(b' ')) {
                Kind::Heading
            } else {
                Kind::Text
            }
        }
        b'>' => Kind::Quote,
        b'-' | b'+' | b'*' => match s.get(1) {
            None | Some(b' ') => item(s, 1, first, true),
            _ => Kind::Text,
        },
        b'`' | b'~' => {
            let n = leading(s, first);
            if n < 3 {
                Kind::Text
            } else if first == b'`' && s.get(n..).is_some_and(|info| info.contains(&b'`')) {
                Kind::Bail
            } else {
                Kind::Fence
            }
        }
        b'<' => {
            if s.starts_with(b"<!--") {
                Kind::Comment
            } else if s
                .get(1)
                .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
            {
                Kind::Bail
            } else {
                Kind::Text
            }
        }
        b'|' => Kind::Pipe,
        b'=' => Kind::Bail,
        b'0'..=b'9' => {
            let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
            match (s.get(n), s.get(n + 1)) {
                (Some(&d @ (b'.' | b')')), None | Some(b' ')) if n <= 9 => item(s, n + 1, d, s.get(..n) == Some(b"1")),
                _ => Kind::Text,
            }
        }
        _ => Kind::Text,
    }
}

/// A list item whose marker is `s[..marker]`: read only with one space and content
/// after it.
fn item(s: &[u8], marker: usize, key: u8, one: bool) -> Kind {
    match (s.get(marker), s.get(marker + 1)) {
        (Some(b' '), Some(&c)) if c != b' ' => Kind::Item {
            key,
            one,
            width: marker + 1,
        },
        _ => Kind::Bail,
    }
}

impl Quick<'_> {
    fn byte(&self, i: usize) -> u8 {
        self.t.get(i).copied().unwrap_or(b'\n')
    }

    fn line(&self, li: usize) -> Option<Line> {
        self.lines.get(li).copied()
    }

    fn bytes(&self, line: Line) -> &[u8] {
        self.t.get(line.start..line.end).unwrap_or_default()
    }

    fn blank_line(&self, li: usize) -> bool {
        self.line(li).is_some_and(|l| is_blank(self.bytes(l)))
    }

    /// The end of line `li` with its newline.
    fn end_with_newline(&self, li: usize) -> usize {
        self.line(li).map_or(self.t.len(), |l| (l.end + 1).min(self.t.len()))
    }

    fn document(&mut self) -> Option<()> {
        let mut li = 0;
        while let Some(line) = self.line(li) {
            let s = self.bytes(line);
            if is_blank(s) {
                li += 1;
                continue;
            }
            if s.first() == Some(&b' ') {
                return None;
            }
            li = match classify(s) {
                Kind::Text => self.paragraph(li)?,
                Kind::Heading => self.heading(li)?,
                Kind::Fence => self.fence(li),
                Kind::Comment => self.comment(li),
                Kind::Rule => li + 1,
                Kind::Quote => self.quote(li)?,
                Kind::Pipe => self.table(li)?,
                Kind::Item { key, width, .. } => self.list(li, key, width)?,
                Kind::Bail => return None,
            };
        }
        Some(())
    }

    /// Whether the paragraph whose last line is `li` goes on; `list` is the key of the
    /// list it is in.
    fn next(&self, li: usize, list: Option<u8>) -> Option<Next> {
        let Some(line) = self.line(li + 1) else {
            return Some(Next::End);
        };
        let s = self.bytes(line);
        if is_blank(s) {
            return Some(Next::End);
        }
        let indent = leading(s, b' ');
        let kind = classify(s.get(indent..)?);
        if indent > 0 {
            // Indented text continues the paragraph at any indent; anything else might
            // be a nested block.
            return (kind == Kind::Text).then_some(Next::Continue);
        }
        match kind {
            Kind::Text => Some(Next::Continue),
            Kind::Heading | Kind::Fence | Kind::Comment | Kind::Quote => Some(Next::End),
            Kind::Item { key, one, .. } if one || list == Some(key) => Some(Next::End),
            _ => None,
        }
    }

    fn paragraph(&mut self, li: usize) -> Option<usize> {
        let first = self.line(li)?;
        let mut last = li;
        while let Next::Continue = self.next(last, None)? {
            last += 1;
        }
        let end = self.line(last)?.end;
        self.blocks.push(Span::new(first.start, self.end_with_newline(last)));
        self.inline(first.start, end, false)?;
        Some(last + 1)
    }

    fn heading(&mut self, li: usize) -> Option<usize> {
        let line = self.line(li)?;
        let s = self.bytes(line);
        let n = leading(s, b'#');
        let mut start = line.start + n;
        let mut end = line.end;
        while start < end && self.byte(start) == b' ' {
            start += 1;
        }
        while end > start && self.byte(end - 1) == b' ' {
            end -= 1;
        }
        // An optional closing sequence of `#`s, after a space or alone.
        let mut k = end;
        while k > start && self.byte(k - 1) == b'#' {
            k -= 1;
        }
        if k < end {
            if k == start {
                end = start;
            } else if self.byte(k - 1) == b' ' {
                end = k;
                while end > start && self.byte(end - 1) == b' ' {
                    end -= 1;
                }
            }
        }
        self.blocks.push(Span::new(line.start, self.end_with_newline(li)));
        if start < end {
            self.inline(start, end, false)?;
        }
        Some(li + 1)
    }

    /// A fenced code block: all of it is code. Returns the line after its close.
    fn fence(&self, li: usize) -> usize {
        let Some(open) = self.line(li) else {
            return li + 1;
        };
        let s = self.bytes(open);
        let c = s.first().copied().unwrap_or(b'`');
        let n = leading(s, c);
        let mut j = li + 1;
        while let Some(line) = self.line(j) {
            let s = self.bytes(line);
            let indent = leading(s, b' ');
            let rest = s.get(indent..).unwrap_or_default();
            let run = leading(rest, c);
            if indent <= 3 && run >= n && rest.get(run..).is_some_and(is_blank) {
                return j + 1;
            }
            j += 1;
        }
        j
    }

    /// An HTML comment block: runs to the line containing `-->`.
    fn comment(&self, li: usize) -> usize {
        let closes = |s: &[u8]| memchr::memmem::find(s, b"-->").is_some();
        if self
            .line(li)
            .is_some_and(|l| closes(self.bytes(l).get(2..).unwrap_or_default()))
        {
            return li + 1;
        }
        let mut j = li + 1;
        while let Some(line) = self.line(j) {
            j += 1;
            if closes(self.bytes(line)) {
                break;
            }
        }
        j
    }

    /// A block quote of one paragraph, every line marked, then a blank line.
    fn quote(&mut self, li: usize) -> Option<usize> {
        let mut start = None;
        let mut j = li;
        while let Some(line) = self.line(j) {
            let s = self.bytes(line);
            if s.first() != Some(&b'>') {
                break;
            }
            let skip = if s.get(1) == Some(&b' ') { 2 } else { 1 };
            let rest = s.get(skip..).unwrap_or_default();
            if rest.first().is_none_or(|&b| b == b' ') || classify(rest) != Kind::Text {
                return None;
            }
            start.get_or_insert(line.start + skip);
            j += 1;
        }
        if self.line(j).is_some() && !self.blank_line(j) {
            return None;
        }
        let start = start?;
        let end = self.line(j - 1)?.end;
        self.blocks.push(Span::new(start, self.end_with_newline(j - 1)));
        self.inline(start, end, true)?;
        Some(j)
    }

    /// The cells of a table row that starts with `|`: up to the last `|`, and the rest
    /// of the line unless blank.
    fn cells(&self, line: Line, cells: &mut Vec<(usize, usize)>) {
        cells.clear();
        let mut pos = line.start + 1;
        let row = self.t.get(pos..line.end).unwrap_or_default();
        for p in memchr::memchr_iter(b'|', row) {
            let bar = line.start + 1 + p;
            cells.push((pos, bar));
            pos = bar + 1;
        }
        if !is_blank(self.t.get(pos..line.end).unwrap_or_default()) {
            cells.push((pos, line.end));
        }
    }

    /// A GFM table: a header row, a delimiter row, and rows up to a blank line; every
    /// row starts with `|`. Each cell is a block.
    fn table(&mut self, li: usize) -> Option<usize> {
        let mut cells = std::mem::take(&mut self.cells);
        let next = self.table_rows(li, &mut cells);
        self.cells = cells;
        next
    }

    fn table_rows(&mut self, li: usize, cells: &mut Vec<(usize, usize)>) -> Option<usize> {
        let header = self.line(li)?;
        let delimiter = self.line(li + 1)?;
        if self.bytes(delimiter).first() != Some(&b'|') {
            return None;
        }
        self.cells(delimiter, cells);
        let width = cells.len();
        for &(a, b) in cells.iter() {
            let cell = self.t.get(a..b)?.trim_ascii();
            let inner = cell.strip_prefix(b":").unwrap_or(cell);
            let inner = inner.strip_suffix(b":").unwrap_or(inner);
            if inner.is_empty() || !inner.iter().all(|&b| b == b'-') {
                return None;
            }
        }
        self.cells(header, cells);
        if width == 0 || cells.len() != width {
            return None;
        }
        self.row(cells)?;
        let mut j = li + 2;
        while let Some(line) = self.line(j) {
            let s = self.bytes(line);
            if is_blank(s) {
                break;
            }
            if s.first() != Some(&b'|') {
                return None;
            }
            self.cells(line, cells);
            // A row of no cells ends the table (and starts a paragraph).
            if cells.is_empty() || cells.len() > width {
                return None;
            }
            self.row(cells)?;
            j += 1;
        }
        Some(j)
    }

    fn row(&mut self, cells: &[(usize, usize)]) -> Option<()> {
        for &(a, b) in cells {
            self.blocks.push(Span::new(a, b));
            let (mut start, mut end) = (a, b);
            while start < end && self.byte(start) == b' ' {
                start += 1;
            }
            while end > start && self.byte(end - 1) == b' ' {
                end -= 1;
            }
            if start < end {
                self.inline(start, end, false)?;
            }
        }
        Some(())
    }

    /// A list of single-paragraph items, tight or loose, without nested blocks.
    fn list(&mut self, li: usize, key: u8, width: usize) -> Option<usize> {
        // Per item: marker start, content start, paragraph end, item end.
        let mut items: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut loose = false;
        let mut j = li;
        let mut width = width;
        let after = loop {
            let line = self.line(j)?;
            let content = line.start + width;
            if classify(self.t.get(content..line.end)?) != Kind::Text {
                return None;
            }
            let mut last = j;
            while let Next::Continue = self.next(last, Some(key))? {
                last += 1;
            }
            self.inline(content, self.line(last)?.end, false)?;
            let para_end = self.end_with_newline(last);
            let mut k = last + 1;
            while self.blank_line(k) {
                k += 1;
            }
            let next = self.line(k).map(|l| (l, classify(self.bytes(l))));
            let item_end = if k > last + 1 {
                self.end_with_newline(k - 1)
            } else {
                para_end
            };
            items.push((line.start, content, para_end, item_end));
            match next {
                None => break k,
                Some((_, Kind::Item { key: k2, width: w2, .. })) if k2 == key => {
                    loose |= k > last + 1;
                    width = w2;
                    j = k;
                }
                Some((l, _)) if self.bytes(l).first() == Some(&b' ') => return None,
                Some(_) => break k,
            }
        };
        for (marker, content, para_end, item_end) in items {
            if loose {
                self.blocks.push(Span::new(marker, content));
                self.blocks.push(Span::new(content, para_end));
            } else {
                self.blocks.push(Span::new(marker, item_end));
            }
        }
        Some(after)
    }

    /// Copies `start..end` into the mask; in a block quote, not its `>` markers.
    fn prose(&mut self, start: usize, end: usize, quote: bool) {
        super::copy(self.text, self.masked, Span::new(start, end));
        if quote {
            for i in start..end {
                if self.byte(i) == b'>'
                    && i > 0
                    && self.byte(i - 1) == b'\n'
                    && let Some(b) = self.masked.get_mut(i)
                {
                    *b = b' ';
                }
            }
        }
    }

    /// How the character ending at `i` counts; `None` when unsure.
    fn class_before(&self, i: usize) -> Option<Class> {
        match self.text.get(..i)?.chars().next_back() {
            None => Some(Class::Space),
            Some(c) => class(c),
        }
    }

    fn class_at(&self, i: usize) -> Option<Class> {
        match self.text.get(i..)?.chars().next() {
            None => Some(Class::Space),
            Some(c) => class(c),
        }
    }

    /// Whether the `*` run at `i..j` opens (`Some(true)`) or closes (`Some(false)`)
    /// emphasis; `None` if it may do both or neither, or if the answer could depend on
    /// how the text around the run (outside `start..end`, or a quote marker) is seen.
    fn opens(&self, i: usize, j: usize, start: usize, end: usize, quote: bool) -> Option<bool> {
        let before = self.class_before(i)?;
        let after = self.class_at(j)?;
        let marker = quote && i >= 2 && self.byte(i - 1) == b'>' && self.byte(i - 2) == b'\n';
        let befores = if i == start || marker {
            [before, Class::Space]
        } else {
            [before, before]
        };
        let afters = if j >= end {
            [after, Class::Space]
        } else {
            [after, after]
        };
        let mut verdict = None;
        for b in befores {
            for a in afters {
                let left = a != Class::Space && (a != Class::Punct || b != Class::Other);
                let right = b != Class::Space && (b != Class::Punct || a != Class::Other);
                let v = match (left, right) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => return None,
                };
                if verdict.is_some_and(|w| w != v) {
                    return None;
                }
                verdict = Some(v);
            }
        }
        verdict
    }

    /// Reads the inline content `start..end` of one block and unmasks its text.
    fn inline(&mut self, start: usize, end: usize, quote: bool) -> Option<()> {
        // Open emphasis as a bit stack (1: `**`); the depth where link text began, and its `[`.
        let mut stack = 0u64;
        let mut depth = 0u32;
        let mut link: Option<(u32, usize)> = None;
        let mut run = start;
        let mut i = start;
        loop {
            i = self.specials.find(i, end);
            if i >= end {
                break;
            }
            let (construct_end, next) = match self.byte(i) {
                b'\\' | b'_' | b'~' => return None,
                b'&' => {
                    let c = self.byte(i + 1);
                    if c.is_ascii_alphanumeric() || c == b'#' {
                        return None;
                    }
                    i += 1;
                    continue;
                }
                b'<' => {
                    if i + 1 == end || matches!(self.byte(i + 1), b' ' | b'\n') {
                        i += 1;
                        continue;
                    }
                    // Each on one line. A search runs to the first closer: on success
                    // what it read is consumed, else the quick path ends, so the reading
                    // stays linear in the length of a line of many.
                    let rest = self.t.get(i..end)?;
                    let close = if rest.starts_with(b"<!--") {
                        // `<!-->` and `<!--->` are comments too.
                        let p = memchr::memmem::find(rest.get(2..)?, b"-->")?;
                        if rest.get(..p + 2)?.contains(&b'\n') {
                            return None;
                        }
                        i + 2 + p + 3
                    } else if rest.starts_with(b"<http://") || rest.starts_with(b"<https://") {
                        let p = memchr::memchr(b'>', rest)?;
                        if rest.get(1..p)?.iter().any(|&c| c <= b' ' || c == b'<') {
                            return None;
                        }
                        i + p + 1
                    } else {
                        return None;
                    };
                    // What binds tighter than what inside these is left to the oracle.
                    if self
                        .t
                        .get(i + 1..close)?
                        .iter()
                        .any(|c| matches!(c, b'`' | b'*' | b'[' | b']' | b'<'))
                    {
                        return None;
                    }
                    (i, close)
                }
                b'`' => {
                    let n = leading(self.t.get(i..end)?, b'`');
                    let mut k = i + n;
                    let close = loop {
                        let p = memchr::memchr(b'`', self.t.get(k..end)?)?;
                        let m = leading(self.t.get(k + p..end)?, b'`');
                        if m == n {
                            break k + p;
                        }
                        k += p + m;
                    };
                    if self
                        .t
                        .get(i + n..close)?
                        .iter()
                        .any(|c| matches!(c, b'<' | b'[' | b']'))
                    {
                        return None;
                    }
                    (i, close + n)
                }
                b'[' => {
                    // `![` is an image, `[^` a footnote.
                    if link.is_some() || self.byte(i + 1) == b'^' || (i > 0 && self.byte(i - 1) == b'!') {
                        return None;
                    }
                    link = Some((depth, i));
                    (i, i + 1)
                }
                b']' => {
                    let (at_depth, open) = link.take()?;
                    if at_depth != depth {
                        return None;
                    }
                    if self.byte(i + 1) != b'(' {
                        // With no definitions (`]:`) in the body, brackets that are not
                        // an inline link are text: a placeholder such as `[DATE]`.
                        if self.definitions {
                            return None;
                        }
                        self.prose(open, open + 1, quote);
                        i += 1;
                        continue;
                    }
                    let dest = i + 2;
                    let len = self
                        .t
                        .get(dest..end)?
                        .iter()
                        .take_while(|&&c| {
                            c > b' ' && !matches!(c, b'(' | b')' | b'<' | b'>' | b'\\' | b'`' | b'[' | b']')
                        })
                        .count();
                    if len == 0 || self.byte(dest + len) != b')' || dest + len >= end {
                        return None;
                    }
                    (i, dest + len + 1)
                }
                b'*' => {
                    let n = leading(self.t.get(i..end)?, b'*');
                    if n > 2 {
                        return None;
                    }
                    let strong = u64::from(n == 2);
                    if self.opens(i, i + n, start, end, quote)? {
                        if depth >= 63 {
                            return None;
                        }
                        stack = stack << 1 | strong;
                        depth += 1;
                    } else {
                        if depth == 0 || link.is_some_and(|(d, _)| d == depth) || stack & 1 != strong {
                            return None;
                        }
                        stack >>= 1;
                        depth -= 1;
                    }
                    (i, i + n)
                }
                _ => return None,
            };
            self.prose(run, construct_end, quote);
            run = next;
            i = next;
        }
        self.prose(run, end, quote);
        (depth == 0 && link.is_none()).then_some(())
    }
}

fn class(c: char) -> Option<Class> {
    if c == ' ' || c == '\n' {
        Some(Class::Space)
    } else if c.is_ascii_punctuation() {
        Some(Class::Punct)
    } else if c.is_alphanumeric() {
        Some(Class::Other)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
