//! Downloading the site's data files with a progress report and clear, retryable errors.

use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::ReadableStreamDefaultReader;

/// Bytes received so far and, when the server said, how many to expect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes received.
    pub received: u64,
    /// `Content-Length`, when given and not compressed.
    pub total: Option<u64>,
}

/// Why a data file could not be loaded. Each says what happened in words a reader can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request never got an answer (offline, server stopped, blocked).
    Network { url: String, detail: String },
    /// The server answered with an error status (404 when the file is missing).
    Status { url: String, status: u16 },
    /// The body stopped before the promised length, or the connection broke mid-way.
    Truncated {
        url: String,
        received: u64,
        total: Option<u64>,
    },
    /// The file arrived whole but is not what it should be.
    Damaged { url: String, detail: String },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network { url, detail } => write!(
                f,
                "Could not reach the site to download {url} ({detail}). Check that the site is still running, then retry."
            ),
            FetchError::Status { url, status } if *status == 404 => write!(
                f,
                "{url} is missing on the server (HTTP 404). The site may be incompletely built or deployed."
            ),
            FetchError::Status { url, status } => {
                write!(f, "The server refused {url} (HTTP {status}).")
            }
            FetchError::Truncated {
                url,
                received,
                total: Some(total),
            } => write!(
                f,
                "The download of {url} stopped early: {received} of {total} bytes arrived."
            ),
            FetchError::Truncated { url, received, .. } => {
                write!(f, "The download of {url} broke off after {received} bytes.")
            }
            FetchError::Damaged { url, detail } => {
                write!(f, "{url} arrived but is incomplete or damaged ({detail}).")
            }
        }
    }
}

/// Downloads `url`, calling `on_progress` as chunks arrive.
///
/// # Errors
/// [`FetchError::Network`], [`FetchError::Status`] or [`FetchError::Truncated`]; a caller that
/// checks the content reports [`FetchError::Damaged`] itself.
pub async fn fetch_bytes(url: &str, on_progress: impl Fn(Progress)) -> Result<Vec<u8>, FetchError> {
    let network = |e: &dyn fmt::Display| FetchError::Network {
        url: url.to_string(),
        detail: e.to_string(),
    };
    let response = Request::get(url).send().await.map_err(|e| network(&e))?;
    if !response.ok() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let headers = response.headers();
    // With Content-Encoding the length counts compressed bytes, which the stream never shows.
    let total = match headers.get("content-encoding") {
        Some(_) => None,
        None => headers
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok()),
    };
    let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0) as usize);
    let truncated = |received: usize| FetchError::Truncated {
        url: url.to_string(),
        received: received as u64,
        total,
    };
    on_progress(Progress { received: 0, total });
    let Some(body) = response.body() else {
        return Ok(bytes);
    };
    let reader = ReadableStreamDefaultReader::new(&body).map_err(|e| network(&js_text(&e)))?;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| truncated(bytes.len()))?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value")).unwrap_or_default();
        if let Some(array) = value.dyn_ref::<Uint8Array>() {
            bytes.extend_from_slice(&array.to_vec());
        }
        on_progress(Progress {
            received: bytes.len() as u64,
            total,
        });
    }
    if total.is_some_and(|t| (bytes.len() as u64) < t) {
        return Err(truncated(bytes.len()));
    }
    Ok(bytes)
}

/// A JS error's message, for the reader.
pub fn js_text(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// "Loading …" with the bytes so far and a progress bar (indeterminate until the size is
/// known), for any download.
#[leptos::component]
pub fn Loading(
    /// What is loading, e.g. "the basemap".
    what: &'static str,
    /// How far it has come.
    progress: Progress,
    /// The class of the box.
    class: &'static str,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let bar = match progress.total {
        Some(total) if total > 0 => view! {
            <progress max=total.to_string() value=progress.received.to_string()></progress>
        }
        .into_any(),
        _ => view! { <progress></progress> }.into_any(),
    };
    view! {
        <div class=class role="status" aria-live="polite">
            <p>{format!("Loading {what}… {:.1} MB", progress.received as f64 / 1e6)}</p>
            {bar}
        </div>
    }
}
