//! The OpenAPI 3 document, generated from the handlers' annotations by utoipa.

use axum::Json;
use utoipa::OpenApi;

use super::directory::*;
use super::practices::{
    self as practice_api, PracticeJson, PracticeSummaryJson, PracticeTextJson, PracticeUpdate,
    TransitionRequest,
};
use crate::app::PracticeTranslationForm;
use crate::domain::directory::{
    CityForm, CountryForm, OrganisationForm, PersonForm, TranslationForm,
};
use crate::domain::practice::PracticeForm;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(title = "Passerelle API", description = "The directory of a cross-border network of cities and associations \
        working with immigrants. Authenticate with the session cookie or `Authorization: Bearer <personal token>`; \
        errors are `{\"error\": {\"code\", \"message\", \"fields\"}}`."),
    paths(list_organisations, get_organisation, create_organisation, update_organisation, delete_organisation,
        put_translation, list_people, get_person, create_person, update_person, delete_person, list_cities, get_city,
        create_city, update_city, delete_city, list_themes, put_theme, list_countries, get_country, put_country, delete_country,
        practice_api::list, practice_api::get_one, practice_api::get_by_ref, practice_api::create, practice_api::update,
        practice_api::transition, practice_api::translate, super::search::search,
        super::placements::list, super::placements::get_one, super::placements::create, super::placements::update,
        super::placements::translate,
        super::visits::list, super::visits::create, super::visits::get_one, super::visits::step, super::visits::schedule,
        super::visits::checklist, super::visits::get_report, super::visits::put_report, super::visits::host_view,
        super::visits::suggestions, super::visits::reports, super::visits::checklist_items,
        super::visits::add_checklist_item, super::visits::set_checklist_item, super::visits::matrix, super::calls::list, super::calls::create,
        super::calls::get_one, super::calls::put_request, super::calls::close, super::calls::get_allocation,
        super::calls::run, super::calls::assign, super::calls::publish, super::audit::list, super::accounts::my_data,
        super::accounts::erase_user, super::accounts::erase_person),
    components(schemas(OrganisationForm, PersonForm, CityForm, CountryForm, TranslationForm, OrganisationJson, OrganisationDetailJson,
        TextJson, PersonJson, CityJson, CountryJson, ThemeJson, PracticeForm, PracticeJson, PracticeSummaryJson, PracticeTextJson,
        PracticeUpdate, TransitionRequest, PracticeTranslationForm, super::search::SearchJson, super::search::SearchHitJson,
        crate::domain::placement::PlacementForm, crate::domain::placement::WindowForm, super::placements::PlacementJson,
        super::placements::WindowJson, super::placements::PlacementTextJson,
        crate::domain::placement::PlacementTranslationForm, super::visits::VisitJson, super::visits::VisitDetailJson, super::visits::EventJson,
        super::visits::ReportJson, super::visits::StepRequest, super::visits::ConfirmRequest, super::visits::HostViewRequest,
        super::visits::SuggestionJson, super::visits::ReportSummaryJson, super::visits::ChecklistItemJson,
        super::visits::ChecklistActiveRequest, super::visits::MatrixJson, super::visits::MatrixCityJson,
        crate::domain::visit::ChecklistItemForm, crate::domain::visit::RequestForm,
        crate::domain::visit::ScheduleForm, crate::domain::visit::ReportForm, crate::domain::visit::Step,
        crate::domain::visit::Side, crate::app::ChecklistLine, super::calls::CallJson, super::calls::CallSummaryJson,
        super::calls::PlaceJson, super::calls::AllocationRowJson, super::calls::AllocationJson, super::calls::AssignRequest,
        crate::domain::call::CallForm, crate::domain::call::CallRequestForm, crate::app::CityShare, super::audit::AuditJson,
        super::accounts::EraseRequest, super::accounts::ErasedJson)),
    modifiers(&CommonResponses),
    tags((name = "directory", description = "Countries, cities, organisations and people"),
        (name = "practices", description = "The good-practice catalogue and its review workflow"),
        (name = "search", description = "Cross-lingual search over practices, organisations and people"),
        (name = "exchange", description = "The exchange programme: placements, visits from request to learning report, calls with their fair allocation"),
        (name = "trust", description = "The audit log: who changed what, when and from where"))
)]
pub struct ApiDoc;

/// The answers every operation can give whatever it does, documented on each: the layers in
/// front of the handlers (who reads, how large a body may be, the same-site check) and the
/// extractors (query strings, JSON bodies) answer them as the API's JSON error.
struct CommonResponses;

const COMMON: &[(&str, &str)] = &[
    (
        "400",
        "An address or body that cannot be read (a path id out of range, a body that is not JSON)",
    ),
    (
        "401",
        "Sign-in needed, or a personal token that is not (or no longer) valid",
    ),
    (
        "403",
        "Not allowed for this account, or a cookie-authenticated change from another site",
    ),
    ("404", "Nothing at this address for this reader"),
    ("413", "The body is larger than this reader may send"),
    ("422", "A parameter or field with a value of the wrong form"),
    ("429", "Too many tries; wait a minute"),
];

const WITH_BODY: &[(&str, &str)] = &[("415", "The body must be sent as application/json")];

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                let with_body = op.request_body.is_some();
                let extra = if with_body { WITH_BODY } else { &[] };
                for (code, text) in COMMON.iter().chain(extra) {
                    op.responses
                        .responses
                        .entry((*code).to_owned())
                        .or_insert_with(|| {
                            utoipa::openapi::ResponseBuilder::new()
                                .description(*text)
                                .build()
                                .into()
                        });
                }
            }
        }
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
