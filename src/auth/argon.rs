//! argon2id, a bounded number at once, each in memory kept for reuse.
//!
//! Each computation needs 19 MiB. Unbounded, 40 sign-ins at once took the
//! server from 17 MiB to 800 MiB; bounded but with argon2 allocating its own
//! memory, the allocator still kept a freed 19 MiB per blocking thread
//! (385 MiB). So there is one turn per core, and each turn's memory is
//! allocated once and handed from computation to computation.
use std::{
    sync::{Mutex, OnceLock},
    time::Duration,
};

use argon2::{
    Algorithm, Argon2, Block, Params, Version,
    password_hash::{self, Output, ParamsString, PasswordHash, Salt, SaltString, rand_core::OsRng},
};
use tokio::sync::{Semaphore, SemaphorePermit};

/// OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane.
fn params() -> Params {
    Params::new(19 * 1024, 2, 1, None).expect("valid argon2 params")
}

/// Every turn was taken for longer than `WAIT`.
#[derive(Debug, thiserror::Error)]
#[error("too many passwords are being checked at once")]
pub struct Busy;

/// How long a request waits for a turn before it is answered 429.
pub const WAIT: Duration = Duration::from_secs(10);

/// Process-wide on purpose: the memory and the cores are the process's,
/// whichever server, command or test asks.
struct Turns {
    free: Semaphore,
    /// Work memory of the turns not being used; at most one per turn exists.
    memory: Mutex<Vec<Vec<Block>>>,
}

pub fn turn_count() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

fn turns() -> &'static Turns {
    static TURNS: OnceLock<Turns> = OnceLock::new();
    TURNS.get_or_init(|| Turns { free: Semaphore::new(turn_count()), memory: Mutex::new(Vec::new()) })
}

/// Runs `work` on a blocking thread once a turn is free, with the turn's
/// memory. The turn moves into the thread, so a request given up half-way
/// cannot free it while the computation still runs.
pub async fn with_turn<T: Send + 'static>(work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static) -> Result<T, Busy> {
    let turns = turns();
    let turn: SemaphorePermit<'static> =
        tokio::time::timeout(WAIT, turns.free.acquire()).await.map_err(|_| Busy)?.map_err(|_| Busy)?;
    tokio::task::spawn_blocking(move || {
        let taken = turns.memory.lock().map(|mut m| m.pop()).unwrap_or(None);
        let mut memory = taken.unwrap_or_else(|| vec![Block::default(); params().block_count()]);
        let out = work(&mut memory);
        if let Ok(mut free) = turns.memory.lock() {
            free.push(memory);
        }
        drop(turn);
        out
    })
    .await
    .map_err(|_| Busy)
}

/// The raw hash of `password`, computed in `memory` (a hash made with more
/// memory than ours gets a buffer of its own, dropped after).
fn compute(
    password: &[u8],
    argon: &Argon2<'_>,
    params: &Params,
    salt: Salt<'_>,
    memory: &mut [Block],
) -> password_hash::Result<Output> {
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
    let len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let mut own;
    let memory = if memory.len() >= params.block_count() {
        memory
    } else {
        own = vec![Block::default(); params.block_count()];
        &mut own[..]
    };
    Output::init_with(len, |out| Ok(argon.hash_password_into_with_memory(password, salt_bytes, out, &mut *memory)?))
}

/// A new PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`).
pub fn hash(password: &[u8], memory: &mut [Block]) -> password_hash::Result<String> {
    let (params, salt) = (params(), SaltString::generate(&mut OsRng));
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let output = compute(password, &argon, &params, salt.as_salt(), memory)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string `phc` (with its own parameters);
/// a malformed string never matches. The comparison takes constant time.
pub fn verify(password: &[u8], phc: &str, memory: &mut [Block]) -> bool {
    let mut matches = || -> password_hash::Result<bool> {
        let parsed = PasswordHash::new(phc)?;
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return Ok(false);
        };
        let algorithm = Algorithm::try_from(parsed.algorithm)?;
        let version = parsed.version.map(Version::try_from).transpose()?.unwrap_or_default();
        let params = Params::try_from(&parsed)?;
        let argon = Argon2::new(algorithm, version, params.clone());
        Ok(compute(password, &argon, &params, salt, memory)? == expected)
    };
    matches().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::{PasswordHasher, PasswordVerifier};

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_format_both_ways() {
        let mut memory = vec![Block::default(); params().block_count()];
        let ours = hash(b"korrekt hest batteri", &mut memory).unwrap();
        assert!(ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{ours}");
        let standard = Argon2::new(Algorithm::Argon2id, Version::V0x13, params());
        assert!(standard.verify_password(b"korrekt hest batteri", &PasswordHash::new(&ours).unwrap()).is_ok());
        let salt = SaltString::generate(&mut OsRng);
        let theirs = standard.hash_password(b"korrekt hest batteri", &salt).unwrap();
        assert!(verify(b"korrekt hest batteri", &theirs.to_string(), &mut memory));
        assert!(!verify(b"forkert", &theirs.to_string(), &mut memory));
    }

    #[test]
    fn a_hash_made_with_other_parameters_still_verifies() {
        let other = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(32 * 1024, 1, 1, None).unwrap());
        let phc = other.hash_password(b"hest", &SaltString::generate(&mut OsRng)).unwrap().to_string();
        let mut small = vec![Block::default(); 8];
        assert!(verify(b"hest", &phc, &mut small));
        assert!(!verify(b"hest", "$argon2id$nonsense", &mut small));
    }

    #[tokio::test]
    async fn no_more_computations_run_at_once_than_there_are_turns() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MOST: AtomicUsize = AtomicUsize::new(0);
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..12 {
            tasks.spawn(with_turn(|_| {
                let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                MOST.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(20));
                RUNNING.fetch_sub(1, Ordering::SeqCst);
            }));
        }
        assert!(tasks.join_all().await.into_iter().all(|r| r.is_ok()));
        assert!(MOST.load(Ordering::SeqCst) <= turn_count());
        assert!(turns().memory.lock().unwrap().len() <= turn_count());
    }
}
