//! Message catalogs: every string the app shows, in six languages (SPEC §9).
//!
//! Translators write Fluent (`.ftl`) files; `candor-catalog` compiles them at
//! build time into the compact text form read here, so the browser carries a
//! formatter of about 2.5 KB gzip (measured in a wasm32 module of its own at
//! opt-level z, the caller included) instead of the Fluent runtime (about
//! 65 KB gzip, more than the app's size headroom, SPEC §8). Plural categories
//! and numbers come from the browser's `Intl.PluralRules` and
//! `Intl.NumberFormat`, behind the [`Locale`] trait; [`Plain`] stands in for
//! them in native tests.
//!
//! # The compiled catalog
//!
//! UTF-8 text, one message per line (`\n` between lines, one trailing `\n`
//! allowed), in the order of the English catalog: line `i` is message `i`
//! in every language. Placeables are control characters, which translators'
//! text never contains (the compiler refuses it), so ordinary text needs no
//! escaping:
//!
//! | what | written as |
//! | --- | --- |
//! | argument `i` | `\u{1}` `i` (decimal) `\u{5}` |
//! | a select on argument `i` | `\u{2}` `i` then its variants, then `\u{5}` |
//! | a variant | `\u{3}` key (`*` before the default's key) `\u{4}` its text |
//! | a line break inside a message | `\u{6}` (formatted as `\n`) |
//!
//! A variant's text may hold arguments but not another select. Argument
//! indices follow the variables' first appearance in the *English*
//! message, so a translation can put the words in another order.
//!
//! ```text
//! English:  { $count -> [one] One report *[other] { $count } reports } this week
//! compiled: \u{2}0\u{3}one\u{4}One report\u{3}*other\u{4}\u{1}0\u{5} reports\u{5} this week
//! ```
//!
//! A select's key is tried in this order: a whole number (read as `u32`,
//! not as a float, whose parser would add ~14 KB gzip to the wasm) equal
//! to a numeric argument; then a plural category (`zero`, `one`, `two`,
//! `few`, `many`, `other`) equal to [`Locale::plural`] of a numeric
//! argument; then a key equal to a text argument; then the default variant
//! (the first variant if none is marked). A malformed message or a missing
//! argument is written as best it can be, never a panic.

/// An argument given to a message, by its index in the English message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    /// Text written as it is, e.g. a task's label; a select matches it by key.
    Text(&'a str),
    /// A count, written in the locale's digits and grouping.
    Count(u64),
    /// A number with this many digits after the locale's decimal mark.
    Number(f64, u8),
}

impl Arg<'_> {
    fn number(&self) -> Option<f64> {
        match *self {
            Arg::Text(_) => None,
            Arg::Count(n) => Some(n as f64),
            Arg::Number(n, _) => Some(n),
        }
    }
}

