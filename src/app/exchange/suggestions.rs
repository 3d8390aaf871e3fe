//! Suggestions: which placements fit a visitor's open request, and which requests fit a host's placement, ranked by the exchange programme's fit.

use crate::app::{App, Result};
use crate::domain::Actor;
use crate::domain::exchange::placement::PlacementStatus;
use crate::domain::exchange::visit::VisitStatus;
use crate::domain::exchange::{Seeker, fit};
use crate::storage::{VisitFilter, VisitRow, split_list};

use super::visits::*;

impl App {
    fn seeker_of(row: &VisitRow, cities: &[crate::storage::CityRow]) -> Seeker {
        let wanted = split_list(&row.cities);
        Seeker {
            organisation: row.visitor_organisation_id.unwrap_or(-1),
            country: row.visitor_country.clone().unwrap_or_default(),
            themes: split_list(&row.themes),
            languages: split_list(&row.languages),
            cities: cities
                .iter()
                .filter(|c| wanted.contains(&c.slug))
                .map(|c| c.id)
                .collect(),
        }
    }

    /// Open placements for an open request, best fit first, each with its reasons and the first
    /// days a stay fits within the request's dates. Placements that cannot take the visitor
    /// (their own organisation, no window in the dates) are left out.
    pub async fn suggestions(&self, actor: &Actor, id: i64) -> Result<Vec<Suggestion>> {
        let (row, facts) = self.visible_visit(actor, id).await?;
        if facts.status != VisitStatus::Open {
            return Ok(Vec::new());
        }
        let seeker = Self::seeker_of(&row, &self.cities(None).await?);
        let Some(possible) = still_possible(&row) else {
            return Ok(Vec::new());
        };
        let counts = self.host_counts().await?;
        let query = crate::app::PlacementQuery {
            from: Some(possible.start.to_string()),
            to: Some(row.possible_end.clone()),
            limit: Some(200),
            ..Default::default()
        };
        let page = self.placements(&Actor::Anonymous, &query).await?;
        let mut out: Vec<Suggestion> = page
            .items
            .into_iter()
            .filter_map(|p| {
                let days = p.first_stay(possible)?;
                let offer = offer_of(&p, &counts);
                let (points, reasons) = fit(&seeker, &offer, None)?;
                Some(Suggestion {
                    placement: p,
                    points,
                    reasons,
                    days,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.points
                .cmp(&a.points)
                .then(a.days.start.cmp(&b.days.start))
        });
        out.truncate(20);
        Ok(out)
    }

    /// Open requests that would suit one placement, best fit first (for its hosts).
    pub async fn request_suggestions(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<Vec<RequestSuggestion>> {
        let p = self.placement(actor, slug).await?;
        if !p.can_edit || p.row.status != PlacementStatus::Open.as_str() {
            return Ok(Vec::new());
        }
        let counts = self.host_counts().await?;
        let offer = offer_of(&p, &counts);
        let cities = self.cities(None).await?;
        let filter = VisitFilter {
            status: Some(VisitStatus::Open.as_str().to_owned()),
            ..Default::default()
        };
        let (rows, _) = self.store().visits(&filter, 200, 0).await?;
        let mut out = Vec::new();
        for row in rows {
            let Some(possible) = still_possible(&row) else {
                continue;
            };
            let Some(days) = p.first_stay(possible) else {
                continue;
            };
            if let Some((points, reasons)) = fit(&Self::seeker_of(&row, &cities), &offer, None) {
                out.push(RequestSuggestion {
                    visit: row,
                    points,
                    reasons,
                    days,
                });
            }
        }
        out.sort_by(|a, b| b.points.cmp(&a.points).then(a.visit.id.cmp(&b.visit.id)));
        out.truncate(20);
        Ok(out)
    }
}
