//! The source stage: file bytes to text with a mask of what is prose. Markdown code,
//! HTML, link targets, URLs and front matter are blanked to spaces in `masked`, which
//! keeps the byte length of the file, so every span maps straight back to the file.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::error::InputError;
use crate::span::Span;

mod quick;

/// Largest file factlint checks; larger ones are reported and skipped.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    Text,
    Markdown,
}

impl Markup {
    pub fn from_path(path: &str) -> Markup {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Markup::Markdown
        } else {
            Markup::Text
        }
    }
}

/// Metadata from YAML-style front matter (`---` ... `---`) that factlint reads.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// `date:` as written, with its span, when present.
    pub date: Option<(String, Span)>,
}

/// A document ready for extraction.
#[derive(Clone, Debug)]
pub struct SourceText {
    pub path: String,
    pub text: Arc<str>,
    pub markup: Markup,
    /// `text` with everything that is not prose replaced by ASCII spaces (newlines
    /// kept), the same length as `text`.
    pub masked: String,
    /// Blocks of prose (paragraphs, headings, list items, table cells): sentences
    /// never cross a block boundary.
    pub blocks: Vec<Span>,
    pub front_matter: FrontMatter,
}

impl SourceText {
    /// Decodes a file. Binary files, files that are not UTF-8 and files over the size
    /// limit are errors: their spans could not be mapped back exactly, and a fix could
    /// corrupt them.
    pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<SourceText, InputError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(too_large(path, bytes.len() as u64));
        }
        let head = &bytes[..bytes.len().min(8192)];
        if let Some(pos) = memchr::memchr(0, head) {
            return Err(InputError::new(
                "source::binary",
                path,
                format!("{path}: skipped: a binary file (NUL byte at offset {pos})"),
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceText::new(path, text)),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]);
                let (line, col) = crate::error::line_col(&prefix, valid);
                Err(InputError::new(
                    "source::not-utf8",
                    path,
                    format!(
                        "{path}:{line}:{col}: skipped: not valid UTF-8 (byte 0x{:02X} at offset {valid}); \
                         factlint reads UTF-8 only so that positions and fixes stay exact",
                        bytes.get(valid).copied().unwrap_or(0)
                    ),
                ))
            }
        }
    }

    pub fn new(path: &str, text: String) -> SourceText {
        let markup = Markup::from_path(path);
        Self::with_markup(path, text, markup)
    }

    pub fn with_markup(path: &str, text: String, markup: Markup) -> SourceText {
        // Built as bytes: every change keeps the text's length and its characters whole.
        let mut masked = blank(&text);
        let (front_matter, body_start) = front_matter(&text);
        let blocks = match markup {
            Markup::Markdown => mask_markdown(&text, body_start, &mut masked),
            Markup::Text => {
                copy(&text, &mut masked, Span::new(body_start, text.len()));
                text_blocks(&text, body_start)
            }
        };
        // A byte-order mark is not prose.
        if text.starts_with('\u{feff}') {
            masked[..3].fill(b' ');
        }
        mask_urls(&mut masked);
        // Only whole characters of `text` were copied over spaces: valid UTF-8.
        let masked = String::from_utf8(masked).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        SourceText {
            path: path.to_string(),
            text: Arc::from(text),
            markup,
            masked,
            blocks,
            front_matter,
        }
    }

    /// The front matter `date:`, if it is a valid date.
    pub fn front_matter_date(&self) -> Option<Date> {
        let (s, _) = self.front_matter.date.as_ref()?;
        let s = s.get(..10)?;
        let d = crate::ledger::LedgerDate::parse(s)?;
        d.exact()
    }
}

