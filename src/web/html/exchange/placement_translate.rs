//! Translating a placement's texts.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use crate::app::{App, Error, PlacementView};
use crate::domain::exchange::placement::PlacementTranslationForm;
use crate::domain::{ContentLang, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::web::html::{Choice, Errors, HtmlResult, OrPage, done, form_status, markdown};

#[derive(Template, WebTemplate)]
#[template(path = "exchange/placements/translate.html")]
pub(super) struct TranslatePage {
    ctx: Ctx,
    p: PlacementView,
    form: PlacementTranslationForm,
    errors: Errors,
    langs: Vec<Choice>,
    original: String,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct LangParam {
    lang: String,
}

pub(super) async fn translate_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    form: Option<PlacementTranslationForm>,
    errors: &FieldErrors,
    lang: &str,
) -> HtmlResult<Response> {
    let p = app.placement(&ctx.actor(), slug).await.or_page(&ctx)?;
    if !p.can_edit {
        return Err(Error::Forbidden).or_page(&ctx);
    }
    let target = if lang.is_empty() || lang == p.row.lang {
        ContentLang::ALL
            .iter()
            .map(|l| l.code())
            .find(|c| *c != p.row.lang && *c == ctx.lang())
            .or_else(|| {
                ContentLang::ALL
                    .iter()
                    .map(|l| l.code())
                    .find(|c| *c != p.row.lang)
            })
            .unwrap_or("en")
            .to_owned()
    } else {
        lang.to_owned()
    };
    let form = form.unwrap_or_else(|| {
        let existing = p.texts.iter().find(|t| t.lang == target);
        PlacementTranslationForm {
            lang: target.clone(),
            title: existing.map(|t| t.title.clone()).unwrap_or_default(),
            description: existing.map(|t| t.description.clone()).unwrap_or_default(),
            practical: existing.map(|t| t.practical.clone()).unwrap_or_default(),
            accessibility: existing
                .map(|t| t.accessibility.clone())
                .unwrap_or_default(),
        }
    });
    let status = form_status(errors);
    let page = TranslatePage {
        langs: crate::web::html::content_lang_choices(ctx.locale, &form.lang, Some(&p.row.lang)),
        original: markdown(&p.row.description),
        errors: ctx.errors(errors),
        form,
        p,
        ctx,
    };
    Ok((status, page).into_response())
}

pub(super) async fn translate_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    HtmlQuery(q): HtmlQuery<LangParam>,
) -> HtmlResult<Response> {
    translate_page(ctx, &app, &slug, None, &FieldErrors::new(), &q.lang).await
}

pub(super) async fn translate(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<PlacementTranslationForm>,
) -> HtmlResult<Response> {
    match app.translate_placement(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(done(&ctx, &format!("/placements/{slug}"), "translated")),
        Err(Error::Invalid(errors)) => {
            let lang = form.lang.clone();
            translate_page(ctx, &app, &slug, Some(form), &errors, &lang).await
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}
