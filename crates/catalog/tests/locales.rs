//! Key parity of the app's own catalogs (SPEC §9): every one of the six
//! languages has exactly English's files, messages and variables
//! (`compile_all`, which names every missing or extra key and every wrong
//! variable at once).

use std::path::Path;

#[test]
fn the_app_catalogs_match_english() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    if !locales.is_dir() {
        eprintln!("no locales/ directory yet: nothing to check");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    if let Err(failures) = candor_catalog::compile_all(&locales, out.path()) {
        panic!("the app's catalogs do not compile:\n{failures}");
    }
    assert!(out.path().join("en-XA.app.txt").is_file());
}