/// A plural category of the Unicode CLDR, as `Intl.PluralRules` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plural {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl Plural {
    /// Every category, in CLDR order.
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    /// The category's name, as `Intl.PluralRules.select` returns it.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The category named `name` (`"one"` → [`Plural::One`]), if it is one.
    pub fn from_name(name: &str) -> Option<Plural> {
        Plural::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// What a language writes differently: plural categories and numbers.
///
/// In the browser, `Intl.PluralRules` and `Intl.NumberFormat` for the
/// chosen language; [`Plain`] in native tests.
pub trait Locale {
    /// The plural category of `n` (e.g. English: 1 → one, else other).
    fn plural(&self, n: f64) -> Plural;
    /// `n` written with exactly `fraction_digits` digits after the decimal mark.
    fn number(&self, n: f64, fraction_digits: u8) -> String;
}

/// English rules without grouping: 1 is `one`, every other number `other`;
/// `.` as the decimal mark. For native tests and tools.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plain;

impl Locale for Plain {
    fn plural(&self, n: f64) -> Plural {
        if n == 1.0 {
            Plural::One
        } else {
            Plural::Other
        }
    }

    fn number(&self, n: f64, fraction_digits: u8) -> String {
        format!("{:.*}", usize::from(fraction_digits), n)
    }
}

const ARG: char = '\u{1}';
const SELECT: char = '\u{2}';
const VARIANT: char = '\u{3}';
const VALUE: char = '\u{4}';
const END: char = '\u{5}';
const LINE: char = '\u{6}';

/// Whether `c` is one of the compiled format's control characters, which
/// a translator's text may not contain.
pub fn is_control(c: char) -> bool {
    matches!(c, ARG | SELECT | VARIANT | VALUE | END | LINE)
}

/// Writes a compiled message with its arguments (see the module doc).
///
/// Counts and numbers go through `locale`; an argument the caller did not
/// give is written as nothing.
pub fn format(message: &str, args: &[Arg], locale: &dyn Locale) -> String {
    let mut out = String::with_capacity(message.len());
    write_pattern(message, args, locale, true, &mut out);
    out
}

/// Reads a decimal index (up to a non-digit); `None` when empty or too large.
fn read_index(text: &str) -> (Option<usize>, &str) {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = text.split_at_checked(digits).unwrap_or(("", text));
    (number.parse::<u32>().ok().map(|n| n as usize), rest)
}

/// The text after an optional `c`.
fn skip(text: &str, c: char) -> &str {
    text.strip_prefix(c).unwrap_or(text)
}

fn write_arg(arg: Option<&Arg>, locale: &dyn Locale, out: &mut String) {
    match arg {
        Some(Arg::Text(text)) => out.push_str(text),
        Some(Arg::Count(n)) => out.push_str(&locale.number(*n as f64, 0)),
        Some(Arg::Number(n, digits)) => out.push_str(&locale.number(*n, *digits)),
        None => {}
    }
}

/// Writes `text`; `selects` is false inside a variant, where a select is
/// not allowed and is dropped.
///
/// The formatter slices only with `get` and `split_at_checked` (every index
/// is a char boundary: found by `find`, or after ASCII): an indexing slice
/// would link Rust's panic message for a non-boundary, which brings char
/// escaping and Unicode tables into every wasm part, about 2.5 KB gzip.
fn write_pattern(
    mut text: &str,
    args: &[Arg],
    locale: &dyn Locale,
    selects: bool,
    out: &mut String,
) {
    while let Some(at) = text.find(is_control) {
        let (before, from) = text.split_at_checked(at).unwrap_or((text, ""));
        out.push_str(before);
        let mut chars = from.chars();
        let control = chars.next().unwrap_or(END);
        let rest = chars.as_str();
        text = match control {
            ARG => {
                let (index, rest) = read_index(rest);
                write_arg(index.and_then(|i| args.get(i)), locale, out);
                skip(rest, END)
            }
            SELECT => {
                let (index, rest) = read_index(rest);
                let (variants, rest) = read_variants(rest);
                if selects {
                    let arg = index.and_then(|i| args.get(i));
                    if let Some(chosen) = choose(variants, arg, locale) {
                        write_pattern(chosen, args, locale, false, out);
                    }
                }
                rest
            }
            LINE => {
                out.push('\n');
                rest
            }
            // A stray variant, value or end mark: nothing to write.
            _ => rest,
        };
    }
    out.push_str(text);
}

/// The variants (`\u{3}key\u{4}text`…) up to and past their `\u{5}`, as one
/// slice to walk with [`next_variant`], and the text after them.
fn read_variants(text: &str) -> (&str, &str) {
    let mut at = 0;
    let bytes = text.as_bytes();
    let mut in_arg = false;
    while at < bytes.len() {
        match bytes[at] {
            0x01 => in_arg = true,
            0x05 if in_arg => in_arg = false,
            0x05 => {
                return (
                    text.get(..at).unwrap_or(text),
                    text.get(at + 1..).unwrap_or(""),
                )
            }
            0x03 | 0x04 => in_arg = false,
            _ => {}
        }
        at += 1;
    }
    (text, "")
}

/// The first variant of `variants`: its key, its text, and the variants after it.
fn next_variant(variants: &str) -> Option<(&str, &str, &str)> {
    let variants = variants.strip_prefix(VARIANT)?;
    let (key, rest) = variants.split_once(VALUE).unwrap_or((variants, ""));
    let end = rest.find(VARIANT).unwrap_or(rest.len());
    let (text, after) = rest.split_at_checked(end).unwrap_or((rest, ""));
    Some((key, text, after))
}

fn variants(mut list: &str) -> impl Iterator<Item = (&str, &str)> {
    std::iter::from_fn(move || {
        let (key, text, rest) = next_variant(list)?;
        list = rest;
        Some((key, text))
    })
}

/// The variant a select writes for `arg`: exact number, plural category,
/// text key, default, first.
fn choose<'a>(list: &'a str, arg: Option<&Arg>, locale: &dyn Locale) -> Option<&'a str> {
    let bare = |key: &'a str| key.strip_prefix('*').unwrap_or(key);
    let find = |matches: &dyn Fn(&str) -> bool| {
        variants(list)
            .find(|(key, _)| matches(bare(key)))
            .map(|(_, text)| text)
    };
    let number = arg.and_then(Arg::number);
    let exact = number.and_then(|n| {
        find(&|key| {
            let digits = !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit());
            digits && key.parse::<u32>().is_ok_and(|k| f64::from(k) == n)
        })
    });
    let category = || {
        let category = locale.plural(number?).name();
        find(&|key| key == category)
    };
    let text = || match arg {
        Some(Arg::Text(text)) => find(&|key| key == *text),
        _ => None,
    };
    exact
        .or_else(category)
        .or_else(text)
        .or_else(|| {
            variants(list)
                .find(|(key, _)| key.starts_with('*'))
                .map(|(_, text)| text)
        })
        .or_else(|| variants(list).next().map(|(_, text)| text))
}

