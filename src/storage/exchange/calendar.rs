//! Members' private calendar addresses, kept as token hashes.

use crate::storage::{Result, StorageError, Store, WriteTx, now};

impl Store {
    /// When the member's calendar token was made, if they have one (the token itself is kept
    /// only as a hash).
    pub async fn calendar_token_made(&self, user_id: i64) -> Result<Option<i64>> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT created_at FROM calendar_tokens WHERE user_id = $1")
                .bind(user_id)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.map(|r| r.0))
    }

    /// The account (id, organisation, role, language) whose calendar token hashes to this.
    pub async fn calendar_owner(
        &self,
        token_hash: &str,
    ) -> Result<(i64, Option<i64>, String, String)> {
        sqlx::query_as(
            "SELECT u.id, u.organisation_id, u.role, u.locale FROM calendar_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StorageError::NotFound)
    }
}

impl WriteTx {
    /// Gives a member a new calendar token (the old address stops working).
    pub async fn set_calendar_token(&mut self, user_id: i64, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM calendar_tokens WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(now())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}
