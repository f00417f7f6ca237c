//! What the app keeps in the browser's localStorage: the article being read (so a reload or a
//! crash never loses it) and the user's choice of background tiles. Nothing leaves the machine.

/// The article text, saved on every edit.
pub const ARTICLE: &str = "conflict-mapper.article";
/// The reader's corrections of each article (JSON of `views::corrections::ByArticle`).
pub const CORRECTIONS: &str = "conflict-mapper.corrections-by-article";
/// The key of the article in the box, under which its corrections are kept.
pub const ARTICLE_KEY: &str = "conflict-mapper.article-key";
/// The user's own text, kept when an example replaces it.
pub const PREVIOUS: &str = "conflict-mapper.previous";
/// `"osm"` when the user has switched OpenStreetMap tiles on. `public/csp.js` reads the same key.
pub const TILES: &str = "conflict-mapper.tiles";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored value of `key`, if storage is available and holds it.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Stores `value` under `key`; returns false when the browser refuses (private mode, quota).
pub fn save(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
