//! The database schema, as a list of steps; the file's version is `PRAGMA user_version`.
//!
//! Step i (counting from 1) takes a file from version i − 1 to version i.
//! Steps are only ever appended: a released step is never edited, so every
//! file, however old, reaches the current schema the same way.

use rusqlite::Connection;

use super::StoreError;

/// The schema steps, oldest first.
pub const MIGRATIONS: &[&str] = &[
    // 1: counts keyed by the whole report content, and ids apart (SPEC §6.4).
    // WITHOUT ROWID so no row id or insertion order hints at arrival; every
    // column NOT NULL ('' or -1 for an answer not given) so the key compares
    // plainly. Reasons are sorted ids joined by ','.
    "CREATE TABLE counts (
        week TEXT NOT NULL,
        task TEXT NOT NULL,
        tool TEXT NOT NULL,
        outcome INTEGER NOT NULL CHECK (outcome BETWEEN -2 AND 2),
        effort TEXT NOT NULL,
        mandated INTEGER NOT NULL CHECK (mandated IN (-1, 0, 1)),
        complexity TEXT NOT NULL,
        team TEXT NOT NULL,
        reasons TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n > 0),
        PRIMARY KEY (week, task, tool, outcome, effort, mandated, complexity, team, reasons)
    ) WITHOUT ROWID;
    CREATE TABLE seen_ids (id BLOB PRIMARY KEY) WITHOUT ROWID;",
    // 2: anonymous credentials (SPEC §6.10), in tables that share no key
    // with the counts. Spent tokens: an epoch and a random input, nothing
    // about the report that spent it. The issuer's state: one VOPRF key per
    // epoch, and per week a random salt and, per person, a count of tokens
    // issued under the salted hash of the identity (never the identity).
    // Rows of weeks that can no longer be spent or counted are deleted, and
    // secure_delete zeroes their pages.
    "CREATE TABLE spent_tokens (
        epoch TEXT NOT NULL,
        input BLOB NOT NULL,
        PRIMARY KEY (epoch, input)
    ) WITHOUT ROWID;
    CREATE TABLE token_keys (epoch TEXT PRIMARY KEY, server BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE issuance_salts (week TEXT PRIMARY KEY, salt BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE issued (
        week TEXT NOT NULL,
        person BLOB NOT NULL,
        n INTEGER NOT NULL CHECK (n > 0),
        PRIMARY KEY (week, person)
    ) WITHOUT ROWID;",
    // 3: pilots (SPEC §10), counts as for `counts`: one row per distinct
    // (pilot, week, task, arm, forecast, actual, outcome, against_arm), with
    // how many reports said it. Written in the transaction that stores the
    // report's ordinary count and its id, so a resent id counts in neither.
    // Not the tool: whether it went against the arm is all the results need.
    "CREATE TABLE pilot_counts (
        pilot TEXT NOT NULL,
        week TEXT NOT NULL,
        task TEXT NOT NULL,
        arm TEXT NOT NULL CHECK (arm IN ('ai', 'no_ai')),
        forecast INTEGER NOT NULL CHECK (forecast > 0),
        actual INTEGER NOT NULL CHECK (actual > 0),
        outcome INTEGER NOT NULL CHECK (outcome BETWEEN -2 AND 2),
        against_arm INTEGER NOT NULL CHECK (against_arm IN (0, 1)),
        n INTEGER NOT NULL CHECK (n > 0),
        PRIMARY KEY (pilot, week, task, arm, forecast, actual, outcome, against_arm)
    ) WITHOUT ROWID;",
];

