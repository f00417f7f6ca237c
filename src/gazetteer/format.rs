//! The index file's bytes. All integers are little-endian; nothing needs aligning, so the
//! browser reads the fetched buffer as it is.
//!
//! An index comes in one or more *parts*. The first part holds every area (countries, regions,
//! waters) and the places a reader is likeliest to meet; later parts add places and point into
//! the first part's areas for their regions, so the page can work before they arrive.
//!
//! ```text
//! header   48 bytes
//!   0  magic "CMGAZT"            6 bytes
//!   6  format version            u16  (this module's VERSION)
//!   8  CRC-32 of bytes 16..end   u32
//!  12  file length               u32  (a truncated download is caught before the CRC)
//!  16  records                   u32  (areas first, then places)
//!  20  areas                     u32
//!  24  fst length                u32
//!  28  postings                  u32
//!  32  shape vertices            u32
//!  36  strings length            u32
//!  40  CRC-32 of the first part  u32  (0 in the first part itself)
//!  44  areas of the first part   u32  (0 in the first part itself)
//! fst        an `fst::Map`: normalised name -> (first posting << 32) | COMMON_WORD | posting count
//!            (ordinary words that name nothing are there too, with COMMON_WORD and no postings)
//! postings   u32 each: (record << POSTING_SHIFT) | MAIN_NAME | REGION_FORM | DEMONYM | ABBREVIATION
//! records    RECORD_LEN bytes each (see the offsets below); region references are u16
//!            indexes of the first part's areas (so an index has at most 65,535 areas)
//! areas      AREA_LEN bytes per area record: extent, hull, code
//! vertices   (lon, lat) i32 pairs: hulls of first-level regions
//! strings    UTF-8: names and codes
//! ```
//!
//! Coordinates are stored as `i32` in units of 10⁻⁵ degree (about 1 m).

use std::fmt;

/// The first six bytes of every index.
pub const MAGIC: &[u8; 6] = b"CMGAZT";
/// The format version this build reads and writes (3: lakes, a kind that version 2 lacks, and
/// principal second-level regions).
pub const VERSION: u16 = 4;
/// Header length in bytes.
pub const HEADER_LEN: usize = 48;
/// Record length in bytes.
pub const RECORD_LEN: usize = 28;
/// Area-record length in bytes.
pub const AREA_LEN: usize = 32;
/// "No region" in a region reference field.
pub const NONE: u16 = u16::MAX;
/// Longest name a record holds, in bytes (longer names are cut at a character boundary).
pub const MAX_NAME: usize = 255;
/// Posting flag: the name is the entry's main name (not an alias or old name).
pub const MAIN_NAME: u32 = 1;
/// Posting flag: the name is a region's stem plus a generic word ("Sumy region").
pub const REGION_FORM: u32 = 2;
/// Posting flag: the name is a demonym of the entry ("Russian" of Russia), not its name.
pub const DEMONYM: u32 = 4;
/// Posting flag: the name is a written abbreviation of the entry ("Calif." of California),
/// a name only with its full stop and beside a place it qualifies.
pub const ABBREVIATION: u32 = 8;
/// Bits of a posting below the record number.
pub const POSTING_SHIFT: u32 = 4;
/// Flag in a name's fst value: the name is also an ordinary English word ("nice", "bank"),
/// so a capital letter alone is weak evidence that a place is meant.
pub const COMMON_WORD: u64 = 1 << 31;
/// Flag in a record's kind byte: a place that is a national capital, or a second-level region
/// that is a principal one (see [`crate::gazetteer::Entry::is_principal`]).
pub const CAPITAL: u8 = 0x80;
/// Flag in a record's kind byte: a place known far beyond its size (see
/// [`crate::gazetteer::Entry::is_renowned`]).
pub const RENOWNED: u8 = 0x08;
/// The bits of a record's kind byte that hold its kind.
pub const KIND_BITS: u8 = 0x07;
/// Coordinate units per degree.
pub const SCALE: f64 = 100_000.0;

// Record field offsets.
pub(crate) const R_GEONAMEID: usize = 0;
pub(crate) const R_LAT: usize = 4;
pub(crate) const R_LON: usize = 8;
pub(crate) const R_POPULATION: usize = 12;
pub(crate) const R_NAME_OFFSET: usize = 16;
pub(crate) const R_NAME_LEN: usize = 20;
/// Kind in the low three bits, RENOWNED in the fourth, provenance in the next three, CAPITAL
/// in the top bit.
pub(crate) const R_KIND: usize = 21;
pub(crate) const R_COUNTRY: usize = 22;
pub(crate) const R_ADMIN1: usize = 24;
pub(crate) const R_ADMIN2: usize = 26;

// Area field offsets.
pub(crate) const A_EXTENT: usize = 0;
pub(crate) const A_SHAPE_START: usize = 16;
pub(crate) const A_SHAPE_LEN: usize = 20;
pub(crate) const A_CODE_OFFSET: usize = 24;
pub(crate) const A_CODE_LEN: usize = 28;

