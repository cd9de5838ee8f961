//! `candor-catalog OUT_DIR [LOCALES_DIR]`: compiles every translation in
//! `LOCALES_DIR` (default `locales`) into `OUT_DIR`, checking each against
//! English, and the `en-XA` pseudo-locale; prints each file written with
//! its size, and the languages and files that are not there yet (SPEC §9).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(out_dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: candor-catalog OUT_DIR [LOCALES_DIR=locales]");
        return ExitCode::from(2);
    };
    let locales_dir = args
        .next()
        .map_or_else(|| PathBuf::from("locales"), PathBuf::from);
    match candor_catalog::compile_present(&locales_dir, &out_dir) {
        Ok((written, absent, untranslated)) => {
            for (path, bytes) in written {
                println!("{}\t{bytes} bytes", path.display());
            }
            if !absent.is_empty() {
                let codes: Vec<&str> = absent.iter().map(|lang| lang.code()).collect();
                println!("not translated yet (no directory): {}", codes.join(", "));
            }
            for path in untranslated {
                println!("not translated yet (no file): {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(failures) => {
            eprintln!("{failures}");
            eprintln!(
                "{} problem(s) in {}; nothing written",
                failures.0.len(),
                locales_dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
