//! The deployment config, `candor.json` (SPEC §3).
//!
//! Operators edit this file by hand, so every error names the field to fix
//! (`tasks[2].id`) and, for JSON syntax mistakes, the line and column.
//!
//! The file is read by hand over `serde_json::Value`, like a report: the
//! paths in errors come for free, and a derived parser would add its own code
//! to the browser app, which has a size budget (SPEC §8).

mod translated;

use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

pub use translated::Translated;

use crate::catalog::Lang;
use crate::ids::{is_identifier, NO_AI};
use crate::week::IsoWeek;

/// The minimum group size when the file does not say.
pub const DEFAULT_K: u32 = 5;

/// The smallest `k` a deployment may set; below it, groups name people.
pub const MIN_K: u32 = 3;

/// The file name errors are reported against.
const FILE: &str = "candor.json";

/// A deployment's taxonomy and settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    /// Kinds of task, in the order forms and grids show them; never empty.
    pub tasks: Vec<Choice>,
    /// AI tools, in display order; `none` need not be listed (see [`Config::baseline_tools`]).
    pub tools: Vec<Choice>,
    /// Teams; empty when the deployment does not ask for one.
    pub teams: Vec<Choice>,
    /// Minimum published group size (SPEC §5), at least [`MIN_K`].
    pub k: u32,
    /// Where the sync server's API lives; `None` keeps reports on the device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync_url: Option<String>,
    /// Optional privacy measures (SPEC §6).
    pub privacy: Privacy,
    /// Anonymous credentials (SPEC §6.10): every report spends a token; `None` turns them off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
    /// Pilots (SPEC §10): time-bound trials of the outcome; empty when none are run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pilots: Vec<Pilot>,
    /// The `none` baseline's label and default description, in the language
    /// shown: "No AI" and "Did it without AI" until [`Config::in_language`].
    /// Not a field of the file: the baseline reads the same everywhere.
    #[serde(skip)]
    pub no_ai: [String; 2],
}

/// The `none` baseline's words in English, as a config is read.
pub fn no_ai_in_english() -> [String; 2] {
    ["No AI".to_owned(), "Did it without AI".to_owned()]
}

/// A pilot (SPEC §10): some of the deployment's tasks, tried with some of
/// its tools against no AI, for a range of weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pilot {
    /// The id reports give in `pilot`.
    pub id: String,
    /// The name people see, in the language shown (English as read).
    pub label: String,
    /// The file's translations of `label` (SPEC §9); empty for a plain string.
    pub label_translated: Translated,
    /// The task ids the pilot covers; each is one of the config's tasks.
    pub tasks: Vec<String>,
    /// The AI tools it tries; each is one of the config's tools, never `none`.
    pub tools: Vec<String>,
    /// The first week of the pilot.
    pub from: IsoWeek,
    /// The last week of the pilot, inclusive.
    pub to: IsoWeek,
    /// Whether each task's arm is drawn by a coin on the device (a
    /// randomized trial) rather than chosen (a comparison of choices).
    pub randomize: bool,
}

impl Pilot {
    /// Whether `week` is one of the pilot's weeks.
    pub fn runs_in(&self, week: IsoWeek) -> bool {
        (self.from..=self.to).contains(&week)
    }
}

/// Anonymous credentials (SPEC §6.10): `{"per_week": N, "sign_in_url": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credentials {
    /// The most tokens (so reports) one person is issued per ISO week, from 1 to [`MAX_PER_WEEK`].
    pub per_week: u32,
    /// Where the app sends someone whose single sign-on session has expired,
    /// e.g. `/oauth2/sign_in`; `None`: the app's own page, reloaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_in_url: Option<String>,
}

/// The most tokens `credentials.per_week` may grant a person in a week.
pub const MAX_PER_WEEK: u32 = 1000;

/// One entry of a taxonomy list: a stable id and the words people see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The id stored in reports; changing it retires the old one.
    pub id: String,
    /// The short name shown on buttons and axes, in the language shown
    /// (English as read; [`Config::in_language`]).
    pub label: String,
    /// A one-line explanation, shown as help text; may be empty.
    pub description: String,
    /// The file's translations of `label` (SPEC §9); empty for a plain string.
    pub label_translated: Translated,
    /// The file's translations of `description`; empty for a plain string.
    pub description_translated: Translated,
}

impl Choice {
    /// A choice with words in one language only.
    pub fn plain(
        id: impl Into<String>,
        label: impl Into<String>,
        description: impl Into<String>,
    ) -> Choice {
        Choice {
            id: id.into(),
            label: label.into(),
            description: description.into(),
            label_translated: Translated::default(),
            description_translated: Translated::default(),
        }
    }

    fn in_language(&mut self, lang: Lang) {
        shown_in(&mut self.label, &self.label_translated, lang);
        shown_in(&mut self.description, &self.description_translated, lang);
    }
}

/// Sets `text` to `translated`'s words in `lang`, else its English; a plain
/// string stays as it is.
fn shown_in(text: &mut String, translated: &Translated, lang: Lang) {
    if let Some(words) = translated.get(lang).or_else(|| translated.get(Lang::En)) {
        words.clone_into(text);
    }
}

