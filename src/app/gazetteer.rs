//! Loading the bundled gazetteer: its first part (every area and the larger places), then the
//! second (the smaller places), each with progress, checks and a retry.

use super::fetch::{FetchError, Loading, Progress, fetch_bytes};
use crate::gazetteer::{Gazetteer, PART_FILES};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Downloading part `part` (0 or 1).
    Loading { part: usize, progress: Progress },
    /// A part failed; the message says why.
    Failed(String),
    /// Every part is open.
    Ready {
        /// Entries in the gazetteer.
        entries: usize,
        /// Time spent opening (checking) the parts, in milliseconds.
        open_ms: f64,
    },
}

/// The gazetteer as far as it has loaded (`None` before the first part is open), shared with
/// every component through context.
#[derive(Clone, Copy)]
pub struct Loaded(pub RwSignal<Option<Gazetteer>>);

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Loads the parts not yet open, updating `status` and `loaded` as they arrive.
pub fn load(status: RwSignal<Status>, loaded: Loaded) {
    spawn_local(async move {
        let mut open_ms = 0.0;
        let have = loaded
            .0
            .with_untracked(|g| g.as_ref().map_or(0, Gazetteer::parts));
        for (part, file) in PART_FILES.iter().enumerate().skip(have) {
            let url = format!("public/gazetteer/{file}");
            let url = url.as_str();
            status.set(Status::Loading {
                part,
                progress: Progress::default(),
            });
            let bytes = match fetch_bytes(url, move |progress| {
                status.set(Status::Loading { part, progress })
            })
            .await
            {
                Ok(bytes) => bytes,
                Err(e) => {
                    status.set(Status::Failed(e.to_string()));
                    return;
                }
            };
            let started = now_ms();
            let opened = match loaded.0.get_untracked() {
                None => Gazetteer::new(bytes),
                Some(g) => g.with_part(bytes),
            };
            open_ms += now_ms() - started;
            match opened {
                Ok(g) => {
                    loaded.0.set(Some(g));
                    // For the browser tests' budgets: when the page can first place names.
                    if part == 0 {
                        let _ = web_sys::window()
                            .and_then(|w| w.performance())
                            .map(|p| p.mark("conflict-mapper:usable"));
                    }
                }
                Err(e) => {
                    let damaged = FetchError::Damaged {
                        url: url.to_string(),
                        detail: e.to_string(),
                    };
                    status.set(Status::Failed(damaged.to_string()));
                    return;
                }
            }
        }
        let entries = loaded
            .0
            .with_untracked(|g| g.as_ref().map_or(0, Gazetteer::len));
        status.set(Status::Ready { entries, open_ms });
    });
}

/// The gazetteer's state, in the places panel: progress, then a count, or an error with a retry.
#[component]
pub fn GazetteerStatus(status: RwSignal<Status>, loaded: Loaded) -> impl IntoView {
    move || {
        match status.get() {
        Status::Loading { part, progress } => {
            let what = if part == 0 {
                "the gazetteer"
            } else {
                "smaller places"
            };
            view! { <Loading what progress class="gazetteer-status" /> }.into_any()
        }
        Status::Failed(message) => view! {
            <div class="gazetteer-status error" role="alert">
                <p>{message}</p>
                <button type="button" class="retry" on:click=move |_| load(status, loaded)>
                    "Retry"
                </button>
            </div>
        }
        .into_any(),
        Status::Ready { entries, open_ms } => view! {
            <p class="gazetteer-status ready" data-open-ms=format!("{open_ms:.1}")>
                {format!("Gazetteer ready: {} places, regions and waters.", super::thousands(entries))}
            </p>
        }
        .into_any(),
    }
    }
}
