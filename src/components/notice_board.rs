//! The notice board: messages the app owes the user, dismissable.

use leptos::prelude::*;

use crate::language::{t, Msg};
use crate::store::notices::{Level, Notices};

/// Shows every current notice with a button to dismiss it.
#[component]
pub fn NoticeBoard() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || notices.list().get() key=|notice| notice.id let:notice>
                <div class=move || match notice.level {
                    Level::Info => "notice info",
                    Level::Problem => "notice problem",
                }>
                    <p>{notice.text.clone()}</p>
                    <button type="button" on:click=move |_| notices.dismiss(notice.id)>
                        {t(Msg::Dismiss)}
                    </button>
                </div>
            </For>
        </div>
    }
}
