//! Extraction: the items the grammar finds in a document's text.

pub mod timex;