fn too_large(path: &str, len: u64) -> InputError {
    InputError::new(
        "source::too-large",
        path,
        format!(
            "{path}: skipped: {len} bytes is over the {} MiB limit",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// Reads a document's bytes, at most [`MAX_FILE_BYTES`] + 1 of them: a larger input is
/// refused without holding it in memory (a file by its size, before reading; a pipe
/// once the limit is passed). `shown` is the name errors give.
pub fn read_limited(reader: impl Read, size_hint: Option<u64>, shown: &str) -> Result<Vec<u8>, InputError> {
    let io = |e: std::io::Error| InputError::new("io::read", shown, format!("{shown}: cannot read: {e}"));
    if let Some(len) = size_hint.filter(|&n| n > MAX_FILE_BYTES as u64) {
        return Err(too_large(shown, len));
    }
    let mut bytes = Vec::with_capacity(size_hint.unwrap_or(0) as usize + 1);
    reader
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::new(
            "source::too-large",
            shown,
            format!(
                "{shown}: skipped: over the {} MiB limit",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Reads a file with [`read_limited`].
pub fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>, InputError> {
    let file =
        File::open(path).map_err(|e| InputError::new("io::read", shown, format!("{shown}: cannot read: {e}")))?;
    let len = file.metadata().ok().map(|m| m.len());
    read_limited(file, len, shown)
}

/// The text with every byte except newlines turned into a space.
fn blank(text: &str) -> Vec<u8> {
    let mut masked = text.as_bytes().to_vec();
    reblank(&mut masked);
    masked
}

/// Turns every byte except newlines into a space, in place.
fn reblank(bytes: &mut [u8]) {
    // A select, not a branch: the loop vectorizes.
    for b in bytes {
        *b = if *b == b'\n' || *b == b'\r' { *b } else { b' ' };
    }
}

/// Copies the original bytes of `span` into the mask (making them prose again); only
/// whole characters, so the mask stays valid UTF-8.
fn copy(text: &str, masked: &mut [u8], span: Span) {
    let r = span.range();
    if let (Some(src), Some(dst)) = (text.get(r.clone()), masked.get_mut(r)) {
        dst.copy_from_slice(src.as_bytes());
    }
}

/// Reads `---` front matter at the top; returns it and where the body starts.
fn front_matter(text: &str) -> (FrontMatter, usize) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let Some(after_open) = rest.strip_prefix("---\n").or_else(|| rest.strip_prefix("---\r\n")) else {
        return (FrontMatter::default(), start);
    };
    let open_len = rest.len() - after_open.len();
    let mut fm = FrontMatter::default();
    let mut pos = start + open_len;
    for line in after_open.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return (fm, pos + line.len());
        }
        if let Some(value) = trimmed.strip_prefix("date:") {
            let v = value.trim();
            let lead = value.len() - value.trim_start().len();
            let v_unquoted = v.trim_matches(|c| c == '"' || c == '\'');
            let q = (v.len() - v_unquoted.len()) / 2;
            let s = pos + "date:".len() + lead + q;
            fm.date = Some((v_unquoted.to_string(), Span::new(s, s + v_unquoted.len())));
        }
        pos += line.len();
    }
    // No closing fence: not front matter.
    (FrontMatter::default(), start)
}

/// Unmasks the prose of a Markdown document and returns its blocks: by the quick
/// masker when the document stays within the subset it reads exactly, else by
/// pulldown-cmark.
fn mask_markdown(text: &str, body_start: usize, masked: &mut [u8]) -> Vec<Span> {
    if let Some(blocks) = quick::quick(text, body_start, masked) {
        return blocks;
    }
    // The quick path may have unmasked some prose before it gave up.
    if let Some(body) = masked.get_mut(body_start..) {
        reblank(body);
    }
    mask_pulldown(text, body_start, masked)
}

/// A mask and its blocks.
#[doc(hidden)]
pub type MaskAndBlocks = (Vec<u8>, Vec<Span>);

/// The quick masker's and pulldown-cmark's results for a Markdown file, each from a
/// blank mask: the `markdown_quick` fuzz target and the tests check that they agree
/// whenever the quick path answers.
#[doc(hidden)]
pub fn markdown_paths(text: &str) -> (Option<MaskAndBlocks>, MaskAndBlocks) {
    let (_, body_start) = front_matter(text);
    let mut quick_mask = blank(text);
    let quick = quick::quick(text, body_start, &mut quick_mask).map(|blocks| (quick_mask, blocks));
    let mut mask = blank(text);
    let blocks = mask_pulldown(text, body_start, &mut mask);
    (quick, (mask, blocks))
}

/// Unmasks the prose of a Markdown document with pulldown-cmark and returns its blocks.
fn mask_pulldown(text: &str, body_start: usize, masked: &mut [u8]) -> Vec<Span> {
    let body = &text[body_start..];
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut blocks = Vec::new();
    let mut code_depth = 0u32;
    let mut autolink_depth = 0u32;
    let mut block_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let span = Span::new(range.start + body_start, range.end + body_start);
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => autolink_depth += 1,
            Event::End(TagEnd::Link) if autolink_depth > 0 => autolink_depth -= 1,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item) => {
                if let Some(s) = block_start.take() {
                    // An item's own text ends where a nested block starts.
                    blocks.push(Span::new(s, span.start as usize));
                }
                block_start = Some(span.start as usize);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item) => {
                if let Some(s) = block_start.take() {
                    blocks.push(Span::new(s, span.end as usize));
                }
            }
            Event::Text(_) if code_depth == 0 && autolink_depth == 0 => copy(text, masked, span),
            _ => {}
        }
    }
    blocks.retain(|b| !b.is_empty());
    blocks.sort();
    blocks
}

