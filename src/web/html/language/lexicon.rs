//! The lexicon page: coordinators look a word up, see every translation the search may use for
//! it, and remove a wrong one or add a missing one.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::app::language::lexicon_corrections::{EntryState, LexiconCorrectionForm, LexiconWord};
use crate::app::{App, Error};
use crate::domain::{Action, FieldErrors};
use crate::search::analysis::{LANGS, fold_word};
use crate::web::html::{Choice, Errors, HtmlQuery, HtmlResult, OrPage, notice, query_string};
use crate::web::{CsrfForm, Ctx};

/// Routes of the lexicon page.
pub fn router() -> Router<App> {
    Router::new().route("/lexicon", get(page).post(correct))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct LookUp {
    src_lang: String,
    src_word: String,
    done: Option<String>,
}

/// A translation as shown.
struct EntryView {
    lang: String,
    lang_label: String,
    text: String,
    /// The other form of the word it is filed under ("Wohnungen" for "Wohnung").
    other_form: Option<String>,
    state: String,
    action: &'static str,
    action_label: String,
}

/// The word looked up.
struct WordView {
    lang: String,
    word: String,
    entries: Vec<EntryView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "language/lexicon.html")]
struct LexiconPage {
    ctx: Ctx,
    notice: Option<String>,
    errors: Errors,
    size: i64,
    langs: Vec<Choice>,
    word: String,
    view: Option<WordView>,
    targets: Vec<Choice>,
    new_word: String,
}

fn choices(ctx: &Ctx, selected: &str, except: Option<&str>) -> Vec<Choice> {
    LANGS
        .iter()
        .filter(|l| Some(**l) != except)
        .map(|l| Choice {
            value: l.to_string(),
            label: ctx.tk("language-", l),
            selected: *l == selected,
        })
        .collect()
}

fn view_of(ctx: &Ctx, w: LexiconWord) -> WordView {
    let entries = w
        .entries
        .into_iter()
        .map(|e| {
            let (state, action, action_label) = match e.state {
                EntryState::Used => ("lexicon-state-used", "remove", "lexicon-remove"),
                EntryState::Unused => ("lexicon-state-unused", "remove", "lexicon-remove"),
                EntryState::Added => ("lexicon-state-added", "remove", "lexicon-remove"),
                EntryState::AddedUnused => {
                    ("lexicon-state-added-unused", "remove", "lexicon-remove")
                }
                EntryState::Removed => ("lexicon-state-removed", "restore", "lexicon-restore"),
            };
            EntryView {
                lang_label: ctx.tk("language-", &e.lang),
                state: ctx.t(state),
                action,
                action_label: ctx.t1(action_label, "text", &e.text),
                other_form: (fold_word(&e.word) != fold_word(&w.word)).then_some(e.word),
                lang: e.lang,
                text: e.text,
            }
        })
        .collect();
    WordView {
        lang: w.lang,
        word: w.word,
        entries,
    }
}

/// The page for `src_lang`/`src_word` (the form alone when no word is given), with the errors
/// and the translation being added when a correction failed.
async fn render(
    ctx: Ctx,
    app: &App,
    look: LookUp,
    errors: &FieldErrors,
    adding: Option<&LexiconCorrectionForm>,
) -> HtmlResult<Response> {
    ctx.require(Action::EditGlossary)?;
    let mut errors = errors.clone();
    // A word without a language is looked up in the page's, as the form shows it.
    let src_lang = if look.src_lang.is_empty() {
        ctx.locale.code().to_string()
    } else {
        look.src_lang.clone()
    };
    let view = if look.src_word.trim().is_empty() && look.src_lang.is_empty() {
        None
    } else {
        match app
            .lexicon_word(&ctx.actor(), &src_lang, &look.src_word)
            .await
        {
            Ok(w) => Some(view_of(&ctx, w)),
            Err(Error::Invalid(e)) => {
                // The correction's own check already named these fields.
                for (field, error) in e.iter() {
                    if !errors.iter().any(|(f, _)| f == field) {
                        errors.add(field, error.clone());
                    }
                }
                None
            }
            Err(e) => return Err(e).or_page(&ctx),
        }
    };
    let status = crate::web::html::form_status(&errors);
    let page = LexiconPage {
        notice: notice(&ctx, look.done.as_deref()),
        errors: ctx.errors(&errors),
        size: app.lexicon_size().await.or_page(&ctx)?,
        langs: choices(&ctx, &src_lang, None),
        word: look.src_word.trim().to_string(),
        targets: choices(
            &ctx,
            adding.map_or("", |f| f.dst_lang.as_str()),
            Some(&src_lang),
        ),
        new_word: adding.map(|f| f.dst_word.clone()).unwrap_or_default(),
        view,
        ctx,
    };
    Ok((status, page).into_response())
}

async fn page(
    ctx: Ctx,
    State(app): State<App>,
    HtmlQuery(look): HtmlQuery<LookUp>,
) -> HtmlResult<Response> {
    render(ctx, &app, look, &FieldErrors::new(), None).await
}

async fn correct(
    ctx: Ctx,
    State(app): State<App>,
    CsrfForm(form): CsrfForm<LexiconCorrectionForm>,
) -> HtmlResult<Response> {
    let look = LookUp {
        src_lang: form.src_lang.clone(),
        src_word: form.src_word.clone(),
        done: None,
    };
    match app.correct_lexicon(&ctx.actor(), &form).await {
        Ok(()) => {
            let params = query_string(&[
                ("src_lang", form.src_lang.as_str()),
                ("src_word", form.src_word.trim()),
                ("done", "saved"),
            ]);
            Ok(Redirect::to(&format!("{}?{params}", ctx.href("/lexicon"))).into_response())
        }
        Err(Error::Invalid(errors)) => render(ctx, &app, look, &errors, Some(&form)).await,
        Err(e) => Err(e).or_page(&ctx),
    }
}
