//! Machine translation through a LibreTranslate-compatible HTTP API (`POST /translate` with
//! `q`, `source`, `target`, `format`, `api_key`; answer `{"translatedText": …}`). Off unless a URL
//! is configured; drafts it makes are stored as `machine` until a person saves them as `human`.

use serde::{Deserialize, Serialize};

use crate::domain::catalogue::practice::TEXT_FIELDS;
use crate::domain::{Action, Actor};
use crate::storage::PracticeTextRow;

use crate::app::{App, Error, Result, authorize};

#[derive(Serialize)]
struct Request<'a> {
    q: &'a str,
    source: &'a str,
    target: &'a str,
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<&'a str>,
}

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "translatedText")]
    translated_text: String,
}

impl App {
    /// Whether machine translation is configured (the pages offer it only then).
    pub fn can_machine_translate(&self) -> bool {
        self.config().translate_url.is_some()
    }

    /// Asks the machine for drafts of every field that has no translation into `lang` or whose
    /// translation is outdated; returns how many fields it drafted. Texts by people stay.
    #[tracing::instrument(skip_all, fields(slug, lang))]
    pub async fn machine_translate(&self, actor: &Actor, slug: &str, lang: &str) -> Result<usize> {
        let url = self.config().translate_url.clone().ok_or(Error::NotFound)?;
        let p = self.practice(actor, slug, "").await?;
        authorize(actor, Action::TranslatePractice(p.facts))?;
        let target = crate::domain::ContentLang::try_from(lang)
            .map_err(|e| Error::Invalid(crate::domain::FieldErrors::one("lang", e)))?;
        let source = p.row.original_lang.clone();
        if target.code() == source {
            return Ok(0);
        }
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .map_err(|e| anyhow::anyhow!(e))?;
        let mut drafts = Vec::new();
        for field in TEXT_FIELDS {
            let Some(original) = p
                .all_texts
                .iter()
                .find(|t| t.field == field && t.lang == source && !t.body.trim().is_empty())
            else {
                continue;
            };
            let current = p
                .all_texts
                .iter()
                .find(|t| t.field == field && t.lang == target.code());
            if current.is_some_and(|t| t.status != "outdated") {
                continue;
            }
            let request = Request {
                q: &original.body,
                source: &source,
                target: target.code(),
                format: "text",
                api_key: self.config().translate_key.as_deref(),
            };
            let answer: Answer = client
                .post(format!("{url}/translate"))
                .json(&request)
                .send()
                .await
                .and_then(reqwest::Response::error_for_status)
                .map_err(|e| {
                    Error::Conflict(if e.is_timeout() {
                        "error-machine-timeout"
                    } else {
                        "error-machine-failed"
                    })
                })?
                .json()
                .await
                .map_err(|_| Error::Conflict("error-machine-failed"))?;
            drafts.push(PracticeTextRow {
                lang: target.code().to_owned(),
                field: field.to_owned(),
                body: answer.translated_text,
                status: "machine".into(),
                based_on: p.row.version,
            });
        }
        let mut tx = self.store().write().await?;
        for d in &drafts {
            tx.put_practice_translation(p.row.id, d, actor.user_id())
                .await?;
        }
        tx.commit().await?;
        Ok(drafts.len())
    }
}
