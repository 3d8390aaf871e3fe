//! One error, two renderings: a localized HTML page, or JSON `{"error": {"code", "message",
//! "fields"}}` for the API. Internal details are never shown; `log_errors` logs them once.

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use crate::app::Error;
use crate::domain::Locale;
use crate::i18n;

use super::Ctx;

/// An internal error's text, attached to the response for the logging middleware.
#[derive(Clone)]
pub struct InternalDetail(pub String);

fn status_and_code(e: &Error) -> (StatusCode, &'static str) {
    match e {
        Error::NotFound => (StatusCode::NOT_FOUND, "not_found"),
        Error::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
        Error::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        Error::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
        Error::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
        Error::TooManyRequests => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
        Error::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
        Error::Busy => (StatusCode::SERVICE_UNAVAILABLE, "busy"),
        Error::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

/// Adds what the logging middleware and the client need beyond the body: an internal error's
/// text, and when to try again after "busy".
fn attach_detail(mut response: Response, e: &Error) -> Response {
    match e {
        Error::Internal(inner) => {
            response
                .extensions_mut()
                .insert(InternalDetail(format!("{inner:#}")));
        }
        Error::Busy => {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("30"),
            );
        }
        _ => {}
    }
    response
}

/// An error shown as a page in the reader's language.
#[derive(Debug)]
pub struct HtmlError {
    locale: Locale,
    error: Error,
    csrf: bool,
    /// A message that says more than the error's own (a malformed address parameter).
    message: Option<String>,
}

impl HtmlError {
    /// Wraps a use-case error.
    pub fn new(locale: Locale, error: Error) -> Self {
        Self {
            locale,
            error,
            csrf: false,
            message: None,
        }
    }

    /// Shows `message` instead of the error's general one.
    pub fn with_message(mut self, message: String) -> Self {
        self.message = Some(message);
        self
    }

    /// Marks a refused form token (a clearer message than "forbidden").
    pub fn csrf(mut self) -> Self {
        self.csrf = true;
        self
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title: String,
    message: String,
    show_login: bool,
}

impl IntoResponse for HtmlError {
    fn into_response(self) -> Response {
        let (status, code) = status_and_code(&self.error);
        let key = if self.csrf {
            "error-page-csrf".to_owned()
        } else {
            format!("error-page-{}", code.replace('_', "-"))
        };
        let ctx = Ctx {
            locale: self.locale,
            user: None,
            session: None,
            csrf: String::new(),
            rest: "/".into(),
            client: String::new(),
            csrf_key: String::new(),
        };
        let message = match (&self.message, &self.error) {
            (Some(m), _) => m.clone(),
            (None, Error::Conflict(why)) => i18n::t(self.locale, why),
            (None, _) => i18n::t(self.locale, &key),
        };
        let page = ErrorPage {
            title: i18n::t(self.locale, &format!("{key}-title")),
            message,
            show_login: matches!(self.error, Error::Unauthorized),
            ctx,
        };
        let body = page.render().unwrap_or_else(|_| "error".to_owned());
        attach_detail((status, Html(body)).into_response(), &self.error)
    }
}

/// An error as API JSON, with messages in the requested language.
#[derive(Debug)]
pub struct ApiError {
    /// Language of the messages.
    pub locale: Locale,
    /// The error.
    pub error: Error,
}

impl ApiError {
    /// A 400 for a body that is not JSON or not the expected shape.
    pub fn bad_request(message: String) -> Response {
        let body = json!({"error": {"code": "bad_request", "message": message, "fields": {}}});
        (StatusCode::BAD_REQUEST, Json(body)).into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = status_and_code(&self.error);
        let message = match self.error {
            Error::Conflict(why) => i18n::t(self.locale, why),
            _ => i18n::t(
                self.locale,
                &format!("error-page-{}", code.replace('_', "-")),
            ),
        };
        let mut fields = serde_json::Map::new();
        if let Error::Invalid(errors) = &self.error {
            for (field, e) in errors.iter() {
                fields
                    .entry(field.to_string())
                    .or_insert_with(|| json!(i18n::field_error(self.locale, field, e)));
            }
        }
        let body = json!({"error": {"code": code, "message": message, "fields": fields}});
        attach_detail((status, Json(body)).into_response(), &self.error)
    }
}
