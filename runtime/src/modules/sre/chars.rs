//! Character predicates and case mappings of `_sre`: the ASCII, locale (the C locale:
//! ASCII rules on bytes) and Unicode flavours of digit/space/word/linebreak, and the
//! *simple* (one character) lower/upper mappings CPython's matcher folds case with.

use crate::types::str::{py_isspace, uflags};
use crate::types::unicode_db as udb;

fn ch(c: u32) -> Option<char> {
    char::from_u32(c)
}

pub fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}
pub fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}
pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}
pub fn is_linebreak(c: u32) -> bool {
    c == b'\n' as u32
}

fn flags(c: u32) -> u16 {
    ch(c).map_or(0, uflags)
}
pub fn is_uni_digit(c: u32) -> bool {
    flags(c) & udb::DECIMAL != 0
}
pub fn is_uni_space(c: u32) -> bool {
    ch(c).map_or(false, py_isspace)
}
/// `str.isalnum` of one character, or `_`.
pub fn is_uni_word(c: u32) -> bool {
    c == b'_' as u32 || flags(c) & (udb::ALPHA | udb::DECIMAL | udb::DIGIT | udb::NUMERIC) != 0
}
pub fn is_uni_linebreak(c: u32) -> bool {
    flags(c) & udb::LINEBREAK != 0
}

pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) { c + 32 } else { c }
}
pub fn upper_ascii(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) { c - 32 } else { c }
}

/// The simple mapping of `c` in a (single, multi) table pair: a character with a
/// multi-character mapping maps to the first character of it, as CPython's
/// `_PyUnicode_ToLowercase`/`_PyUnicode_ToUppercase` do.
fn simple_map(c: u32, single: &[(u32, u32)], multi: &[(u32, &str)]) -> u32 {
    if let Ok(i) = single.binary_search_by_key(&c, |e| e.0) {
        return single[i].1;
    }
    if let Ok(i) = multi.binary_search_by_key(&c, |e| e.0) {
        return multi[i].1.chars().next().map_or(c, |m| m as u32);
    }
    c
}
pub fn lower_uni(c: u32) -> u32 {
    if c < 128 { lower_ascii(c) } else { simple_map(c, &udb::LOWER_1, &udb::LOWER_N) }
}
pub fn upper_uni(c: u32) -> u32 {
    if c < 128 { upper_ascii(c) } else { simple_map(c, &udb::UPPER_1, &udb::UPPER_N) }
}

pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}
pub fn unicode_iscased(c: u32) -> bool {
    c != lower_uni(c) || c != upper_uni(c)
}

/// Category codes (`CHCODES` of re/_constants.py).
pub fn category(code: u32, c: u32) -> bool {
    match code {
        0 => is_ascii_digit(c),
        1 => !is_ascii_digit(c),
        2 => is_ascii_space(c),
        3 => !is_ascii_space(c),
        4 | 8 => is_ascii_word(c),
        5 | 9 => !is_ascii_word(c),
        6 => is_linebreak(c),
        7 => !is_linebreak(c),
        10 => is_uni_digit(c),
        11 => !is_uni_digit(c),
        12 => is_uni_space(c),
        13 => !is_uni_space(c),
        14 => is_uni_word(c),
        15 => !is_uni_word(c),
        16 => is_uni_linebreak(c),
        17 => !is_uni_linebreak(c),
        _ => false,
    }
}
