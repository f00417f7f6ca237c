//! Share links: the article and its corrections in the link itself (see
//! [`crate::views::share`]), so a colleague opens the same map and nothing reaches a server.

use crate::views::corrections::Corrections;
use crate::views::share::{SAFE_LINK, ShareError, Shared, decode, encode};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the page's own link carries, if it is a share link; the fragment is then cleared, so
/// that a reload shows the reader's later edits, not the shared text again.
pub fn from_link() -> Option<Result<Shared, ShareError>> {
    let window = web_sys::window()?;
    let location = window.location();
    let found = decode(&location.hash().ok()?).transpose()?;
    if let (Ok(history), Ok(path), Ok(search)) =
        (window.history(), location.pathname(), location.search())
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
    Some(found)
}

/// Reloads the page when a share link is opened in it (a link that differs only in its
/// fragment does not reload by itself), so that [`from_link`] reads it.
pub fn follow_share_links() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let location = window.location();
            if location.hash().is_ok_and(|h| decode(&h) != Ok(None)) {
                let _ = location.reload();
            }
        }
    });
    let _ = window.add_event_listener_with_callback("hashchange", reload.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    reload.forget();
}

/// The page's address without any fragment.
fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    let href = location.href().ok()?;
    Some(href.split('#').next().unwrap_or(&href).to_string())
}

/// A button that makes a share link, and the panel that offers it.
#[component]
pub fn ShareLink(
    /// The article, as settled.
    text: RwSignal<String>,
    /// The reader's corrections.
    corrections: RwSignal<Corrections>,
) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    let make = move |_| {
        let shared = Shared {
            text: text.get_untracked(),
            corrections: corrections.get_untracked(),
        };
        copied.set(None);
        link.set(Some(format!(
            "{}#{}",
            page_address().unwrap_or_default(),
            encode(&shared)
        )));
    };
    let copy = move |_| {
        let Some(url) = link.get_untracked() else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        let promise = window.navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            copied.set(Some(done.is_ok()));
        });
    };
    view! {
        <button type="button" id="share" on:click=make>"Share link"</button>
        {move || link.get().map(|url| {
            let length = url.chars().count();
            view! {
                <div class="share-panel" role="group" aria-label="Share link">
                    <input type="text" id="share-link" readonly aria-label="Share link" prop:value=url.clone() />
                    <button type="button" on:click=copy>"Copy"</button>
                    <button type="button" class="link" on:click=move |_| link.set(None)>"Close"</button>
                    <p class="hint">
                        "The link holds the article and your corrections themselves; anyone with it can read them. Nothing is uploaded."
                    </p>
                    {(length > SAFE_LINK).then(|| view! {
                        <p class="warning" role="alert">
                            {format!(
                                "This link is {} characters long: many mail and chat apps cut links over {} characters. Share an export file instead, or a shorter text.",
                                super::thousands(length),
                                super::thousands(SAFE_LINK)
                            )}
                        </p>
                    })}
                    {move || copied.get().map(|ok| view! {
                        <p class="hint" role="status">
                            {if ok { "Copied." } else { "The browser would not copy: select the link and copy it by hand." }}
                        </p>
                    })}
                </div>
            }
        })}
    }
}
