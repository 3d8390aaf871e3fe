//! The question before a step that cannot simply be taken back (publishing a practice, closing a
//! call, publishing an allocation): a page of its own, reached by a link, whose form takes the
//! step. It works without script, and the step's `POST` route stays the only one that changes
//! anything.

use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};

use crate::web::Ctx;

/// What is asked.
pub struct Question {
    /// The heading: the question itself.
    pub title: String,
    /// What will happen, in a sentence or two.
    pub body: String,
    /// Where the form posts.
    pub action: String,
    /// The button that takes the step.
    pub button: String,
    /// Where "cancel" leads.
    pub back: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/confirm.html")]
struct ConfirmPage {
    ctx: Ctx,
    q: Question,
}

/// The page asking `q`.
pub fn page(ctx: Ctx, q: Question) -> Response {
    ConfirmPage { ctx, q }.into_response()
}