/// Why a compiled catalog cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The catalog does not have one line per message of this build's English.
    #[error(
        "the catalog has {found} messages where this version of Candor has {expected}; \
         it was compiled for another version"
    )]
    WrongLength {
        /// The messages this build has.
        expected: usize,
        /// The lines the catalog has.
        found: usize,
    },
}

impl CatalogError {
    /// The stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            CatalogError::WrongLength { .. } => "catalog_wrong_length",
        }
    }
}

/// One language's compiled messages, looked up by their English line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messages {
    text: String,
    /// Where each line starts and ends in `text`.
    lines: Vec<(u32, u32)>,
}

impl Messages {
    /// Reads a compiled catalog, which must have `expected` messages.
    pub fn read(text: String, expected: usize) -> Result<Messages, CatalogError> {
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let mut lines = Vec::with_capacity(expected);
        if !text.is_empty() {
            let mut start = 0;
            for line in body.split('\n') {
                let end = start + line.strip_suffix('\r').unwrap_or(line).len();
                lines.push((start as u32, end as u32));
                start += line.len() + 1;
            }
        }
        if lines.len() != expected {
            return Err(CatalogError::WrongLength {
                expected,
                found: lines.len(),
            });
        }
        Ok(Messages { text, lines })
    }

    /// Message `i`, compiled; empty past the end.
    pub fn get(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .and_then(|&(start, end)| self.text.get(start as usize..end as usize))
            .unwrap_or("")
    }

    /// How many messages there are.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// A language Candor ships (SPEC §9), and the pseudo-locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the source every catalog is aligned to.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Japanese.
    Ja,
    /// Arabic, written right to left.
    Ar,
    /// `en-XA`: English with every letter accented and lengthened, to find
    /// strings that did not come from a catalog.
    Pseudo,
}

impl Lang {
    /// The six real languages, English first.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ja, Lang::Ar];