/// The same schema on PostgreSQL, step for step (steps 1 to 3 here are
/// steps 1 to 3 of [`MIGRATIONS`]): the same tables, columns and keys.
/// PostgreSQL tables have no row id to leave out; BYTEA for blobs,
/// SMALLINT/INTEGER/BIGINT for integers. Steps from 4 on are PostgreSQL's
/// own (a later SQLite step is appended here too, as a step of its own):
/// the two lists are numbered apart. The version is the one row of
/// `candor_schema`, up to [`pg_current_version`].
pub const PG_MIGRATIONS: &[&str] = &[
    "CREATE TABLE counts (
        week TEXT NOT NULL,
        task TEXT NOT NULL,
        tool TEXT NOT NULL,
        outcome SMALLINT NOT NULL CHECK (outcome BETWEEN -2 AND 2),
        effort TEXT NOT NULL,
        mandated SMALLINT NOT NULL CHECK (mandated IN (-1, 0, 1)),
        complexity TEXT NOT NULL,
        team TEXT NOT NULL,
        reasons TEXT NOT NULL,
        n BIGINT NOT NULL CHECK (n > 0),
        PRIMARY KEY (week, task, tool, outcome, effort, mandated, complexity, team, reasons)
    );
    CREATE TABLE seen_ids (id BYTEA PRIMARY KEY);",
    "CREATE TABLE spent_tokens (
        epoch TEXT NOT NULL,
        input BYTEA NOT NULL,
        PRIMARY KEY (epoch, input)
    );
    CREATE TABLE token_keys (epoch TEXT PRIMARY KEY, server BYTEA NOT NULL);
    CREATE TABLE issuance_salts (week TEXT PRIMARY KEY, salt BYTEA NOT NULL);
    CREATE TABLE issued (
        week TEXT NOT NULL,
        person BYTEA NOT NULL,
        n BIGINT NOT NULL CHECK (n > 0),
        PRIMARY KEY (week, person)
    );",
    "CREATE TABLE pilot_counts (
        pilot TEXT NOT NULL,
        week TEXT NOT NULL,
        task TEXT NOT NULL,
        arm TEXT NOT NULL CHECK (arm IN ('ai', 'no_ai')),
        forecast INTEGER NOT NULL CHECK (forecast > 0),
        actual INTEGER NOT NULL CHECK (actual > 0),
        outcome SMALLINT NOT NULL CHECK (outcome BETWEEN -2 AND 2),
        against_arm SMALLINT NOT NULL CHECK (against_arm IN (0, 1)),
        n BIGINT NOT NULL CHECK (n > 0),
        PRIMARY KEY (pilot, week, task, arm, forecast, actual, outcome, against_arm)
    );",
    // 4 (PostgreSQL only): the change counter replicas watch (SPEC §11).
    // One row; every transaction that stores a count adds one, so a replica
    // that reads a number other than the one its memory was built at reads
    // the counts again. How many batches were stored, ever: no id, week,
    // time or address.
    "CREATE TABLE candor_changes (
        one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
        generation BIGINT NOT NULL CHECK (generation >= 0)
    );
    INSERT INTO candor_changes (generation) VALUES (0);",
];

/// The key of the session advisory lock held while a PostgreSQL schema is
/// migrated, so two servers starting together run each step once: "candor" in ASCII.
pub const PG_MIGRATION_LOCK: i64 = 0x63_61_6e_64_6f_72;

/// Brings a PostgreSQL database up to [`pg_current_version`], one transaction
/// per step, under [`PG_MIGRATION_LOCK`]: a second server waits for the
/// first, then finds the steps done.
pub fn migrate_pg(client: &mut postgres::Client) -> Result<(), StoreError> {
    client.execute("SELECT pg_advisory_lock($1)", &[&PG_MIGRATION_LOCK])?;
    let done = migrate_pg_locked(client);
    // The lock goes with the session anyway; unlocking lets a waiting server on now.
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&PG_MIGRATION_LOCK]);
    done?;
    unlocked?;
    Ok(())
}

fn migrate_pg_locked(client: &mut postgres::Client) -> Result<(), StoreError> {
    client.batch_execute("CREATE TABLE IF NOT EXISTS candor_schema (version INTEGER NOT NULL)")?;
    let found = client
        .query_opt("SELECT version FROM candor_schema", &[])?
        .map(|row| row.get::<_, i32>(0));
    let found = match found {
        Some(version) => u32::try_from(version)
            .map_err(|_| StoreError::Corrupt(format!("schema version {version}")))?,
        None => {
            client.execute("INSERT INTO candor_schema (version) VALUES (0)", &[])?;
            0
        }
    };
    if found > pg_current_version() {
        return Err(StoreError::NewerSchema {
            found,
            known: pg_current_version(),
        });
    }
    for (done, step) in PG_MIGRATIONS.iter().enumerate().skip(found as usize) {
        let mut tx = client.transaction()?;
        tx.batch_execute(step)?;
        let version = i32::try_from(done + 1).expect("fewer than 2^31 migrations");
        tx.execute("UPDATE candor_schema SET version = $1", &[&version])?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema version this build writes.
pub fn current_version() -> u32 {
    u32::try_from(MIGRATIONS.len()).expect("fewer than 2^32 migrations")
}

/// The schema version this build writes on PostgreSQL.
pub fn pg_current_version() -> u32 {
    u32::try_from(PG_MIGRATIONS.len()).expect("fewer than 2^32 migrations")
}

/// Brings the file up to [`current_version`], one transaction per step.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: u32 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > current_version() {
        return Err(StoreError::NewerSchema {
            found,
            known: current_version(),
        });
    }
    for (done, step) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        // PRAGMA takes no bound parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", done + 1))?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_gets_every_step_and_a_second_run_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap();
        assert_eq!(version, current_version());
    }

    #[test]
    fn a_file_of_version_2_gains_the_pilot_counts_and_keeps_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        for step in &MIGRATIONS[..2] {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO counts VALUES ('2026-W07', 'tests', 'none', 1, '', -1, '', '', '', 3);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |row| row.get(0)).unwrap() };
        assert_eq!(count("SELECT n FROM counts"), 3);
        assert_eq!(count("SELECT count(*) FROM pilot_counts"), 0);
        assert_eq!(count("PRAGMA user_version"), 3);
    }

    #[test]
    fn postgresql_has_a_step_for_each_sqlite_step() {
        assert!(PG_MIGRATIONS.len() >= MIGRATIONS.len());
    }

    #[test]
    fn a_file_from_a_newer_server_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerSchema { found: 99, .. }),
            "{err}"
        );
    }
}
