//! The catalog compiler against the fixture locales and against each
//! mistake a translator can make.

use std::fs;
use std::path::{Path, PathBuf};

use candor_catalog::{
    align, compile, compile_source, pseudo, rust_source, Failure, Message, Problem,
};
use candor_core::catalog::{format, Arg, Lang, Messages, Plain};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/locales")
}

fn source(lang: &str) -> Vec<Message> {
    let text = fs::read_to_string(fixtures().join(lang).join("app.ftl")).unwrap();
    compile_source(&text).unwrap_or_else(|errors| panic!("{lang}: {errors}"))
}

fn id(messages: &[Message], id: &str) -> usize {
    messages.iter().position(|m| m.id == id).unwrap()
}

#[test]
fn english_and_german_format_as_written() {
    let english = source("en");
    let german = align(&english, &source("de")).unwrap();
    let english_lines: Vec<String> = english.iter().map(Message::compiled).collect();
    let say =
        |lines: &[String], key: &str, args: &[Arg]| format(&lines[id(&english, key)], args, &Plain);
    for (lines, count, expected) in [
        (&english_lines, 0, "No reports saved"),
        (&english_lines, 1, "One report saved"),
        (&english_lines, 12, "12 reports saved"),
        (&german, 0, "Keine Berichte gespeichert"),
        (&german, 1, "Ein Bericht gespeichert"),
        (&german, 12, "12 Berichte gespeichert"),
    ] {
        assert_eq!(say(lines, "reports-saved", &[Arg::Count(count)]), expected);
    }
    let share = [
        Arg::Number(0.5, 2),
        Arg::Number(0.32, 2),
        Arg::Number(0.65, 2),
    ];
    assert_eq!(
        say(&english_lines, "share-of", &share),
        "0.50 of reports, 0.32–0.65"
    );
    assert_eq!(
        say(&german, "share-of", &share),
        "0.50 der Berichte, 0.32–0.65"
    );
    // German reorders the words; the arguments keep English's numbers.
    let filed = [Arg::Text("Code review"), Arg::Text("Copilot")];
    assert_eq!(
        say(&english_lines, "filed-with", &filed),
        "Code review with Copilot"
    );
    assert_eq!(
        say(&german, "filed-with", &filed),
        "Mit Copilot: Code review"
    );
    assert_eq!(
        say(&english_lines, "braces", &[]),
        "Write { and } as they are"
    );
    assert_eq!(
        say(&english_lines, "privacy-note", &[]),
        "Nothing leaves this device\nbut the count."
    );
    assert_eq!(
        say(&german, "outcome", &[Arg::Text("helped")]),
        "Es hat geholfen"
    );
    assert_eq!(
        say(&german, "outcome", &[Arg::Text("hindered")]),
        "Etwas anderes"
    );
    assert_eq!(say(&english_lines, "form-submit", &[]), "Send");
}

#[test]
fn variables_are_numbered_by_first_appearance() {
    let english = source("en");
    let share = &english[id(&english, "share-of")];
    assert_eq!(share.variables, ["share", "low", "high"]);
    assert_eq!(share.line, 11);
    let german = source("de");
    assert_eq!(
        german[id(&german, "filed-with")].variables,
        ["tool", "task"]
    );
}

#[test]
fn the_fixture_compiles_to_files_messages_can_read() {
    let out = tempfile::tempdir().unwrap();
    let written = compile(&fixtures(), out.path(), &[Lang::De]).unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|(path, _)| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["en-XA.app.txt", "de.app.txt"]);
    let english = source("en");
    for (path, bytes) in &written {
        let text = fs::read_to_string(path).unwrap();
        assert_eq!(text.len(), *bytes);
        let messages = Messages::read(text, english.len()).unwrap();
        assert_eq!(messages.len(), english.len());
    }
    let german = Messages::read(fs::read_to_string(&written[1].0).unwrap(), english.len()).unwrap();
    assert_eq!(
        format(german.get(id(&english, "form-submit")), &[], &Plain),
        "Senden"
    );
}