    /// The BCP 47 code, as `lang` and the catalogs' file names use it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ja => "ja",
            Lang::Ar => "ar",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ja => "日本語",
            Lang::Ar => "العربية",
            Lang::Pseudo => "[Ƥşḗḗŭŭḓǿǿ]",
        }
    }

    /// Whether the page turns right to left (`dir="rtl"`).
    pub fn right_to_left(self) -> bool {
        self == Lang::Ar
    }

    /// The language of a BCP 47 tag, ignoring case and any region or
    /// script (`de-AT` → German); `en-XA` is the pseudo-locale.
    pub fn from_code(code: &str) -> Option<Lang> {
        if code.eq_ignore_ascii_case("en-XA") {
            return Some(Lang::Pseudo);
        }
        let primary = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The first language of `preferences` (the browser's
    /// `navigator.languages`) that Candor ships, else English. The
    /// pseudo-locale only when asked for exactly as `en-XA`.
    pub fn negotiate(preferences: &[&str]) -> Lang {
        preferences
            .iter()
            .find_map(|code| match Lang::from_code(code)? {
                Lang::Pseudo if *code != "en-XA" => Some(Lang::En),
                lang => Some(lang),
            })
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const COUNT_REPORTS: &str =
        "\u{2}0\u{3}0\u{4}No reports\u{3}one\u{4}One report\u{3}*other\u{4}\u{1}0\u{5} reports\u{5} this week";

    #[test]
    fn arguments_are_substituted_by_index() {
        let message = "\u{1}1\u{5} says \u{1}0\u{5}: \u{1}2\u{5}";
        let args = [Arg::Text("hi"), Arg::Text("Ana"), Arg::Number(0.25, 2)];
        assert_eq!(format(message, &args, &Plain), "Ana says hi: 0.25");
    }

    #[test]
    fn indices_may_have_several_digits() {
        let args: Vec<Arg> = (0..12).map(Arg::Count).collect();
        assert_eq!(format("\u{1}10\u{5}+\u{1}2\u{5}", &args, &Plain), "10+2");
    }

    #[test]
    fn a_missing_argument_is_written_as_nothing() {
        assert_eq!(format("a\u{1}3\u{5}b", &[Arg::Count(1)], &Plain), "ab");
        // No count: the default variant, without its number.
        assert_eq!(format(COUNT_REPORTS, &[], &Plain), " reports this week");
    }

    #[test]
    fn selects_pick_exact_then_category_then_default() {
        let say = |n| format(COUNT_REPORTS, &[Arg::Count(n)], &Plain);
        assert_eq!(say(0), "No reports this week");
        assert_eq!(say(1), "One report this week");
        assert_eq!(say(7), "7 reports this week");
        let number = |n| format(COUNT_REPORTS, &[Arg::Number(n, 1)], &Plain);
        assert_eq!(number(0.0), "No reports this week");
        assert_eq!(number(2.5), "2.5 reports this week");
    }

    #[test]
    fn an_exact_key_wins_over_its_category() {
        let message = "\u{2}0\u{3}one\u{4}a\u{3}1\u{4}exactly one\u{3}*other\u{4}many\u{5}";
        assert_eq!(format(message, &[Arg::Count(1)], &Plain), "exactly one");
    }

    #[test]
    fn a_text_argument_matches_its_key() {
        let message = "\u{2}0\u{3}helped\u{4}It helped\u{3}*other\u{4}Something else\u{5}";
        assert_eq!(format(message, &[Arg::Text("helped")], &Plain), "It helped");
        assert_eq!(
            format(message, &[Arg::Text("one")], &Plain),
            "Something else"
        );
        assert_eq!(format(message, &[Arg::Count(1)], &Plain), "Something else");
        assert_eq!(format(message, &[], &Plain), "Something else");
    }

    #[test]
    fn without_a_default_the_first_variant_is_written() {
        let message = "\u{2}0\u{3}one\u{4}first\u{3}two\u{4}second\u{5}!";
        assert_eq!(format(message, &[Arg::Count(9)], &Plain), "first!");
    }

    #[test]
    fn line_breaks_are_restored() {
        assert_eq!(format("one\u{6}two", &[], &Plain), "one\ntwo");
    }

    #[test]
    fn a_select_inside_a_variant_is_dropped() {
        let message = "\u{2}0\u{3}*other\u{4}a\u{2}0\u{3}*x\u{4}b\u{5}c";
        // The inner select's end closes the outer select: only "a" is written.
        assert_eq!(format(message, &[Arg::Count(1)], &Plain), "ac");
    }

    struct Arabic;
    impl Locale for Arabic {
        fn plural(&self, n: f64) -> Plural {
            match n as u64 {
                0 => Plural::Zero,
                1 => Plural::One,
                2 => Plural::Two,
                3..=10 => Plural::Few,
                _ => Plural::Many,
            }
        }
        fn number(&self, n: f64, _: u8) -> String {
            format!("<{n}>")
        }
    }

    #[test]
    fn categories_and_numbers_come_from_the_locale() {
        let message = "\u{2}0\u{3}two\u{4}two \u{1}0\u{5}\u{3}few\u{4}few \u{1}0\u{5}\u{3}*other\u{4}other\u{5}";
        assert_eq!(format(message, &[Arg::Count(2)], &Arabic), "two <2>");
        assert_eq!(format(message, &[Arg::Count(5)], &Arabic), "few <5>");
        assert_eq!(format(message, &[Arg::Count(50)], &Arabic), "other");
    }

    #[test]
    fn plural_names_round_trip() {
        for plural in Plural::ALL {
            assert_eq!(Plural::from_name(plural.name()), Some(plural));
        }
        assert_eq!(Plural::from_name("one"), Some(Plural::One));
        assert_eq!(Plural::from_name("One"), None);
    }

    #[test]
    fn messages_are_read_by_line() {
        let messages = Messages::read("first\nsecond \u{1}0\u{5}\n".to_owned(), 2).unwrap();
        assert_eq!(messages.len(), 2);
        assert_eq!(messages.get(0), "first");
        assert_eq!(messages.get(1), "second \u{1}0\u{5}");
        assert_eq!(messages.get(2), "");
        let crlf = Messages::read("a\r\nb".to_owned(), 2).unwrap();
        assert_eq!((crlf.get(0), crlf.get(1)), ("a", "b"));
        assert!(Messages::read(String::new(), 0).unwrap().is_empty());
    }

    #[test]
    fn a_catalog_of_the_wrong_length_is_refused() {
        let error = Messages::read("a\nb\nc".to_owned(), 2).unwrap_err();
        assert_eq!(
            error,
            CatalogError::WrongLength {
                expected: 2,
                found: 3
            }
        );
        assert_eq!(error.code(), "catalog_wrong_length");
        assert!(error.to_string().contains("has 3 messages"));
    }

    #[test]
    fn languages_know_their_codes_names_and_direction() {
        for lang in Lang::ALL.into_iter().chain([Lang::Pseudo]) {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(!lang.native_name().is_empty());
        }
        assert_eq!(
            Lang::ALL.map(Lang::code),
            ["en", "de", "fr", "es", "ja", "ar"]
        );
        assert!(Lang::Ar.right_to_left());
        assert!(!Lang::Ja.right_to_left() && !Lang::En.right_to_left());
        assert_eq!(Lang::from_code("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("FR-ca"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("es_419"), Some(Lang::Es));
        assert_eq!(Lang::from_code("ja-JP"), Some(Lang::Ja));
        assert_eq!(Lang::from_code("en-xa"), Some(Lang::Pseudo));
        assert_eq!(Lang::from_code("zh-CN"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn negotiation_takes_the_first_language_shipped() {
        assert_eq!(Lang::negotiate(&["zh-TW", "de-CH", "fr"]), Lang::De);
        assert_eq!(Lang::negotiate(&["ar-EG"]), Lang::Ar);
        assert_eq!(Lang::negotiate(&["zh", "ko"]), Lang::En);
        assert_eq!(Lang::negotiate(&[]), Lang::En);
        assert_eq!(Lang::negotiate(&["en-XA", "de"]), Lang::Pseudo);
        assert_eq!(Lang::negotiate(&["en-xa", "de"]), Lang::En);
        assert_eq!(Lang::negotiate(&["en-GB", "de"]), Lang::En);
    }

    fn arg() -> impl Strategy<Value = (String, u8, u64, f64)> {
        (".{0,6}", 0u8..4, any::<u64>(), any::<f64>())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn format_never_panics(
            message in "[\u{1}-\u{6}0-9*a-z ]{0,40}|\\PC{0,40}",
            args in proptest::collection::vec(arg(), 0..4),
        ) {
            let args: Vec<Arg> = args
                .iter()
                .map(|(text, kind, count, number)| match kind {
                    0 => Arg::Text(text),
                    1 => Arg::Count(*count),
                    _ => Arg::Number(*number, *kind),
                })
                .collect();
            let _ = format(&message, &args, &Plain);
            let _ = format(&message, &args, &Arabic);
        }

        #[test]
        fn text_without_control_characters_is_itself(text in "\\PC*") {
            prop_assume!(!text.chars().any(is_control));
            prop_assert_eq!(format(&text, &[Arg::Count(3)], &Plain), text);
        }

        #[test]
        fn messages_read_back_their_lines(lines in proptest::collection::vec("[^\n\r]+", 0..8)) {
            let messages = Messages::read(lines.join("\n"), lines.len()).unwrap();
            for (i, line) in lines.iter().enumerate() {
                prop_assert_eq!(messages.get(i), line.as_str());
            }
        }
    }
}
