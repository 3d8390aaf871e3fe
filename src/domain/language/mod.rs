//! Language: the multilingual glossary of the network's terms.

pub mod glossary;
