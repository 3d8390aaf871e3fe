//! Glossary pages: browse A–Z per language and domain, a concept with all its terms and
//! definitions, coordinators' forms, and downloads as CSV and SKOS.

use crate::web::html::HtmlQuery;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::language::glossary_io::GlossaryFormat;
use crate::app::{App, Error};
use crate::domain::language::glossary::{ConceptForm, GlossaryDomain};
use crate::domain::{Action, ContentLang, FieldErrors};
use crate::web::{CsrfForm, Ctx};

use crate::web::html::{Choice, DoneParam, Errors, HtmlResult, OrPage, done, query_string};

/// Routes of the glossary pages.
pub fn router() -> Router<App> {
    Router::new()
        .route("/glossary", get(index).post(create))
        .route("/glossary/new", get(new_form))
        .route("/glossary/export.csv", get(export_csv))
        .route("/glossary/export.ttl", get(export_skos))
        .route("/glossary/{key}", get(show).post(update))
        .route("/glossary/{key}/edit", get(edit_form))
        .route("/glossary/{key}/delete", post(delete))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct BrowseParams {
    #[serde(rename = "in")]
    lang: String,
    letter: String,
    domain: String,
}

/// A term in the A–Z list.
struct Entry {
    term: String,
    href: String,
    /// The preferred term, for an alternative one.
    see: Option<String>,
}

/// A link in the letter or language bar.
struct BarLink {
    href: String,
    label: String,
    current: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "language/glossary/index.html")]
struct IndexPage {
    ctx: Ctx,
    lang: String,
    langs: Vec<BarLink>,
    letters: Vec<BarLink>,
    domains: Vec<Choice>,
    letter_label: String,
    entries: Vec<Entry>,
    count: String,
    new_href: Option<String>,
}

fn lang_of(s: &str, ctx: &Ctx) -> ContentLang {
    ContentLang::try_from(s).unwrap_or_else(|_| ContentLang::from(ctx.locale))
}

async fn index(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(p): HtmlQuery<BrowseParams>,
) -> HtmlResult<IndexPage> {
    let lang = lang_of(&p.lang, &ctx);
    let domain = GlossaryDomain::parse(&p.domain);
    let letter = p
        .letter
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| c.is_ascii_uppercase() || *c == '#')
        .unwrap_or('A');
    let entries = app
        .glossary_index(lang, Some(letter), domain)
        .await
        .or_page(&ctx)?;
    let base = ctx.href("/glossary");
    let link = |lang: &str, letter: &str| {
        format!(
            "{base}?{}",
            query_string(&[("in", lang), ("letter", letter), ("domain", &p.domain)])
        )
    };
    let letter_s = letter.to_string();
    let langs = ContentLang::ALL
        .iter()
        .map(|l| BarLink {
            href: link(l.code(), &letter_s),
            label: ctx.tk("language-", l.code()),
            current: *l == lang,
        })
        .collect();
    let letters = ('A'..='Z')
        .chain(std::iter::once('#'))
        .map(|c| BarLink {
            href: link(lang.code(), &c.to_string()),
            label: c.to_string(),
            current: c == letter,
        })
        .collect();
    let domains = GlossaryDomain::ALL
        .iter()
        .map(|d| Choice {
            value: d.as_str().to_string(),
            label: ctx.tk("glossary-domain-", d.as_str()),
            selected: Some(*d) == domain,
        })
        .collect();
    let entries: Vec<Entry> = entries
        .into_iter()
        .map(|(term, preferred, c)| Entry {
            href: ctx.link("/glossary/", c.key.as_str(), ""),
            see: (!preferred).then(|| c.preferred(lang).unwrap_or_default().to_string()),
            term,
        })
        .collect();
    Ok(IndexPage {
        lang: lang.code().to_string(),
        langs,
        letters,
        domains,
        letter_label: ctx.t1("glossary-letter", "letter", &letter_s),
        count: ctx.t1("glossary-count", "count", &entries.len().to_string()),
        entries,
        new_href: ctx
            .can(Action::EditGlossary)
            .then(|| ctx.href("/glossary/new")),
        ctx,
    })
}

/// One language of a concept as shown.
struct LangBlock {
    lang: String,
    name: String,
    preferred: String,
    alternatives: Vec<String>,
    definition: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "language/glossary/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    title_lang: Option<String>,
    domain: String,
    blocks: Vec<LangBlock>,
    related: Vec<(String, String)>,
    edit_href: Option<String>,
    delete_action: Option<String>,
    notice: Option<String>,
}

