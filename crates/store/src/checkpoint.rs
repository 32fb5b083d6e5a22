//! Copying the SQLite write-ahead log back into the database on a thread of its own.
//!
//! SQLite copies the log at the commit that grows it past a threshold, on the writer's thread:
//! with batches of hundreds of articles that was a fifth of the writer's time. Here a thread
//! with its own connection copies it after each batch while the writer prepares the next one;
//! the writer's own copy stays as a bound in case this thread falls behind.

use std::{sync::mpsc, thread::JoinHandle};

use crate::{conn::Conn, Result};

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
                while woken.recv().is_ok() {
                    // Several writes while one copy ran need only one more copy.
                    while woken.try_recv().is_ok() {}
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
