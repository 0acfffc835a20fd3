//! The HSS subscriber database, on SQLite: the EPS side (K, OPc, AMF, SQN,
//! APNs, serving MME) and the IMS side (IMPI, the implicit registration set
//! of IMPUs with their barring flags, registration state, S-CSCF name).
//!
//! The same module backs the running HSS and the `volte-sim hss` command.
//!
//! # SQN management
//!
//! `sqn` holds the next SQN to put in a vector (SQN_HE + 1). Every
//! Authentication-Information-Request takes as many SQNs as it asks vectors
//! for and commits the new value before the vectors are computed, so an
//! answer never leaves with an SQN that a restart could hand out again. The
//! scheme is a plain counter (TS 33.102 C.3.2 lets the HE choose; the IND
//! bits of C.1.2 are not used, matching the USIM model in
//! [`crate::crypto::auth::UsimSqn`]): each vector's SQN is the previous one
//! plus one, and the counter never wraps: the stored next SQN stays at or
//! below 2^48 - 1, so the last SQN ever handed out is 2^48 - 2.
//!
//! # Durability
//!
//! File databases run in WAL mode with `synchronous=NORMAL`: a committed SQN
//! survives a crash or kill of the process (the restart case), but the last
//! commits before a power loss or OS crash may be lost, since the WAL is only
//! synced at checkpoints. That trade keeps an AIR at one small write without
//! an fsync; `synchronous=FULL` would close the gap at the cost of one fsync
//! per AIR.

use crate::crypto::{Amf, K, Opc, Sqn};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema version this code reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i32 = 2;

/// The largest SQN (48 bits).
pub const MAX_SQN: u64 = (1 << 48) - 1;

/// Schema steps: `MIGRATIONS[v]` takes a database from version `v` to `v + 1`.
const MIGRATIONS: &[&str] = &[
    // Version 1. `impus` is its own table so that Cx can find a subscriber
    // by any public identity with an index lookup.
    "CREATE TABLE subscribers (
        imsi        TEXT PRIMARY KEY NOT NULL,
        msisdn      TEXT NOT NULL DEFAULT '',
        k           BLOB NOT NULL CHECK (length(k) = 16),
        opc         BLOB NOT NULL CHECK (length(opc) = 16),
        amf         BLOB NOT NULL CHECK (length(amf) = 2),
        sqn         INTEGER NOT NULL CHECK (sqn BETWEEN 0 AND 281474976710655),
        apns        TEXT NOT NULL DEFAULT '',
        impi        TEXT UNIQUE,
        ims_state   INTEGER NOT NULL DEFAULT 0,
        scscf_name  TEXT,
        mme_host    TEXT,
        mme_realm   TEXT,
        purged      INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE impus (
        impu    TEXT PRIMARY KEY NOT NULL,
        imsi    TEXT NOT NULL REFERENCES subscribers(imsi) ON DELETE CASCADE,
        pos     INTEGER NOT NULL,
        barred  INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE INDEX impus_by_imsi ON impus(imsi, pos);",
    // Version 2. Administrative actions the CLI queues for the running HSS
    // (`volte-sim hss deregister IMPU`); the HSS takes them in id order.
    "CREATE TABLE admin_actions (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        action  TEXT NOT NULL,
        impu    TEXT NOT NULL
    );",
];

/// An administrative action queued in the database for the running HSS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminAction {
    /// De-register a public identity: the HSS sends RTR to its S-CSCF
    /// (TS 29.228 6.1.3, PERMANENT_TERMINATION).
    Deregister {
        /// The public identity.
        impu: String,
    },
}

/// The `action` column of [`AdminAction::Deregister`].
const ACTION_DEREGISTER: &str = "deregister";

const SUBSCRIBER_COLUMNS: &str = "imsi, msisdn, k, opc, amf, sqn, apns, impi, ims_state, \
                                  scscf_name, mme_host, mme_realm, purged";

