//! The Candor web app's entry point: mount the app, nothing else.

fn main() {
    candor_app::mount();
}