/// Why bytes could not be opened as an index. Each variant says what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// Fewer bytes than a header.
    TooShort {
        /// Bytes given.
        len: usize,
    },
    /// The bytes are not a conflict-mapper gazetteer.
    NotAnIndex,
    /// An index of another format version.
    Version {
        /// The version this build reads.
        expected: u16,
        /// The version in the file.
        got: u16,
    },
    /// The file is shorter (or longer) than its header says: an interrupted download.
    Truncated {
        /// Length the header promises.
        expected: usize,
        /// Length given.
        got: usize,
    },
    /// The contents do not match their checksum: the file was damaged.
    Checksum {
        /// CRC-32 in the header.
        expected: u32,
        /// CRC-32 of the bytes.
        got: u32,
    },
    /// A later part that was built with another first part.
    WrongBase,
    /// The checksum matched but a structure inside is inconsistent (a builder bug).
    Corrupt(&'static str),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooShort { len } => write!(
                f,
                "the gazetteer file is only {len} bytes long; download it again"
            ),
            FormatError::NotAnIndex => write!(f, "this file is not a conflict-mapper gazetteer"),
            FormatError::Version { expected, got } => write!(
                f,
                "the gazetteer is format version {got}, but this build reads version {expected}; rebuild it with gazetteer/build.sh or reload the page"
            ),
            FormatError::Truncated { expected, got } => write!(
                f,
                "the gazetteer file is incomplete ({got} of {expected} bytes); download it again"
            ),
            FormatError::Checksum { expected, got } => write!(
                f,
                "the gazetteer file is damaged (checksum {got:08x}, expected {expected:08x}); download it again"
            ),
            FormatError::WrongBase => write!(
                f,
                "this part of the gazetteer belongs to another build of it; reload the page"
            ),
            FormatError::Corrupt(what) => write!(f, "the gazetteer file is inconsistent: {what}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// The header's counts, as read by [`Header::read`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    pub crc: u32,
    pub file_len: u32,
    pub records: u32,
    pub areas: u32,
    pub fst_len: u32,
    pub postings: u32,
    pub vertices: u32,
    pub strings_len: u32,
    pub base_crc: u32,
    pub base_areas: u32,
}

impl Header {
    /// Reads and checks the header, the length and the checksum.
    pub fn read(bytes: &[u8]) -> Result<Header, FormatError> {
        if bytes.len() < HEADER_LEN {
            if bytes.len() >= MAGIC.len() && &bytes[..MAGIC.len()] != MAGIC {
                return Err(FormatError::NotAnIndex);
            }
            return Err(FormatError::TooShort { len: bytes.len() });
        }
        if &bytes[..6] != MAGIC {
            return Err(FormatError::NotAnIndex);
        }
        let version = u16::from_le_bytes([bytes[6], bytes[7]]);
        if version != VERSION {
            return Err(FormatError::Version {
                expected: VERSION,
                got: version,
            });
        }
        let header = Header {
            crc: u32_at(bytes, 8),
            file_len: u32_at(bytes, 12),
            records: u32_at(bytes, 16),
            areas: u32_at(bytes, 20),
            fst_len: u32_at(bytes, 24),
            postings: u32_at(bytes, 28),
            vertices: u32_at(bytes, 32),
            strings_len: u32_at(bytes, 36),
            base_crc: u32_at(bytes, 40),
            base_areas: u32_at(bytes, 44),
        };
        if header.file_len as usize != bytes.len() {
            return Err(FormatError::Truncated {
                expected: header.file_len as usize,
                got: bytes.len(),
            });
        }
        let crc = crc32fast::hash(&bytes[16..]);
        if crc != header.crc {
            return Err(FormatError::Checksum {
                expected: header.crc,
                got: crc,
            });
        }
        Ok(header)
    }

    /// Writes the header (with the checksum of `body`, the bytes after offset 16) into `out`.
    pub fn write(&self, out: &mut [u8]) {
        out[..6].copy_from_slice(MAGIC);
        out[6..8].copy_from_slice(&VERSION.to_le_bytes());
        let fields = [
            self.crc,
            self.file_len,
            self.records,
            self.areas,
            self.fst_len,
            self.postings,
            self.vertices,
            self.strings_len,
            self.base_crc,
            self.base_areas,
        ];
        for (i, v) in fields.iter().enumerate() {
            out[8 + 4 * i..12 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
    }
}

/// The `u32` at `offset`; the caller guarantees the bounds.
pub(crate) fn u32_at(bytes: &[u8], offset: usize) -> u32 {
    u32::from_le_bytes([
        bytes[offset],
        bytes[offset + 1],
        bytes[offset + 2],
        bytes[offset + 3],
    ])
}

/// The `u16` at `offset`; the caller guarantees the bounds.
pub(crate) fn u16_at(bytes: &[u8], offset: usize) -> u16 {
    u16::from_le_bytes([bytes[offset], bytes[offset + 1]])
}

/// The `i32` at `offset`; the caller guarantees the bounds.
pub(crate) fn i32_at(bytes: &[u8], offset: usize) -> i32 {
    u32_at(bytes, offset) as i32
}

/// Degrees to stored units.
pub(crate) fn to_units(degrees: f64) -> i32 {
    (degrees * SCALE).round() as i32
}

/// Stored units to degrees.
pub(crate) fn to_degrees(units: i32) -> f64 {
    f64::from(units) / SCALE
}
