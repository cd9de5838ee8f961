//! The closed answers a report may give: effort, complexity, reasons (SPEC §2),
//! and a pilot report's arm and minute buckets (SPEC §10).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::NO_AI;

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

/// The minutes a pilot report's forecast and actual time are chosen from.
pub const MINUTE_BUCKETS: [u32; 15] = [
    5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960,
];

/// [`MINUTE_BUCKETS`] in words, for an error that lists them.
pub const MINUTE_BUCKETS_TEXT: &str =
    "5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960";

/// The two arms of a pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Arm {
    /// Done with AI: one of the pilot's tools.
    Ai,
    /// Done without AI: `none`.
    NoAi,
}

impl Arm {
    /// Both arms, in the order results list them.
    pub const ALL: [Arm; 2] = [Arm::Ai, Arm::NoAi];

    /// The arms as a report writes them, for an error that lists them.
    pub const ALLOWED: &'static str = "ai, no_ai";

    /// The wire id: `ai` or `no_ai`.
    pub fn id(self) -> &'static str {
        match self {
            Arm::Ai => "ai",
            Arm::NoAi => "no_ai",
        }
    }

    /// The arm written `id`.
    pub fn parse(id: &str) -> Option<Arm> {
        Arm::ALL.into_iter().find(|arm| arm.id() == id)
    }

    /// The arm a tool puts a report in when people choose: [`NO_AI`] is
    /// `no_ai`, any other tool `ai`.
    pub fn of_tool(tool: &str) -> Arm {
        if tool == NO_AI {
            Arm::NoAi
        } else {
            Arm::Ai
        }
    }

    /// 0 for `ai`, 1 for `no_ai`: the arm's place in [`Arm::ALL`].
    pub fn index(self) -> usize {
        match self {
            Arm::Ai => 0,
            Arm::NoAi => 1,
        }
    }
}

/// Whether `minutes` is one of [`MINUTE_BUCKETS`].
pub fn is_bucket(minutes: u32) -> bool {
    MINUTE_BUCKETS.contains(&minutes)
}