/// Written as the file gave it: each label and description a plain string
/// or one per language (the sync server's `GET /config`).
impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut choice = serializer.serialize_struct("Choice", 3)?;
        choice.serialize_field("id", &self.id)?;
        choice.serialize_field(
            "label",
            &translated::AsGiven(&self.label, &self.label_translated),
        )?;
        choice.serialize_field(
            "description",
            &translated::AsGiven(&self.description, &self.description_translated),
        )?;
        choice.end()
    }
}

/// Written as the file gave it, the label plain or one per language.
impl Serialize for Pilot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut pilot = serializer.serialize_struct("Pilot", 7)?;
        pilot.serialize_field("id", &self.id)?;
        pilot.serialize_field(
            "label",
            &translated::AsGiven(&self.label, &self.label_translated),
        )?;
        pilot.serialize_field("tasks", &self.tasks)?;
        pilot.serialize_field("tools", &self.tools)?;
        pilot.serialize_field("from", &self.from)?;
        pilot.serialize_field("to", &self.to)?;
        pilot.serialize_field("randomize", &self.randomize)?;
        pilot.end()
    }
}

/// Optional privacy measures (SPEC §6.6).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Privacy {
    /// Whether devices randomise `outcome` before it leaves (k-ary randomized response).
    pub randomized_response: bool,
    /// The privacy budget for randomized response; required when it is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epsilon: Option<f64>,
}

/// What is wrong with `candor.json`, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(.field, .message))]
pub struct ConfigError {
    /// The field at fault, e.g. `tasks[2].id`; empty when the file as a whole is.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

fn describe(field: &str, message: &str) -> String {
    if field.is_empty() {
        format!("{FILE}: {message}")
    } else {
        format!("{FILE}, field `{field}`: {message}")
    }
}

impl ConfigError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Reads the fields of one JSON object, rejecting any it does not know, so a
/// typo is an error rather than a silently ignored setting.
struct Fields<'a> {
    path: String,
    object: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn of(path: String, value: &'a Value, known: &[&str]) -> Result<Fields<'a>, ConfigError> {
        let object = value
            .as_object()
            .ok_or_else(|| ConfigError::new(path.clone(), "must be an object: { … }"))?;
        if let Some(unknown) = object.keys().find(|key| !known.contains(&key.as_str())) {
            return Err(ConfigError::new(
                join(&path, unknown),
                format!("unknown field; the fields here are {}", known.join(", ")),
            ));
        }
        Ok(Fields { path, object })
    }

    fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn text(&self, key: &str) -> Result<Option<String>, ConfigError> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(ConfigError::new(self.at(key), "must be text in quotes")),
        }
    }

    fn required_text(&self, key: &str) -> Result<String, ConfigError> {
        self.text(key)?
            .ok_or_else(|| ConfigError::new(self.at(key), "is missing"))
    }

    /// Words people read: a string, or one per language (SPEC §9).
    fn words(&self, key: &str) -> Result<Option<(String, Translated)>, ConfigError> {
        match self.object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => translated::read(&self.at(key), value).map(Some),
        }
    }

    fn required_words(&self, key: &str) -> Result<(String, Translated), ConfigError> {
        self.words(key)?
            .ok_or_else(|| ConfigError::new(self.at(key), "is missing"))
    }

    fn choices(&self, key: &str, required: bool) -> Result<Vec<Choice>, ConfigError> {
        let list = match self.object.get(key) {
            None if required => return Err(ConfigError::new(self.at(key), "is missing")),
            None => return Ok(Vec::new()),
            Some(Value::Array(list)) => list,
            Some(_) => {
                return Err(ConfigError::new(
                    self.at(key),
                    "must be a list: [{\"id\": …, \"label\": …}, …]",
                ))
            }
        };
        let mut choices = Vec::with_capacity(list.len());
        for (index, entry) in list.iter().enumerate() {
            let entry = Fields::of(
                format!("{}[{index}]", self.at(key)),
                entry,
                &["id", "label", "description"],
            )?;
            let (label, label_translated) = entry.required_words("label")?;
            let (description, description_translated) =
                entry.words("description")?.unwrap_or_default();
            choices.push(Choice {
                id: entry.required_text("id")?,
                label,
                description,
                label_translated,
                description_translated,
            });
        }
        Ok(choices)
    }
}

