//! Draws the [`DeskPage`] into the app's element and turns clicks, radio
//! changes and keys into [`Action`]s: one listener of each kind on the
//! root, reading `data-act`/`data-arg` on buttons and name/value on radios,
//! so redrawing never adds listeners. The whole section is redrawn after
//! each action (it is small); the focused element is found again by id.

use std::cell::RefCell;
use std::rc::Rc;

use candor_core::{Choice, Config, IsoWeek, Report, ReportId};
use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use candor_core::catalog::Arg;

use crate::desk::{PilotDesk, PILOTS_KEY};
use crate::lang::{t, tf, Msg};
use crate::page::{minute_choices, outcome_choices, Action, DeskPage, Device, Field, Said};

/// What the app's `file` answers when a report was not filed: this, then why.
const NOT_FILED: &str = "not_filed:";

/// How long "Filed — Undo" stays offered, as on the form.
const UNDO_MS: i32 = 8_000;

/// The browser as the page's [`Device`], with the app's filing functions.
struct Browser {
    file: Function,
    take_back: Function,
}

fn random_bytes(bytes: &mut [u8]) {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(bytes).ok())
        .expect("the browser offers crypto.getRandomValues");
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn message(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| error.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_else(|| t(Msg::NoReason))
}

impl Device for Browser {
    fn coin(&mut self) -> bool {
        let mut byte = [0u8];
        random_bytes(&mut byte);
        byte[0] & 1 == 1
    }

    fn random_id(&mut self) -> ReportId {
        let mut bytes = [0u8; 16];
        random_bytes(&mut bytes);
        ReportId::from_bytes(bytes)
    }

    fn keep(&mut self, desk: &PilotDesk) -> Result<(), String> {
        storage()
            .ok_or_else(|| t(Msg::NoStorage))?
            .set_item(PILOTS_KEY, &desk.to_text())
            .map_err(message)
    }

    fn file(&mut self, report: &Report) -> Result<String, String> {
        let json = serde_json::to_string(report).map_err(|e| e.to_string())?;
        let answer = self
            .file
            .call1(&JsValue::NULL, &json.into())
            .map_err(message)?;
        let answer = answer.as_string().unwrap_or_default();
        match answer.strip_prefix(NOT_FILED) {
            Some(why) => Err(why.to_owned()),
            None => Ok(answer),
        }
    }

    fn take_back(&mut self, id: &ReportId) -> Result<(), String> {
        let answer = self
            .take_back
            .call1(&JsValue::NULL, &id.as_str().into())
            .map_err(message)?;
        match answer.as_string().filter(|why| !why.is_empty()) {
            Some(why) => Err(why),
            None => Ok(()),
        }
    }
}

struct Desk {
    page: DeskPage,
    device: Browser,
    root: Element,
    /// Why the desk is in English when it should not be.
    note: Option<String>,
}

type Shared = Rc<RefCell<Desk>>;

/// Loads the deployment's `candor.json` from `base`, reads the device's
/// desk and draws the pilot desk into `root`. `file(reportJson)` files a
/// report as the form does and answers a warning ("" for none), or
/// `not_filed:` and why; `take_back(id)` undoes one, answering "" or why not.
#[wasm_bindgen]
pub async fn render_desk(
    root: Element,
    base: String,
    week: String,
    file: Function,
    take_back: Function,
) -> Result<(), JsValue> {
    let note = crate::lang::load(&base)
        .await
        .err()
        .map(|(lang, error)| crate::lang::failed_note(lang, error));
    if note.is_some() {
        crate::lang::mark_english(&root);
    }
    let config = load_config(&base).await.map_err(|error| {
        let error = tf(Msg::LoadFailed, &[Arg::Text(&error)]);
        root.set_text_content(Some(&error));
        JsValue::from_str(&error)
    })?;
    let week: IsoWeek = week
        .parse()
        .map_err(|e| JsValue::from_str(&format!("{e}")))?;
    let desk = storage()
        .and_then(|store| store.get_item(PILOTS_KEY).ok().flatten())
        .map(|text| PilotDesk::parse(&text))
        .unwrap_or_default();
    let shared: Shared = Rc::new(RefCell::new(Desk {
        page: DeskPage::new(config, week, desk),
        device: Browser { file, take_back },
        root: root.clone(),
        note,
    }));
    listen(&root, &shared);
    draw(&shared.borrow());
    Ok(())
}

