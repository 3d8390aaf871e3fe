//! The JSON API under `/api/v1/`: the directory, authenticated by the session cookie or a
//! personal token (`Authorization: Bearer psl_…`), described by the OpenAPI document at
//! `/api/v1/openapi.json`. Errors are JSON `{"error": {"code", "message", "fields"}}` in the
//! language of `Accept-Language`.

mod accounts;
mod catalogue;
pub(crate) mod directory;
mod exchange;
mod language;
mod openapi;

use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::de::DeserializeOwned;

use crate::app::{App, Error};
use crate::domain::{Actor, Locale};

use super::ApiError;
use super::reader::{Reader, Via};

pub use openapi::ApiDoc;

/// The API routes.
pub fn router() -> Router<App> {
    Router::new()
        .merge(accounts::router())
        .merge(accounts::audit::router())
        .merge(directory::router())
        .merge(catalogue::practices::router())
        .merge(exchange::placements::router())
        .merge(exchange::visits::router())
        .merge(exchange::calls::router())
        .merge(language::search::router())
        .route("/openapi.json", get(openapi::document))
}

/// Who calls the API and in which language errors should come back.
pub struct ApiCtx {
    /// The caller.
    pub actor: Actor,
    /// The caller's account, when signed in.
    pub user: Option<crate::app::CurrentUser>,
    /// Language of error messages.
    pub locale: Locale,
}

impl ApiCtx {
    /// Wraps an error for this caller.
    pub fn err(&self, error: Error) -> ApiError {
        ApiError {
            locale: self.locale,
            error,
        }
    }
}

impl FromRequestParts<App> for ApiCtx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &App) -> Result<Self, Response> {
        let locale = locale_of(&parts.headers);
        let reader = parts
            .extensions
            .get::<Reader>()
            .cloned()
            .unwrap_or_else(Reader::anonymous);
        if reader.via == Via::BadToken {
            return Err(ApiError {
                locale,
                error: Error::Unauthorized,
            }
            .into_response());
        }
        let user = reader.user;
        Ok(ApiCtx {
            actor: user
                .as_ref()
                .map(|u| u.actor.clone())
                .unwrap_or(Actor::Anonymous),
            user,
            locale,
        })
    }
}

/// The language of the caller's messages, from Accept-Language.
pub(crate) fn locale_of(headers: &axum::http::HeaderMap) -> Locale {
    Locale::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

/// A query string: 422 JSON naming the parameter when a value has the wrong form (`limit=abc`),
/// like a JSON body with the wrong shape, instead of axum's plain-text 400.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(q)) => Ok(ApiQuery(q)),
            Err(rejection) => {
                let locale = locale_of(&parts.headers);
                // axum names the parameter: "Failed to deserialize query string: limit: invalid digit …".
                let text = rejection.body_text();
                let detail = text.split_once(": ").map_or(text.as_str(), |(_, d)| d);
                let message = crate::i18n::t_args(
                    locale,
                    "error-api-query",
                    &[("detail", detail.to_owned())],
                );
                let fields = match detail.split_once(": ") {
                    Some((name, _))
                        if !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                    {
                        serde_json::json!({ name: message })
                    }
                    _ => serde_json::json!({}),
                };
                let body = serde_json::json!({"error": {"code": "invalid", "message": message, "fields": fields}});
                Err((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response())
            }
        }
    }
}

/// Path parameters: a value of the wrong form (`/visits/abc`, an id beyond 64 bits) names no
/// resource, so it is answered like any unknown one, 404 in JSON, instead of axum's plain-text 400.
/// It keeps axum's name so that utoipa still documents the path parameters of the handlers.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(p)) => Ok(Path(p)),
            Err(_) => Err(ApiError {
                locale: locale_of(&parts.headers),
                error: Error::NotFound,
            }
            .into_response()),
        }
    }
}

/// A JSON body: 415 without a JSON content type, 400 for malformed JSON, 422 for a wrong shape.
/// Requiring the JSON type also keeps plain cross-site forms from posting with a session cookie.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<App> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, app: &App) -> Result<Self, Response> {
        let locale = locale_of(req.headers());
        // Anonymous callers may change nothing (`domain::permission`): their bodies are refused
        // before they are read or checked, so the answer is "sign in", not a field error.
        if req
            .extensions()
            .get::<Reader>()
            .is_none_or(|r| r.user.is_none())
        {
            return Err(ApiError {
                locale,
                error: Error::Unauthorized,
            }
            .into_response());
        }
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            let body = serde_json::json!({"error": {"code": "unsupported_media_type",
                "message": crate::i18n::t(locale, "error-api-json-required"), "fields": {}}});
            return Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, axum::Json(body)).into_response());
        }
        let bytes = axum::body::Bytes::from_request(req, app)
            .await
            .map_err(|r| match r.status() {
                StatusCode::PAYLOAD_TOO_LARGE => ApiError {
                    locale,
                    error: Error::TooLarge,
                }
                .into_response(),
                _ => ApiError::bad_request(r.body_text()),
            })?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => {
                let body = serde_json::json!({"error": {"code": "invalid",
                    "message": crate::i18n::t_args(locale, "error-api-json-shape", &[("detail", e.to_string())]), "fields": {}}});
                (StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response()
            }
            _ => ApiError::bad_request(crate::i18n::t_args(locale, "error-api-json-malformed", &[("detail", e.to_string())])),
        })
    }
}

/// The OpenAPI schema of a day parameter in a query string: a day (`YYYY-MM-DD`), or empty,
/// which filter forms send for "any day".
pub(crate) fn day_or_empty() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{
        KnownFormat, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
    };
    let one_of = OneOfBuilder::new()
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
        )
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(0)),
        )
        .build();
    Schema::OneOf(one_of)
}