#[test]
fn every_language_is_required_by_compile_all() {
    let out = tempfile::tempdir().unwrap();
    let failures = candor_catalog::compile_all(&fixtures(), out.path()).unwrap_err();
    let missing: Vec<String> = failures
        .0
        .iter()
        .map(|failure| match failure {
            Failure::MissingFile { path } => path
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            other => panic!("unexpected failure: {other}"),
        })
        .collect();
    assert_eq!(missing, ["fr", "es", "ja", "ar"]);
    assert_eq!(
        fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

fn mismatch(english: &str, other: &str) -> String {
    let english = compile_source(english).unwrap();
    let other = compile_source(other).unwrap();
    align(&english, &other).unwrap_err().to_string()
}

#[test]
fn a_missing_key_is_named() {
    let error = mismatch("a = A\nb = B\nc = C", "a = A");
    assert!(error.contains("`b` is missing"), "{error}");
    assert!(error.contains("`c` is missing"), "{error}");
}

#[test]
fn an_extra_key_is_named_with_its_line() {
    let error = mismatch("a = A", "a = A\n\nstray = S");
    assert!(
        error.contains("line 3: `stray` is not in English"),
        "{error}"
    );
}

#[test]
fn a_wrong_variable_is_named() {
    let error = mismatch("n = { $count } files", "n = { $cuont } Dateien");
    assert!(
        error.contains("line 1: `n` uses $cuont where English uses $count"),
        "{error}"
    );
}

#[test]
fn an_extra_or_dropped_variable_is_named() {
    let error = mismatch(
        "n = { $count } files",
        "n = { $count } Dateien von { $who }",
    );
    assert!(
        error.contains("uses $count, $who where English uses $count"),
        "{error}"
    );
    let error = mismatch("n = { $count } files", "n = Dateien");
    assert!(
        error.contains("uses no variables where English uses $count"),
        "{error}"
    );
}

#[test]
fn a_variant_may_leave_the_number_out_if_the_message_selects_on_it() {
    let english = compile_source("n = { $count } files").unwrap();
    let other =
        compile_source("n = { $count ->\n    [one] Eine Datei\n   *[other] { $count } Dateien\n}")
            .unwrap();
    let lines = align(&english, &other).unwrap();
    assert_eq!(format(&lines[0], &[Arg::Count(1)], &Plain), "Eine Datei");
}

#[test]
fn all_mismatches_are_reported_together() {
    let english = compile_source("a = A\nb = { $x }\nc = C").unwrap();
    let other = compile_source("b = { $y }\nd = D").unwrap();
    let mismatch = align(&english, &other).unwrap_err();
    assert_eq!(mismatch.missing, ["a", "c"]);
    assert_eq!(mismatch.extra, [("d".to_owned(), 2)]);
    assert_eq!(mismatch.variables.len(), 1);
    assert_eq!(mismatch.variables[0].id, "b");
}

fn refused(ftl: &str) -> Vec<(usize, Option<String>, Problem)> {
    compile_source(ftl)
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| (e.line, e.id, e.problem))
        .collect()
}

#[test]
fn a_parse_error_is_refused_with_its_line() {
    let errors = refused("a = A\nb = { $x\nc = C");
    assert!(
        matches!(&errors[..], [(3, Some(id), Problem::Syntax(_))] if id == "b"),
        "{errors:?}"
    );
    let text = compile_source("a = A\nb = { $x\nc = C")
        .unwrap_err()
        .to_string();
    assert!(text.starts_with("line 3: `b`: not valid Fluent"), "{text}");
}

#[test]
fn unsupported_fluent_is_refused_naming_the_message_and_line() {
    let ftl = "\
-brand = Candor
about = About { -brand }
title = Title
    .aria-label = Label
welcome = { title } again
when = { DATETIME($day) }
count = { NUMBER($n) ->
   *[other] many
}
literal = { 5 } items
nested = { $a ->
   *[x] { $b ->
          *[y] z
        }
}
half = { $n ->
    [1.5] one and a half
   *[other] more
}
twice = One
twice = Two
";
    let errors = refused(ftl);
    let expect = |id: &str| -> (usize, Problem) {
        errors
            .iter()
            .find(|(_, i, _)| i.as_deref() == Some(id))
            .map(|(line, _, problem)| (*line, problem.clone()))
            .unwrap_or_else(|| panic!("no error for {id}: {errors:?}"))
    };
    assert_eq!(expect("brand"), (1, Problem::Term("brand".into())));
    assert_eq!(expect("about"), (2, Problem::TermReference("brand".into())));
    assert_eq!(
        expect("title"),
        (3, Problem::Attribute("aria-label".into()))
    );
    assert_eq!(
        expect("welcome"),
        (5, Problem::MessageReference("title".into()))
    );
    assert_eq!(expect("when"), (6, Problem::Function("DATETIME".into())));
    assert_eq!(expect("count"), (7, Problem::Function("NUMBER".into())));
    assert_eq!(expect("literal"), (10, Problem::NumberLiteral("5".into())));
    assert_eq!(expect("nested"), (11, Problem::NestedSelect));
    assert_eq!(expect("half"), (16, Problem::NumberKey("1.5".into())));
    assert_eq!(expect("twice"), (21, Problem::Duplicate(20)));
    assert_eq!(errors.len(), 10, "{errors:?}");
    let text = compile_source(ftl).unwrap_err().to_string();
    assert!(
        text.contains("line 5: `welcome`: message references"),
        "{text}"
    );
}

#[test]
fn control_characters_and_clashing_names_are_refused() {
    assert_eq!(
        refused("a = x { \"\\u0001\" }"),
        [(1, Some("a".into()), Problem::ControlCharacter(1))]
    );
    assert_eq!(
        refused("form-submit = A\nform_submit = B"),
        [(
            2,
            Some("form_submit".into()),
            Problem::SameRustName("form-submit".into(), "FormSubmit".into())
        )]
    );
    assert_eq!(
        refused("self = Me"),
        [(
            1,
            Some("self".into()),
            Problem::ReservedRustName("Self".into())
        )]
    );
    assert_eq!(
        refused("empty = { \"\" }"),
        [(1, Some("empty".into()), Problem::Empty)]
    );
}

#[test]
fn comments_are_skipped() {
    let messages = compile_source("### File\n## Group\n# Note\na = A\n").unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].compiled(), "A");
}