async fn show(
    ctx: Ctx,
    State(app): State<App>,
    Path(key): Path<String>,
    HtmlQuery(d): HtmlQuery<DoneParam>,
) -> HtmlResult<ShowPage> {
    let glossary = app.glossary().await.or_page(&ctx)?;
    let Some(c) = glossary.get(&key) else {
        return Err(Error::NotFound).or_page(&ctx);
    };
    let reader = ContentLang::from(ctx.locale);
    let (title, title_lang) = match c.preferred(reader) {
        Some(t) => (t.to_string(), None),
        None => (
            c.preferred(ContentLang::En)
                .unwrap_or(c.key.as_str())
                .to_string(),
            Some("en".to_string()),
        ),
    };
    let mut order = vec![reader];
    order.extend(ContentLang::ALL.into_iter().filter(|l| *l != reader));
    let blocks = order
        .into_iter()
        .filter(|l| !c.terms_in(*l).is_empty())
        .map(|l| LangBlock {
            lang: l.code().to_string(),
            name: ctx.tk("language-", l.code()),
            preferred: c.terms_in(l)[0].clone(),
            alternatives: c.terms_in(l)[1..].to_vec(),
            definition: c.definition(l).to_string(),
        })
        .collect();
    let related = c
        .related
        .iter()
        .filter_map(|k| glossary.get(k.as_str()))
        .map(|r| {
            (
                ctx.link("/glossary/", r.key.as_str(), ""),
                r.preferred(reader).unwrap_or(r.key.as_str()).to_string(),
            )
        })
        .collect();
    let can_edit = ctx.can(Action::EditGlossary);
    Ok(ShowPage {
        title,
        title_lang,
        domain: ctx.tk("glossary-domain-", c.domain.as_str()),
        blocks,
        related,
        edit_href: can_edit.then(|| ctx.link("/glossary/", c.key.as_str(), "/edit")),
        delete_action: can_edit.then(|| ctx.link("/glossary/", c.key.as_str(), "/delete")),
        notice: crate::web::html::notice(&ctx, d.done.as_deref()),
        ctx,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "language/glossary/form.html")]
struct FormPage {
    ctx: Ctx,
    form: ConceptForm,
    errors: Errors,
    domains: Vec<Choice>,
    term_fields: Vec<(&'static str, String, bool)>,
    definition_fields: Vec<(&'static str, String)>,
    action: String,
    is_new: bool,
}

fn form_page(
    ctx: Ctx,
    form: ConceptForm,
    errors: &FieldErrors,
    key: Option<&str>,
) -> HtmlResult<Response> {
    ctx.require(Action::EditGlossary)?;
    let status = crate::web::html::form_status(errors);
    let domains = GlossaryDomain::ALL
        .iter()
        .map(|d| Choice {
            value: d.as_str().to_string(),
            label: ctx.tk("glossary-domain-", d.as_str()),
            selected: form.domain == d.as_str(),
        })
        .collect();
    let page = FormPage {
        errors: ctx.errors(errors),
        domains,
        term_fields: vec![
            ("terms_de", form.terms_de.clone(), true),
            ("terms_fr", form.terms_fr.clone(), true),
            ("terms_en", form.terms_en.clone(), true),
            ("terms_lb", form.terms_lb.clone(), false),
        ],
        definition_fields: vec![
            ("definition_de", form.definition_de.clone()),
            ("definition_fr", form.definition_fr.clone()),
            ("definition_en", form.definition_en.clone()),
            ("definition_lb", form.definition_lb.clone()),
        ],
        action: match key {
            Some(k) => ctx.link("/glossary/", k, ""),
            None => ctx.href("/glossary"),
        },
        is_new: key.is_none(),
        form,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn new_form(ctx: Ctx) -> HtmlResult<Response> {
    form_page(ctx, ConceptForm::default(), &FieldErrors::new(), None)
}

async fn edit_form(
    ctx: Ctx,
    State(app): State<App>,
    Path(key): Path<String>,
) -> HtmlResult<Response> {
    ctx.require(Action::EditGlossary)?;
    let c = app.concept(&key).await.or_page(&ctx)?;
    form_page(ctx, ConceptForm::of(&c), &FieldErrors::new(), Some(&key))
}

async fn create(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<ConceptForm>,
) -> HtmlResult<Response> {
    match app.save_concept(&ctx.actor(), None, &form).await {
        Ok(key) => Ok(done(&ctx, &format!("/glossary/{key}"), "created")),
        Err(Error::Invalid(errors)) => form_page(ctx, form, &errors, None),
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn update(
    ctx: Ctx,
    State(app): State<App>,
    Path(key): Path<String>,
    CsrfForm(form): CsrfForm<ConceptForm>,
) -> HtmlResult<Response> {
    match app.save_concept(&ctx.actor(), Some(&key), &form).await {
        Ok(key) => Ok(done(&ctx, &format!("/glossary/{key}"), "saved")),
        Err(Error::Invalid(errors)) => {
            let form = ConceptForm {
                key: key.clone(),
                ..form
            };
            form_page(ctx, form, &errors, Some(&key))
        }
        Err(e) => Err(e).or_page(&ctx),
    }
}

async fn delete(
    ctx: Ctx,
    State(app): State<App>,
    Path(key): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::html::Empty>,
) -> HtmlResult<Response> {
    app.delete_concept(&ctx.actor(), &key).await.or_page(&ctx)?;
    Ok(done(&ctx, "/glossary", "deleted"))
}

async fn export(ctx: Ctx, app: App, format: GlossaryFormat) -> HtmlResult<Response> {
    let text = app.export_glossary(format).await.or_page(&ctx)?;
    let (mime, name) = match format {
        GlossaryFormat::Csv => ("text/csv; charset=utf-8", "glossary.csv"),
        GlossaryFormat::Skos => ("text/turtle; charset=utf-8", "glossary.ttl"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"passerelle-{name}\""),
            ),
        ],
        text,
    )
        .into_response())
}

async fn export_csv(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    export(ctx, app, GlossaryFormat::Csv).await
}

async fn export_skos(ctx: Ctx, State(app): State<App>) -> HtmlResult<Response> {
    export(ctx, app, GlossaryFormat::Skos).await
}