/// Why a store operation failed.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite said no.
    Sqlite(rusqlite::Error),
    /// The database file does not exist (and the caller did not want it created).
    NoDatabase(PathBuf),
    /// The file was written by a newer volte-sim.
    NewerSchema {
        /// `user_version` found in the file.
        found: i32,
    },
    /// `add` for an IMSI that is already there.
    Exists(String),
    /// A stored value is not what the schema promises.
    Corrupt(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(e) => write!(f, "database error: {e}"),
            Self::NoDatabase(p) => write!(f, "no HSS database at {}", p.display()),
            Self::NewerSchema { found } => write!(
                f,
                "database schema version {found} is newer than this volte-sim understands \
                 ({SCHEMA_VERSION})"
            ),
            Self::Exists(imsi) => write!(f, "subscriber {imsi} already exists"),
            Self::Corrupt(what) => write!(f, "database holds an invalid value: {what}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

/// IMS registration state of a subscriber (TS 29.228 6.1.2 / 6.1.3: the
/// states the HSS keeps for an implicit registration set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImsState {
    /// Not registered.
    #[default]
    NotRegistered,
    /// Registered.
    Registered,
    /// Unregistered, but an S-CSCF serves it (terminating services).
    Unregistered,
    /// Authentication in progress.
    AuthPending,
}

impl ImsState {
    fn to_i64(self) -> i64 {
        match self {
            Self::NotRegistered => 0,
            Self::Registered => 1,
            Self::Unregistered => 2,
            Self::AuthPending => 3,
        }
    }

    fn from_i64(v: i64) -> Option<Self> {
        Some(match v {
            0 => Self::NotRegistered,
            1 => Self::Registered,
            2 => Self::Unregistered,
            3 => Self::AuthPending,
            _ => return None,
        })
    }

    /// Name for humans.
    pub fn name(self) -> &'static str {
        match self {
            Self::NotRegistered => "not registered",
            Self::Registered => "registered",
            Self::Unregistered => "unregistered",
            Self::AuthPending => "authentication pending",
        }
    }
}

/// One public identity of the implicit registration set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impu {
    /// SIP or tel URI.
    pub uri: String,
    /// Barred for use outside registration (TS 29.228 6.1.1, TS 23.228 4.3.3.4).
    pub barred: bool,
}

impl Impu {
    /// A public identity that is not barred.
    pub fn new(uri: impl Into<String>) -> Self {
        Self {
            uri: uri.into(),
            barred: false,
        }
    }
}

/// What an operator provisions for one subscriber.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// IMSI.
    pub imsi: String,
    /// MSISDN digits (may be empty).
    pub msisdn: String,
    /// K.
    pub k: K,
    /// OPc.
    pub opc: Opc,
    /// AMF used in vectors.
    pub amf: Amf,
    /// The next SQN to use.
    pub sqn: Sqn,
    /// Subscribed APNs; the first is the default.
    pub apns: Vec<String>,
    /// IMS private identity.
    pub impi: Option<String>,
    /// IMS public identities (the implicit registration set), default first.
    pub impus: Vec<Impu>,
}

/// Everything stored about a subscriber.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberRecord {
    /// The provisioned data.
    pub subscription: Subscription,
    /// IMS registration state.
    pub ims_state: ImsState,
    /// The S-CSCF assigned to the IMS user.
    pub scscf_name: Option<String>,
    /// The MME that last sent ULR: (Origin-Host, Origin-Realm).
    pub mme: Option<(String, String)>,
    /// "UE purged in MME" (TS 29.272 5.2.1.3.3).
    pub purged: bool,
}

/// What vector generation needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthKeys {
    /// K.
    pub k: K,
    /// OPc.
    pub opc: Opc,
    /// AMF.
    pub amf: Amf,
}

/// SQNs handed to one AIR: `first`, `first + 1`, ... `first + count - 1`,
/// already committed as used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqnGrant {
    /// Keys of the subscriber.
    pub keys: AuthKeys,
    /// The first SQN.
    pub first: Sqn,
    /// How many SQNs were taken.
    pub count: u32,
}

/// Outcome of [`Store::take_sqns`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakeSqn {
    /// SQNs taken and committed.
    Granted(SqnGrant),
    /// No subscriber with that IMSI.
    UnknownUser,
    /// The counter would pass 2^48 - 1.
    Exhausted {
        /// The stored next SQN.
        next: Sqn,
    },
}

