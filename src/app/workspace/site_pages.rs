//! The imprint and the privacy notice: the operator's administrators write them per language;
//! until they do, a page shows the built-in text of its language.

use crate::app::{App, Error, Result, authorize};
use crate::domain::workspace::{SitePage, SitePageForm};
use crate::domain::{Action, Actor, Locale};

/// A site page for one reader.
#[derive(Debug, Clone)]
pub struct SitePageView {
    /// The operator's text in the reader's language, else in another (with its language); `None`
    /// when the operator wrote none, so the page shows the built-in text.
    pub text: Option<(Locale, String)>,
    /// The form, filled with what is stored in each language.
    pub form: SitePageForm,
}

impl App {
    /// A site page as `reader`'s language shows it.
    pub async fn site_page(&self, page: SitePage, reader: Locale) -> Result<SitePageView> {
        let rows = self.store().site_page(page.as_str()).await?;
        let stored = |l: Locale| {
            rows.iter()
                .find(|(lang, _)| lang == l.code())
                .map(|(_, body)| body.clone())
        };
        let form = SitePageForm {
            de: stored(Locale::De).unwrap_or_default(),
            fr: stored(Locale::Fr).unwrap_or_default(),
            en: stored(Locale::En).unwrap_or_default(),
        };
        let order = std::iter::once(reader).chain(Locale::ALL.into_iter().filter(|l| *l != reader));
        let text = order.filter_map(|l| stored(l).map(|body| (l, body))).next();
        Ok(SitePageView { text, form })
    }

    /// Saves a site page in every language at once (administrators).
    pub async fn save_site_page(
        &self,
        actor: &Actor,
        page: SitePage,
        form: &SitePageForm,
    ) -> Result<()> {
        authorize(actor, Action::EditSitePages)?;
        let texts = form.parse().map_err(Error::Invalid)?;
        let mut tx = self.store().write().await?;
        for (locale, body) in texts {
            tx.set_site_page(page.as_str(), locale.code(), &body, actor.user_id())
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
