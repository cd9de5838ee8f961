//! Generates the module's `Msg` enum, `COUNT` and compiled `ENGLISH` from
//! the translators' English file, `locales/en/team-map.ftl` (SPEC §9).

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by Cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by Cargo"));
    let locales = manifest.join(Path::new("../../locales"));
    if let Err(failures) = candor_catalog::build_script(&locales, "team-map", &out) {
        panic!("locales/en/team-map.ftl does not compile:\n{failures}");
    }
}