impl Fields<'_> {
    fn ids(&self, key: &str) -> Result<Vec<String>, ConfigError> {
        let not_a_list = || ConfigError::new(self.at(key), "must be a list of ids: [\"…\", …]");
        let list = match self.object.get(key) {
            None => return Err(ConfigError::new(self.at(key), "is missing")),
            Some(Value::Array(list)) => list,
            Some(_) => return Err(not_a_list()),
        };
        // Loops rather than `collect::<Result<…>>`, here, in `choices` and in `pilots`: it
        // measured about 1 KB less of the app's wasm (SPEC §8).
        let mut ids = Vec::with_capacity(list.len());
        for (index, id) in list.iter().enumerate() {
            let Some(id) = id.as_str() else {
                let field = format!("{}[{index}]", self.at(key));
                return Err(ConfigError::new(field, "must be text in quotes"));
            };
            ids.push(id.to_owned());
        }
        Ok(ids)
    }

    fn week(&self, key: &str) -> Result<IsoWeek, ConfigError> {
        self.required_text(key)?
            .parse()
            .map_err(|err| ConfigError::new(self.at(key), format!("{err}, e.g. \"2027-W02\"")))
    }

    fn pilots(&self) -> Result<Vec<Pilot>, ConfigError> {
        let list = match self.object.get("pilots") {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(Value::Array(list)) => list,
            Some(_) => {
                return Err(ConfigError::new(
                    "pilots",
                    "must be a list: [{\"id\": …, \"label\": …, \"tasks\": […], …}, …]",
                ))
            }
        };
        let mut pilots = Vec::with_capacity(list.len());
        for (index, entry) in list.iter().enumerate() {
            let entry = Fields::of(
                format!("pilots[{index}]"),
                entry,
                &["id", "label", "tasks", "tools", "from", "to", "randomize"],
            )?;
            let (label, label_translated) = entry.required_words("label")?;
            pilots.push(Pilot {
                    id: entry.required_text("id")?,
                    label,
                    label_translated,
                    tasks: entry.ids("tasks")?,
                    tools: entry.ids("tools")?,
                    from: entry.week("from")?,
                    to: entry.week("to")?,
                    randomize: match entry.object.get("randomize") {
                        Some(Value::Bool(on)) => *on,
                        _ => return Err(ConfigError::new(
                            entry.at("randomize"),
                            "must be true (a coin on the device gives each task its arm: a randomized trial) \
                             or false (people choose: a weaker comparison of choices)",
                        )),
                    },
            });
        }
        Ok(pilots)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Config {
    /// Reads a config from parsed JSON: shape errors name the field's path.
    pub fn from_value(value: &Value) -> Result<Config, ConfigError> {
        let file = Fields::of(
            String::new(),
            value,
            &[
                "tasks",
                "tools",
                "teams",
                "k",
                "sync_url",
                "privacy",
                "credentials",
                "pilots",
            ],
        )?;
        let k = match file.object.get("k") {
            None => DEFAULT_K,
            Some(k) => k
                .as_u64()
                .and_then(|k| u32::try_from(k).ok())
                .ok_or_else(|| ConfigError::new("k", "must be a whole number, e.g. 5"))?,
        };
        let privacy = match file.object.get("privacy") {
            None => Privacy::default(),
            Some(value) => {
                let fields =
                    Fields::of("privacy".into(), value, &["randomized_response", "epsilon"])?;
                Privacy {
                    randomized_response: match fields.object.get("randomized_response") {
                        None => false,
                        Some(Value::Bool(on)) => *on,
                        Some(_) => {
                            return Err(ConfigError::new(
                                "privacy.randomized_response",
                                "must be true or false",
                            ))
                        }
                    },
                    epsilon: match fields.object.get("epsilon") {
                        None | Some(Value::Null) => None,
                        Some(epsilon) => Some(epsilon.as_f64().ok_or_else(|| {
                            ConfigError::new("privacy.epsilon", "must be a number, e.g. 1.0")
                        })?),
                    },
                }
            }
        };
        let credentials = match file.object.get("credentials") {
            None | Some(Value::Null) => None,
            Some(value) => {
                let fields = Fields::of("credentials".into(), value, &["per_week", "sign_in_url"])?;
                let per_week = fields
                    .object
                    .get("per_week")
                    .ok_or_else(|| ConfigError::new("credentials.per_week", "is missing"))?
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| {
                        ConfigError::new("credentials.per_week", "must be a whole number, e.g. 20")
                    })?;
                Some(Credentials {
                    per_week,
                    sign_in_url: fields.text("sign_in_url")?.filter(|url| !url.is_empty()),
                })
            }
        };
        let config = Config {
            tasks: file.choices("tasks", true)?,
            tools: file.choices("tools", true)?,
            teams: file.choices("teams", false)?,
            k,
            // An empty string is how an operator blanks the setting out.
            sync_url: file.text("sync_url")?.filter(|url| !url.is_empty()),
            privacy,
            credentials,
            pilots: file.pilots()?,
            no_ai: no_ai_in_english(),
        };
        config.validate()?;
        Ok(config)
    }

    /// Reads and validates `candor.json`; unknown fields are errors, the rest defaults.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        // Syntax errors carry serde_json's line and column.
        let value: Value =
            serde_json::from_str(text).map_err(|err| ConfigError::new("", err.to_string()))?;
        Config::from_value(&value)
    }

    /// Checks the rules a shape cannot: ids, labels, `k`, privacy and `sync_url`.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.tasks.is_empty() {
            return Err(ConfigError::new(
                "tasks",
                "list at least one kind of task, e.g. {\"id\": \"code_review\", \"label\": \"Code review\"}",
            ));
        }
        check_choices("tasks", &self.tasks)?;
        check_choices("tools", &self.tools)?;
        check_choices("teams", &self.teams)?;
        if self.k < MIN_K {
            return Err(ConfigError::new(
                "k",
                format!(
                    "must be at least {MIN_K}: smaller groups could point at a person (it is {})",
                    self.k
                ),
            ));
        }
        self.check_privacy()?;
        if let Some(credentials) = &self.credentials {
            if !(1..=MAX_PER_WEEK).contains(&credentials.per_week) {
                return Err(ConfigError::new(
                    "credentials.per_week",
                    format!(
                        "must be from 1 to {MAX_PER_WEEK}: the reports one person may file in a week"
                    ),
                ));
            }
        }
        if let Some(url) = &self.sync_url {
            check_sync_url(url)?;
        }
        self.check_pilots()
    }

    fn check_pilots(&self) -> Result<(), ConfigError> {
        for (index, pilot) in self.pilots.iter().enumerate() {
            let at = |field: &str| format!("pilots[{index}].{field}");
            let error = |field: &str, message: String| Err(ConfigError::new(at(field), message));
            if !is_identifier(&pilot.id) {
                return error("id", format!("{ID_RULE} (got “{}”)", pilot.id));
            }
            if let Some(first) = self.pilots[..index].iter().position(|p| p.id == pilot.id) {
                return error(
                    "id",
                    format!(
                        "`{}` is already the id of pilots[{first}]; ids must be unique",
                        pilot.id
                    ),
                );
            }
            if pilot.label.trim().is_empty() {
                return error("label", "must not be empty: it is what people see".into());
            }
            if let Some(field) = translated::blank(&at("label"), &pilot.label_translated) {
                return Err(ConfigError::new(
                    field,
                    "must not be empty: it is what people see",
                ));
            }
            for (list, ids, known) in [
                ("tasks", &pilot.tasks, &self.tasks),
                ("tools", &pilot.tools, &self.tools),
            ] {
                if ids.is_empty() {
                    return error(list, format!("list at least one of the file's {list}"));
                }
                for (position, id) in ids.iter().enumerate() {
                    let field = format!("{list}[{position}]");
                    if list == "tools" && id == NO_AI {
                        return error(
                            &field,
                            "`none` is the pilot's no-AI arm already; list the AI tools it tries"
                                .into(),
                        );
                    }
                    if !known.iter().any(|choice| &choice.id == id) {
                        return error(
                            &field,
                            format!("`{id}` is not an id in the file's `{list}`"),
                        );
                    }
                    if ids[..position].contains(id) {
                        return error(&field, format!("`{id}` is listed twice"));
                    }
                }
            }
            if pilot.from > pilot.to {
                return error(
                    "to",
                    format!(
                        "must not be before `from` ({} is before {})",
                        pilot.to, pilot.from
                    ),
                );
            }
        }
        Ok(())
    }

    fn check_privacy(&self) -> Result<(), ConfigError> {
        match self.privacy.epsilon {
            Some(epsilon) if !(epsilon.is_finite() && epsilon > 0.0) => Err(ConfigError::new(
                "privacy.epsilon",
                // serde_json's number printer, not `{epsilon}`: f64 Display
                // would add kilobytes to the browser app.
                format!(
                    "must be a number greater than 0 (it is {})",
                    serde_json::Number::from_f64(epsilon)
                        .map_or_else(|| "not a finite number".to_string(), |n| n.to_string())
                ),
            )),
            None if self.privacy.randomized_response => Err(ConfigError::new(
                "privacy.epsilon",
                "is required when randomized_response is true, e.g. 1.0 (smaller means more deniable, noisier)",
            )),
            _ => Ok(()),
        }
    }

    /// The tools a form offers: `none` first, labelled "No AI", then the file's tools in order.
    ///
    /// If the file lists `none`, its description is kept but the label is
    /// always "No AI", so the baseline reads the same in every deployment.
    pub fn baseline_tools(&self) -> Vec<Choice> {
        let [label, description] = &self.no_ai;
        let listed = self.tool(NO_AI);
        let baseline = Choice::plain(
            NO_AI,
            label.clone(),
            listed.map_or_else(|| description.clone(), |choice| choice.description.clone()),
        );
        std::iter::once(baseline)
            .chain(self.tools.iter().filter(|tool| tool.id != NO_AI).cloned())
            .collect()
    }

    /// This config with every label and description in `lang` where the
    /// file translated it, else in English (SPEC §9), and the `none`
    /// baseline called `no_ai` ("No AI", "Did it without AI" in `lang`).
    pub fn in_language(&self, lang: Lang, no_ai: [String; 2]) -> Config {
        let mut shown = self.clone();
        for choice in shown
            .tasks
            .iter_mut()
            .chain(shown.tools.iter_mut())
            .chain(shown.teams.iter_mut())
        {
            choice.in_language(lang);
        }
        for pilot in &mut shown.pilots {
            shown_in(&mut pilot.label, &pilot.label_translated, lang);
        }
        shown.no_ai = no_ai;
        shown
    }

    /// The task with this id.
    pub fn task(&self, id: &str) -> Option<&Choice> {
        self.tasks.iter().find(|choice| choice.id == id)
    }

    /// The tool with this id, as the file lists it (`none` only if listed).
    pub fn tool(&self, id: &str) -> Option<&Choice> {
        self.tools.iter().find(|choice| choice.id == id)
    }

    /// The pilot with this id.
    pub fn pilot(&self, id: &str) -> Option<&Pilot> {
        self.pilots.iter().find(|pilot| pilot.id == id)
    }

    /// The team with this id.
    pub fn team(&self, id: &str) -> Option<&Choice> {
        self.teams.iter().find(|choice| choice.id == id)
    }

    /// Whether reports are sent to a sync server.
    pub fn sync_enabled(&self) -> bool {
        self.sync_url.is_some()
    }

    /// The address of `path` under the sync API, e.g. `reports` → `/api/v1/reports`.
    pub fn sync_endpoint(&self, path: &str) -> Option<String> {
        self.sync_url.as_ref().map(|base| {
            format!(
                "{}/{}",
                base.trim_end_matches('/'),
                path.trim_start_matches('/')
            )
        })
    }
}

