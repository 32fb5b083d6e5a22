//! Copying the SQLite write-ahead log back into the database on a thread of its own.
//!
//! SQLite copies the log at the commit that grows it past a threshold, on the writer's thread:
//! with batches of hundreds of articles that was a fifth of the writer's time. Here a thread
//! with its own connection copies it while the writer goes on, at most once every
//! [`EVERY`]: a batch rewrites most pages of the indexes keyed by hashed ids, and copying them
//! once for several batches instead of once for each took a sixth off ingest into a large
//! store. The writer's own copy stays as a bound on the log in case this thread falls behind.

use std::{
    sync::mpsc::{self, RecvTimeoutError},
    thread::JoinHandle,
    time::{Duration, Instant},
};

use crate::{conn::Conn, Result};

/// The shortest time between two copies.
pub(crate) const EVERY: Duration = Duration::from_secs(8);

/// Wakes a checkpointing thread after each write; stops it when dropped.
pub(crate) struct Checkpointer {
    wake: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread; `open` gives it its connection when first needed.
    pub(crate) fn start(
        open: impl Fn() -> Result<Box<dyn Conn>> + Send + 'static,
    ) -> std::io::Result<Checkpointer> {
        let (wake, woken) = mpsc::channel::<()>();
        let thread =
            std::thread::Builder::new().name("vigia-checkpoint".into()).spawn(move || {
                let mut conn = None;
                // A write not yet copied, and when the last copy began.
                let (mut pending, mut last) = (false, None::<Instant>);
                loop {
                    let woke = match (pending, last) {
                        (true, Some(last)) => {
                            woken.recv_timeout(EVERY.saturating_sub(last.elapsed()))
                        }
                        _ => woken.recv().map_err(|_| RecvTimeoutError::Disconnected),
                    };
                    match woke {
                        Ok(()) => pending = true,
                        Err(RecvTimeoutError::Timeout) => {}
                        // The store is closing, and closing copies what is left.
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    // Several writes since the last copy need only one more copy.
                    while woken.try_recv().is_ok() {}
                    if !pending || last.is_some_and(|last| last.elapsed() < EVERY) {
                        continue;
                    }
                    (pending, last) = (false, Some(Instant::now()));
                    if conn.is_none() {
                        conn = open().ok();
                    }
                    let Some(open) = conn.as_mut() else { continue };
                    // A copy that fails (the file went away, say) is left to SQLite's own.
                    if open.batch("PRAGMA wal_checkpoint(PASSIVE)").is_err() {
                        conn = None;
                    }
                }
            })?;
        Ok(Checkpointer { wake: Some(wake), thread: Some(thread) })
    }

    /// Asks for a copy of what the log holds now.
    pub(crate) fn wake(&self) {
        if let Some(wake) = &self.wake {
            wake.send(()).ok();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.wake.take();
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}