/// Paragraphs of a plain-text document: runs of lines separated by blank lines.
fn text_blocks(text: &str, body_start: usize) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let blank_line = line.trim().is_empty();
        match (blank_line, start) {
            (true, Some(s)) => {
                blocks.push(Span::new(s, pos));
                start = None;
            }
            (false, None) => start = Some(pos),
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        blocks.push(Span::new(s, pos));
    }
    blocks
}

/// Blanks bare URLs (`https://...`, `www....`) left in prose.
fn mask_urls(masked: &mut [u8]) {
    // URLs are rare: find the candidates with a vectorized search, then test each
    // in text order on the mask as it is by then (an earlier URL may cover it).
    let mut starts: Vec<usize> = memchr::memmem::find_iter(masked, b"http")
        .chain(memchr::memmem::find_iter(masked, b"www."))
        .collect();
    if starts.is_empty() {
        return;
    }
    starts.sort_unstable();
    let mut covered = 0;
    for i in starts {
        if i < covered {
            continue;
        }
        let rest = &masked[i..];
        let at_word_start = i == 0 || !masked[i - 1].is_ascii_alphanumeric();
        if at_word_start && (rest.starts_with(b"http://") || rest.starts_with(b"https://") || rest.starts_with(b"www."))
        {
            // A URL runs to ASCII whitespace or a closing bracket or quote (all ASCII),
            // so the cut never splits a character.
            let end = rest
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b')' | b'>' | b'"' | b'<'))
                .map_or(masked.len(), |p| i + p);
            masked[i..end].fill(b' ');
            covered = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> SourceText {
        SourceText::new("doc.md", text.to_string())
    }

    #[test]
    fn mask_keeps_length_and_prose() {
        let text = "---\ndate: 2024-09-26\n---\n# NATO in 1949\n\nSee `1950` and [the text](https://x.org/1950).\n\n```\n1951\n```\n<!-- 1952 -->\n";
        let s = md(text);
        assert_eq!(s.masked.len(), text.len());
        assert!(s.masked.contains("NATO in 1949"));
        assert!(s.masked.contains("the text"));
        for hidden in ["1950", "1951", "1952", "2024-09-26", "https"] {
            assert!(!s.masked.contains(hidden), "{hidden} should be masked: {:?}", s.masked);
        }
        assert_eq!(s.front_matter_date().map(|d| d.to_string()), Some("2024-09-26".into()));
        let (_, span) = s.front_matter.date.clone().unwrap_or_default();
        assert_eq!(&text[span.range()], "2024-09-26");
    }

    #[test]
    fn blocks_split_markdown_and_text() {
        let s = md("# Title\n\nFirst para\nstill first.\n\n- item one\n- item two\n");
        let blocks: Vec<&str> = s.blocks.iter().map(|b| s.text[b.range()].trim_end()).collect();
        assert_eq!(
            blocks,
            vec!["# Title", "First para\nstill first.", "- item one", "- item two"]
        );
        let t = SourceText::new("doc.txt", "Title\n\nPara one.\nMore.\n\n\nPara two.".into());
        let blocks: Vec<&str> = t.blocks.iter().map(|b| t.text[b.range()].trim_end()).collect();
        assert_eq!(blocks, vec!["Title", "Para one.\nMore.", "Para two."]);
    }

    #[test]
    fn bare_urls_and_bom_are_masked_in_text() {
        let s = SourceText::new("a.txt", "\u{feff}See https://example.org/2024 now".into());
        assert_eq!(s.masked.len(), s.text.len());
        assert!(s.masked.trim_start().starts_with("See"));
        assert!(!s.masked.contains("2024"));
    }

    #[test]
    fn rejects_binary_and_non_utf8_with_position() {
        let e = SourceText::from_bytes("b.bin", vec![b'a', 0, b'b'])
            .err()
            .map(|e| e.message);
        assert_eq!(
            e.as_deref(),
            Some("b.bin: skipped: a binary file (NUL byte at offset 1)")
        );
        let e = SourceText::from_bytes("l.txt", b"ok\nab\xe9".to_vec())
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(
            e.starts_with("l.txt:2:3: skipped: not valid UTF-8 (byte 0xE9 at offset 5)"),
            "{e}"
        );
    }
}
