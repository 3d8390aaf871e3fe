//! Language: the glossary, search and machine translation drafts.

pub(crate) mod glossary;
pub(crate) mod lexicon;
pub(crate) mod search_source;
pub(crate) mod vectors;
