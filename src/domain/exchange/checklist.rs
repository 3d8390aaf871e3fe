//! The agreement checklist's items as coordinators type them: a text in each language, at least
//! one.

use serde::{Deserialize, Serialize};

use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::values::optional_text;

/// An item of the agreement checklist as a coordinator types it: its text in each language
/// (at least one).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistItemForm {
    /// German text.
    pub text_de: String,
    /// French text.
    pub text_fr: String,
    /// English text.
    pub text_en: String,
}

/// The longest checklist text.
pub const CHECKLIST_LABEL_MAX: usize = 300;

/// A checked checklist item: the texts, trimmed, at least one given.
pub fn checklist_item(f: &ChecklistItemForm) -> Result<[String; 3], FieldErrors> {
    let mut e = FieldErrors::new();
    let de = e.check("text_de", optional_text(&f.text_de, CHECKLIST_LABEL_MAX));
    let fr = e.check("text_fr", optional_text(&f.text_fr, CHECKLIST_LABEL_MAX));
    let en = e.check("text_en", optional_text(&f.text_en, CHECKLIST_LABEL_MAX));
    match (de, fr, en) {
        (Some(None), Some(None), Some(None)) => Err(FieldErrors::one(
            "text_de",
            FieldError::new("error-required"),
        )),
        (Some(de), Some(fr), Some(en)) if e.is_empty() => Ok([
            de.unwrap_or_default(),
            fr.unwrap_or_default(),
            en.unwrap_or_default(),
        ]),
        _ => Err(e),
    }
}
