//! The thin renderer: writes a [`PilotsPage`] into the DOM with
//! createElement and textContent (never innerHTML: labels come from the
//! config and documents from a server). Headings, a table with header
//! scopes and a caption, buttons reachable from the keyboard; the chart is
//! `aria-hidden`, the table beside it says the same.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::chart::{Chart, Whisker};
use crate::lang::{t, tf, Msg};
use crate::model::{PilotSection, PilotsPage, Table};
use candor_core::catalog::Arg;

const SVG: &str = "http://www.w3.org/2000/svg";

fn document() -> Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect_throw("the page has a document")
}

/// A new `tag` with `class` (if any) and `text` (if any), appended to `parent`.
fn add(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let element = document().create_element(tag).expect_throw("a valid tag");
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if !text.is_empty() {
        element.set_text_content(Some(text));
    }
    let _ = parent.append_child(&element);
    element
}

/// A new SVG element with attributes, appended to `parent`.
fn svg(parent: &Element, tag: &str, attributes: &[(&str, String)]) -> Element {
    let element = document()
        .create_element_ns(Some(SVG), tag)
        .expect_throw("a valid SVG tag");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    let _ = parent.append_child(&element);
    element
}

/// Calls `action` on every click of `button`, for as long as the page lives.
fn on_click(button: &Element, action: impl FnMut() + 'static) {
    let _ = button.set_attribute("type", "button");
    let closure = Closure::<dyn FnMut()>::new(action);
    let _ = button.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref());
    closure.forget();
}

fn clear(root: &Element) {
    root.set_text_content(None);
}

/// "Loading pilots…", in place of whatever was there.
pub fn loading(root: &Element) {
    clear(root);
    add(root, "p", "loading", &t(Msg::Loading));
    let _ = root.set_attribute("aria-busy", "true");
}

/// A plain note in place of the page.
pub fn note(root: &Element, words: &str) {
    clear(root);
    add(root, "p", "note", words);
}

/// The error in words, with a Retry button when trying again may help.
pub fn failed(root: &Element, words: &str, retry: Option<Box<dyn Fn()>>) {
    clear(root);
    let _ = root.remove_attribute("aria-busy");
    let paragraph = add(root, "p", "failed", words);
    let _ = paragraph.set_attribute("role", "alert");
    if let Some(retry) = retry {
        let button = add(root, "button", "", &t(Msg::Retry));
        on_click(&button, retry);
    }
}

/// The whole page, after `note` (why it is in English, if it should not be).
pub fn page(root: &Element, page: &PilotsPage, note: Option<&str>) {
    clear(root);
    let _ = root.remove_attribute("aria-busy");
    if let Some(note) = note {
        add(root, "p", "note", note);
    }
    if let Some(message) = page.empty_message() {
        add(root, "p", "note", &message);
    }
    for pilot in &page.pilots {
        section(root, pilot);
    }
}

fn section(root: &Element, pilot: &PilotSection) {
    let section = add(root, "section", "pilot", "");
    let heading = add(&section, "h2", "", &pilot.heading);
    let id = format!("pilot-{}", pilot.id);
    let _ = heading.set_attribute("id", &id);
    let _ = section.set_attribute("aria-labelledby", &id);
    add(&section, "p", "summary", &pilot.weeks);
    add(&section, "p", "summary", &pilot.design);
    add(&section, "p", "verdict", &pilot.verdict);
    if let Some(disagreement) = &pilot.disagreement {
        add(&section, "p", "verdict", disagreement);
    }
    if !pilot.task_verdicts.is_empty() {
        add(&section, "h3", "", &t(Msg::ByTask));
        let list = add(&section, "ul", "", "");
        for sentence in &pilot.task_verdicts {
            add(&list, "li", "", sentence);
        }
    }
    add(&section, "h3", "", &t(Msg::SideBySide));
    chart(&section, &pilot.chart);
    table(&section, &pilot.table);
    add(&section, "p", "hint", &pilot.hidden_note);
    if let Some(before_after) = &pilot.before_after {
        add(&section, "h3", "", &t(Msg::BeforeAndDuring));
        table(&section, before_after);
    }
    // The buttons follow the words after a space.
    let intro = format!("{} ", t(Msg::DownloadIntro));
    let exports = add(&section, "p", "exports", &intro);
    for (label, extension, media, contents) in [
        ("CSV", "csv", "text/csv", pilot.csv.clone()),
        ("JSON", "json", "application/json", pilot.json.clone()),
    ] {
        let button = add(&exports, "button", "", label);
        let _ = button.set_attribute(
            "aria-label",
            &tf(
                Msg::DownloadAs,
                &[Arg::Text(&pilot.heading), Arg::Text(label)],
            ),
        );
        let name = pilot.file_name(extension);
        on_click(&button, move || {
            let _ = download(&name, media, &contents);
        });
    }
}

