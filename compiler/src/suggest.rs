//! "Did you mean ...?" for diagnostics: the candidate closest to a misspelt name by
//! edit distance (insertions, deletions, substitutions and adjacent transpositions, case
//! changes cheap), accepted only when the distance is small for the name's length.

/// Edit distance in tenths: a case-only substitution costs 1, every other edit 10.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j * 10).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i * 10; b.len() + 1];
        for j in 1..=b.len() {
            let sub = if a[i - 1] == b[j - 1] {
                0
            } else if a[i - 1].to_lowercase().eq(b[j - 1].to_lowercase()) {
                1
            } else {
                10
            };
            let mut best = (prev[j - 1] + sub).min(prev[j] + 10).min(cur[j - 1] + 10);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 10);
            }
            cur[j] = best;
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// The candidate closest to `name` within a third of its length (at least one edit), ties
/// broken alphabetically so the answer never depends on the candidates' order.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1) * 10;
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let d = distance(name, c);
        if d <= limit && best.map_or(true, |(bd, bc)| (d, c) < (bd, bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_near_names() {
        let mods = ["json", "collections", "math", "heapq", "os"];
        assert_eq!(closest("jsno", mods.iter().copied()).as_deref(), Some("json"));
        assert_eq!(closest("colections", mods.iter().copied()).as_deref(), Some("collections"));
        assert_eq!(closest("Math", mods.iter().copied()).as_deref(), Some("math"));
        assert_eq!(closest("numpy", mods.iter().copied()), None);
        assert_eq!(closest("ox", ["os", "ok"].iter().copied()).as_deref(), Some("ok"));
    }

    #[test]
    fn distances() {
        assert_eq!(distance("abc", "abc"), 0);
        assert_eq!(distance("abc", "acb"), 10);
        assert_eq!(distance("abc", "ab"), 10);
        assert_eq!(distance("ABC", "abc"), 3);
    }
}
