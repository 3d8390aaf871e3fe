//! The side-by-side translation editor and machine drafts.

use super::*;

/// One field of the translation editor: the original beside the translation.
pub(super) struct TranslateRow {
    field: &'static str,
    original_html: String,
    translation: String,
    status: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "catalogue/practices/translate.html")]
pub(super) struct TranslatePage {
    ctx: Ctx,
    slug: String,
    title: String,
    original_lang: String,
    lang: String,
    langs: Vec<Choice>,
    rows: Vec<TranslateRow>,
    errors: Errors,
    machine: bool,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct TranslateQuery {
    lang: String,
}

pub(super) async fn translate_page(
    ctx: Ctx,
    app: &App,
    slug: &str,
    lang: &str,
    typed: Option<&std::collections::BTreeMap<String, String>>,
    errors: &FieldErrors,
    notice: Option<String>,
) -> HtmlResult<Response> {
    let p = app
        .practice(&ctx.actor(), slug, ctx.lang())
        .await
        .or_page(&ctx)?;
    ctx.require(Action::TranslatePractice(p.facts))?;
    let original = p.row.original_lang.clone();
    let lang = if lang.is_empty() || lang == original {
        crate::domain::ContentLang::ALL
            .iter()
            .map(|l| l.code())
            .find(|c| *c != original && *c == ctx.lang())
            .or_else(|| {
                crate::domain::ContentLang::ALL
                    .iter()
                    .map(|l| l.code())
                    .find(|c| *c != original)
            })
            .unwrap_or("en")
            .to_owned()
    } else {
        lang.to_owned()
    };
    let rows = crate::domain::catalogue::practice::TEXT_FIELDS
        .iter()
        .map(|field| {
            let text = |l: &str| {
                p.all_texts
                    .iter()
                    .find(|t| t.field == *field && t.lang == l)
            };
            let existing = text(&lang);
            TranslateRow {
                field,
                original_html: markdown(
                    &text(&original).map(|t| t.body.clone()).unwrap_or_default(),
                ),
                translation: typed
                    .and_then(|m| m.get(*field).cloned())
                    .or_else(|| existing.map(|t| t.body.clone()))
                    .unwrap_or_default(),
                status: existing.map(|t| ctx.tk("status-", &t.status)),
            }
        })
        .collect();
    let page = TranslatePage {
        slug: p.row.slug.clone(),
        title: p.row.title.clone(),
        langs: choices(
            crate::domain::ContentLang::ALL
                .iter()
                .filter(|l| l.code() != original)
                .map(|l| (l.code().to_owned(), ctx.tk("language-", l.code()))),
            &lang,
        ),
        original_lang: original,
        lang,
        rows,
        errors: ctx.errors(errors),
        machine: app.can_machine_translate(),
        notice,
        ctx,
    };
    Ok((form_status(errors), page).into_response())
}

pub(super) async fn translate_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    Query(q): Query<TranslateQuery>,
) -> HtmlResult<Response> {
    translate_page(ctx, &app, &slug, &q.lang, None, &FieldErrors::new(), None).await
}

pub(super) async fn translate(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(mut fields): CsrfForm<std::collections::BTreeMap<String, String>>,
) -> HtmlResult<Response> {
    fields.remove("_csrf");
    let lang = fields.remove("lang").unwrap_or_default();
    let form = crate::app::PracticeTranslationForm {
        lang: lang.clone(),
        fields: fields.clone(),
    };
    match app.translate_practice(&ctx.actor(), &slug, &form).await {
        Ok(()) => Ok(done(&ctx, &format!("/practices/{slug}"), "translated")),
        Err(Error::Invalid(errors)) => {
            translate_page(ctx, &app, &slug, &lang, Some(&fields), &errors, None).await
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct MachineForm {
    lang: String,
}

/// Asks the configured machine translation service for drafts of missing or outdated fields.
pub(super) async fn machine_translate(
    ctx: Ctx,
    State(app): State<App>,
    Path(slug): Path<String>,
    CsrfForm(f): CsrfForm<MachineForm>,
) -> HtmlResult<Response> {
    let n = app
        .machine_translate(&ctx.actor(), &slug, &f.lang)
        .await
        .or_page(&ctx)?;
    let notice = ctx.t1("notice-machine-drafts", "count", &n.to_string());
    translate_page(
        ctx,
        &app,
        &slug,
        &f.lang,
        None,
        &FieldErrors::new(),
        Some(notice),
    )
    .await
}