/// Outcome of [`Store::resync`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resync {
    /// MAC-S verified: the counter restarted at SQN_MS + 1 and the grant
    /// starts there.
    Granted {
        /// The SQNs taken.
        grant: SqnGrant,
        /// SQN_MS recovered from AUTS.
        sqn_ms: Sqn,
    },
    /// No subscriber with that IMSI.
    UnknownUser,
    /// MAC-S did not verify; nothing changed.
    BadMac,
    /// SQN_MS is too close to 2^48 - 1 for the vectors asked.
    Exhausted {
        /// SQN_MS recovered from AUTS.
        sqn_ms: Sqn,
    },
}

/// What ULR needs from the subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationProfile {
    /// MSISDN digits.
    pub msisdn: String,
    /// Subscribed APNs, default first.
    pub apns: Vec<String>,
}

/// What [`Store::seed`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SeedReport {
    /// Subscribers that were not in the database.
    pub inserted: usize,
    /// Subscribers updated from the topology.
    pub updated: usize,
    /// Of those, how many kept a stored SQN higher than the topology's.
    pub sqn_kept: usize,
}

/// The subscriber database.
pub struct Store {
    conn: Connection,
    file: Option<PathBuf>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("file", &self.file).finish()
    }
}

fn join(list: &[String]) -> String {
    list.join(",")
}

