//! Notices: plain-words messages the app owes the user (data set aside, a
//! failed save), shown until dismissed.

use leptos::prelude::*;

/// How much a notice matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something the user should know but need not act on.
    Info,
    /// Something went wrong and the user may need to act.
    Problem,
}

/// One message on the notice board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Stable within a session, so the list can be keyed.
    pub id: u32,
    /// How much it matters.
    pub level: Level,
    /// The message, in plain words.
    pub text: String,
}

/// The app-wide list of notices, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: RwSignal<u32>,
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

impl Notices {
    /// An empty board.
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
            next_id: RwSignal::new(1),
        }
    }

    /// Adds a notice.
    pub fn push(&self, level: Level, text: impl Into<String>) {
        let id = self.next_id.get_untracked();
        self.next_id.set(id + 1);
        let text = text.into();
        self.list
            .update(|list| list.push(Notice { id, level, text }));
    }

    /// Removes the notice with this id.
    pub fn dismiss(&self, id: u32) {
        self.list
            .update(|list| list.retain(|notice| notice.id != id));
    }

    /// The current notices.
    pub fn list(&self) -> Signal<Vec<Notice>> {
        self.list.into()
    }
}
