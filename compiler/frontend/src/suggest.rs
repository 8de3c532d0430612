//! The edit distance behind "Did you mean" suggestions of NameError and AttributeError
//! (CPython's `Python/suggestions.c`), shared by the runtime, which offers them, and
//! codegen, which must know which method names a program's words could be suggesting
//! (`method_tables`).

/// Cost of inserting, deleting or replacing a character.
pub const MOVE_COST: usize = 2;
/// Cost of replacing a character by itself in another case.
const CASE_COST: usize = 1;
/// Longer names are never compared.
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return CASE_COST;
    }
    MOVE_COST
}

/// The edit distance between `a` and `b`, or any value above `max_cost` once it is known
/// to exceed it.
pub fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the edit-distance matrix, updated in place.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diag = bi * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(code, ac);
            diag = row[ai];
            let insert_delete = result.min(diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The largest distance at which `item` is still offered for the mistyped `name`.
pub fn max_distance(name: &str, item: &str) -> usize {
    (name.len() + item.len() + 3) * MOVE_COST / 6
}

/// Whether `word` is `item` or close enough to it that an error about `word` could
/// suggest `item`.
pub fn is_suggestion(word: &str, item: &str) -> bool {
    let max = max_distance(word, item);
    word == item || distance(word.as_bytes(), item.as_bytes(), max) <= max
}