fn table(parent: &Element, data: &Table) {
    let wrap = add(parent, "div", "table-view", "");
    let table = add(&wrap, "table", "", "");
    add(&table, "caption", "", &data.caption);
    let head = add(&add(&table, "thead", "", ""), "tr", "", "");
    for column in &data.columns {
        let _ = add(&head, "th", "", column).set_attribute("scope", "col");
    }
    let body = add(&table, "tbody", "", "");
    for row in &data.rows {
        let tr = add(&body, "tr", "", "");
        let _ = add(&tr, "th", "", &row.header).set_attribute("scope", "row");
        for cell in &row.cells {
            add(&tr, "td", "", cell);
        }
    }
}

fn n(value: f64) -> String {
    crate::format::decimal(value, 1)
}

fn whisker(parent: &Element, y: f64, mark: Whisker) {
    let y = n(y);
    svg(
        parent,
        "line",
        &[
            ("x1", n(mark.low)),
            ("x2", n(mark.high)),
            ("y1", y.clone()),
            ("y2", y.clone()),
            ("stroke-width", "2".into()),
        ],
    );
    svg(
        parent,
        "circle",
        &[
            ("cx", n(mark.mid)),
            ("cy", y),
            ("r", "4.5".into()),
            ("fill", "currentColor".into()),
        ],
    );
}

fn chart(parent: &Element, chart: &Chart) {
    let figure = add(parent, "div", "pilot-chart", "");
    let root = svg(
        &figure,
        "svg",
        &[
            // Written with `n`, not `{}`: f64's Display brings Rust's float
            // formatter into the module, about 7 KB gzip.
            (
                "viewBox",
                format!("0 0 {} {}", n(chart.width), n(chart.height)),
            ),
            // The column's width, the height from the viewBox: no CSS in the main transfer.
            ("width", "100%".into()),
            ("aria-hidden", "true".into()),
            ("focusable", "false".into()),
            ("stroke", "currentColor".into()),
            ("font-size", "12".into()),
        ],
    );
    let text = |x: f64, y: f64, anchor: &str, words: &str| {
        let element = svg(
            &root,
            "text",
            &[
                ("x", n(x)),
                ("y", n(y)),
                ("text-anchor", anchor.into()),
                ("fill", "currentColor".into()),
                ("stroke", "none".into()),
            ],
        );
        element.set_text_content(Some(words));
    };
    for panel in &chart.panels {
        text(
            (panel.left + panel.right) / 2.0,
            16.0,
            "middle",
            &panel.title,
        );
        svg(
            &root,
            "line",
            &[
                ("x1", n(panel.reference)),
                ("x2", n(panel.reference)),
                ("y1", "24".into()),
                ("y2", n(chart.axis_y)),
                ("stroke-dasharray", "4 3".into()),
                ("opacity", "0.6".into()),
            ],
        );
        svg(
            &root,
            "line",
            &[
                ("x1", n(panel.left)),
                ("x2", n(panel.right)),
                ("y1", n(chart.axis_y)),
                ("y2", n(chart.axis_y)),
                ("opacity", "0.4".into()),
            ],
        );
        for tick in &panel.ticks {
            text(tick.x, chart.axis_y + 16.0, "middle", &tick.label);
        }
    }
    for row in &chart.rows {
        text(0.0, row.y + 4.0, "start", &row.label);
        for mark in [row.felt, row.time].into_iter().flatten() {
            whisker(&root, row.y, mark);
        }
    }
}

/// Offers `contents` as a downloaded file, as the team map's exports do.
fn download(name: &str, media_type: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}
