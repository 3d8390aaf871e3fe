//! The agreement checklist: its items and the confirmations each side gives.

use crate::storage::{Result, StorageError, Store, WriteTx, now};

/// An item of the agreement checklist.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChecklistItemRow {
    /// Id.
    pub id: i64,
    /// A built-in item's key (its text is in the message files).
    pub item_key: Option<String>,
    /// German text of an added item.
    pub label_de: String,
    /// French text.
    pub label_fr: String,
    /// English text.
    pub label_en: String,
    /// Order.
    pub position: i64,
    /// 1 when asked for.
    pub active: i64,
}

/// A confirmation of one checklist item by one side.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConfirmationRow {
    /// The item.
    pub item_id: i64,
    /// visitor or host.
    pub side: String,
    /// When.
    pub at: i64,
}

impl Store {
    /// The agreement checklist in order; `all` includes items no longer asked for.
    pub async fn checklist_items(&self, all: bool) -> Result<Vec<ChecklistItemRow>> {
        let sql = if all {
            "SELECT id, item_key, label_de, label_fr, label_en, position, active FROM checklist_items ORDER BY position, id"
        } else {
            "SELECT id, item_key, label_de, label_fr, label_en, position, active FROM checklist_items WHERE active = 1 ORDER BY position, id"
        };
        Ok(sqlx::query_as(sql).fetch_all(self.pool()).await?)
    }

    /// The confirmations of one visit.
    pub async fn visit_confirmations(&self, id: i64) -> Result<Vec<ConfirmationRow>> {
        Ok(sqlx::query_as(
            "SELECT item_id, side, at FROM visit_confirmations WHERE visit_id = $1 ORDER BY item_id, side",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?)
    }
}

impl Store {
    /// The confirmations of several visits at once: (visit, item, side).
    pub async fn confirmations_of(&self, ids: &[i64]) -> Result<Vec<(i64, i64, String)>> {
        self.rows_for_ids(
            "SELECT visit_id, item_id, side FROM visit_confirmations WHERE visit_id IN ({ids})",
            ids,
        )
        .await
    }

    /// Which of several visits have a report.
    pub async fn reported_visits(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let rows: Vec<(i64,)> = self
            .rows_for_ids(
                "SELECT visit_id FROM visit_reports WHERE visit_id IN ({ids})",
                ids,
            )
            .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}

impl WriteTx {
    /// Replaces one side's confirmations of a visit's checklist.
    pub async fn confirm_checklist(
        &mut self,
        id: i64,
        side: &str,
        items: &[i64],
        actor: Option<i64>,
    ) -> Result<()> {
        sqlx::query("DELETE FROM visit_confirmations WHERE visit_id = $1 AND side = $2")
            .bind(id)
            .bind(side)
            .execute(&mut *self.tx)
            .await?;
        let at = now();
        for item in items {
            sqlx::query(
                "INSERT INTO visit_confirmations (visit_id, item_id, side, user_id, at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(*item)
            .bind(side)
            .bind(actor)
            .bind(at)
            .execute(&mut *self.tx)
            .await?;
        }
        self.record("visit", &id.to_string(), "checklist", actor)
            .await
    }

    /// Adds an item to the agreement checklist, at the end.
    pub async fn insert_checklist_item(
        &mut self,
        labels: &[String; 3],
        actor: Option<i64>,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO checklist_items (item_key, label_de, label_fr, label_en, position, active) \
             VALUES (NULL, $1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM checklist_items), 1) RETURNING id",
        )
        .bind(&labels[0])
        .bind(&labels[1])
        .bind(&labels[2])
        .fetch_one(&mut *self.tx)
        .await?;
        self.record("checklist", &id.to_string(), "create", actor)
            .await?;
        Ok(id)
    }

    /// Asks for an item again, or no longer.
    pub async fn set_checklist_item_active(
        &mut self,
        id: i64,
        active: bool,
        actor: Option<i64>,
    ) -> Result<()> {
        let done = sqlx::query("UPDATE checklist_items SET active = $1 WHERE id = $2")
            .bind(i64::from(active))
            .bind(id)
            .execute(&mut *self.tx)
            .await?
            .rows_affected();
        if done == 0 {
            return Err(StorageError::NotFound);
        }
        self.record("checklist", &id.to_string(), "update", actor)
            .await
    }
}
