//! The home page: for the public, what Passerelle is and what the network offers now; for a
//! member, their desk (what awaits them, then the same showcase).

pub mod confirm;
mod notices;
mod site_pages;

/// The workspace's pages besides the home: notices and the site's own pages.
pub fn router() -> axum::Router<App> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/notices", get(notices::list))
        .route("/notices/read", post(notices::read_all))
        .route("/notices/choices", post(notices::choose))
        .route("/notices/{id}", get(notices::open))
        .merge(site_pages::router())
}

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use crate::app::App;
use crate::app::workspace::{PracticeTask, Showcase, Task, VisitTask};
use crate::web::Ctx;
use crate::web::html::exchange::placements::period;
use crate::web::html::{HtmlResult, OrPage, city_name};

/// A task as the desk lists it.
pub struct TaskView {
    /// Where the member acts.
    href: String,
    /// What it is about.
    title: String,
    /// The title's language, when it is not the page's.
    lang: Option<String>,
    /// What to do, in the page's language.
    what: String,
}

/// A line of one of the showcase's lists.
pub struct Line {
    href: String,
    title: String,
    lang: Option<String>,
    meta: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/home.html")]
pub struct HomePage {
    ctx: Ctx,
    /// The member's tasks; `None` for the public.
    tasks: Option<Vec<TaskView>>,
    /// Links to whole lists the desk shows only the newest of: (href, text).
    more: Vec<(String, String)>,
    /// What is new since the member's last visit: its moment (for `<time>` and as read), and
    /// a link for each kind with something new: (href, text).
    news: Option<NewsView>,
    practices: Vec<Line>,
    practice_count: i64,
    placements: Vec<Line>,
    calls: Vec<Line>,
    cities: Vec<(String, String, i64)>,
    organisations: i64,
}

/// What is new since a member's last visit, as the desk shows it.
pub struct NewsView {
    /// The moment, for `<time datetime>`.
    machine: String,
    /// The moment as read.
    when: String,
    /// A link for each kind with something new: (href, text).
    links: Vec<(String, String)>,
}

fn task_view(ctx: &Ctx, task: Task) -> TaskView {
    match task {
        Task::Practice {
            what,
            slug,
            title,
            lang,
        } => TaskView {
            href: ctx.link("/practices/", &slug, ""),
            lang: (lang != ctx.lang()).then_some(lang),
            title,
            what: ctx.t(match what {
                PracticeTask::Review => "desk-task-review",
                PracticeTask::FinishReview => "desk-task-finish-review",
                PracticeTask::Publish => "desk-task-publish",
                PracticeTask::Submit => "desk-task-submit",
                PracticeTask::Revise => "desk-task-revise",
            }),
        },
        Task::Visit { what, id, title } => TaskView {
            href: ctx.link(
                "/visits/",
                &id.to_string(),
                if what == VisitTask::Report {
                    "/report"
                } else {
                    ""
                },
            ),
            lang: None,
            title,
            what: ctx.t(match what {
                VisitTask::Answer => "desk-task-answer",
                VisitTask::Confirm => "desk-task-confirm",
                VisitTask::Schedule => "desk-task-schedule",
                VisitTask::Report => "desk-task-report",
            }),
        },
        Task::CallClosing {
            slug,
            title,
            deadline,
        } => TaskView {
            href: ctx.link("/calls/", &slug, ""),
            lang: None,
            title,
            what: ctx.t1("desk-task-call", "day", &ctx.day(deadline)),
        },
    }
}

fn lines(ctx: &Ctx, showcase: Showcase) -> (Vec<Line>, Vec<Line>, Vec<Line>) {
    let other = |lang: &str| (lang != ctx.lang()).then(|| lang.to_owned());
    let practices = showcase
        .practices
        .into_iter()
        .map(|p| Line {
            href: ctx.link("/practices/", &p.slug, ""),
            lang: other(&p.title_lang),
            title: p.title,
            meta: p
                .published_at
                .map(|at| ctx.t1("home-published-on", "day", &ctx.day_of(at)))
                .unwrap_or_default(),
        })
        .collect();
    let placements = showcase
        .placements
        .iter()
        .map(|v| {
            let texts = v.texts_in(ctx.lang());
            let next = v
                .windows
                .first()
                .map(|w| period(ctx, w.start, w.end))
                .unwrap_or_default();
            Line {
                href: ctx.link("/placements/", &v.row.slug, ""),
                title: texts.title.to_owned(),
                lang: other(texts.lang),
                meta: [v.row.organisation_name.clone(), next]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
            }
        })
        .collect();
    let calls = showcase
        .calls
        .iter()
        .map(|c| {
            let (_, deadline) = App::call_status(c);
            Line {
                href: ctx.link("/calls/", &c.slug, ""),
                title: c.title.clone(),
                lang: None,
                meta: ctx.t1("call-deadline-on", "day", &ctx.day(deadline)),
            }
        })
        .collect();
    (practices, placements, calls)
}

/// `/{lang}/`: the desk for members, the showcase for everyone else.
pub async fn home(ctx: Ctx, State(app): State<App>) -> HtmlResult<HomePage> {
    let actor = ctx.actor();
    let mut news = None;
    let (tasks, more, showcase) = if ctx.signed_in() {
        let desk = app.desk(&actor, ctx.lang()).await.or_page(&ctx)?;
        news = desk.news.map(|(since, n)| {
            let links = [
                ("/practices", "desk-news-practices", n.practices),
                ("/placements", "desk-news-placements", n.placements),
                ("/calls", "desk-news-calls", n.calls),
                ("/reports", "desk-news-reports", n.reports),
            ]
            .into_iter()
            .filter(|(_, _, count)| *count > 0)
            .map(|(path, key, count)| (ctx.href(path), ctx.t1(key, "count", &count.to_string())))
            .collect();
            NewsView {
                machine: ctx.machine_time(since),
                when: ctx.moment(since),
                links,
            }
        });
        let tasks = desk.tasks.into_iter().map(|t| task_view(&ctx, t)).collect();
        let more = desk
            .more
            .into_iter()
            .map(|(status, total)| {
                (
                    format!("{}?status={}", ctx.href("/practices"), status.as_str()),
                    ctx.t_args(
                        "desk-more",
                        &[
                            ("count", total.to_string()),
                            ("status", ctx.tk("practice-status-", status.as_str())),
                        ],
                    ),
                )
            })
            .collect();
        (Some(tasks), more, desk.showcase)
    } else {
        (
            None,
            Vec::new(),
            app.showcase(&actor, ctx.lang()).await.or_page(&ctx)?,
        )
    };
    let practice_count = showcase.practice_count;
    let (practices, placements, calls) = lines(&ctx, showcase);
    // Every organisation is in a city, so the cities' counts add up to all of them.
    let cities = app.cities(None).await.or_page(&ctx)?;
    let organisations = cities.iter().map(|c| c.organisations).sum();
    let cities = cities
        .iter()
        .filter(|c| c.organisations > 0)
        .map(|c| {
            (
                c.slug.clone(),
                city_name(c, ctx.locale).to_owned(),
                c.organisations,
            )
        })
        .collect();
    Ok(HomePage {
        more,
        news,
        ctx,
        tasks,
        practices,
        practice_count,
        placements,
        calls,
        cities,
        organisations,
    })
}
