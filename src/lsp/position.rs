//! Byte offsets to editor positions, at the edge only (harper's pos_conv): the pipeline
//! works in byte spans; LSP and SARIF count columns in UTF-16 code units.

/// The start of every line of a text, for converting byte offsets to positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at `\n` (a `\r` before it stays on its line, as LSP treats `\r\n`).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 0-based line and 0-based UTF-16 column of a byte offset. An offset past the end
    /// is clamped to the end; one inside a character counts from that character's start.
    pub fn utf16(&self, text: &str, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col: usize = text
            .get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum());
        (line as u32, col as u32)
    }

    /// The byte offset of a 0-based line and UTF-16 column: the inverse of `utf16`.
    /// A column past the end of its line gives the line's end; a line past the end of
    /// the text gives the text's end.
    pub fn offset(&self, text: &str, line: u32, col: u32) -> usize {
        let Some(&start) = self.starts.get(line as usize) else {
            return text.len();
        };
        let end = self.starts.get(line as usize + 1).map_or(text.len(), |&e| e - 1);
        let mut units = 0usize;
        for (i, c) in text.get(start..end).unwrap_or("").char_indices() {
            if units >= col as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs_twice() {
        // 'é' is 2 bytes and 1 UTF-16 unit; '𝄞' is 4 bytes and 2 units.
        let text = "ab\né𝄞x\r\nz";
        let ix = LineIndex::new(text);
        assert_eq!(ix.utf16(text, 0), (0, 0));
        assert_eq!(ix.utf16(text, 3), (1, 0));
        let x = text.find('x').unwrap();
        assert_eq!(ix.utf16(text, x), (1, 3));
        let z = text.find('z').unwrap();
        assert_eq!(ix.utf16(text, z), (2, 0));
        // Inside '𝄞': counted from its start.
        assert_eq!(ix.utf16(text, 6), (1, 1));
        // Past the end: clamped.
        assert_eq!(ix.utf16(text, 999), (2, 1));
    }

    #[test]
    fn offset_inverts_utf16() {
        let text = "ab\né𝄞x\r\nz";
        let ix = LineIndex::new(text);
        for (i, _) in text.char_indices() {
            let (l, c) = ix.utf16(text, i);
            assert_eq!(ix.offset(text, l, c), i, "offset {i}");
        }
        assert_eq!(ix.offset(text, 0, 99), 2);
        assert_eq!(ix.offset(text, 9, 0), text.len());
    }
}