impl<'de> Deserialize<'de> for Config {
    /// Reads a config with the same rules as [`Config::from_json`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Config, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Config::from_value(&value).map_err(serde::de::Error::custom)
    }
}

/// What an id must look like, as an error says it.
const ID_RULE: &str =
    "ids must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit";

fn check_choices(list: &str, choices: &[Choice]) -> Result<(), ConfigError> {
    for (index, choice) in choices.iter().enumerate() {
        let at = |field: &str| format!("{list}[{index}].{field}");
        if !is_identifier(&choice.id) {
            return Err(ConfigError::new(
                at("id"),
                format!("{ID_RULE} (got “{}”)", choice.id),
            ));
        }
        if let Some(first) = choices[..index].iter().position(|c| c.id == choice.id) {
            return Err(ConfigError::new(
                at("id"),
                format!(
                    "`{}` is already the id of {list}[{first}]; ids must be unique",
                    choice.id
                ),
            ));
        }
        if choice.label.trim().is_empty() {
            return Err(ConfigError::new(
                at("label"),
                "must not be empty: it is what people see",
            ));
        }
        if let Some(field) = translated::blank(&at("label"), &choice.label_translated) {
            return Err(ConfigError::new(
                field,
                "must not be empty: it is what people see",
            ));
        }
    }
    Ok(())
}

