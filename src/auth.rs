//! Bearer-token authentication with a cache that never outlives a rotation.
//!
//! Every call authenticates, so a database lookup per call was the largest single cost of a
//! Message (one query per message on top of its share of a group commit). The cache maps token
//! digests to terminal ids and is invalidated by *epoch*: any change of any terminal's credentials
//! — rotated here, announced by another replica's NOTIFY, found by the catch-up poll, or possibly
//! missed while the LISTEN connection was down — bumps [`Bus::credentials_epoch`], and entries
//! filled under an older epoch are misses. Rotation is rare, so dropping every entry at once costs
//! one lookup per active terminal and keeps the rule simple enough to be obviously right.
//!
//! The epoch is read *before* the database lookup, and the answer is cached only if it has not
//! moved when the lookup returns, so a lookup that raced with a rotation (read the old hash, then
//! the rotation committed) is never served from the cache. Across replicas a rotation takes
//! effect when its notification arrives (milliseconds), as every other cross-replica change does. Entries also expire after a TTL: a bound on staleness that
//! does not depend on the signalling at all (a credential changed by hand in the database).

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::bus::Bus;
use crate::error::{Error, Result};
use crate::store::Store;

/// The SHA-256 of a token, hex: what the store keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new bearer token: 244 random bits from the OS CSPRNG (two v4 UUIDs), with a recognisable prefix.
pub fn new_token() -> String {
    format!("hnd_{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

/// More cached tokens than this and the cache starts over: a bound on memory under a flood of
/// distinct (valid) tokens, far above any real number of terminals per replica.
const MAX_ENTRIES: usize = 200_000;

struct Entry {
    terminal: Uuid,
    epoch: u64,
    filled: Instant,
}

pub struct Authenticator {
    store: Arc<dyn Store>,
    bus: Arc<Bus>,
    ttl: Duration,
    cache: Mutex<Cache>,
    /// Terminal names to ids, for client certificates. Names are unique, never change and
    /// terminals are never deleted, so an entry never goes stale.
    names: Mutex<HashMap<String, Uuid>>,
}

#[derive(Default)]
struct Cache {
    epoch: u64,
    entries: HashMap<[u8; 32], Entry>,
}

impl Authenticator {
    /// `ttl` zero turns caching off: every call reads the database.
    pub fn new(store: Arc<dyn Store>, bus: Arc<Bus>, ttl: Duration) -> Authenticator {
        Authenticator {
            store,
            bus,
            ttl,
            cache: Mutex::new(Cache::default()),
            names: Mutex::new(HashMap::new()),
        }
    }

    /// The terminal called `name`, if there is one.
    pub async fn terminal_named(&self, name: &str) -> Result<Option<Uuid>> {
        let cached = self
            .names
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(name)
            .copied();
        if cached.is_some() {
            return Ok(cached);
        }
        let Some(terminal) = self.store.terminal_by_name(name).await? else {
            return Ok(None);
        };
        let id = Uuid::from_str(&terminal.id)
            .map_err(|_| Error::Internal("stored terminal id is not a UUID".into()))?;
        let mut names = self.names.lock().unwrap_or_else(|p| p.into_inner());
        if names.len() >= MAX_ENTRIES {
            names.clear();
        }
        names.insert(name.to_owned(), id);
        Ok(Some(id))
    }

    /// The terminal that holds `token`; UNAUTHENTICATED if none does.
    pub async fn terminal(&self, token: &str) -> Result<Uuid> {
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let epoch = self.bus.credentials_epoch();
        if let Some(terminal) = self.cached(&digest, epoch) {
            return Ok(terminal);
        }
        let terminal = self
            .store
            .terminal_by_token_hash(&hex::encode(digest))
            .await?
            .ok_or(Error::Unauthenticated)?;
        let terminal = Uuid::from_str(&terminal.id)
            .map_err(|_| Error::Internal("stored terminal id is not a UUID".into()))?;
        if !self.ttl.is_zero() {
            let mut cache = self.lock();
            // Only if no credentials changed since before the lookup: otherwise its answer may be
            // the old one, and the next call looks again.
            if self.bus.credentials_epoch() == epoch && cache.epoch == epoch {
                if cache.entries.len() >= MAX_ENTRIES {
                    cache.entries.clear();
                }
                cache.entries.insert(
                    digest,
                    Entry {
                        terminal,
                        epoch,
                        filled: Instant::now(),
                    },
                );
            }
        }
        Ok(terminal)
    }

    fn cached(&self, digest: &[u8; 32], epoch: u64) -> Option<Uuid> {
        if self.ttl.is_zero() {
            return None;
        }
        let mut cache = self.lock();
        if cache.epoch != epoch {
            // Credentials changed somewhere: forget everything filled before.
            cache.entries.clear();
            cache.epoch = epoch;
            return None;
        }
        let entry = cache.entries.get(digest)?;
        if entry.epoch == epoch && entry.filled.elapsed() < self.ttl {
            Some(entry.terminal)
        } else {
            cache.entries.remove(digest);
            None
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // Single inserts and removals: a panic cannot leave the map half-changed.
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }
}