fn split(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn to_sql_sqn(sqn: Sqn) -> i64 {
    // 48 bits always fit.
    sqn.value() as i64
}

fn sqn_from_sql(v: i64) -> Result<Sqn, StoreError> {
    u64::try_from(v)
        .ok()
        .and_then(Sqn::new)
        .ok_or_else(|| StoreError::Corrupt(format!("SQN {v} outside 0..2^48")))
}

impl Store {
    /// Opens (creating it if needed) the database file at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path)?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    /// Opens an existing database file; [`StoreError::NoDatabase`] if there
    /// is none.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NoDatabase(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::init(conn, Some(path.to_path_buf()))
    }

    /// A database that lives in memory only.
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?, None)
    }

    fn init(conn: Connection, file: Option<PathBuf>) -> Result<Self, StoreError> {
        if file.is_some() {
            // See the module doc for the durability this gives.
            let _mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // The CLI may write while the HSS runs; wait a little for its lock.
            conn.busy_timeout(Duration::from_secs(2))?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.set_prepared_statement_cache_capacity(32);
        let mut store = Self { conn, file };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { found: version });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", v as i32 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The schema version stored in the database.
    pub fn schema_version(&self) -> Result<i32, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Number of subscribers.
    pub fn count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT count(*) FROM subscribers")?
            .query_row([], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Brings the database in line with the topology, in one transaction:
    /// missing subscribers are inserted; present ones take the topology's
    /// MSISDN, keys, AMF, APNs and IMS identities but keep their SQN when
    /// the stored one is higher (a restart must never reuse an SQN), their
    /// IMS registration state, serving MME and the barring flags of IMPUs
    /// they keep. Subscribers missing from the topology stay.
    pub fn seed(&mut self, subs: &[Subscription]) -> Result<SeedReport, StoreError> {
        let mut report = SeedReport::default();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for s in subs {
            let stored: Option<i64> = tx
                .prepare_cached("SELECT sqn FROM subscribers WHERE imsi = ?1")?
                .query_row([&s.imsi], |r| r.get(0))
                .optional()?;
            match stored {
                None => report.inserted += 1,
                Some(old) => {
                    report.updated += 1;
                    if old > to_sql_sqn(s.sqn) {
                        report.sqn_kept += 1;
                    }
                }
            }
            tx.prepare_cached(
                "INSERT INTO subscribers (imsi, msisdn, k, opc, amf, sqn, apns, impi)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(imsi) DO UPDATE SET
                    msisdn = excluded.msisdn, k = excluded.k, opc = excluded.opc,
                    amf = excluded.amf, apns = excluded.apns, impi = excluded.impi,
                    sqn = max(subscribers.sqn, excluded.sqn)",
            )?
            .execute(params![
                s.imsi,
                s.msisdn,
                s.k.as_bytes(),
                s.opc.as_bytes(),
                s.amf.as_bytes(),
                to_sql_sqn(s.sqn),
                join(&s.apns),
                s.impi,
            ])?;
            // IMPUs: keep the barring flag of the ones that stay.
            let old: Vec<String> = tx
                .prepare_cached("SELECT impu FROM impus WHERE imsi = ?1")?
                .query_map([&s.imsi], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for gone in old.iter().filter(|o| !s.impus.iter().any(|i| &i.uri == *o)) {
                tx.prepare_cached("DELETE FROM impus WHERE impu = ?1")?
                    .execute([gone])?;
            }
            for (pos, impu) in s.impus.iter().enumerate() {
                tx.prepare_cached(
                    "INSERT INTO impus (impu, imsi, pos, barred) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(impu) DO UPDATE SET imsi = excluded.imsi, pos = excluded.pos",
                )?
                .execute(params![impu.uri, s.imsi, pos as i64, impu.barred])?;
            }
        }
        tx.commit()?;
        Ok(report)
    }

    /// Adds a subscriber; [`StoreError::Exists`] if the IMSI is taken.
    pub fn add(&mut self, s: &Subscription) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists = tx
            .prepare_cached("SELECT 1 FROM subscribers WHERE imsi = ?1")?
            .query_row([&s.imsi], |_| Ok(()))
            .optional()?
            .is_some();
        if exists {
            return Err(StoreError::Exists(s.imsi.clone()));
        }
        tx.prepare_cached(
            "INSERT INTO subscribers (imsi, msisdn, k, opc, amf, sqn, apns, impi)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            s.imsi,
            s.msisdn,
            s.k.as_bytes(),
            s.opc.as_bytes(),
            s.amf.as_bytes(),
            to_sql_sqn(s.sqn),
            join(&s.apns),
            s.impi,
        ])?;
        for (pos, impu) in s.impus.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO impus (impu, imsi, pos, barred) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![impu.uri, s.imsi, pos as i64, impu.barred])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a subscriber and its IMPUs; false if it was not there.
    pub fn remove(&mut self, imsi: &str) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached("DELETE FROM impus WHERE imsi = ?1")?
            .execute([imsi])?;
        let n = tx
            .prepare_cached("DELETE FROM subscribers WHERE imsi = ?1")?
            .execute([imsi])?;
        tx.commit()?;
        Ok(n > 0)
    }

    fn record_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRecord> {
        Ok(RawRecord {
            imsi: r.get(0)?,
            msisdn: r.get(1)?,
            k: r.get(2)?,
            opc: r.get(3)?,
            amf: r.get(4)?,
            sqn: r.get(5)?,
            apns: r.get(6)?,
            impi: r.get(7)?,
            ims_state: r.get(8)?,
            scscf_name: r.get(9)?,
            mme_host: r.get(10)?,
            mme_realm: r.get(11)?,
            purged: r.get(12)?,
        })
    }

    /// The subscriber with `imsi`.
    pub fn get(&self, imsi: &str) -> Result<Option<SubscriberRecord>, StoreError> {
        let raw = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUBSCRIBER_COLUMNS} FROM subscribers WHERE imsi = ?1"
            ))?
            .query_row([imsi], Self::record_from_row)
            .optional()?;
        let Some(raw) = raw else {
            return Ok(None);
        };
        let impus = self
            .conn
            .prepare_cached("SELECT impu, barred FROM impus WHERE imsi = ?1 ORDER BY pos")?
            .query_map([imsi], |r| {
                Ok(Impu {
                    uri: r.get(0)?,
                    barred: r.get(1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        raw.finish(impus).map(Some)
    }

    /// Every subscriber, by IMSI.
    pub fn list(&self) -> Result<Vec<SubscriberRecord>, StoreError> {
        let mut impus: HashMap<String, Vec<Impu>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT imsi, impu, barred FROM impus ORDER BY imsi, pos")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Impu {
                    uri: r.get(1)?,
                    barred: r.get(2)?,
                },
            ))
        })?;
        for row in rows {
            let (imsi, impu) = row?;
            impus.entry(imsi).or_default().push(impu);
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUBSCRIBER_COLUMNS} FROM subscribers ORDER BY imsi"
        ))?;
        let raws = stmt
            .query_map([], Self::record_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        raws.into_iter()
            .map(|raw| {
                let own = impus.remove(&raw.imsi).unwrap_or_default();
                raw.finish(own)
            })
            .collect()
    }

    /// Sets the next SQN; false if the IMSI is unknown.
    pub fn set_sqn(&mut self, imsi: &str, sqn: Sqn) -> Result<bool, StoreError> {
        let n = self
            .conn
            .prepare_cached("UPDATE subscribers SET sqn = ?2 WHERE imsi = ?1")?
            .execute(params![imsi, to_sql_sqn(sqn)])?;
        Ok(n > 0)
    }

    /// Takes `count` SQNs for one AIR and commits the new counter before
    /// returning: one UPDATE by primary key.
    pub fn take_sqns(&mut self, imsi: &str, count: u32) -> Result<TakeSqn, StoreError> {
        let n = i64::from(count);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let taken = tx
            .prepare_cached(
                "UPDATE subscribers SET sqn = sqn + ?2
                 WHERE imsi = ?1 AND sqn + ?2 <= 281474976710655
                 RETURNING sqn, k, opc, amf",
            )?
            .query_row(params![imsi, n], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, [u8; 16]>(1)?,
                    r.get::<_, [u8; 16]>(2)?,
                    r.get::<_, [u8; 2]>(3)?,
                ))
            })
            .optional()?;
        let Some((next, k, opc, amf)) = taken else {
            let stored: Option<i64> = tx
                .prepare_cached("SELECT sqn FROM subscribers WHERE imsi = ?1")?
                .query_row([imsi], |r| r.get(0))
                .optional()?;
            drop(tx);
            return Ok(match stored {
                None => TakeSqn::UnknownUser,
                Some(v) => TakeSqn::Exhausted {
                    next: sqn_from_sql(v)?,
                },
            });
        };
        tx.commit()?;
        Ok(TakeSqn::Granted(SqnGrant {
            keys: AuthKeys {
                k: K::new(k),
                opc: Opc::new(opc),
                amf: Amf::new(amf),
            },
            first: sqn_from_sql(next - n)?,
            count,
        }))
    }

    /// Resynchronisation (TS 33.102 6.3.5): `verify` checks MAC-S of the
    /// AUTS with the subscriber's keys and returns SQN_MS. When it does, the
    /// counter restarts at SQN_MS + 1, `count` SQNs are taken from there and
    /// the result is committed before returning.
    ///
    /// The HE's "is SQN_HE still in range" shortcut of 6.3.5 is not taken:
    /// the UE only sends AUTS when our SQN was not acceptable, and its
    /// SQN_MS is the authority.
    pub fn resync(
        &mut self,
        imsi: &str,
        count: u32,
        verify: impl FnOnce(&AuthKeys) -> Option<Sqn>,
    ) -> Result<Resync, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let keys = tx
            .prepare_cached("SELECT k, opc, amf FROM subscribers WHERE imsi = ?1")?
            .query_row([imsi], |r| {
                Ok(AuthKeys {
                    k: K::new(r.get(0)?),
                    opc: Opc::new(r.get(1)?),
                    amf: Amf::new(r.get(2)?),
                })
            })
            .optional()?;
        let Some(keys) = keys else {
            return Ok(Resync::UnknownUser);
        };
        let Some(sqn_ms) = verify(&keys) else {
            return Ok(Resync::BadMac);
        };
        let first = sqn_ms.value() + 1;
        let next = first + u64::from(count);
        if next > MAX_SQN {
            return Ok(Resync::Exhausted { sqn_ms });
        }
        tx.prepare_cached("UPDATE subscribers SET sqn = ?2 WHERE imsi = ?1")?
            .execute(params![imsi, next as i64])?;
        tx.commit()?;
        Ok(Resync::Granted {
            grant: SqnGrant {
                keys,
                first: Sqn::new(first).unwrap_or(Sqn::MAX),
                count,
            },
            sqn_ms,
        })
    }

    /// Update Location (TS 29.272 5.2.1.1.3): stores the MME identity,
    /// clears "UE purged in MME" and returns what the ULA carries; `None`
    /// for an unknown IMSI.
    pub fn update_location(
        &mut self,
        imsi: &str,
        mme_host: &str,
        mme_realm: &str,
    ) -> Result<Option<LocationProfile>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "UPDATE subscribers SET mme_host = ?2, mme_realm = ?3, purged = 0
                 WHERE imsi = ?1 RETURNING msisdn, apns",
            )?
            .query_map(params![imsi, mme_host, mme_realm], |r| {
                Ok(LocationProfile {
                    msisdn: r.get(0)?,
                    apns: split(&r.get::<_, String>(1)?),
                })
            })?
            // Step to the end so that the implicit transaction commits now.
            .collect::<Result<Vec<_>, _>>()?;
        Ok(row.into_iter().next())
    }

    /// Purge UE (TS 29.272 5.2.1.3.3): when `mme_host` is the stored MME,
    /// sets "UE purged in MME" and returns `Some(true)`; `Some(false)` when
    /// another MME is stored; `None` for an unknown IMSI.
    pub fn purge(&mut self, imsi: &str, mme_host: &str) -> Result<Option<bool>, StoreError> {
        let stored: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT mme_host FROM subscribers WHERE imsi = ?1")?
            .query_row([imsi], |r| r.get(0))
            .optional()?;
        let Some(stored) = stored else {
            return Ok(None);
        };
        if stored.as_deref() != Some(mme_host) {
            return Ok(Some(false));
        }
        self.conn
            .prepare_cached("UPDATE subscribers SET purged = 1 WHERE imsi = ?1")?
            .execute([imsi])?;
        Ok(Some(true))
    }

    /// The IMSI owning public identity `impu` (Cx), by index.
    pub fn imsi_for_impu(&self, impu: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT imsi FROM impus WHERE impu = ?1")?
            .query_row([impu], |r| r.get(0))
            .optional()?)
    }

    /// The IMSI owning private identity `impi` (Cx), by index.
    pub fn imsi_for_impi(&self, impi: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT imsi FROM subscribers WHERE impi = ?1")?
            .query_row([impi], |r| r.get(0))
            .optional()?)
    }

    /// Records the IMS registration state and S-CSCF; false for an unknown IMSI.
    pub fn set_ims_registration(
        &mut self,
        imsi: &str,
        state: ImsState,
        scscf_name: Option<&str>,
    ) -> Result<bool, StoreError> {
        let n = self
            .conn
            .prepare_cached(
                "UPDATE subscribers SET ims_state = ?2, scscf_name = ?3 WHERE imsi = ?1",
            )?
            .execute(params![imsi, state.to_i64(), scscf_name])?;
        Ok(n > 0)
    }

    /// Queues an administrative de-registration of `impu` for the HSS that
    /// runs on this database (it looks every second); returns the row id.
    pub fn queue_deregistration(&mut self, impu: &str) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached("INSERT INTO admin_actions (action, impu) VALUES (?1, ?2)")?
            .execute(params![ACTION_DEREGISTER, impu])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Takes every queued administrative action, oldest first (they are
    /// removed from the database in the same transaction).
    pub fn take_admin_actions(&mut self) -> Result<Vec<AdminAction>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let rows: Vec<(i64, String, String)> = {
            let mut st =
                tx.prepare_cached("SELECT id, action, impu FROM admin_actions ORDER BY id")?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?
        };
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        tx.execute("DELETE FROM admin_actions", [])?;
        tx.commit()?;
        rows.into_iter()
            .map(|(id, action, impu)| match action.as_str() {
                ACTION_DEREGISTER => Ok(AdminAction::Deregister { impu }),
                other => Err(StoreError::Corrupt(format!(
                    "administrative action {id} is '{other}'"
                ))),
            })
            .collect()
    }

    /// Sets the barring flag of one public identity; false if it is unknown.
    pub fn set_barred(&mut self, impu: &str, barred: bool) -> Result<bool, StoreError> {
        let n = self
            .conn
            .prepare_cached("UPDATE impus SET barred = ?2 WHERE impu = ?1")?
            .execute(params![impu, barred])?;
        Ok(n > 0)
    }
}

