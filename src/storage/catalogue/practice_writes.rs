//! Writing practices: a new practice or a new version (refused when the version moved on), its
//! original texts and revision, translations, and workflow steps (refused when the status moved
//! on). Every write appends to the change log.

use crate::domain::catalogue::practice::{NewPractice, PracticeStatus, TEXT_FIELDS};

use crate::storage::catalogue::practices::PracticeTextRow;
use crate::storage::{Result, StorageError, WriteTx, join_list, now};

pub(crate) fn json_list<S: serde::Serialize>(items: &[S]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

impl WriteTx {
    /// Adds a practice at version 1 with its original texts and first revision; returns its id.
    pub async fn insert_practice(
        &mut self,
        w: &PracticeWrite<'_>,
        status: PracticeStatus,
        actor: Option<i64>,
    ) -> Result<i64> {
        let PracticeWrite {
            practice: p,
            city_id,
            owners,
            contacts,
            snapshot,
        } = *w;
        let published = (status == PracticeStatus::Published).then(now);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO practices (slug, ref, city_id, original_lang, status, period_start, period_end, ongoing, themes, \
             target_groups, links, source, version, recommended, opinion_public, created_by, created_at, updated_at, \
             published_at, target_group_note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, 0, 0, $13, $14, $14, $15, $16) RETURNING id",
        )
        .bind(p.slug.as_str())
        .bind(&p.reference)
        .bind(city_id)
        .bind(p.lang.code())
        .bind(status.as_str())
        .bind(p.period.start.map(|d| d.to_string()))
        .bind(p.period.end.map(|d| d.to_string()))
        .bind(i64::from(p.period.ongoing))
        .bind(join_list(&p.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
        .bind(json_list(&p.target_groups))
        .bind(json_list(&p.links.iter().map(|l| l.as_str()).collect::<Vec<_>>()))
        .bind(&p.source)
        .bind(actor)
        .bind(now())
        .bind(published)
        .bind(p.target_group_note.as_deref().unwrap_or_default())
        .fetch_one(&mut *self.tx)
        .await?;
        self.link_practice(id, owners, contacts).await?;
        self.write_original_texts(id, p, 1).await?;
        self.insert_revision(id, 1, snapshot, actor).await?;
        self.record("practice", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Saves a new version of a practice, if `expected_version` is still current; otherwise
    /// `Conflict("version")` and nothing is written. Translations of changed fields become outdated.
    pub async fn update_practice(
        &mut self,
        id: i64,
        expected_version: i64,
        w: &PracticeWrite<'_>,
        actor: Option<i64>,
    ) -> Result<i64> {
        let PracticeWrite {
            practice: p,
            city_id,
            owners,
            contacts,
            snapshot,
        } = *w;
        let version = expected_version + 1;
        let n = sqlx::query(
            "UPDATE practices SET slug = $3, ref = $4, city_id = $5, original_lang = $6, period_start = $7, period_end = $8, \
             ongoing = $9, themes = $10, target_groups = $11, links = $12, source = $13, version = $14, updated_at = $15, \
             target_group_note = $16 WHERE id = $1 AND version = $2",
        )
        .bind(id)
        .bind(expected_version)
        .bind(p.slug.as_str())
        .bind(&p.reference)
        .bind(city_id)
        .bind(p.lang.code())
        .bind(p.period.start.map(|d| d.to_string()))
        .bind(p.period.end.map(|d| d.to_string()))
        .bind(i64::from(p.period.ongoing))
        .bind(join_list(&p.themes.iter().map(|t| t.as_str()).collect::<Vec<_>>()))
        .bind(json_list(&p.target_groups))
        .bind(json_list(&p.links.iter().map(|l| l.as_str()).collect::<Vec<_>>()))
        .bind(&p.source)
        .bind(version)
        .bind(now())
        .bind(p.target_group_note.as_deref().unwrap_or_default())
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if n == 0 {
            let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM practices WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *self.tx)
                .await?;
            return Err(if exists.is_some() {
                StorageError::Conflict("version".into())
            } else {
                StorageError::NotFound
            });
        }
        sqlx::query("DELETE FROM practice_organisations WHERE practice_id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query("DELETE FROM practice_contacts WHERE practice_id = $1")
            .bind(id)
            .execute(&mut *self.tx)
            .await?;
        self.link_practice(id, owners, contacts).await?;
        self.write_original_texts(id, p, version).await?;
        self.insert_revision(id, version, snapshot, actor).await?;
        self.record("practice", &id.to_string(), "update", actor)
            .await?;
        Ok(version)
    }

    async fn link_practice(&mut self, id: i64, owners: &[i64], contacts: &[i64]) -> Result<()> {
        for o in owners {
            sqlx::query(
                "INSERT INTO practice_organisations (practice_id, organisation_id) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(*o)
            .execute(&mut *self.tx)
            .await?;
        }
        for c in contacts {
            sqlx::query("INSERT INTO practice_contacts (practice_id, person_id) VALUES ($1, $2)")
                .bind(id)
                .bind(*c)
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    /// Writes the original texts; a field whose original changed makes its translations outdated.
    async fn write_original_texts(&mut self, id: i64, p: &NewPractice, version: i64) -> Result<()> {
        let lang = p.lang.code();
        // Texts of another language that were the original before a change of language are
        // translations from now on, and no longer match.
        sqlx::query(
            "UPDATE practice_texts SET status = 'outdated' WHERE practice_id = $1 AND lang <> $2 AND status = 'original'",
        )
        .bind(id)
        .bind(lang)
        .execute(&mut *self.tx)
        .await?;
        for (field, body) in TEXT_FIELDS.iter().zip(p.texts.iter()) {
            let old: Option<(String, String)> = sqlx::query_as(
                "SELECT body, status FROM practice_texts WHERE practice_id = $1 AND lang = $2 AND field = $3",
            )
            .bind(id)
            .bind(lang)
            .bind(*field)
            .fetch_optional(&mut *self.tx)
            .await?;
            let changed = old
                .as_ref()
                .is_none_or(|(b, s)| b != body || s != "original");
            if !changed {
                continue;
            }
            sqlx::query(
                "INSERT INTO practice_texts (practice_id, lang, field, body, status, based_on, updated_at, sort_key) \
                 VALUES ($1, $2, $3, $4, 'original', $5, $6, $7) ON CONFLICT (practice_id, lang, field) \
                 DO UPDATE SET body = $4, status = 'original', based_on = $5, updated_at = $6, sort_key = $7",
            )
            .bind(id)
            .bind(lang)
            .bind(*field)
            .bind(body)
            .bind(version)
            .bind(now())
            .bind(sort_key(field, body))
            .execute(&mut *self.tx)
            .await?;
            sqlx::query(
                "UPDATE practice_texts SET status = 'outdated' WHERE practice_id = $1 AND field = $2 AND lang <> $3 \
                 AND status IN ('human', 'machine')",
            )
            .bind(id)
            .bind(*field)
            .bind(lang)
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    async fn insert_revision(
        &mut self,
        id: i64,
        version: i64,
        snapshot: &str,
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO practice_revisions (practice_id, version, user_id, at, snapshot) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(version)
            .bind(actor)
            .bind(now())
            .bind(snapshot)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Writes a translation of one field, made from `based_on` (the practice version).
    pub async fn put_practice_translation(
        &mut self,
        id: i64,
        t: &PracticeTextRow,
        actor: Option<i64>,
    ) -> Result<()> {
        let PracticeTextRow {
            lang,
            field,
            body,
            status,
            based_on,
        } = t;
        sqlx::query(
            "INSERT INTO practice_texts (practice_id, lang, field, body, status, based_on, updated_at, sort_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (practice_id, lang, field) \
             DO UPDATE SET body = $4, status = $5, based_on = $6, updated_at = $7, sort_key = $8",
        )
        .bind(id)
        .bind(lang)
        .bind(field)
        .bind(body)
        .bind(status)
        .bind(based_on)
        .bind(now())
        .bind(sort_key(field, body))
        .execute(&mut *self.tx)
        .await?;
        self.record("practice", &id.to_string(), "update", actor)
            .await
    }

    /// Moves a practice from `from` to `to` if it is still in `from`, noting the step; the reviewer
    /// and opinion columns are set as given. `Conflict("status")` when someone moved it first.
    pub async fn practice_step(
        &mut self,
        id: i64,
        step: &Step<'_>,
        actor: Option<i64>,
    ) -> Result<()> {
        let Step {
            name: step,
            from,
            to,
            review,
            note,
            reviewer_city,
        } = *step;
        let published = if to == PracticeStatus::Published {
            Some(now())
        } else {
            None
        };
        let n = sqlx::query(
            "UPDATE practices SET status = $3, updated_at = $4, published_at = COALESCE(published_at, $5), \
             reviewer_id = CASE WHEN $6 = 1 THEN $7 ELSE reviewer_id END, \
             review_opinion = CASE WHEN $8 = 1 THEN $9 ELSE review_opinion END, \
             recommended = CASE WHEN $8 = 1 THEN $10 ELSE recommended END, \
             opinion_public = CASE WHEN $8 = 1 THEN $11 ELSE opinion_public END \
             WHERE id = $1 AND status = $2",
        )
        .bind(id)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(now())
        .bind(published)
        .bind(i64::from(review.reviewer.is_some()))
        .bind(review.reviewer.flatten())
        .bind(i64::from(review.opinion.is_some()))
        .bind(review.opinion.map(|o| o.text))
        .bind(review.opinion.map(|o| i64::from(o.recommended)).unwrap_or(0))
        .bind(review.opinion.map(|o| i64::from(o.public)).unwrap_or(0))
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StorageError::Conflict("status".into()));
        }
        sqlx::query(
            "INSERT INTO practice_events (practice_id, at, user_id, step, from_status, to_status, note, reviewer_city_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(now())
        .bind(actor)
        .bind(step)
        .bind(from.as_str())
        .bind(to.as_str())
        .bind(note)
        .bind(reviewer_city)
        .execute(&mut *self.tx)
        .await?;
        self.record("practice", &id.to_string(), "update", actor)
            .await
    }
}

/// A practice as it is written: the checked record, the ids it links to, and its JSON snapshot.
#[derive(Debug, Clone, Copy)]
pub struct PracticeWrite<'a> {
    /// The record.
    pub practice: &'a NewPractice,
    /// Its city.
    pub city_id: i64,
    /// Owner organisations.
    pub owners: &'a [i64],
    /// Contact people.
    pub contacts: &'a [i64],
    /// The revision snapshot (JSON).
    pub snapshot: &'a str,
}

/// One workflow step as it is written.
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    /// The transition's name.
    pub name: &'a str,
    /// The status it must still be in.
    pub from: PracticeStatus,
    /// The status after.
    pub to: PracticeStatus,
    /// What changes about the review.
    pub review: ReviewUpdate<'a>,
    /// A note for the history (the opinion).
    pub note: Option<&'a str>,
    /// The reviewer's city at this step (review steps only), kept in the history.
    pub reviewer_city: Option<i64>,
}

/// The key a title sorts by (folded, ASCII, compared byte by byte); other fields have none.
pub(crate) fn sort_key(field: &str, body: &str) -> Option<String> {
    (field == "title").then(|| crate::storage::fold(body.trim()))
}

/// What a workflow step changes about the review: `None` leaves it as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReviewUpdate<'a> {
    /// Set the reviewer (`Some(None)` clears it).
    pub reviewer: Option<Option<i64>>,
    /// Set the opinion.
    pub opinion: Option<Opinion<'a>>,
}

/// A reviewer's opinion.
#[derive(Debug, Clone, Copy)]
pub struct Opinion<'a> {
    /// The text.
    pub text: &'a str,
    /// Whether it recommends publication.
    pub recommended: bool,
    /// Whether it may be published with the practice.
    pub public: bool,
}
