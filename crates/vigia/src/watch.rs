//! `vigia watch`: polls feeds on an interval and ingests what is new.
//!
//! Each poll sends the validators of the feed's last response (`If-None-Match`,
//! `If-Modified-Since`), so a feed that did not change costs a 304 and no analysis. The
//! validators are saved in the store only after the feed's items are committed: a run killed in
//! between fetches the feed again rather than missing its items. Items already stored are
//! recognised and left alone, so a server that ignores validators costs time, not duplicates.

use std::{process::ExitCode, thread, time::Duration};

use store::{FeedState, Store};

use crate::{
    fetch::{Fetcher, Validators},
    flags::WatchArgs,
    ingest::{self, Session},
    input::{Capped, Input},
    pipeline::RunConfig,
};

pub(crate) fn run(args: &WatchArgs) -> anyhow::Result<ExitCode> {
    let config = crate::run_config(&args.read)?;
    let fetcher = crate::fetcher(&args.read);
    let store = crate::open_store(&args.store)?;
    eprintln!(
        "vigia: watching {} feed(s) into {}{}",
        args.feeds.len(),
        store.location(),
        if args.once { String::new() } else { format!(", every {} s", args.every) }
    );
    let mut session: Option<Session> = None;
    loop {
        let mut failed = false;
        for url in &args.feeds {
            if session.is_none() {
                session = Some(Session::open(&store)?);
            }
            let Some(open) = session.as_mut() else { continue };
            match poll(url, open, &store, &fetcher, &config, args.batch_size) {
                Ok(line) => eprintln!("vigia: {url}: {line}"),
                Err(err) => {
                    failed = true;
                    eprintln!("vigia: error: {url}: {err:#}");
                    // The session may hold items the store did not take: rebuild it.
                    session = None;
                }
            }
        }
        if args.once {
            return Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        thread::sleep(Duration::from_secs(args.every));
    }
}

/// One poll of one feed; the line says what happened.
fn poll(
    url: &str,
    session: &mut Session,
    store: &Store,
    fetcher: &Fetcher,
    config: &RunConfig,
    batch: usize,
) -> anyhow::Result<String> {
    let known = store.feed(url)?;
    let validators = known
        .as_ref()
        .map(|k| Validators { etag: k.etag.clone(), last_modified: k.last_modified.clone() })
        .unwrap_or_default();
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let fetched =
        fetcher.get_if_changed(url, &validators).map_err(|d| anyhow::anyhow!(d.message))?;
    let Some((fetched, fresh)) = fetched else {
        let mut state = known.unwrap_or_default();
        state.url = url.to_string();
        state.checked_at = now;
        store.save_feed(&state)?;
        return Ok("not modified".to_string());
    };
    let bytes = match fetched.bytes {
        Capped::Whole(bytes) => bytes,
        Capped::Over => anyhow::bail!(
            "the feed is over the cap of {} bytes (raise it with --max-bytes)",
            config.ingest.max_bytes
        ),
    };
    let input = Input::Fetched { url: fetched.url, bytes, charset: fetched.charset };
    let done = session.ingest(&[input], Vec::new(), config, fetcher, store, batch)?;
    ingest::print_diagnostics(&done.diagnostics);
    store.save_feed(&FeedState {
        url: url.to_string(),
        etag: fresh.etag,
        last_modified: fresh.last_modified,
        checked_at: now.clone(),
        changed_at: Some(now),
    })?;
    Ok(done.line())
}
