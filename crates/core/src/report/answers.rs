//! The closed answers a report may give: effort, complexity, reasons (SPEC §2).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Defines a closed set of answers with a wire id and words for people.
macro_rules! answers {
    (
        $(#[$meta:meta])*
        $name:ident, $allowed:literal {
            $($(#[$vmeta:meta])* $variant:ident => $id:literal, $label:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every answer, in the order a form shows them.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// The allowed wire ids, as an error message lists them.
            pub(crate) const ALLOWED: &'static str = $allowed;

            /// The id used on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// Plain words for a form or a chart.
            pub fn label(&self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The answer whose wire id is `id`.
            pub fn parse(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

answers! {
    /// Effort spent checking and fixing the AI's output.
    Effort, "low, medium, high" {
        /// Little checking.
        Low => "low", "Little checking";
        /// Some checking.
        Medium => "medium", "Some checking";
        /// Lots of checking and fixing.
        High => "high", "Lots of checking and fixing";
    }
}

answers! {
    /// How hard the task was.
    Complexity, "routine, complex" {
        /// An everyday task.
        Routine => "routine", "Routine";
        /// A hard or unusual task.
        Complex => "complex", "Complex";
    }
}

answers! {
    /// Why the AI did not help; given only with a negative outcome.
    Reason, "checking, context, wrong, redo, friction" {
        /// Checking the output took long.
        Checking => "checking", "Checking the output took long";
        /// The tool lacked context.
        Context => "context", "The tool lacked context";
        /// The output was wrong or unreliable.
        Wrong => "wrong", "The output was wrong or unreliable";
        /// I had to redo it myself.
        Redo => "redo", "I had to redo it myself";
        /// The tool was slow, broken or in the way.
        Friction => "friction", "Slow, broken or in the way";
    }
}
