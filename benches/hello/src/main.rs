//! The smallest Leptos app with a router: what every Leptos CSR app pays.

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found.">
                    <Route path=path!("/") view=|| view! { <h1>"Hello"</h1> } />
                </Routes>
            </Router>
        }
    });
}
