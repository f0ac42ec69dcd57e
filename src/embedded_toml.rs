//! The embedded ledger and rule files, pre-parsed at build time. Parsing their 180 KB
//! of TOML was most of a check's start-up; `build.rs` parses each file once into a
//! compact tree with the spans of its values, and [`from_str`] deserializes a text
//! that is byte for byte one of those files from its tree instead. The same serde
//! types are filled, with the same spans, so nothing downstream can tell.
//!
//! The tree, little-endian: a value is a tag byte, its span's start and end (`u32`
//! each) and a payload: 0 string (`u32` length, UTF-8 bytes), 1 integer (`i64`),
//! 2 float (`f64` bits), 3 boolean (one byte), 4 array (`u32` count, values), 5 table
//! (`u32` count, then per entry a key as a string payload and a value). A document
//! is one table. An empty tree means the file is parsed at run time.

use serde::de::value::{BorrowedStrDeserializer, Error};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_spanned::de::{SpannedDeserializer, is_spanned};

use crate::embedded::{LEDGER, RULES, TREES};

/// Deserializes TOML `text` into `T`. An embedded file is read from its build-time
/// tree; any other text, or a tree that does not fit `T`, is parsed as TOML, so
/// errors are always TOML's own.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, toml::de::Error> {
    if let Some(tree) = tree_of(text)
        && let Some(value) = from_tree(tree)
    {
        return Ok(value);
    }
    toml::from_str(text)
}

/// The tree of the embedded file whose text is `text`, if any.
fn tree_of(text: &str) -> Option<&'static [u8]> {
    LEDGER
        .iter()
        .chain(RULES)
        .zip(TREES)
        .find(|((_, t), tree)| *t == text && !tree.is_empty())
        .map(|(_, tree)| *tree)
}

fn from_tree<T: DeserializeOwned>(tree: &'static [u8]) -> Option<T> {
    let mut reader = Reader { buf: tree, pos: 0 };
    let value = T::deserialize(&mut reader).ok()?;
    (reader.pos == tree.len()).then_some(value)
}

const STRING: u8 = 0;
const INTEGER: u8 = 1;
const FLOAT: u8 = 2;
const BOOLEAN: u8 = 3;
const ARRAY: u8 = 4;
const TABLE: u8 = 5;

/// A cursor over a tree; as a serde `Deserializer` it yields the value at the cursor.
struct Reader<'de> {
    buf: &'de [u8],
    pos: usize,
}

impl<'de> Reader<'de> {
    fn bytes(&mut self, n: usize) -> Result<&'de [u8], Error> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| de::Error::custom("truncated tree"))?;
        let b = &self.buf[self.pos..end];
        self.pos = end;
        Ok(b)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut a = [0; N];
        a.copy_from_slice(self.bytes(N)?);
        Ok(a)
    }

    fn u32(&mut self) -> Result<usize, Error> {
        Ok(u32::from_le_bytes(self.array()?) as usize)
    }

    fn str(&mut self) -> Result<&'de str, Error> {
        let n = self.u32()?;
        std::str::from_utf8(self.bytes(n)?).map_err(de::Error::custom)
    }

    /// The tag and span of the value at the cursor, which moves past them.
    fn header(&mut self) -> Result<(u8, std::ops::Range<usize>), Error> {
        let [tag] = self.array()?;
        let start = self.u32()?;
        Ok((tag, start..self.u32()?))
    }

    /// The span of the value at the cursor, leaving the cursor where it is.
    fn peek_span(&mut self) -> Result<std::ops::Range<usize>, Error> {
        let pos = self.pos;
        let span = self.header().map(|(_, span)| span);
        self.pos = pos;
        span
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (tag, _) = self.header()?;
        match tag {
            STRING => visitor.visit_borrowed_str(self.str()?),
            INTEGER => visitor.visit_i64(i64::from_le_bytes(self.array()?)),
            FLOAT => visitor.visit_f64(f64::from_bits(u64::from_le_bytes(self.array()?))),
            BOOLEAN => visitor.visit_bool(self.array::<1>()? != [0]),
            ARRAY => {
                let left = self.u32()?;
                visitor.visit_seq(Items { reader: self, left })
            }
            TABLE => {
                let left = self.u32()?;
                visitor.visit_map(Items { reader: self, left })
            }
            _ => Err(de::Error::custom("bad tag")),
        }
    }

    /// A value that is there is `Some`; a missing field is `None`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// `toml::Spanned` asks for a struct of a reserved name: give it the span too.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if is_spanned(name) {
            let span = self.peek_span()?;
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    /// Enums are written as strings (`kind = "country"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.header()? {
            (STRING, _) => visitor.visit_enum(BorrowedStrDeserializer::new(self.str()?)),
            _ => Err(de::Error::custom("an enum that is not a string")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit ignored_any unit_struct tuple_struct tuple identifier
    }
}

impl<'a, 'de> IntoDeserializer<'de, Error> for &'a mut Reader<'de> {
    type Deserializer = &'a mut Reader<'de>;

    fn into_deserializer(self) -> Self::Deserializer {
        self
    }
}

/// The rest of an array's items or a table's entries.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(BorrowedStrDeserializer::new(self.reader.str()?))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// For tests: `text` read from its tree (`None` if it has none or it does not fit
/// `T`) and parsed as TOML, to compare.
#[cfg(test)]
pub(crate) fn both_ways<T: DeserializeOwned>(text: &str) -> (Option<T>, Result<T, toml::de::Error>) {
    (tree_of(text).and_then(from_tree), toml::from_str(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::schema::LedgerFile;

    /// Every embedded file has a tree, and it gives what the TOML parser gives, spans
    /// included (`Spanned`'s `Debug` shows them). The rule files' own types are
    /// checked in `rules`.
    #[test]
    fn trees_match_the_toml_parser() {
        assert_eq!(TREES.len(), LEDGER.len() + RULES.len());
        for (path, text) in LEDGER {
            let (tree, toml) = both_ways::<LedgerFile>(text);
            let toml = toml.map_err(|e| format!("{path}: {e}"));
            assert_eq!(
                tree.map(|t| format!("{t:?}")),
                Some(format!("{:?}", toml.unwrap())),
                "{path}"
            );
        }
        for (path, text) in RULES {
            let (tree, toml) = both_ways::<toml::Table>(text);
            assert_eq!(tree, toml.ok(), "{path}");
        }
    }

    /// A text that is not embedded, or a tree that does not fit the type, goes to the
    /// TOML parser and its errors.
    #[test]
    fn other_texts_are_parsed() {
        assert!(from_str::<LedgerFile>("[[entity]]\nid = 1\n").is_err());
        type Wrong = std::collections::BTreeMap<String, i64>;
        let (_, text) = LEDGER[0];
        let err = |r: Result<Wrong, toml::de::Error>| r.map(|_| ()).map_err(|e| e.to_string());
        assert!(from_tree::<Wrong>(TREES[0]).is_none());
        assert_eq!(err(from_str(text)), err(toml::from_str(text)));
    }
}
