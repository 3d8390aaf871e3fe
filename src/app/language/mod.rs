//! Language: the glossary, search and machine translation drafts.

pub(crate) mod glossary;
pub mod glossary_io;
pub mod lexicon;
pub mod lexicon_corrections;
pub(crate) mod machine;
pub(crate) mod search;
pub(crate) mod vectors;
