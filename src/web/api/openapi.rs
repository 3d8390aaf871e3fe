//! The OpenAPI 3 document, generated from the handlers' annotations by utoipa.

use axum::Json;
use utoipa::OpenApi;

use crate::web::api::catalogue::practices::{
    self as practice_api, PracticeJson, PracticeSummaryJson, PracticeTextJson, PracticeUpdate,
    TransitionRequest,
};
use crate::web::api::directory::*;

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(title = "Passerelle API", description = "The directory of a cross-border network of cities and associations \
        working with immigrants. Authenticate with the session cookie or `Authorization: Bearer <personal token>`; \
        errors are `{\"error\": {\"code\", \"message\", \"fields\"}}`."),
    paths(list_organisations, get_organisation, create_organisation, update_organisation, delete_organisation,
        put_translation, list_people, get_person, create_person, update_person, delete_person, list_cities, get_city,
        create_city, update_city, delete_city, list_themes, put_theme, list_target_groups, put_target_group, list_countries, get_country, put_country, delete_country,
        practice_api::list, practice_api::get_one, practice_api::get_by_ref, practice_api::create, practice_api::update,
        practice_api::transition, practice_api::translate, crate::web::api::language::search::search,
        crate::web::api::exchange::placements::list, crate::web::api::exchange::placements::get_one, crate::web::api::exchange::placements::create, crate::web::api::exchange::placements::update,
        crate::web::api::exchange::placements::translate,
        crate::web::api::exchange::visits::list, crate::web::api::exchange::visits::create, crate::web::api::exchange::visits::get_one, crate::web::api::exchange::visits::step, crate::web::api::exchange::visits::schedule,
        crate::web::api::exchange::checklist::checklist, crate::web::api::exchange::reports::get_report, crate::web::api::exchange::reports::put_report, crate::web::api::exchange::visits::host_view,
        crate::web::api::exchange::visits::suggestions, crate::web::api::exchange::reports::reports, crate::web::api::exchange::checklist::checklist_items,
        crate::web::api::exchange::checklist::add_checklist_item, crate::web::api::exchange::checklist::set_checklist_item, crate::web::api::exchange::matrix::matrix, crate::web::api::exchange::calls::list, crate::web::api::exchange::calls::create,
        crate::web::api::exchange::calls::get_one, crate::web::api::exchange::calls::put_request, crate::web::api::exchange::calls::close, crate::web::api::exchange::calls::get_allocation,
        crate::web::api::exchange::calls::run, crate::web::api::exchange::calls::assign, crate::web::api::exchange::calls::publish, crate::web::api::accounts::audit::list, crate::web::api::accounts::my_data,
        crate::web::api::accounts::erase_user, crate::web::api::accounts::erase_person),
    components(schemas(crate::web::api::directory::bodies::OrganisationFormBody, crate::web::api::directory::bodies::PersonFormBody, crate::web::api::directory::bodies::CityFormBody, crate::web::api::directory::bodies::CountryFormBody, crate::web::api::directory::bodies::TranslationFormBody, OrganisationJson, OrganisationDetailJson,
        TextJson, PersonJson, CityJson, CountryJson, TermJson, crate::web::api::catalogue::bodies::PracticeFormBody, PracticeJson, PracticeSummaryJson, PracticeTextJson,
        PracticeUpdate, TransitionRequest, crate::web::api::catalogue::bodies::PracticeTranslationFormBody, crate::web::api::language::search::SearchJson, crate::web::api::language::search::TranslationJson, crate::web::api::language::search::SearchHitJson,
        crate::web::api::exchange::bodies::PlacementFormBody, crate::web::api::exchange::bodies::WindowFormBody, crate::web::api::exchange::placements::PlacementJson,
        crate::web::api::exchange::placements::WindowJson, crate::web::api::exchange::placements::PlacementTextJson,
        crate::web::api::exchange::bodies::PlacementTranslationFormBody, crate::web::api::exchange::visits::VisitJson, crate::web::api::exchange::visits::VisitDetailJson, crate::web::api::exchange::visits::EventJson,
        crate::web::api::exchange::reports::ReportJson, crate::web::api::exchange::visits::StepRequest, crate::web::api::exchange::checklist::ConfirmRequest, crate::web::api::exchange::visits::HostViewRequest,
        crate::web::api::exchange::visits::SuggestionJson, crate::web::api::exchange::reports::ReportSummaryJson, crate::web::api::exchange::checklist::ChecklistItemJson,
        crate::web::api::exchange::checklist::ChecklistActiveRequest, crate::web::api::exchange::matrix::MatrixJson, crate::web::api::exchange::matrix::MatrixCityJson,
        crate::web::api::exchange::bodies::ChecklistItemFormBody, crate::web::api::exchange::bodies::RequestFormBody,
        crate::web::api::exchange::bodies::ScheduleFormBody, crate::web::api::exchange::bodies::ReportFormBody, crate::web::api::exchange::bodies::StepBody,
        crate::web::api::exchange::bodies::SideBody, crate::web::api::exchange::bodies::ChecklistLineBody, crate::web::api::exchange::calls::CallJson, crate::web::api::exchange::calls::CallSummaryJson,
        crate::web::api::exchange::calls::PlaceJson, crate::web::api::exchange::calls::AllocationRowJson, crate::web::api::exchange::calls::AllocationJson, crate::web::api::exchange::calls::AssignRequest,
        crate::web::api::exchange::bodies::CallFormBody, crate::web::api::exchange::bodies::CallRequestFormBody, crate::web::api::exchange::bodies::CityShareBody, crate::web::api::accounts::audit::AuditJson,
        crate::web::api::accounts::EraseRequest, crate::web::api::accounts::ErasedJson)),
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
    (
        "503",
        "Another change (a large import) held the turn to write for too long; try again after Retry-After seconds",
    ),
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