async fn load_config(base: &str) -> Result<Config, String> {
    let window = web_sys::window().ok_or_else(|| t(Msg::NoWindow))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&format!("{base}/candor.json")))
            .await
            .map_err(message)?
            .unchecked_into();
    if !response.ok() {
        let status = Arg::Count(response.status().into());
        return Err(tf(Msg::ConfigStatus, &[status]));
    }
    let text = JsFuture::from(response.text().map_err(message)?)
        .await
        .map_err(message)?
        .as_string()
        .unwrap_or_default();
    crate::config::read(&text)
}

/// Applies an action, redraws, and arms the Undo offer's end.
fn act(shared: &Shared, action: Action) {
    let filed = {
        let mut desk = shared.borrow_mut();
        let Desk { page, device, .. } = &mut *desk;
        page.apply(action, device);
        draw(&desk);
        matches!(desk.page.said, Said::Filed { .. })
    };
    if filed {
        let shared = shared.clone();
        let expire = Closure::once_into_js(move || act(&shared, Action::Expire));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                expire.unchecked_ref(),
                UNDO_MS,
            );
        }
    }
}

fn listen(root: &Element, shared: &Shared) {
    let on_click = {
        let shared = shared.clone();
        Closure::<dyn Fn(Event)>::new(move |event: Event| {
            let button = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-act]").ok().flatten());
            if let Some(button) = button {
                let arg = button.get_attribute("data-arg").unwrap_or_default();
                let act_name = button.get_attribute("data-act").unwrap_or_default();
                if let Some(action) = Action::parse(&act_name, &arg) {
                    act(&shared, action);
                }
            }
        })
    };
    let on_change = {
        let shared = shared.clone();
        Closure::<dyn Fn(Event)>::new(move |event: Event| {
            if let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                if let Some(action) = Action::chosen(&input.name(), &input.value()) {
                    act(&shared, action);
                }
            }
        })
    };
    // Enter and the number keys belong to the desk here, not to the report
    // form around it: Enter starts or files, 1–5 say how the task went.
    let on_key = {
        let shared = shared.clone();
        Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() || event.is_composing() {
                return;
            }
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let on_button = target.as_ref().is_some_and(|t| t.tag_name() == "BUTTON");
            let in_part = |selector: &str| {
                target
                    .as_ref()
                    .and_then(|t| t.closest(selector).ok().flatten())
                    .is_some()
            };
            let key = event.key();
            let finishing = in_part(".desk-finish");
            let action = match key.as_str() {
                "Enter" if on_button => {
                    event.stop_propagation();
                    return;
                }
                "Enter" if finishing => Some(Action::File),
                "Enter" if in_part(".desk-start") => Some(Action::Start),
                "Enter" => None,
                "1" | "2" | "3" | "4" | "5" if finishing => {
                    let outcome = key.parse::<i8>().unwrap_or(3) - 3;
                    Some(Action::Choose(Field::Outcome, outcome.to_string()))
                }
                _ => return,
            };
            event.stop_propagation();
            event.prevent_default();
            if let Some(action) = action {
                act(&shared, action);
            }
        })
    };
    let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = root.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    let _ = root.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    // The listeners live as long as the element: the page's, dropped with it.
    on_click.forget();
    on_change.forget();
    on_key.forget();
}