#[test]
fn the_pseudo_locale_accents_text_and_keeps_placeables() {
    let english = source("en");
    let lines = pseudo(&english);
    let saved = &lines[id(&english, "reports-saved")];
    assert_eq!(
        format(saved, &[Arg::Count(1)], &Plain),
        "[Ǿǿƞḗḗ řḗḗƥǿǿřŧ şȧȧṽḗḗḓ]"
    );
    assert_eq!(
        format(saved, &[Arg::Count(7)], &Plain),
        "[7 řḗḗƥǿǿřŧş şȧȧṽḗḗḓ]"
    );
    let filed = &lines[id(&english, "filed-with")];
    assert_eq!(
        format(
            filed,
            &[Arg::Text("Code review"), Arg::Text("Copilot")],
            &Plain
        ),
        "[Code review ẇīīŧħ Copilot]"
    );
    for (line, message) in lines.iter().zip(&english) {
        let english = message.compiled();
        let placeables = |s: &str| -> String {
            s.chars()
                .filter(|c| ('\u{1}'..='\u{6}').contains(c))
                .collect()
        };
        assert_eq!(placeables(line), placeables(&english));
        assert!(line.chars().count() as f64 >= english.chars().count() as f64 * 1.2);
    }
}

#[test]
fn rust_source_has_one_variant_per_message_in_order() {
    let english = source("en");
    let rust = rust_source(&english);
    let variants = [
        "FormSubmit,",
        "ReportsSaved,",
        "ShareOf,",
        "FiledWith,",
        "Braces,",
        "PrivacyNote,",
        "Outcome,",
    ];
    let mut at = 0;
    for variant in variants {
        let found = rust[at..]
            .find(variant)
            .unwrap_or_else(|| panic!("{variant} in\n{rust}"));
        at += found;
    }
    assert!(rust.contains("pub enum Msg {"));
    assert!(rust.contains("pub const COUNT: usize = 7;"));
    assert!(
        rust.contains("pub const ENGLISH: &str = \"Send\\n\\u{2}0\\u{3}0\\u{4}No reports"),
        "{rust}"
    );
    assert!(rust.contains("#[doc = \"`form-submit`: Send\"]"), "{rust}");
}

#[test]
fn build_script_writes_the_rust_source() {
    let out = tempfile::tempdir().unwrap();
    let path = candor_catalog::build_script(&fixtures(), "app", out.path()).unwrap();
    assert_eq!(path, out.path().join("app_messages.rs"));
    assert_eq!(
        fs::read_to_string(path).unwrap(),
        rust_source(&source("en"))
    );
    assert!(candor_catalog::build_script(&fixtures(), "nothing", out.path()).is_err());
}

#[test]
fn every_failure_in_every_language_is_reported_together() {
    let locales = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = locales.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("en/app.ftl", "a = A\nb = { $n } B");
    write("en/help.ftl", "h = Help");
    write("de/app.ftl", "a = A\nb = { $m } B");
    write("de/help.ftl", "h = { -x }");
    write("de/extra.ftl", "e = E");
    write("fr/app.ftl", "b = { $n } B");
    write("de_DE/app.ftl", "a = A");
    let out = tempfile::tempdir().unwrap();
    let failures = compile(locales.path(), out.path(), &[Lang::De, Lang::Fr]).unwrap_err();
    let text = failures.to_string();
    for expected in [
        "de_DE: not a language Candor ships",
        "de/app.ftl:\nline 2: `b` uses $m where English uses $n",
        "de/help.ftl: line 1: `h`: term references",
        "de/extra.ftl: English has no such file",
        "fr/app.ftl:\n`a` is missing",
        "fr/help.ftl: missing",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert_eq!(failures.0.len(), 6, "{text}");
}

#[test]
fn windows_line_endings_compile_like_unix_ones() {
    let unix = compile_source("a = A\nb =\n    one\n    two\n").unwrap();
    let windows = compile_source("a = A\r\nb =\r\n    one\r\n    two\r\n").unwrap();
    let compiled =
        |messages: &[Message]| -> Vec<String> { messages.iter().map(Message::compiled).collect() };
    assert_eq!(compiled(&windows), compiled(&unix));
    assert_eq!(compiled(&unix), ["A", "one\u{6}two"]);
}
