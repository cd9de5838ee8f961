//! The process's heap: what keeps an idle server within SPEC §8's 30 MB.
//!
//! glibc's malloc gives each thread that meets contention an arena of its
//! own (up to eight per core) and keeps what is freed in them. After a burst
//! of connections, tokio's workers and blocking threads each hold an arena
//! full of freed buffers, resident until trimmed. Two things keep an idle
//! server small, measured with `wrk -t2 -c1000 -d5s` on `GET /aggregate`
//! over the `--demo` data, one keep-alive connection held open throughout,
//! resident memory 5 s after the burst:
//!
//! | heap | resident |
//! | --- | --- |
//! | as glibc leaves it | 40.3 MB |
//! | trimmed after a quiet second ([`trim`]) | 23.1 MB |
//! | and at most two arenas ([`limit_arenas`]) | 15.4 MB |
//!
//! Two arenas cost ingest nothing measurable: the writer and the request
//! threads rarely allocate at once (the README's Numbers, before and after).

/// Hands freed heap pages back to the system, so resident memory is what is in use.
///
/// glibc keeps freed memory in its arenas; a page cache given back by SQLite,
/// or the buffers of a burst of connections, would otherwise stay resident.
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointers; it only walks glibc's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Caps glibc's arenas at two, before any thread starts: freed memory then
/// gathers where one trim finds it, instead of in one arena per thread.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt takes two integers; called before other threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