/// A subscribers row before its values are checked.
struct RawRecord {
    imsi: String,
    msisdn: String,
    k: [u8; 16],
    opc: [u8; 16],
    amf: [u8; 2],
    sqn: i64,
    apns: String,
    impi: Option<String>,
    ims_state: i64,
    scscf_name: Option<String>,
    mme_host: Option<String>,
    mme_realm: Option<String>,
    purged: bool,
}

impl RawRecord {
    fn finish(self, impus: Vec<Impu>) -> Result<SubscriberRecord, StoreError> {
        let ims_state = ImsState::from_i64(self.ims_state).ok_or_else(|| {
            StoreError::Corrupt(format!("IMS state {} of {}", self.ims_state, self.imsi))
        })?;
        Ok(SubscriberRecord {
            subscription: Subscription {
                sqn: sqn_from_sql(self.sqn)?,
                imsi: self.imsi,
                msisdn: self.msisdn,
                k: K::new(self.k),
                opc: Opc::new(self.opc),
                amf: Amf::new(self.amf),
                apns: split(&self.apns),
                impi: self.impi,
                impus,
            },
            ims_state,
            scscf_name: self.scscf_name,
            mme: self.mme_host.zip(self.mme_realm),
            purged: self.purged,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sub(imsi: &str, sqn: u64) -> Subscription {
        Subscription {
            imsi: imsi.into(),
            msisdn: "15550001".into(),
            k: K::new([0x46; 16]),
            opc: Opc::new([0xcd; 16]),
            amf: Amf::new([0x80, 0]),
            sqn: Sqn::new(sqn).unwrap(),
            apns: vec!["internet".into(), "ims".into()],
            impi: Some(format!("{imsi}@ims.mnc001.mcc001.3gppnetwork.org")),
            impus: vec![
                Impu::new(format!("sip:{imsi}@ims.mnc001.mcc001.3gppnetwork.org")),
                Impu::new("tel:+15550001"),
            ],
        }
    }

    #[test]
    fn store_refuses_newer_schema_and_missing_file() {
        let db = super::super::testing::TempDb::new("schema");
        assert!(matches!(
            Store::open_existing(&db.0).unwrap_err(),
            StoreError::NoDatabase(_)
        ));
        {
            let s = Store::open(&db.0).unwrap();
            assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
            s.conn.pragma_update(None, "user_version", 99).unwrap();
        }
        let e = Store::open_existing(&db.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "database schema version 99 is newer than this volte-sim understands (2)"
        );
    }

    #[test]
    fn store_creates_schema_at_current_version() {
        let s = Store::in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.count().unwrap(), 0);
    }

    #[test]
    fn store_take_sqns_advances_counter_and_returns_keys() {
        let mut s = Store::in_memory().unwrap();
        s.add(&sub("001010000000001", 100)).unwrap();
        let TakeSqn::Granted(g) = s.take_sqns("001010000000001", 3).unwrap() else {
            panic!()
        };
        assert_eq!(g.first.value(), 100);
        assert_eq!(g.count, 3);
        assert_eq!(g.keys.k, K::new([0x46; 16]));
        assert_eq!(g.keys.amf, Amf::new([0x80, 0]));
        let TakeSqn::Granted(g) = s.take_sqns("001010000000001", 1).unwrap() else {
            panic!()
        };
        assert_eq!(g.first.value(), 103);
        assert_eq!(
            s.get("001010000000001").unwrap().unwrap().subscription.sqn,
            Sqn::new(104).unwrap()
        );
        assert_eq!(
            s.take_sqns("001019999999999", 1).unwrap(),
            TakeSqn::UnknownUser
        );
    }

    #[test]
    fn store_take_sqns_refuses_to_wrap() {
        let mut s = Store::in_memory().unwrap();
        s.add(&sub("001010000000001", MAX_SQN - 2)).unwrap();
        assert_eq!(
            s.take_sqns("001010000000001", 3).unwrap(),
            TakeSqn::Exhausted {
                next: Sqn::new(MAX_SQN - 2).unwrap()
            }
        );
        assert!(matches!(
            s.take_sqns("001010000000001", 2).unwrap(),
            TakeSqn::Granted(g) if g.first.value() == MAX_SQN - 2
        ));
        assert_eq!(
            s.take_sqns("001010000000001", 1).unwrap(),
            TakeSqn::Exhausted { next: Sqn::MAX }
        );
    }

    #[test]
    fn store_seed_inserts_updates_and_keeps_higher_sqn() {
        let mut s = Store::in_memory().unwrap();
        let mut a = sub("001010000000001", 10);
        let mut b = sub("001010000000002", 10);
        b.impus[1] = Impu::new("tel:+15550002");
        assert_eq!(
            s.seed(&[a.clone(), b.clone()]).unwrap(),
            SeedReport {
                inserted: 2,
                updated: 0,
                sqn_kept: 0
            }
        );
        s.set_sqn(&a.imsi, Sqn::new(500).unwrap()).unwrap();
        s.set_barred(&a.impus[1].uri, true).unwrap();
        s.set_ims_registration(&a.imsi, ImsState::Registered, Some("sip:scscf1"))
            .unwrap();
        a.k = K::new([0x11; 16]);
        a.apns = vec!["ims".into()];
        a.impus.remove(0);
        let report = s.seed(&[a.clone(), b.clone()]).unwrap();
        assert_eq!(report.updated, 2);
        assert_eq!(report.sqn_kept, 1);
        let r = s.get(&a.imsi).unwrap().unwrap();
        assert_eq!(r.subscription.sqn.value(), 500);
        assert_eq!(r.subscription.k, K::new([0x11; 16]));
        assert_eq!(r.subscription.apns, ["ims"]);
        assert_eq!(r.subscription.impus.len(), 1);
        assert!(r.subscription.impus[0].barred, "barring kept");
        assert_eq!(r.ims_state, ImsState::Registered);
        assert_eq!(r.scscf_name.as_deref(), Some("sip:scscf1"));
        // A topology SQN above the stored one wins.
        a.sqn = Sqn::new(900).unwrap();
        s.seed(&[a.clone()]).unwrap();
        assert_eq!(
            s.get(&a.imsi).unwrap().unwrap().subscription.sqn.value(),
            900
        );
        assert_eq!(
            s.imsi_for_impu("tel:+15550001").unwrap(),
            Some(a.imsi.clone())
        );
        assert_eq!(
            s.imsi_for_impu("sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org")
                .unwrap(),
            None
        );
    }

    #[test]
    fn store_add_remove_and_list() {
        let mut s = Store::in_memory().unwrap();
        s.add(&sub("001010000000002", 1)).unwrap();
        s.add(&sub("001010000000001", 1)).unwrap_err();
        // impus are unique: the second subscriber above shares tel:+15550001.
        let mut c = sub("001010000000001", 1);
        c.impus.truncate(1);
        s.add(&c).unwrap();
        assert!(matches!(
            s.add(&c).unwrap_err(),
            StoreError::Exists(i) if i == "001010000000001"
        ));
        let all = s.list().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].subscription.imsi, "001010000000001");
        assert_eq!(all[1].subscription.impus.len(), 2);
        assert!(s.remove("001010000000002").unwrap());
        assert!(!s.remove("001010000000002").unwrap());
        assert_eq!(s.imsi_for_impu("tel:+15550001").unwrap(), None);
        assert_eq!(s.count().unwrap(), 1);
    }

