//! Pickers: forms name organisations, people and practices by their names and titles, never by
//! slugs. Pages offer the names (`pick_options`, a `<datalist>` that browsers complete as one
//! types, without any script), show the chosen ones by name (`picker`), and what comes back
//! is resolved here (`picked`): a name (folded, so "association dounia" finds "Association
//! Dounia") or a slug becomes the slug; anything else is a field error that names the value.

use crate::app::{App, Error, Result};
use crate::domain::catalogue::practice::PracticeForm;
use crate::domain::exchange::placement::PlacementForm;
use crate::domain::exchange::report::ReportForm;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::storage::Named;

/// The most values one picker resolves (each is a lookup); more is a field error.
pub const PICKS_MAX: usize = 50;

/// What a picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// An organisation of the directory.
    Organisation,
    /// A person of the directory.
    Person,
    /// A published practice.
    Practice,
}

impl App {
    /// The slug and name of everything a picker of organisations or people offers, by name
    /// (practices are too many to offer: their pickers take a title).
    pub async fn pick_options(&self, pick: Pick) -> Result<Vec<(String, String)>> {
        Ok(match pick {
            Pick::Organisation => self.store().names(Named::Organisations).await?,
            Pick::Person => self.store().names(Named::People).await?,
            Pick::Practice => Vec::new(),
        })
    }

    /// What a picker shows: the chosen slugs by name (a practice by its title in `locale`; a
    /// slug that names nothing stays as it is), and the names it offers, from one reading of
    /// the directory.
    pub async fn picker(
        &self,
        pick: Pick,
        slugs: &[String],
        locale: Locale,
    ) -> Result<(Vec<String>, Vec<String>)> {
        let offered = distinct_names(self.pick_options(pick).await?);
        let titles;
        let known: &[(String, String)] = if pick == Pick::Practice {
            titles = self.practice_titles(slugs, locale).await?;
            &titles
        } else {
            &offered
        };
        let chosen = slugs
            .iter()
            .map(|s| {
                known
                    .iter()
                    .find(|(slug, _)| slug == s)
                    .map_or_else(|| s.clone(), |(_, name)| name.clone())
            })
            .collect();
        Ok((chosen, offered.into_iter().map(|(_, name)| name).collect()))
    }

    /// The slug and title in `locale` of each published practice of `slugs` (others are left
    /// out), for links that show titles.
    pub async fn practice_titles(
        &self,
        slugs: &[String],
        locale: Locale,
    ) -> Result<Vec<(String, String)>> {
        Ok(self.store().practice_titles(slugs, locale.code()).await?)
    }

