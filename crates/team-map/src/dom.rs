//! The thin renderer: draws the team map's [`TeamMapState`] into the app's
//! element, asks the server for what it shows, and turns selects, the
//! compare box, clicks and keys back into state changes; and draws My
//! map's heatmap.
//!
//! Elements are made with createElement and textContent; the heatmap, its
//! legend and table, and the distribution are markup strings in which every
//! label from candor.json or the server is escaped ([`crate::heatmap::escape`]).
//! One listener of each kind sits on the root, reading `data-cell` on the
//! map's cells and `data-act` on buttons, so redrawing never adds
//! listeners. Each part is redrawn when what it shows changes: the filters,
//! the map for the filter (with the opened cell's detail), the detail
//! alone, its effort counts, the comparison. Where a part is redrawn while
//! it holds the keyboard focus, the same control (by id, cell or action)
//! gets it back.

use std::cell::RefCell;
use std::rc::Rc;

use candor_core::catalog::Arg;
use candor_core::privacy::RandomizedResponse;
use candor_core::{Config, Dimension};
use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Document, Element, Event};

use crate::heatmap::{escape, legend_markup, svg_document, svg_markup, table_markup, HeatmapModel};
use crate::lang::{t, tf, Msg};
use crate::page::{self, Detail};
use crate::state::{comparison_filters, comparison_is_wider, effort_filters, export_name};
use crate::state::{trend_means, TeamMapState, Ticket};
use crate::team::{load_choices, load_view, TeamView};

fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect_throw("the page has a document")
}