    #[test]
    fn store_resync_restarts_after_sqn_ms_or_rejects() {
        let mut s = Store::in_memory().unwrap();
        s.add(&sub("001010000000001", 5000)).unwrap();
        assert_eq!(
            s.resync("001010000000001", 1, |_| None).unwrap(),
            Resync::BadMac
        );
        let Resync::Granted { grant, sqn_ms } =
            s.resync("001010000000001", 2, |_| Sqn::new(1000)).unwrap()
        else {
            panic!()
        };
        assert_eq!(sqn_ms.value(), 1000);
        assert_eq!(grant.first.value(), 1001);
        assert_eq!(
            s.get("001010000000001")
                .unwrap()
                .unwrap()
                .subscription
                .sqn
                .value(),
            1003
        );
        assert_eq!(
            s.resync("001019999999999", 1, |_| Sqn::new(1)).unwrap(),
            Resync::UnknownUser
        );
    }

    #[test]
    fn store_update_location_and_purge_track_the_mme() {
        let mut s = Store::in_memory().unwrap();
        s.add(&sub("001010000000001", 1)).unwrap();
        assert_eq!(s.purge("001010000000001", "mme1").unwrap(), Some(false));
        let p = s
            .update_location("001010000000001", "mme1", "realm")
            .unwrap()
            .unwrap();
        assert_eq!(p.msisdn, "15550001");
        assert_eq!(p.apns, ["internet", "ims"]);
        assert_eq!(s.purge("001010000000001", "mme2").unwrap(), Some(false));
        assert_eq!(s.purge("001010000000001", "mme1").unwrap(), Some(true));
        let r = s.get("001010000000001").unwrap().unwrap();
        assert!(r.purged);
        assert_eq!(r.mme, Some(("mme1".into(), "realm".into())));
        assert_eq!(s.update_location("x", "mme1", "realm").unwrap(), None);
        assert_eq!(s.purge("x", "mme1").unwrap(), None);
    }
}
