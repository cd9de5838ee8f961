//! What the app shows instead of a blank page when `candor.json` is missing
//! or broken: the file, the field, and who can fix it.

use leptos::prelude::*;

use crate::language::{t, Msg};
use crate::store::config::ConfigLoadError;
use crate::store::fetch::FetchError;

/// A full page explaining why Candor cannot start.
#[component]
pub fn ConfigErrorPage(
    /// What went wrong while loading the config.
    error: ConfigLoadError,
) -> impl IntoView {
    let advice = match &error {
        ConfigLoadError::Fetch(FetchError::Unreachable { .. }) => Msg::ConfigErrorUnreachable,
        ConfigLoadError::Fetch(FetchError::Status { .. }) => Msg::ConfigErrorMissing,
        ConfigLoadError::Invalid(_) => Msg::ConfigErrorInvalid,
    };
    view! {
        <main class="config-error" role="alert">
            <h1>{t(Msg::ConfigErrorTitle)}</h1>
            <p class="error-detail">{error.to_string()}</p>
            <p>{t(advice)}</p>
            <p class="reassure">{t(Msg::ConfigErrorSafe)}</p>
        </main>
    }
}
