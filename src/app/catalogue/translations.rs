//! A person's translation of some fields of a practice.

use crate::domain::catalogue::practice::TEXT_FIELDS;
use crate::domain::{Action, Actor, FieldError, FieldErrors};
use crate::storage::PracticeTextRow;

use crate::app::{App, Error, Result, authorize};

/// A translation of some fields of a practice, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct PracticeTranslationForm {
    /// Target language (de, fr, en, lb); not the original.
    pub lang: String,
    /// Field name → translated text; empty texts are left out.
    pub fields: std::collections::BTreeMap<String, String>,
}

impl App {
    /// Writes a person's translation of some fields; it is `human` and based on the current version.
    #[tracing::instrument(skip_all, fields(slug))]
    pub async fn translate_practice(
        &self,
        actor: &Actor,
        slug: &str,
        form: &PracticeTranslationForm,
    ) -> Result<()> {
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::TranslatePractice(p.facts))?;
        let mut e = FieldErrors::new();
        let lang = e.check(
            "lang",
            crate::domain::ContentLang::try_from(form.lang.as_str()),
        );
        if lang.is_some_and(|l| l.code() == p.row.original_lang) {
            e.add("lang", FieldError::new("error-translation-original"));
        }
        let mut texts = Vec::new();
        for (field, body) in &form.fields {
            let Some(known) = TEXT_FIELDS.iter().find(|f| **f == field.as_str()) else {
                e.add(
                    "fields",
                    FieldError::with("error-unknown-value", "value", field),
                );
                continue;
            };
            let max = match *known {
                "title" => crate::domain::catalogue::practice::TITLE_MAX,
                "summary" => crate::domain::catalogue::practice::SUMMARY_MAX,
                _ => crate::domain::catalogue::practice::LONG_MAX,
            };
            if let Some(Some(text)) =
                e.check(known, crate::domain::values::optional_text(body, max))
            {
                texts.push((*known, text));
            }
        }
        let Some(lang) = lang.filter(|_| e.is_empty()) else {
            return Err(Error::Invalid(e));
        };
        let mut tx = self.store().write().await?;
        for (field, body) in texts {
            let row = PracticeTextRow {
                lang: lang.code().to_owned(),
                field: field.to_owned(),
                body,
                status: "human".into(),
                based_on: p.row.version,
            };
            tx.put_practice_translation(p.row.id, &row, actor.user_id())
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
