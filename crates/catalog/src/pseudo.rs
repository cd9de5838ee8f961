//! The `en-XA` pseudo-locale: English, every letter accented and every
//! vowel doubled (about a third longer), each message in `[ ]`.
//!
//! Run over every page, any text without accents came from outside a
//! catalog, and a `[` or `]` cut off shows a label too narrow for a longer
//! language. Variables and select keys are left as they are.

use crate::source::Message;

fn accented(c: char) -> char {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ACCENTED: &str = "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ";
    PLAIN
        .chars()
        .position(|p| p == c)
        .and_then(|i| ACCENTED.chars().nth(i))
        .unwrap_or(c)
}

/// `text` accented and lengthened.
pub fn pseudo_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for c in text.chars() {
        out.push(accented(c));
        if "aeiouAEIOU".contains(c) {
            out.push(accented(c.to_ascii_lowercase()));
        }
    }
    out
}

/// The English catalog as the pseudo-locale, compiled, in English's order.
pub fn pseudo(english: &[Message]) -> Vec<String> {
    english
        .iter()
        .map(|message| format!("[{}]", message.map_text(&pseudo_text).compiled()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_accented_and_vowels_doubled() {
        assert_eq!(pseudo_text("Pseudo"), "Ƥşḗḗŭŭḓǿǿ");
        assert_eq!(pseudo_text("n = 5, 0.3–0.6"), "ƞ = 5, 0.3–0.6");
        assert_eq!(pseudo_text("Are"), "Ȧȧřḗḗ");
    }

    #[test]
    fn the_native_name_is_the_pseudo_text() {
        let name = candor_core::catalog::Lang::Pseudo.native_name();
        assert_eq!(name, format!("[{}]", pseudo_text("Pseudo")));
    }
}
