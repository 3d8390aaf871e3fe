//! The exchange matrix: which city visited which, as an accessible SVG and a table.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use crate::app::App;
use crate::web::Ctx;

use crate::web::html::{HtmlResult, OrPage};

/// One cell of the matrix as drawn.
pub(super) struct Cell {
    x: i64,
    y: i64,
    fill: &'static str,
    ink: &'static str,
    text: String,
    label: String,
}

/// One city label as drawn.
pub(super) struct Label {
    x: i64,
    y: i64,
    name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "exchange/calls/matrix.html")]
pub(super) struct MatrixPage {
    ctx: Ctx,
    width: i64,
    height: i64,
    rows: Vec<Label>,
    columns: Vec<Label>,
    cells: Vec<Cell>,
    /// Table rows: city, then per column (done, planned).
    table: Vec<(String, Vec<(i64, i64)>)>,
    names: Vec<String>,
    totals: String,
}

/// Cell size and margins of the drawing, in SVG units.
pub(super) const CELL_W: i64 = 120;

pub(super) const CELL_H: i64 = 56;

pub(super) const LEFT: i64 = 150;

pub(super) const TOP: i64 = 36;

pub(super) async fn matrix(ctx: Ctx, State(app): State<App>) -> HtmlResult<MatrixPage> {
    let m = app.exchange_matrix().await.or_page(&ctx)?;
    let names: Vec<String> = m
        .cities
        .iter()
        .map(|c| crate::web::html::city_name(c, ctx.locale).to_owned())
        .collect();
    let n = names.len() as i64;
    let most = m
        .done
        .iter()
        .zip(&m.planned)
        .flat_map(|(d, p)| d.iter().zip(p).map(|(a, b)| a + b))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut cells = Vec::new();
    for (i, from) in names.iter().enumerate() {
        for (j, to) in names.iter().enumerate() {
            let (done, planned) = (m.done[i][j], m.planned[i][j]);
            let share = (done + planned) * 4 / most;
            // Four steps from pale to dark; dark cells take white text (contrast over 4.5:1).
            let (fill, ink) = match (done + planned, share) {
                (0, _) => ("#f4f6f7", "#3c494e"),
                (_, 0 | 1) => ("#d3ebef", "#0b3d4a"),
                (_, 2) => ("#8cc8d3", "#0b3d4a"),
                _ => ("#0b4653", "#ffffff"),
            };
            cells.push(Cell {
                x: LEFT + j as i64 * CELL_W,
                y: TOP + i as i64 * CELL_H,
                fill,
                ink,
                text: format!("{done} · {planned}"),
                label: crate::i18n::t_args(
                    ctx.locale,
                    "matrix-cell",
                    &[
                        ("from", from.clone()),
                        ("to", to.clone()),
                        ("done", done.to_string()),
                        ("planned", planned.to_string()),
                    ],
                ),
            });
        }
    }
    Ok(MatrixPage {
        width: LEFT + n * CELL_W + 4,
        height: TOP + n * CELL_H + 4,
        rows: names
            .iter()
            .enumerate()
            .map(|(i, name)| Label {
                x: LEFT - 10,
                y: TOP + i as i64 * CELL_H + CELL_H / 2 + 5,
                name: name.clone(),
            })
            .collect(),
        columns: names
            .iter()
            .enumerate()
            .map(|(j, name)| Label {
                x: LEFT + j as i64 * CELL_W + CELL_W / 2,
                y: TOP - 12,
                name: name.clone(),
            })
            .collect(),
        cells,
        table: names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                (
                    name.clone(),
                    (0..names.len())
                        .map(|j| (m.done[i][j], m.planned[i][j]))
                        .collect(),
                )
            })
            .collect(),
        totals: crate::i18n::t_args(
            ctx.locale,
            "matrix-totals",
            &[
                ("done", m.done.iter().flatten().sum::<i64>().to_string()),
                (
                    "planned",
                    m.planned.iter().flatten().sum::<i64>().to_string(),
                ),
            ],
        ),
        names,
        ctx,
    })
}