fn check_sync_url(url: &str) -> Result<(), ConfigError> {
    let host_of = |rest: &str| rest.split(['/', '?', '#']).next().unwrap_or("").to_owned();
    let well_formed = !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && if let Some(rest) = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
        {
            !host_of(rest).is_empty()
        } else {
            // "//host" would be another server, not a path on this one.
            url.starts_with('/') && !url.starts_with("//")
        };
    if well_formed {
        Ok(())
    } else {
        Err(ConfigError::new(
            "sync_url",
            format!(
                "must be a path on this server such as /api/v1, or an http:// or https:// address (got “{url}”); leave it out to keep reports on the device"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"tasks":[{"id":"code_review","label":"Code review"}],"tools":[]}"#;

    fn error_for(text: &str) -> ConfigError {
        Config::from_json(text).expect_err("should be rejected")
    }

    fn full() -> &'static str {
        r#"{
            "tasks": [
                {"id": "code_review", "label": "Code review", "description": "Reading a colleague's change"},
                {"id": "debugging", "label": "Debugging"}
            ],
            "tools": [
                {"id": "assistant_x", "label": "Assistant X"},
                {"id": "none", "label": "Without", "description": "By hand"},
                {"id": "chat", "label": "Chat"}
            ],
            "teams": [{"id": "payments", "label": "Payments"}],
            "k": 7,
            "sync_url": "/api/v1",
            "privacy": {"randomized_response": true, "epsilon": 1.5}
        }"#
    }

    #[test]
    fn defaults_fill_in() {
        let config = Config::from_json(MINIMAL).unwrap();
        assert_eq!(config.k, DEFAULT_K);
        assert!(config.teams.is_empty());
        assert_eq!(config.sync_url, None);
        assert!(!config.sync_enabled());
        assert_eq!(config.privacy, Privacy::default());
        assert_eq!(config.tasks[0].description, "");
    }

    #[test]
    fn a_full_file_reads() {
        let config = Config::from_json(full()).unwrap();
        assert_eq!(config.k, 7);
        assert!(config.sync_enabled());
        assert_eq!(
            config.sync_endpoint("reports").as_deref(),
            Some("/api/v1/reports")
        );
        assert_eq!(config.team("payments").unwrap().label, "Payments");
        assert_eq!(config.task("debugging").unwrap().label, "Debugging");
        assert!(config.tool("oracle").is_none());
        assert_eq!(config.privacy.epsilon, Some(1.5));
    }

    #[test]
    fn serialising_round_trips() {
        let config = Config::from_json(full()).unwrap();
        let text = serde_json::to_string(&config).unwrap();
        assert_eq!(Config::from_json(&text).unwrap(), config);
        assert_eq!(serde_json::from_str::<Config>(&text).unwrap(), config);
    }

    #[test]
    fn an_empty_sync_url_means_local_only() {
        let text = MINIMAL.replace("\"tools\":[]", "\"tools\":[],\"sync_url\":\"\"");
        let config = Config::from_json(&text).unwrap();
        assert!(!config.sync_enabled());
        assert_eq!(config.sync_endpoint("reports"), None);
    }

    #[test]
    fn baseline_comes_first_and_is_always_called_no_ai() {
        let config = Config::from_json(full()).unwrap();
        let tools = config.baseline_tools();
        let ids: Vec<_> = tools.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["none", "assistant_x", "chat"]);
        assert_eq!(tools[0].label, "No AI");
        assert_eq!(tools[0].description, "By hand");

        let unlisted = Config::from_json(MINIMAL).unwrap().baseline_tools();
        assert_eq!(unlisted.len(), 1);
        assert_eq!(
            (unlisted[0].label.as_str(), unlisted[0].description.as_str()),
            ("No AI", "Did it without AI")
        );
    }

    #[test]
    fn unknown_fields_are_named() {
        let err = error_for(&MINIMAL.replace("\"tools\"", "\"colour\":1,\"tools\""));
        assert_eq!(err.field, "colour");
        assert!(err.message.contains("unknown field"), "{err}");

        let err = error_for(r#"{"tasks":[{"id":"a","label":"A","descripton":"typo"}],"tools":[]}"#);
        assert_eq!(err.field, "tasks[0].descripton");

        let err =
            error_for(&MINIMAL.replace("\"tools\":[]", "\"tools\":[],\"privacy\":{\"eps\":1}"));
        assert_eq!(err.field, "privacy.eps");
    }

    #[test]
    fn shape_errors_name_the_field_and_syntax_errors_the_line_and_column() {
        let err = error_for(
            "{\"tasks\":[{\"id\":\"a\",\"label\":\"A\"}],\n\"tools\":[],\n\"k\":\"five\"}",
        );
        assert_eq!(err.field, "k");
        assert!(err.message.contains("whole number"), "{err}");
        assert!(
            err.to_string().starts_with("candor.json, field `k`: "),
            "{err}"
        );

        let err = error_for(r#"{"tasks":[{"id":"a"}],"tools":[]}"#);
        assert_eq!(err.field, "tasks[0].label");
        assert!(err.message.contains("missing"), "{err}");

        let err = error_for("{\"tasks\": [");
        assert!(err.message.contains("line 1 column"), "{err}");
        assert!(err.to_string().starts_with("candor.json"), "{err}");

        let err = error_for(&format!("{MINIMAL} trailing"));
        assert_eq!(err.field, "");
        assert!(err.message.contains("trailing"), "{err}");
    }

    #[test]
    fn missing_lists_are_errors() {
        let err = error_for(r#"{"tasks":[{"id":"a","label":"A"}]}"#);
        assert_eq!(err.field, "tools");
    }

    #[test]
    fn validation_errors_name_the_field() {
        let cases = [
            (r#"{"tasks":[],"tools":[]}"#, "tasks"),
            (
                r#"{"tasks":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"Bad Id","label":"C"}],"tools":[]}"#,
                "tasks[2].id",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"},{"id":"a","label":"Again"}],"tools":[]}"#,
                "tasks[1].id",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"  "}],"tools":[]}"#,
                "tasks[0].label",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[{"id":"x","label":""}]}"#,
                "tools[0].label",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"teams":[{"id":"t","label":"T"},{"id":"t","label":"T"}]}"#,
                "teams[1].id",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"k":2}"#,
                "k",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"privacy":{"randomized_response":true}}"#,
                "privacy.epsilon",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"privacy":{"randomized_response":true,"epsilon":0}}"#,
                "privacy.epsilon",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"privacy":{"epsilon":-1.0}}"#,
                "privacy.epsilon",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"sync_url":"api/v1"}"#,
                "sync_url",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"sync_url":"//evil.example"}"#,
                "sync_url",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"sync_url":"https://"}"#,
                "sync_url",
            ),
            (
                r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"sync_url":"ftp://x/api"}"#,
                "sync_url",
            ),
        ];
        for (text, field) in cases {
            let err = error_for(text);
            assert_eq!(err.field, field, "{text}: {err}");
            assert!(
                err.to_string().contains(&format!("field `{field}`")),
                "{err}"
            );
        }
    }

    #[test]
    fn error_messages_say_what_to_do() {
        let err = error_for(
            r#"{"tasks":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"Bad","label":"C"}],"tools":[]}"#,
        );
        assert!(
            err.to_string().starts_with(
                "candor.json, field `tasks[2].id`: ids must be 1 to 64 lowercase letters, digits, '-' or '_'"
            ),
            "{err}"
        );
        let err = error_for(r#"{"tasks":[{"id":"a","label":"A"}],"tools":[],"k":1}"#);
        assert!(err.message.contains("at least 3"), "{err}");
    }

    #[test]
    fn sync_urls_that_are_accepted() {
        for url in [
            "/api/v1",
            "/candor/api/v1/",
            "https://candor.intranet.example/api/v1",
            "http://localhost:8080/api/v1",
        ] {
            assert_eq!(check_sync_url(url), Ok(()), "{url}");
        }
        let config = Config {
            sync_url: Some("https://x.example/api/v1/".into()),
            ..Config::from_json(MINIMAL).unwrap()
        };
        assert_eq!(
            config.sync_endpoint("/aggregate").as_deref(),
            Some("https://x.example/api/v1/aggregate")
        );
    }

    #[test]
    fn credentials_are_read_and_checked_with_their_field() {
        let with = |credentials: &str| {
            Config::from_json(&format!(
                r#"{{"tasks":[{{"id":"a","label":"A"}}],"tools":[],"credentials":{credentials}}}"#
            ))
        };
        let config = with(r#"{"per_week":20,"sign_in_url":"/oauth2/sign_in"}"#).unwrap();
        let credentials = config.credentials.clone().unwrap();
        assert_eq!(credentials.per_week, 20);
        assert_eq!(credentials.sign_in_url.as_deref(), Some("/oauth2/sign_in"));
        let again = Config::from_json(&serde_json::to_string(&config).unwrap()).unwrap();
        assert_eq!(again, config);
        assert_eq!(Config::from_json(MINIMAL).unwrap().credentials, None);
        for (bad, field) in [
            ("{}", "credentials.per_week"),
            (r#"{"per_week":0}"#, "credentials.per_week"),
            (r#"{"per_week":"20"}"#, "credentials.per_week"),
            (r#"{"per_week":5000}"#, "credentials.per_week"),
            (
                r#"{"per_week":5,"sign_in_url":3}"#,
                "credentials.sign_in_url",
            ),
            (r#"{"per_week":5,"perweek":3}"#, "credentials.perweek"),
            ("5", "credentials"),
        ] {
            assert_eq!(with(bad).unwrap_err().field, field, "{bad}");
        }
    }

    #[test]
    fn pilots_are_read_and_checked_with_their_field() {
        let pilot = r#"{"id":"trial","label":"Tests with AI","tasks":["a"],"tools":["x"],"from":"2027-W02","to":"2027-W09","randomize":true}"#;
        let with = |pilots: &str| {
            Config::from_json(&format!(
                r#"{{"tasks":[{{"id":"a","label":"A"}},{{"id":"b","label":"B"}}],"tools":[{{"id":"x","label":"X"}}],"pilots":{pilots}}}"#
            ))
        };
        let config = with(&format!("[{pilot}]")).unwrap();
        let trial = config.pilot("trial").unwrap();
        assert_eq!(
            (trial.tasks.as_slice(), trial.randomize),
            (&["a".to_owned()][..], true)
        );
        assert!(trial.runs_in("2027-W09".parse().unwrap()));
        assert!(!trial.runs_in("2027-W10".parse().unwrap()));
        let again = Config::from_json(&serde_json::to_string(&config).unwrap()).unwrap();
        assert_eq!(again, config);
        assert!(Config::from_json(MINIMAL).unwrap().pilots.is_empty());
        let edit = |from: &str, to: &str| format!("[{}]", pilot.replace(from, to));
        for (bad, field) in [
            ("{}".to_owned(), "pilots"),
            ("[3]".to_owned(), "pilots[0]"),
            (edit(r#""id":"trial""#, r#""id":"Trial""#), "pilots[0].id"),
            (format!("[{pilot},{pilot}]"), "pilots[1].id"),
            (
                edit(r#""label":"Tests with AI""#, r#""label":" ""#),
                "pilots[0].label",
            ),
            (edit(r#""tasks":["a"]"#, r#""tasks":[]"#), "pilots[0].tasks"),
            (
                edit(r#""tasks":["a"]"#, r#""tasks":["a","c"]"#),
                "pilots[0].tasks[1]",
            ),
            (
                edit(r#""tasks":["a"]"#, r#""tasks":["a","a"]"#),
                "pilots[0].tasks[1]",
            ),
            (
                edit(r#""tasks":["a"]"#, r#""tasks":"a""#),
                "pilots[0].tasks",
            ),
            (
                edit(r#""tasks":["a"]"#, r#""tasks":[1]"#),
                "pilots[0].tasks[0]",
            ),
            (
                edit(r#""tools":["x"]"#, r#""tools":["none"]"#),
                "pilots[0].tools[0]",
            ),
            (
                edit(r#""tools":["x"]"#, r#""tools":["y"]"#),
                "pilots[0].tools[0]",
            ),
            (
                edit(r#""from":"2027-W02""#, r#""from":"2027-02""#),
                "pilots[0].from",
            ),
            (
                edit(r#""from":"2027-W02""#, r#""from":"2027-W10""#),
                "pilots[0].to",
            ),
            (edit(r#","randomize":true"#, ""), "pilots[0].randomize"),
            (
                edit(r#""randomize":true"#, r#""randomize":"yes""#),
                "pilots[0].randomize",
            ),
            (
                edit(r#""randomize":true"#, r#""randomise":true"#),
                "pilots[0].randomise",
            ),
        ] {
            assert_eq!(with(&bad).unwrap_err().field, field, "{bad}");
        }
        let none = with(&edit(r#""tools":["x"]"#, r#""tools":["none"]"#)).unwrap_err();
        assert!(none.message.contains("no-AI arm"), "{none}");
    }

    const TRANSLATED: &str = r#"{
        "tasks": [
            {"id": "code_review", "label": {"en": "Code review", "de": "Code-Review", "ar": "مراجعة الشيفرة"},
             "description": {"en": "Reading a colleague's change", "de": "Die Änderung eines Kollegen lesen"}},
            {"id": "debugging", "label": "Debugging"}
        ],
        "tools": [{"id": "chat", "label": {"en": "Chat", "ja": "チャット"}}],
        "pilots": [{"id": "trial", "label": {"de": "Versuch", "en": "Trial"}, "tasks": ["code_review"],
                    "tools": ["chat"], "from": "2027-W02", "to": "2027-W09", "randomize": true}]
    }"#;

    #[test]
    fn labels_may_be_translated_and_fall_back_to_english() {
        let config = Config::from_json(TRANSLATED).unwrap();
        // As read, everything is English.
        assert_eq!(config.tasks[0].label, "Code review");
        assert_eq!(
            config.tasks[0].label_translated.get(Lang::De),
            Some("Code-Review")
        );
        let german = config.in_language(Lang::De, ["Ohne KI".into(), "Ohne KI erledigt".into()]);
        assert_eq!(german.tasks[0].label, "Code-Review");
        assert_eq!(
            german.tasks[0].description,
            "Die Änderung eines Kollegen lesen"
        );
        // Missing translations and plain strings stay English.
        assert_eq!(german.tasks[1].label, "Debugging");
        assert_eq!(german.tools[0].label, "Chat");
        assert_eq!(german.pilots[0].label, "Versuch");
        // The baseline's words are the language's, first in the tools.
        assert_eq!(german.baseline_tools()[0].label, "Ohne KI");
        assert_eq!(german.baseline_tools()[0].description, "Ohne KI erledigt");
        let japanese = german.in_language(Lang::Ja, no_ai_in_english());
        assert_eq!(japanese.tools[0].label, "チャット");
        assert_eq!(
            japanese.tasks[0].label, "Code review",
            "back to English, not German"
        );
        assert_eq!(
            japanese.tasks[0].description,
            "Reading a colleague's change"
        );
        assert_eq!(
            config.in_language(Lang::Ar, no_ai_in_english()).tasks[0].label,
            "مراجعة الشيفرة"
        );
    }

    #[test]
    fn translations_are_passed_on_as_the_file_gave_them() {
        let config = Config::from_json(TRANSLATED).unwrap();
        let german = config.in_language(Lang::De, no_ai_in_english());
        let written: Value = serde_json::to_value(&german).unwrap();
        assert_eq!(
            written["tasks"][0]["label"],
            serde_json::json!({"en": "Code review", "de": "Code-Review", "ar": "مراجعة الشيفرة"})
        );
        assert_eq!(written["tasks"][1]["label"], "Debugging");
        assert_eq!(written["tasks"][1]["description"], "");
        assert_eq!(
            written["pilots"][0]["label"],
            serde_json::json!({"en": "Trial", "de": "Versuch"})
        );
        assert!(written.get("no_ai").is_none());
        assert_eq!(Config::from_value(&written).unwrap(), config);
    }

    #[test]
    fn a_translation_that_is_wrong_names_its_field() {
        let edit = |from: &str, to: &str| {
            assert!(TRANSLATED.contains(from), "{from}");
            Config::from_json(&TRANSLATED.replacen(from, to, 1)).unwrap_err()
        };
        for (error, field, says) in [
            (
                edit(r#""en": "Code review", "#, ""),
                "tasks[0].label.en",
                "English is shown",
            ),
            (
                edit(r#""de": "Code-Review""#, r#""de": "  ""#),
                "tasks[0].label.de",
                "must not be empty",
            ),
            (
                edit(r#""ja": "チャット""#, r#""jp": "チャット""#),
                "tools[0].label.jp",
                "en, de, fr, es, ja, ar",
            ),
            (
                edit(r#""ja": "チャット""#, r#""ja": 7"#),
                "tools[0].label.ja",
                "text in quotes",
            ),
            (
                edit(r#""label": "Debugging""#, r#""label": ["Debugging"]"#),
                "tasks[1].label",
                "one per language",
            ),
            (
                edit(r#""de": "Versuch", "#, r#""de": "", "#),
                "pilots[0].label.de",
                "must not be empty",
            ),
            (
                edit(
                    r#"{"de": "Versuch", "en": "Trial"}"#,
                    r#"{"de": "Versuch"}"#,
                ),
                "pilots[0].label.en",
                "is missing",
            ),
        ] {
            assert_eq!(error.field, field, "{error}");
            assert!(error.message.contains(says), "{error}");
        }
    }
}
