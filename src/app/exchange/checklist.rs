//! The agreement checklist every visit goes through, as coordinators keep it.

use crate::app::{App, Error, Result};
use crate::domain::exchange::visit::{ChecklistItemForm, checklist_item};
use crate::domain::{Action, Actor};
use crate::storage::ChecklistItemRow;

impl App {
    /// The agreement checklist, with items no longer asked for (for coordinators).
    pub async fn checklist(&self) -> Result<Vec<ChecklistItemRow>> {
        Ok(self.store().checklist_items(true).await?)
    }

    /// Adds an item to the agreement checklist.
    pub async fn add_checklist_item(&self, actor: &Actor, form: &ChecklistItemForm) -> Result<i64> {
        crate::app::authorize(actor, Action::EditChecklist)?;
        let labels = checklist_item(form).map_err(Error::Invalid)?;
        let mut tx = self.store().write().await?;
        let id = tx.insert_checklist_item(&labels, actor.user_id()).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Asks for a checklist item again, or no longer (confirmations already given are kept).
    pub async fn set_checklist_item_active(
        &self,
        actor: &Actor,
        id: i64,
        active: bool,
    ) -> Result<()> {
        crate::app::authorize(actor, Action::EditChecklist)?;
        let mut tx = self.store().write().await?;
        tx.set_checklist_item_active(id, active, actor.user_id())
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
