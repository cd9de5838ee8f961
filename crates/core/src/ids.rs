//! The ids a deployment's config gives its tasks, tools and teams (SPEC §2, §3).
//!
//! The bottom of the crate beside [`crate::week`]: both the config and the
//! report check ids with [`is_identifier`], so it belongs to neither.

/// The baseline tool id: the task was done without AI.
pub const NO_AI: &str = "none";

/// The longest task, tool or team id.
pub const MAX_IDENTIFIER_LEN: usize = 64;

/// The shape [`is_identifier`] accepts, as a regular expression (the OpenAPI document shows it).
pub const IDENTIFIER_PATTERN: &str = "^[a-z0-9][a-z0-9_-]{0,63}$";

/// Whether `id` is a well-formed task, tool or team id: [`IDENTIFIER_PATTERN`].
pub fn is_identifier(id: &str) -> bool {
    let bytes = id.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match bytes.split_first() {
        Some((first, rest)) => {
            bytes.len() <= MAX_IDENTIFIER_LEN
                && allowed(first)
                && rest.iter().all(|b| allowed(b) || *b == b'-' || *b == b'_')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_says_what_the_check_does() {
        // The pattern's length bound and first-character rule, spelled out.
        assert!(IDENTIFIER_PATTERN.contains(&format!("{{0,{}}}", MAX_IDENTIFIER_LEN - 1)));
        for good in [
            "a",
            "0",
            "code_review",
            "x-1",
            &"a".repeat(MAX_IDENTIFIER_LEN),
        ] {
            assert!(is_identifier(good), "{good}");
        }
        for bad in [
            "",
            "_a",
            "-a",
            "A",
            "a b",
            "é",
            &"a".repeat(MAX_IDENTIFIER_LEN + 1),
        ] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }
}
