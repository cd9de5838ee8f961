//! The sync server's health answer (SPEC §4 `GET /health`): `{"status":"ok"}`.

use serde::Serialize;

/// The health answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `ok` when the server answers at all.
    #[cfg_attr(feature = "openapi", schema(example = "ok"))]
    pub status: &'static str,
}

impl Health {
    /// The server is up.
    pub const OK: Health = Health { status: "ok" };
}