    /// The slugs of what was typed or chosen in `field`: each value a name, a title or a slug.
    /// A value that names nothing, or several things, is an error of `field` and stays as it
    /// was typed, so that the form's own checks refuse it too (it is not a slug of anything)
    /// and report the rest of the form at the same time.
    pub(crate) async fn picked(
        &self,
        pick: Pick,
        field: &'static str,
        values: &[String],
        errors: &mut FieldErrors,
    ) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let values: Vec<&str> = values
            .iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        if values.len() > PICKS_MAX {
            errors.add(field, FieldError::with("error-too-many", "max", PICKS_MAX));
            return Ok(out);
        }
        for value in values {
            // A name several share is offered as "Name (slug)": that one of them.
            if let Some((name, slug)) = named_with_slug(value)
                && self.named(pick, name).await?.iter().any(|s| s == slug)
            {
                out.push(slug.to_owned());
                continue;
            }
            let found = self.named(pick, value).await?;
            match found.as_slice() {
                [one] => out.push(one.clone()),
                many if many.iter().any(|s| s == value) => out.push(value.to_owned()),
                [] => {
                    errors.add(
                        field,
                        FieldError::with("error-pick-unknown", "value", value),
                    );
                    out.push(value.to_owned());
                }
                _ => {
                    errors.add(
                        field,
                        FieldError::with("error-pick-ambiguous", "value", value),
                    );
                    out.push(value.to_owned());
                }
            }
        }
        out.dedup();
        Ok(out)
    }

    /// The slugs of what `value` names: a name (or title) or a slug.
    async fn named(&self, pick: Pick, value: &str) -> Result<Vec<String>> {
        Ok(match pick {
            Pick::Organisation => {
                self.store()
                    .slugs_named(Named::Organisations, value)
                    .await?
            }
            Pick::Person => self.store().slugs_named(Named::People, value).await?,
            Pick::Practice => self.store().practices_titled(value).await?,
        })
    }

    /// A practice form with its organisations and contacts as slugs, and what could not be.
    pub(crate) async fn picked_practice(
        &self,
        form: &PracticeForm,
    ) -> Result<(PracticeForm, FieldErrors)> {
        let mut e = FieldErrors::new();
        let f = PracticeForm {
            organisations: self
                .picked(
                    Pick::Organisation,
                    "organisations",
                    &form.organisations,
                    &mut e,
                )
                .await?,
            contacts: self
                .picked(Pick::Person, "contacts", &form.contacts, &mut e)
                .await?,
            ..form.clone()
        };
        Ok((f, e))
    }

    /// A placement form with its related practices and contact as slugs, and what could not be.
    pub(crate) async fn picked_placement(
        &self,
        form: &PlacementForm,
    ) -> Result<(PlacementForm, FieldErrors)> {
        let mut e = FieldErrors::new();
        let contact = self
            .picked(
                Pick::Person,
                "contact",
                std::slice::from_ref(&form.contact),
                &mut e,
            )
            .await?;
        let f = PlacementForm {
            practices: self
                .picked(Pick::Practice, "practices", &form.practices, &mut e)
                .await?,
            contact: contact.into_iter().next().unwrap_or_default(),
            ..form.clone()
        };
        Ok((f, e))
    }

    /// A report form with its related practices as slugs, and what could not be.
    pub(crate) async fn picked_report(
        &self,
        form: &ReportForm,
    ) -> Result<(ReportForm, FieldErrors)> {
        let mut e = FieldErrors::new();
        let f = ReportForm {
            practices: self
                .picked(Pick::Practice, "practices", &form.practices, &mut e)
                .await?,
            ..form.clone()
        };
        Ok((f, e))
    }
}

/// A form's outcome with the picker errors in place of the form's own errors of those fields
/// (which can only say that the value is no slug, or that nothing has this slug).
pub(crate) fn with_picks<T>(outcome: Result<T>, picks: FieldErrors) -> Result<T> {
    match outcome {
        Err(Error::Invalid(e)) => Err(Error::Invalid(e.overridden_by(picks))),
        other => other,
    }
}

/// The names as pickers show them: a name that several share (without case or accents) is
/// followed by its slug in brackets, "Maria Schmidt (maria-schmidt-2)", so that each can be
/// chosen and a form that names one can be saved again.
fn distinct_names(names: Vec<(String, String)>) -> Vec<(String, String)> {
    let folded: Vec<String> = names
        .iter()
        .map(|(_, n)| {
            crate::storage::fold(n)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for f in &folded {
        *uses.entry(f.as_str()).or_default() += 1;
    }
    names
        .iter()
        .zip(&folded)
        .map(|((slug, name), f)| {
            let shown = if uses[f.as_str()] > 1 {
                format!("{name} ({slug})")
            } else {
                name.clone()
            };
            (slug.clone(), shown)
        })
        .collect()
}

/// "Name (slug)" split into the name and the slug, when the brackets hold something shaped
/// like a slug.
fn named_with_slug(value: &str) -> Option<(&str, &str)> {
    let inner = value.strip_suffix(')')?;
    let (name, slug) = inner.rsplit_once(" (")?;
    crate::domain::Slug::try_from(slug)
        .is_ok()
        .then_some((name.trim(), slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_several_share_carry_their_slug() {
        let shown = distinct_names(vec![
            ("maria-schmidt".into(), "Maria Schmidt".into()),
            ("maria-schmidt-2".into(), "Maria  Schmidt".into()),
            ("fatima-benali".into(), "Fatima Benali".into()),
        ]);
        let names: Vec<&str> = shown.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Maria Schmidt (maria-schmidt)",
                "Maria  Schmidt (maria-schmidt-2)",
                "Fatima Benali"
            ]
        );
        assert_eq!(
            named_with_slug("Maria Schmidt (maria-schmidt-2)"),
            Some(("Maria Schmidt", "maria-schmidt-2"))
        );
        assert_eq!(named_with_slug("Zentrum für Bildung (ZfB)"), None);
        assert_eq!(named_with_slug("Fatima Benali"), None);
    }
}