/// A new `tag` with `class` (if any) and `text` (if any), appended to `parent`.
fn add(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let element = document().create_element(tag).expect_throw("a valid tag");
    if !class.is_empty() {
        set(&element, "class", class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    let _ = parent.append_child(&element);
    element
}

fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// A `<ul>` of `lines`, or a `<p>` of `words`, appended to `parent`.
fn lines_or_words(parent: &Element, class: &str, lines: &Result<Vec<String>, String>) -> Element {
    match lines {
        Ok(lines) => {
            let list = add(parent, "ul", class, "");
            for line in lines {
                add(&list, "li", "", line);
            }
            list
        }
        Err(words) => add(parent, "p", "", words),
    }
}

/// Calls the element's own method `name` without arguments (`focus` of an
/// HTML control or an SVG cell, a link's `click`).
fn call(element: &Element, name: &str) {
    if let Some(method) = Reflect::get(element, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = method.call0(element);
    }
}

fn focus(element: &Element) {
    call(element, "focus");
}

/// Redraws `part` with `draw`; if it held the focus, the same control (by
/// its id, its cell or its action: every control a part redraws has one)
/// gets it back, so a keyboard user stays where they were.
fn keep_focus(part: &Element, draw: &dyn Fn()) {
    let again = document()
        .active_element()
        .filter(|active| part.contains(Some(active)))
        .and_then(|active| {
            ["id", "data-cell", "data-act"]
                .into_iter()
                .find_map(|name| {
                    let value = active.get_attribute(name)?;
                    Some(format!("[{name}=\"{value}\"]"))
                })
        });
    draw();
    if let Some(found) = again.and_then(|selector| part.query_selector(&selector).ok().flatten()) {
        focus(&found);
    }
}

/// The heatmap as SVG, a legend, and the same numbers as a table, appended to `parent`.
pub fn heatmap(parent: &Element, model: &HeatmapModel, title: &str) -> Element {
    let figure = add(parent, "figure", "heatmap", "");
    add(&figure, "div", "chart", "").set_inner_html(&svg_markup(model, title));
    add(&figure, "div", "legend", "").set_inner_html(&legend_markup());
    let table = add(&figure, "details", "table-view", "");
    // Named for keep_focus; a click on it does nothing more than open the table.
    set(
        &add(&table, "summary", "", &t(Msg::HeatmapTable)),
        "data-act",
        "table",
    );
    add(&table, "div", "", "").set_inner_html(&table_markup(model, title));
    figure
}

/// A plain note, or the error in words, in place of what `root` held.
pub fn failed(root: &Element, words: &str) {
    root.set_text_content(None);
    set(&add(root, "p", "failed", words), "role", "alert");
}

/// My map: the heatmap of the device's own reports, counted from `tally`
/// on `config`'s axes, after `note` (why it is in English, if it should not be).
pub fn my_map(root: &Element, model: &HeatmapModel, title: &str, note: Option<&str>) {
    root.set_text_content(None);
    if let Some(note) = note {
        add(root, "p", "note", note);
    }
    heatmap(root, model, title);
}

/// The team map as it is being shown: its state, the deployment's config
/// (its sync_url the app's) and the parts of the page it redraws.
struct TeamMap {
    config: Rc<Config>,
    title: String,
    state: TeamMapState,
    /// The filters' labels and selects.
    filters: Element,
    /// The map for the filter: loading, an error, or the map with its detail and exports.
    body: Element,
    /// Told-to and chosen use side by side, when asked for.
    comparison: Element,
}

type Shared = Rc<RefCell<TeamMap>>;

/// Draws the team map into `root` and starts asking the server for it.
pub fn team_map(root: &Element, config: Config, title: String, note: Option<String>) {
    root.set_text_content(None);
    if let Some(note) = note {
        add(root, "p", "note", &note);
    }
    add(root, "p", "lede", &t(Msg::TeamLede));
    let fieldset = add(root, "fieldset", "filters", "");
    add(&fieldset, "legend", "", &t(Msg::FilterLegend));
    let filters = add(&fieldset, "div", "filter-grid", "");
    let hint = tf(Msg::FilterHint, &[Arg::Count(config.k.into())]);
    add(&fieldset, "p", "hint", &hint);
    add(root, "label", "compare", "").set_inner_html(&format!(
        "<input type=\"checkbox\">{}",
        escape(&t(Msg::TeamCompare))
    ));
    let body = add(root, "div", "", "");
    let comparison = add(root, "div", "", "");
    let shared: Shared = Rc::new(RefCell::new(TeamMap {
        config: Rc::new(config),
        title,
        state: TeamMapState::default(),
        filters,
        body,
        comparison,
    }));
    listen(root, &shared);
    draw_body(&shared.borrow());
    change(&shared, &|_| {});
}

/// Changes the state, then asks for what it now shows.
fn change(shared: &Shared, change: &dyn Fn(&mut TeamMapState)) {
    let ticket = {
        let mut map = shared.borrow_mut();
        let had_cell = map.state.selected.is_some();
        change(&mut map.state);
        let ticket = map.state.ask();
        draw_filters(&map);
        if had_cell {
            draw_body(&map);
        }
        draw_comparison(&map);
        ticket
    };
    spawn_local(load(shared.clone(), ticket));
}

/// Asks the server for everything `ticket` wants, dropping stale answers.
async fn load(shared: Shared, ticket: Ticket) {
    let config = shared.borrow().config.clone();
    let view = load_view(&config, ticket.filter.clone()).await;
    {
        let mut map = shared.borrow_mut();
        if !map.state.answer_view(&ticket, view) {
            return;
        }
        draw_body(&map);
    }
    if let Ok(choices) = load_choices(&config, &ticket.filter).await {
        let mut map = shared.borrow_mut();
        if map.state.is_current(&ticket) {
            map.state.answer_choices(&ticket, choices);
            draw_filters(&map);
        }
    }
    let months = shared.borrow().state.trend_filters(&ticket);
    let mut trend = Vec::new();
    for month in months {
        if let Some(Ok(view)) = load_view(&config, month).await {
            trend.push(view);
        }
    }
    {
        let mut map = shared.borrow_mut();
        // No trend before nor now: the map stays as it is drawn.
        if map.state.is_current(&ticket) && !(trend.is_empty() && map.state.trend.is_empty()) {
            map.state.answer_trend(&ticket, trend);
            draw_body(&map);
        }
    }
    if ticket.compare {
        let (told, chose) = comparison_filters(&ticket.filter);
        if let (Some(Ok(told)), Some(Ok(chose))) = (
            load_view(&config, told).await,
            load_view(&config, chose).await,
        ) {
            let mut map = shared.borrow_mut();
            if map.state.is_current(&ticket) {
                map.state.answer_pair(&ticket, told, chose);
                draw_comparison(&map);
            }
        }
    }
}

fn draw_filters(map: &TeamMap) {
    let selects = page::selects(&map.config, &map.state.filter, &map.state.choices);
    keep_focus(&map.filters, &|| {
        map.filters.set_text_content(None);
        for select in &selects {
            set(
                &add(&map.filters, "label", "", &select.label),
                "for",
                &select.id,
            );
            let element = add(&map.filters, "select", "", "");
            set(&element, "id", &select.id);
            for option in &select.options {
                let item = add(&element, "option", "", &option.words);
                set(&item, "value", &option.value);
                if option.selected {
                    set(&item, "selected", "");
                }
                if option.disabled {
                    set(&item, "disabled", "");
                }
            }
        }
    });
}

/// The map of the view in force, with sparklines once the trend is in,
/// and the words of the trend's periods.
fn map_of(map: &TeamMap, team: &TeamView) -> (HeatmapModel, Vec<String>) {
    let mut model = page::model_of(&team.published, &map.config);
    model.interactive = true;
    let noise = RandomizedResponse::from_config(&map.config.privacy);
    let (mut tasks, mut tools) = (Vec::new(), Vec::new());
    for axis in &model.rows {
        tasks.push(axis.id.as_str());
    }
    for axis in &model.cols {
        tools.push(axis.id.as_str());
    }
    model.trends = trend_means(&tasks, &tools, &map.state.trend, noise);
    (model, page::trend_months(&map.state.trend))
}

fn draw_body(map: &TeamMap) {
    keep_focus(&map.body, &|| {
        let body = &map.body;
        body.set_text_content(None);
        match &map.state.main {
            None => {
                add(body, "p", "loading", &t(Msg::TeamLoading));
            }
            Some(Err(error)) => set(&add(body, "p", "failed", &error.words()), "role", "alert"),
            Some(Ok(team)) => {
                let note = page::noise_note(&map.config);
                add(
                    body,
                    "p",
                    "summary",
                    &page::summary(&team.published, note.as_deref()),
                );
                heatmap(body, &map_of(map, team).0, &map.title);
                let exports = add(body, "p", "exports", &t(Msg::TeamDownload));
                for (label, act) in [("CSV", "csv"), ("JSON", "json"), ("SVG", "svg")] {
                    let button = add(&exports, "button", "", label);
                    set(&button, "type", "button");
                    set(&button, "data-act", act);
                }
                draw_detail(map);
            }
        }
    });
}

/// The opened cell's detail, between the map and the exports; none when no
/// cell is open or the opened one is not published.
fn draw_detail(map: &TeamMap) {
    let body = &map.body;
    if let Ok(Some(old)) = body.query_selector(".cell-detail") {
        old.remove();
    }
    let (Some(cell), Some(Ok(team))) = (map.state.selected, &map.state.main) else {
        return;
    };
    let (model, months) = map_of(map, team);
    let Some(facts) = page::cell_facts(&model, &team.published, cell, &months) else {
        return;
    };
    let detail = Detail::of(&facts);
    let section = document()
        .create_element("section")
        .expect_throw("a valid tag");
    set(&section, "class", "cell-detail");
    set(&section, "aria-labelledby", "cell-detail-title");
    set(
        &add(&section, "h2", "", &detail.title),
        "id",
        "cell-detail-title",
    );
    match &detail.shown {
        Some(shown) => {
            add(&section, "p", "", &shown.counts);
            add(&section, "h3", "", &t(Msg::CellOutcomes));
            add(&section, "div", "", "").set_inner_html(&shown.distribution);
            add(&section, "h3", "", &t(Msg::CellWhyNot));
            lines_or_words(&section, "", &shown.reasons);
            add(&section, "h3", "", &t(Msg::CellEffort));
            lines_or_words(
                &section,
                "",
                &page::effort_lines(map.state.efforts.as_ref()),
            );
            if !shown.trend.is_empty() {
                add(&section, "h3", "", &t(Msg::CellByPeriod));
                lines_or_words(&section, "trend-list", &Ok(shown.trend.clone()));
            }
        }
        None => {
            add(&section, "p", "", &t(Msg::CellHidden));
        }
    }
    let close = add(&section, "button", "", &t(Msg::CellClose));
    set(&close, "type", "button");
    set(&close, "data-act", "close");
    // Between the map and the exports: the exports go after it again.
    let _ = body.append_child(&section);
    if let Ok(Some(exports)) = body.query_selector(".exports") {
        let _ = body.append_child(&exports);
    }
}

fn draw_comparison(map: &TeamMap) {
    let part = &map.comparison;
    keep_focus(part, &|| {
        part.set_text_content(None);
        if !map.state.compare {
            return;
        }
        let Some((told, chose)) = &map.state.pair else {
            add(part, "p", "loading", &t(Msg::TeamLoadingComparison));
            return;
        };
        if comparison_is_wider(&map.state.filter) {
            add(part, "p", "note", &t(Msg::TeamComparisonWider));
        }
        let sides = add(part, "div", "side-by-side", "");
        for (view, title) in [(told, t(Msg::ToldTo)), (chose, t(Msg::ChoseTo))] {
            let section = add(&sides, "section", "", "");
            add(&section, "h2", "", &title);
            heatmap(
                &section,
                &page::model_of(&view.published, &map.config),
                &title,
            );
        }
    });
}

/// Opens a cell and asks for its effort counts.
fn open(shared: &Shared, cell: (usize, usize)) {
    let asked = {
        let mut map = shared.borrow_mut();
        let asked = map.state.open(cell);
        draw_detail(&map);
        let config = map.config.clone();
        asked.and_then(|(asked, filter)| {
            let Some(Ok(team)) = &map.state.main else {
                return None;
            };
            let model = page::model_of(&team.published, &config);
            let task = model.rows.get(cell.0)?.id.clone();
            let tool = model.cols.get(cell.1)?.id.clone();
            Some((asked, filter, task, tool, config))
        })
    };
    let Some((asked, filter, task, tool, config)) = asked else {
        return;
    };
    let shared = shared.clone();
    spawn_local(async move {
        let mut levels = Vec::new();
        for (effort, view_filter) in effort_filters(&filter) {
            if let Some(Ok(view)) = load_view(&config, view_filter).await {
                let n = view.published.cell(&task, &tool).map_or(Some(0), |c| c.n);
                levels.push((effort, n));
            }
        }
        let mut map = shared.borrow_mut();
        map.state.answer_efforts(asked, cell, levels);
        // The detail again, with the counts; the focus stays where it was.
        keep_focus(&map.body, &|| draw_detail(&map));
    });
}

/// Closes the opened cell; the keyboard focus goes back to its cell.
fn close(shared: &Shared) {
    let mut map = shared.borrow_mut();
    let cell = map.state.selected;
    map.state.close();
    draw_detail(&map);
    if let Some((row, col)) = cell {
        let selector = format!("[data-cell=\"{row}-{col}\"]");
        if let Ok(Some(cell)) = map.body.query_selector(&selector) {
            focus(&cell);
        }
    }
}

/// Downloads exactly what is shown: the view as CSV, as the server's JSON, or the map as SVG.
fn export(map: &TeamMap, kind: &str) {
    let Some(Ok(team)) = &map.state.main else {
        return;
    };
    let (media, contents) = match kind {
        "csv" => ("text/csv", team.published.to_csv_with_labels(&map.config)),
        "json" => ("application/json", team.json.clone()),
        _ => (
            "image/svg+xml",
            svg_document(&map_of(map, team).0, &map.title),
        ),
    };
    let _ = download(&export_name(&team.filter, kind), media, &contents);
}

/// The (row, column) of the cell an event landed in, from its `data-cell="row-col"`.
fn cell_at(target: &Element) -> Option<(usize, usize)> {
    let cell = target
        .closest("[data-cell]")
        .ok()??
        .get_attribute("data-cell")?;
    let (row, col) = cell.split_once('-')?;
    // u32, as the catalog's formatter reads numbers: one parser in the module.
    let number = |text: &str| text.parse::<u32>().ok().map(|n| n as usize);
    Some((number(row)?, number(col)?))
}

/// What a click, a key or a change on the page means.
/// A property of a DOM object, read as JavaScript reads it.
fn property(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn handle(shared: &Shared, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let kind = property(event, "type").as_string().unwrap_or_default();
    let key = property(event, "key").as_string().unwrap_or_default();
    if kind == "change" {
        // A filter's select (its id names the filter), or the compare box.
        let id = target.get_attribute("id").unwrap_or_default();
        if let Some(dimension) = id
            .strip_prefix("filter-")
            .and_then(Dimension::from_parameter)
        {
            let value = property(&target, "value").as_string().unwrap_or_default();
            change(shared, &|state| {
                state.choose(dimension, (!value.is_empty()).then_some(value.as_str()))
            });
        } else if let Some(checked) = property(&target, "checked").as_bool() {
            change(shared, &|state| state.compare = checked);
        }
        return;
    }
    if kind == "keydown" && key != "Enter" && key != " " {
        return;
    }
    if let Some(cell) = cell_at(&target) {
        if kind == "keydown" {
            event.prevent_default();
        }
        return open(shared, cell);
    }
    if kind != "click" {
        return;
    }
    let act = target
        .closest("[data-act]")
        .ok()
        .flatten()
        .and_then(|button| button.get_attribute("data-act"));
    match act.as_deref() {
        Some("close") => close(shared),
        Some(kind @ ("csv" | "json" | "svg")) => export(&shared.borrow(), kind),
        _ => {}
    }
}

fn listen(root: &Element, shared: &Shared) {
    let shared = shared.clone();
    let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| handle(&shared, &event));
    for kind in ["click", "keydown", "change"] {
        let _ = root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    // The listener lives as long as the element: the page's, dropped with it.
    listener.forget();
}

/// Offers `contents` as a downloaded file. (Options and the link's
/// download are set as properties and attributes: fewer kinds of browser
/// call, so less of wasm-bindgen's glue in the module.)
fn download(name: &str, media_type: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = js_sys::Object::new();
    Reflect::set(&options, &"type".into(), &media_type.into())?;
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, options.unchecked_ref())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link = document().create_element("a")?;
    set(&link, "href", &url);
    set(&link, "download", name);
    call(&link, "click");
    web_sys::Url::revoke_object_url(&url)
}
