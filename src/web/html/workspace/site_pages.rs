//! `/imprint` and `/privacy`: the operator's texts (Markdown, sanitised), or the built-in text
//! of the page's language until an administrator writes one; `/…/edit` for administrators.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use crate::app::{App, Error};
use crate::domain::workspace::{SitePage, SitePageForm};
use crate::domain::{Action, FieldErrors};
use crate::web::html::{Errors, HtmlQuery, HtmlResult, OrPage, done, form_status, markdown};
use crate::web::{CsrfForm, Ctx};

#[derive(Template, WebTemplate)]
#[template(path = "workspace/site_page.html")]
pub struct SitePageShow {
    ctx: Ctx,
    /// `imprint` or `privacy`.
    page: &'static str,
    /// The text as HTML.
    html: String,
    /// Its language, when it is not the page's.
    lang: Option<&'static str>,
    /// Whether it is the built-in text.
    built_in: bool,
    can_edit: bool,
    notice: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/site_page_form.html")]
pub struct SitePageEdit {
    ctx: Ctx,
    page: &'static str,
    /// Each language's code and text, as the form shows them.
    fields: Vec<(&'static str, String)>,
    errors: Errors,
}

fn fields(form: SitePageForm) -> Vec<(&'static str, String)> {
    vec![("de", form.de), ("fr", form.fr), ("en", form.en)]
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ShowParams {
    done: Option<String>,
}

pub async fn show(
    ctx: Ctx,
    app: &App,
    page: SitePage,
    params: ShowParams,
) -> HtmlResult<SitePageShow> {
    let view = app.site_page(page, ctx.locale).await.or_page(&ctx)?;
    let (html, lang, built_in) = match view.text {
        Some((l, text)) => (markdown(&text), (l != ctx.locale).then(|| l.code()), false),
        None => (
            markdown(&ctx.t(&format!("site-{}-default", page.as_str()))),
            None,
            true,
        ),
    };
    Ok(SitePageShow {
        can_edit: ctx.can(Action::EditSitePages),
        notice: crate::web::html::notice(&ctx, params.done.as_deref()),
        page: page.as_str(),
        html,
        lang,
        built_in,
        ctx,
    })
}

pub async fn edit(ctx: Ctx, app: &App, page: SitePage) -> HtmlResult<SitePageEdit> {
    ctx.require(Action::EditSitePages)?;
    let view = app.site_page(page, ctx.locale).await.or_page(&ctx)?;
    Ok(SitePageEdit {
        errors: ctx.errors(&FieldErrors::new()),
        page: page.as_str(),
        fields: fields(view.form),
        ctx,
    })
}

pub async fn save(ctx: Ctx, app: &App, page: SitePage, form: SitePageForm) -> HtmlResult<Response> {
    match app.save_site_page(&ctx.actor(), page, &form).await {
        Ok(()) => Ok(done(&ctx, &format!("/{}", page.as_str()), "saved")),
        Err(Error::Invalid(errors)) => {
            let status = form_status(&errors);
            let body = SitePageEdit {
                errors: ctx.errors(&errors),
                page: page.as_str(),
                fields: fields(form),
                ctx,
            };
            Ok((status, body).into_response())
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

/// The routes of both pages.
pub fn router() -> axum::Router<App> {
    use axum::routing::get;
    let mut router = axum::Router::new();
    for page in SitePage::ALL {
        router =
            router
                .route(
                    &format!("/{}", page.as_str()),
                    get(
                        move |ctx: Ctx,
                              State(app): State<App>,
                              HtmlQuery(p): HtmlQuery<ShowParams>| async move {
                            show(ctx, &app, page, p).await
                        },
                    ),
                )
                .route(
                    &format!("/{}/edit", page.as_str()),
                    get(move |ctx: Ctx, State(app): State<App>| async move {
                        edit(ctx, &app, page).await
                    })
                    .post(
                        move |ctx: Ctx,
                              State(app): State<App>,
                              CsrfForm(f): CsrfForm<SitePageForm>| async move {
                            save(ctx, &app, page, f).await
                        },
                    ),
                );
    }
    router
}
