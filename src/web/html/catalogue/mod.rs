//! Practice pages. This module holds the routes and what the pages share; the pages are in
//! `list` (catalogue, feed, import and export), `show` (a practice, its workflow steps and
//! attachments), `form` (writing, the conflict page, revisions) and `translate` (the
//! side-by-side editor and machine drafts).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::{App, Error, OpinionForm, Practice};
use crate::app::{PracticeFilter, PracticeSort, RevisionRow, split_list};
use crate::domain::catalogue::practice::{PracticeForm, PracticeStatus, Transition};
use crate::domain::{Action, ContentLang, FieldErrors};

use crate::web::html::{
    Choice, Errors, HtmlResult, OrPage, Pager, city_name, country_name, done, form_status,
    markdown, nonempty, notice, term_choices, term_labels,
};
use crate::web::{CsrfForm, Ctx};

mod form;
mod list;
mod show;
mod translate;

use form::*;
use list::*;
use show::*;
use translate::*;

/// Routes of the practice pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/practices", get(list).post(create))
        .route("/practices.atom", get(feed))
        .route("/practices/import", get(import_form).post(import))
        .route("/practices/export.jsonl", get(export_jsonl))
        .route("/practices/export.csv", get(export_csv))
        .route("/practices/new", get(new_form))
        .route("/practices/{slug}", get(show).post(update))
        .route("/practices/{slug}/edit", get(edit_form))
        .route("/practices/{slug}/revisions", get(revisions))
        .route(
            "/practices/{slug}/translate",
            get(translate_form).post(translate),
        )
        .route(
            "/practices/{slug}/translate/machine",
            get(back_to_practice).post(machine_translate),
        )
        .route(
            "/practices/{slug}/attachments",
            get(back_to_practice).post(attach),
        )
        .route("/practices/{slug}/attachments/{id}", get(download))
        .route("/practices/{slug}/attachments/{id}/delete", post(detach))
        .route(
            "/practices/{slug}/review",
            get(back_to_practice).post(take_review),
        )
        .route(
            "/practices/{slug}/assign",
            get(back_to_practice).post(assign_review),
        )
        .route(
            "/practices/{slug}/step/{step}",
            get(confirm_step).post(step),
        )
}

/// Facet values with their counts in the label, the current one kept even when it has none.
fn counted(
    facet: &[(String, i64)],
    label: impl Fn(&str) -> Option<String>,
    current: &str,
) -> Vec<Choice> {
    let mut out: Vec<Choice> = facet
        .iter()
        .filter_map(|(k, n)| {
            label(k).map(|l| Choice {
                value: k.clone(),
                label: format!("{l} ({n})"),
                selected: k == current,
            })
        })
        .collect();
    if !current.is_empty() && !out.iter().any(|c| c.selected) {
        out.push(Choice {
            value: current.to_owned(),
            label: label(current).unwrap_or_else(|| current.to_owned()),
            selected: true,
        });
    }
    out
}

/// A facet over a taxonomy's keys, labelled in the reader's language.
fn term_facet(
    facet: &[(String, i64)],
    terms: &[crate::storage::TermRow],
    locale: crate::domain::Locale,
    current: &str,
) -> Vec<Choice> {
    counted(
        facet,
        |k| {
            terms
                .iter()
                .find(|t| t.key == k)
                .map(|t| crate::web::html::term_label(t, locale).to_owned())
        },
        current,
    )
}

fn choices(items: impl Iterator<Item = (String, String)>, current: &str) -> Vec<Choice> {
    items
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

/// Addresses that only take forms lead back to the practice when opened (from the language
/// switcher of a page shown after a form).
async fn back_to_practice(ctx: Ctx, Path(slug): Path<String>) -> axum::response::Redirect {
    axum::response::Redirect::to(&ctx.link("/practices/", &slug, ""))
}