/// Builds elements: `el(doc, "p", &[("class", "hint")])`.
fn el(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Element {
    let element = doc.create_element(tag).expect("a valid tag");
    for (name, value) in attrs {
        let _ = element.set_attribute(name, value);
    }
    element
}

fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

fn text(
    doc: &Document,
    parent: &Element,
    tag: &str,
    attrs: &[(&str, &str)],
    words: &str,
) -> Element {
    let element = el(doc, tag, attrs);
    element.set_text_content(Some(words));
    add(parent, &element);
    element
}

fn words(doc: &Document, parent: &Element, words: &str) {
    let _ = parent.append_child(&doc.create_text_node(words));
}

fn button(doc: &Document, parent: &Element, act: &str, arg: &str, label: &str, class: &str) {
    let element = text(
        doc,
        parent,
        "button",
        &[("type", "button"), ("data-act", act), ("data-arg", arg)],
        label,
    );
    if !class.is_empty() {
        let _ = element.set_attribute("class", class);
    }
}

/// A labelled group of radio chips, as the app's own pickers are drawn.
fn radios(
    doc: &Document,
    parent: &Element,
    legend: &str,
    field: Field,
    choices: &[Choice],
    selected: Option<&str>,
) {
    let set = el(doc, "fieldset", &[("class", "choices")]);
    text(doc, &set, "legend", &[], legend);
    let chips = el(doc, "div", &[("class", "chips")]);
    for choice in choices {
        let id = format!("{}-{}", field.name(), choice.id);
        let label = el(doc, "label", &[("class", "chip"), ("for", &id)]);
        let input = el(
            doc,
            "input",
            &[
                ("type", "radio"),
                ("id", &id),
                ("name", field.name()),
                ("value", &choice.id),
            ],
        );
        if selected == Some(choice.id.as_str()) {
            let _ = input.set_attribute("checked", "");
        }
        add(&label, &input);
        text(doc, &label, "span", &[], &choice.label);
        add(&chips, &label);
    }
    add(&set, &chips);
    add(parent, &set);
}

fn draw(desk: &Desk) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let focused = doc
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let root = &desk.root;
    root.set_text_content(None);
    let page = &desk.page;
    if page.is_empty() {
        return;
    }
    let section = el(
        &doc,
        "section",
        &[("class", "pilots"), ("aria-labelledby", "desk-heading")],
    );
    text(
        &doc,
        &section,
        "h2",
        &[("id", "desk-heading")],
        &t(Msg::Heading),
    );
    if let Some(note) = &desk.note {
        text(&doc, &section, "p", &[("class", "hint")], note);
    }
    text(
        &doc,
        &section,
        "p",
        &[("class", "hint")],
        &t(Msg::PrivacyHint),
    );
    for (pilot, joined) in page.running() {
        let line = el(&doc, "p", &[]);
        text(&doc, &line, "strong", &[], &pilot.label);
        let design = t(if pilot.randomize {
            Msg::PilotRandomized
        } else {
            Msg::PilotChosen
        });
        words(&doc, &line, &format!(" {design} "));
        let pressed = if joined { "true" } else { "false" };
        let join = text(
            &doc,
            &line,
            "button",
            &[
                ("type", "button"),
                ("data-act", "toggle"),
                ("data-arg", &pilot.id),
                ("aria-pressed", pressed),
                ("id", &format!("desk-join-{}", pilot.id)),
            ],
            &t(if joined { Msg::Leave } else { Msg::Join }),
        );
        let _ = join.set_attribute(
            "aria-label",
            &tf(
                if joined {
                    Msg::LeavePilot
                } else {
                    Msg::JoinPilot
                },
                &[Arg::Text(&pilot.label)],
            ),
        );
        add(&section, &line);
    }
    let joined = page.joined();
    if !joined.is_empty() {
        let start = el(&doc, "div", &[("class", "desk-start")]);
        text(&doc, &start, "h3", &[], &t(Msg::StartHeading));
        if joined.len() > 1 {
            radios(
                &doc,
                &start,
                &t(Msg::PilotLegend),
                Field::StartPilot,
                &joined,
                page.start_pilot().map(|p| p.id.as_str()),
            );
        }
        let tasks = page.start_tasks();
        if tasks.len() > 1 {
            radios(
                &doc,
                &start,
                &t(Msg::TaskLegend),
                Field::StartTask,
                &tasks,
                page.start_task.as_deref(),
            );
        }
        let forecast = page.forecast.map(|m| m.to_string());
        radios(
            &doc,
            &start,
            &t(Msg::ForecastLegend),
            Field::Forecast,
            &minute_choices(),
            forecast.as_deref(),
        );
        let go = text(
            &doc,
            &start,
            "button",
            &[
                ("type", "button"),
                ("data-act", "start"),
                ("id", "desk-start"),
            ],
            &t(Msg::Start),
        );
        let _ = go.set_attribute("class", "primary");
        add(&section, &start);
    }
    let status = el(
        &doc,
        "p",
        &[
            ("class", "status"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
    );
    match &page.said {
        Said::Nothing => {}
        Said::Text(said) => words(&doc, &status, said),
        Said::Filed { warning, .. } => {
            text(&doc, &status, "span", &[("class", "saved")], &t(Msg::Filed));
            words(&doc, &status, &format!(" {} {warning} ", t(Msg::FiledSent)));
            button(&doc, &status, "undo", "", &t(Msg::Undo), "link");
        }
    }
    add(&section, &status);
    let rows = page.rows();
    if !rows.is_empty() {
        text(&doc, &section, "h3", &[], &t(Msg::OpenHeading));
        let list = el(&doc, "ul", &[("class", "open-tasks")]);
        for row in rows {
            let item = el(&doc, "li", &[]);
            words(&doc, &item, &format!("{} · ", row.about));
            text(&doc, &item, "strong", &[], &row.instruction);
            words(&doc, &item, " ");
            let index = row.index.to_string();
            if !row.ended {
                let finish = text(
                    &doc,
                    &item,
                    "button",
                    &[
                        ("type", "button"),
                        ("data-act", "finish"),
                        ("data-arg", &index),
                        ("id", &format!("desk-finish-{index}")),
                    ],
                    &t(Msg::Finish),
                );
                let about = [Arg::Text(&row.about)];
                let _ = finish.set_attribute("aria-label", &tf(Msg::FinishTask, &about));
                words(&doc, &item, " ");
            }
            let drop = text(
                &doc,
                &item,
                "button",
                &[
                    ("type", "button"),
                    ("class", "link"),
                    ("data-act", "drop"),
                    ("data-arg", &index),
                    ("id", &format!("desk-drop-{index}")),
                ],
                &t(Msg::Drop),
            );
            let about = [Arg::Text(&row.about)];
            let _ = drop.set_attribute("aria-label", &tf(Msg::DropTask, &about));
            if page
                .finishing
                .as_ref()
                .is_some_and(|f| f.index == row.index)
            {
                add(&item, &finishing(&doc, page));
            }
            add(&list, &item);
        }
        add(&section, &list);
    }
    add(root, &section);
    if let Some(id) = focused {
        if let Some(element) = doc
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }
}

fn finishing(doc: &Document, page: &DeskPage) -> Element {
    let form = el(doc, "div", &[("class", "desk-finish")]);
    let Some(finishing) = &page.finishing else {
        return form;
    };
    let actual = finishing.actual.map(|m| m.to_string());
    radios(
        doc,
        &form,
        &t(Msg::ActualLegend),
        Field::Actual,
        &minute_choices(),
        actual.as_deref(),
    );
    radios(
        doc,
        &form,
        &t(Msg::ToolLegend),
        Field::Tool,
        &page.tool_choices(),
        finishing.tool.as_deref(),
    );
    if page.against_arm() {
        text(doc, &form, "p", &[("class", "hint")], &t(Msg::AgainstCoin));
    }
    let outcome = finishing.outcome.map(|o| o.to_string());
    radios(
        doc,
        &form,
        &t(Msg::OutcomeLegend),
        Field::Outcome,
        &outcome_choices(),
        outcome.as_deref(),
    );
    let actions = el(doc, "div", &[("class", "actions")]);
    let file = text(
        doc,
        &actions,
        "button",
        &[
            ("type", "button"),
            ("data-act", "file"),
            ("id", "desk-file"),
        ],
        &t(Msg::FileReport),
    );
    let _ = file.set_attribute("class", "primary");
    words(doc, &actions, " ");
    button(doc, &actions, "cancel", "", &t(Msg::NotNow), "link");
    add(&form, &actions);
    form
}
