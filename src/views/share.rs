//! Share links: the article and the reader's corrections packed into the fragment of a URL
//! (the part after `#`, which browsers never send to a server), compressed with DEFLATE and
//! written in URL-safe base64.
//!
//! The fragment is `a1=` followed by the data; `a1` names this format, so a later one can be
//! told apart.

use super::corrections::Corrections;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a share link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    /// The article.
    pub text: String,
    /// The reader's corrections.
    #[serde(default)]
    pub corrections: Corrections,
}

/// Links longer than this (characters) are cut or refused by some mail programs, chat apps
/// and link shorteners: the app warns before offering one.
pub const SAFE_LINK: usize = 8_000;

/// The most a fragment may unpack to (bytes): a link cannot make the page unpack gigabytes.
const MAX_UNPACKED: usize = 64 << 20;

const TAG: &str = "a1=";

/// Why a fragment could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The data is not base64.
    NotBase64,
    /// The data does not unpack (cut short, or not DEFLATE).
    Damaged,
    /// The data unpacks to more than the page accepts.
    TooLarge,
    /// The data unpacks, but not to an article.
    NotAnArticle,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ShareError::NotBase64 | ShareError::Damaged => {
                "This link's article is damaged (perhaps the link was cut short)"
            }
            ShareError::TooLarge => "This link's article is too large to open",
            ShareError::NotAnArticle => "This link does not hold an article",
        })
    }
}

impl std::error::Error for ShareError {}

/// The fragment (without `#`) of a link that carries `shared`.
///
/// # Example
/// ```
/// use conflict_mapper::views::share::{Shared, decode, encode};
/// let shared = Shared { text: "Shelling hit Kharkiv.".into(), ..Default::default() };
/// let fragment = encode(&shared);
/// assert!(fragment.starts_with("a1="));
/// assert_eq!(decode(&fragment), Ok(Some(shared)));
/// assert_eq!(decode("section-2"), Ok(None));
/// ```
pub fn encode(shared: &Shared) -> String {
    // Serialising plain strings and numbers cannot fail.
    let json = serde_json::to_vec(shared).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{TAG}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// What the fragment `fragment` (with or without its `#`) carries: `None` when it is not a
/// share link at all (an ordinary `#section`), an error when it is one but cannot be read.
pub fn decode(fragment: &str) -> Result<Option<Shared>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(data) = fragment.strip_prefix(TAG) else {
        return Ok(None);
    };
    let packed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::NotBase64)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Damaged,
            }
        })?;
    serde_json::from_slice(&json)
        .map(Some)
        .map_err(|_| ShareError::NotAnArticle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_corrections_survive_the_trip() {
        let mut corrections = Corrections::default();
        corrections.remove(7);
        corrections.switch(1, 2);
        corrections.mark("Huliaipolie", 99);
        let shared = Shared {
            text: "Удари по Харкову. Strikes hit Kharkiv, \"again\" & <again>.\n".repeat(50),
            corrections,
        };
        let fragment = encode(&shared);
        assert!(fragment.len() < shared.text.len() / 4, "{}", fragment.len());
        assert!(
            fragment[TAG.len()..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode(&format!("#{fragment}")), Ok(Some(shared)));
    }

    #[test]
    fn damaged_links_say_so() {
        let fragment = encode(&Shared {
            text: "Shelling hit Kharkiv and Odesa overnight.".into(),
            ..Default::default()
        });
        assert_eq!(decode("a1=not base64!"), Err(ShareError::NotBase64));
        // Cut short at a whole number of base64 quads: valid base64, broken DEFLATE.
        let cut = TAG.len() + (fragment.len() - TAG.len()) / 8 * 4;
        assert_eq!(decode(&fragment[..cut]), Err(ShareError::Damaged));
        let not_json = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"[1,2]", 9));
        assert_eq!(
            decode(&format!("a1={not_json}")),
            Err(ShareError::NotAnArticle)
        );
        let bomb = vec![b' '; MAX_UNPACKED + 1];
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9));
        assert_eq!(decode(&format!("a1={bomb}")), Err(ShareError::TooLarge));
    }
}
