//! What the app shows instead of a blank page when `candor.json` is missing
//! or broken: the file, the field, and who can fix it.

use leptos::prelude::*;

use crate::store::config::ConfigLoadError;
use crate::store::fetch::FetchError;

/// A full page explaining why Candor cannot start.
#[component]
pub fn ConfigErrorPage(
    /// What went wrong while loading the config.
    error: ConfigLoadError,
) -> impl IntoView {
    let advice = match &error {
        ConfigLoadError::Fetch(FetchError::Unreachable { .. }) => {
            "Check your connection and reload. If it keeps happening, tell whoever runs Candor here."
        }
        ConfigLoadError::Fetch(FetchError::Status { .. }) => {
            "Whoever runs Candor here needs to put candor.json next to index.html."
        }
        ConfigLoadError::Invalid(_) => {
            "Whoever runs Candor here needs to fix candor.json; the message above names the field."
        }
    };
    view! {
        <main class="config-error" role="alert">
            <h1>"Candor cannot start: its configuration file has a problem"</h1>
            <p class="error-detail">{error.to_string()}</p>
            <p>{advice}</p>
            <p class="reassure">"Reports already saved on this device are safe; nothing was changed."</p>
        </main>
    }
}
