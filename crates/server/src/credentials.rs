//! The credential issuer (SPEC §6.10): tokens for signed-in people, none identified.
//!
//! The core's [`candor_core::token`] describes the protocol and its
//! documents; this module holds the server's side of it:
//!
//! - [`Issuer`]: one VOPRF key per epoch (an ISO week in UTC), the weekly
//!   quota per person, and the check of a token a report spends.
//!
//! What the issuer keeps, in the database's own tables (migration 2): the
//! key of each epoch still spendable; per week a random salt, and per person
//! the number of tokens issued, under HMAC-SHA256(salt, identity). The
//! identity is never stored, logged or kept in memory past the request, and
//! the salt and counts of a week are deleted when the week ends, so even
//! someone holding the file and guessing identities learns only about the
//! current week. The spent tokens are written by the report writer, in the
//! transaction that stores the report ([`crate::store::SpentToken`]).
//!
//! All cryptography is the `voprf` crate's (RFC 9497, ristretto255-SHA512),
//! `hmac` and `sha2`; nothing here is home-made beyond encoding bytes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use candor_core::{Credentials, MAX_TOKENS_PER_REQUEST};
use candor_core::{IsoWeek, Token, TokenError, TokenIssue, TokenKey, TokenRequest};
use hmac::{Hmac, Mac};
use rand_core::OsRng;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use voprf::{BlindedElement, Group, Ristretto255, VoprfServer};

use crate::store::{sqlite, SpentToken, StoreError};

/// Why tokens were not issued.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    /// The request did not come through the single sign-on proxy with an identity.
    #[error("tokens are issued only to people signed in through the organisation's single sign-on; sign in and try again")]
    SignInRequired,
    /// This person has had every token of this week.
    #[error("you have been issued all {per_week} tokens of {week}; more are issued from Monday ({next})")]
    QuotaExhausted {
        /// The week's allowance.
        per_week: u32,
        /// The week in question.
        week: IsoWeek,
        /// When it resets.
        next: IsoWeek,
    },
    /// The request names an epoch other than the current one.
    #[error("tokens are issued for {current} now, not {asked}; read GET /api/v1/tokens/key again")]
    EpochEnded {
        /// The epoch the app asked for.
        asked: IsoWeek,
        /// The epoch tokens are issued for now.
        current: IsoWeek,
    },
    /// A blinded element is not one, or there are none or too many.
    #[error("{message}")]
    BadRequest {
        /// The field at fault, e.g. `blinded[3]`.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for IssueError {
    fn from(err: rusqlite::Error) -> IssueError {
        IssueError::Store(StoreError::Sqlite(err))
    }
}

/// The issuer: keys per epoch, the weekly quota, and the check of spent tokens.
pub struct Issuer {
    per_week: u32,
    conn: Mutex<Connection>,
    keys: Mutex<HashMap<IsoWeek, VoprfServer<Ristretto255>>>,
    /// The week whose older rows were last deleted.
    swept: Mutex<Option<IsoWeek>>,
}

impl std::fmt::Debug for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issuer")
            .field("per_week", &self.per_week)
            .finish_non_exhaustive()
    }
}

fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()
}

fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Issuer {
    /// The issuer over the database at `path` (already migrated by
    /// [`crate::store::SqliteStore::open`]), on a connection of its own.
    pub fn open(path: &Path, credentials: &Credentials) -> Result<Issuer, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        sqlite::configure(&conn)?;
        Ok(Issuer {
            per_week: credentials.per_week,
            conn: Mutex::new(conn),
            keys: Mutex::new(HashMap::new()),
            swept: Mutex::new(None),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// The key of `epoch`, made and stored when `create` and there is none.
    fn key(
        &self,
        epoch: IsoWeek,
        create: bool,
    ) -> Result<Option<VoprfServer<Ristretto255>>, StoreError> {
        let mut keys = self
            .keys
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some(key) = keys.get(&epoch) {
            return Ok(Some(key.clone()));
        }
        let conn = self.conn();
        let read = |conn: &Connection| {
            conn.query_row(
                "SELECT server FROM token_keys WHERE epoch = ?1",
                [epoch.to_string()],
                |row| row.get::<_, Vec<u8>>(0),
            )
            .optional()
        };
        let mut stored = read(&conn)?;
        if stored.is_none() && create {
            let fresh = VoprfServer::<Ristretto255>::new(&mut OsRng)
                .map_err(|err| StoreError::Writer(format!("making a key: {err}")))?;
            // Another process on the same file may have made one first; theirs wins.
            conn.execute(
                "INSERT INTO token_keys (epoch, server) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                params![epoch.to_string(), fresh.serialize().as_slice()],
            )?;
            stored = read(&conn)?;
        }
        let Some(bytes) = stored else {
            return Ok(None);
        };
        let key = VoprfServer::<Ristretto255>::deserialize(&bytes)
            .map_err(|_| StoreError::Corrupt(format!("the token key of {epoch}")))?;
        keys.insert(epoch, key.clone());
        Ok(Some(key))
    }

    /// Deletes what a new week makes useless: keys and spent tokens of
    /// epochs that can no longer be spent, salts and counts of past weeks.
    fn sweep(&self, week: IsoWeek) -> Result<(), StoreError> {
        let mut swept = self
            .swept
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if *swept == Some(week) {
            return Ok(());
        }
        let oldest_spendable = week.prev().to_string();
        let this_week = week.to_string();
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "DELETE FROM token_keys WHERE epoch < ?1",
            [&oldest_spendable],
        )?;
        tx.execute(
            "DELETE FROM spent_tokens WHERE epoch < ?1",
            [&oldest_spendable],
        )?;
        tx.execute("DELETE FROM issuance_salts WHERE week < ?1", [&this_week])?;
        tx.execute("DELETE FROM issued WHERE week < ?1", [&this_week])?;
        tx.commit()?;
        drop(conn);
        self.keys
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .retain(|epoch, _| *epoch >= week.prev());
        *swept = Some(week);
        Ok(())
    }

    /// `GET /tokens/key`: the key of `week`'s epoch, made if it is the first ask.
    pub fn public_key(&self, week: IsoWeek) -> Result<TokenKey, StoreError> {
        self.sweep(week)?;
        let key = self
            .key(week, true)?
            .ok_or_else(|| StoreError::Writer("a new key was not kept".into()))?;
        Ok(TokenKey {
            epoch: week,
            public_key: encode(&Ristretto255::serialize_elem(key.get_public_key())),
            per_week: self.per_week,
        })
    }

    /// `POST /tokens`: evaluates up to the person's remaining allowance of
    /// `request.blinded`, counting them against `identity`'s week first.
    pub fn issue(
        &self,
        identity: &str,
        request: &TokenRequest,
        week: IsoWeek,
    ) -> Result<TokenIssue, IssueError> {
        if request.epoch != week {
            return Err(IssueError::EpochEnded {
                asked: request.epoch,
                current: week,
            });
        }
        if request.blinded.is_empty() || request.blinded.len() > MAX_TOKENS_PER_REQUEST {
            return Err(IssueError::BadRequest {
                field: "blinded".into(),
                message: format!(
                    "ask for 1 to {MAX_TOKENS_PER_REQUEST} tokens (this asks for {})",
                    request.blinded.len()
                ),
            });
        }
        let blinded = (request.blinded.iter().enumerate())
            .map(|(index, text)| {
                decode::<32>(text)
                    .and_then(|bytes| BlindedElement::<Ristretto255>::deserialize(&bytes).ok())
                    .ok_or_else(|| IssueError::BadRequest {
                        field: format!("blinded[{index}]"),
                        message: "is not a blinded ristretto255 element in base64url".into(),
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.sweep(week)?;
        let key = self
            .key(week, true)?
            .ok_or_else(|| StoreError::Writer("a new key was not kept".into()))?;
        let granted = self.count_out(identity, week, blinded.len())?;
        let mut blinded = blinded;
        blinded.truncate(granted.issued);
        let evaluation = key
            .batch_blind_evaluate(&mut OsRng, &blinded)
            .map_err(|err| StoreError::Writer(format!("evaluating tokens: {err}")))?;
        Ok(TokenIssue {
            epoch: week,
            evaluated: (evaluation.messages.iter())
                .map(|element| encode(&element.serialize()))
                .collect(),
            proof: encode(&evaluation.proof.serialize()),
            remaining: granted.remaining,
        })
    }

    /// Counts up to `wanted` more tokens against the person's week, durably,
    /// before any is issued: a restart does not reset anyone's allowance.
    fn count_out(&self, identity: &str, week: IsoWeek, wanted: usize) -> Result<Grant, IssueError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let week_text = week.to_string();
        let salt: Option<Vec<u8>> = tx
            .query_row(
                "SELECT salt FROM issuance_salts WHERE week = ?1",
                [&week_text],
                |row| row.get(0),
            )
            .optional()?;
        let salt = match salt {
            Some(salt) => salt,
            None => {
                let mut salt = vec![0; 32];
                getrandom::fill(&mut salt)
                    .map_err(|err| StoreError::Writer(format!("no randomness: {err}")))?;
                tx.execute(
                    "INSERT INTO issuance_salts (week, salt) VALUES (?1, ?2)",
                    params![week_text, salt],
                )?;
                salt
            }
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&salt).expect("HMAC takes any key length");
        mac.update(identity.as_bytes());
        let person = mac.finalize().into_bytes();
        let issued: u32 = tx
            .query_row(
                "SELECT n FROM issued WHERE week = ?1 AND person = ?2",
                params![week_text, person.as_slice()],
                |row| row.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let left = self.per_week.saturating_sub(issued);
        if left == 0 {
            return Err(IssueError::QuotaExhausted {
                per_week: self.per_week,
                week,
                next: week.next(),
            });
        }
        let granted = left.min(u32::try_from(wanted).unwrap_or(u32::MAX));
        tx.execute(
            "INSERT INTO issued (week, person, n) VALUES (?1, ?2, ?3)
             ON CONFLICT (week, person) DO UPDATE SET n = n + ?3",
            params![week_text, person.as_slice(), granted],
        )?;
        tx.commit()?;
        Ok(Grant {
            issued: granted as usize,
            remaining: left - granted,
        })
    }

    /// Checks a token a report spends in `week`: issued by the key of its
    /// epoch, which is this week or the one before. Whether it was spent
    /// before is the store's to say, in the transaction that stores the report.
    ///
    /// The outer error is the store failing (the whole batch is answered
    /// 500 and retried); the inner one is the token's fault.
    pub fn check(
        &self,
        token: &Token,
        week: IsoWeek,
    ) -> Result<Result<SpentToken, TokenError>, StoreError> {
        if token.epoch != week && token.epoch != week.prev() {
            return Ok(Err(TokenError::Invalid));
        }
        let (Some(input), Some(output)) = (decode::<32>(&token.input), decode::<64>(&token.output))
        else {
            return Ok(Err(TokenError::Invalid));
        };
        let Some(key) = self.key(token.epoch, false)? else {
            return Ok(Err(TokenError::Invalid));
        };
        let Ok(expected) = key.evaluate(&input) else {
            return Ok(Err(TokenError::Invalid));
        };
        Ok(if expected.as_slice().ct_eq(&output).into() {
            Ok(SpentToken {
                epoch: token.epoch,
                input,
            })
        } else {
            Err(TokenError::Invalid)
        })
    }
}

/// Tokens counted out to a person: how many now, how many are left.
struct Grant {
    issued: usize,
    remaining: u32,
}
