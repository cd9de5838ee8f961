//! Compiles the English message catalog, `locales/en/app.ftl`, into
//! `$OUT_DIR/app_messages.rs` (`enum Msg`, `COUNT`, `ENGLISH`), which
//! `src/language.rs` includes: English ships in the main bundle, the other
//! languages' catalogs are fetched (SPEC §9, crates/catalog/README.md).

use std::path::{Path, PathBuf};

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(failures) = candor_catalog::build_script(Path::new("locales"), "app", &out_dir) {
        panic!("locales/en/app.ftl does not compile:\n{failures}");
    }
}
