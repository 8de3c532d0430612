//! The `_sre` matching engine: runs the integer code lists re/_compiler.py produces
//! against a subject (code points or bytes) with CPython's backtracking semantics.
//!
//! Backtracking uses one explicit stack (no recursion, so long subjects cannot overflow
//! the C stack). The stack mixes *undo* entries (every change of a mark, of `lastindex`
//! or of a REPEAT context is logged before it is made) and *choice points* (where to
//! resume after a failure). Failing pops entries, undoing changes, until a choice point
//! resumes. Sub-matches that must not be backtracked into once they succeeded (assertions,
//! atomic groups, possessive repeats) push a `Frame` barrier; their `SUCCESS` *cuts* the
//! choice points above the barrier but keeps the undo entries, so captures made inside
//! are still undone if matching later backtracks past the construct.

use super::chars::{self, category, lower_ascii, lower_uni, upper_ascii, upper_uni};

pub const MAXREPEAT: u32 = u32::MAX;
const NONE: usize = usize::MAX;
const NO_REP: u32 = u32::MAX;

pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}
use op::*;

const INFO_PREFIX: u32 = 1;
const INFO_CHARSET: u32 = 4;

/// One unit of the subject: a code point (str) or a byte (bytes, ASCII str).
pub trait Unit: Copy {
    fn code(self) -> u32;
}
impl Unit for u8 {
    #[inline]
    fn code(self) -> u32 {
        self as u32
    }
}
impl Unit for u32 {
    #[inline]
    fn code(self) -> u32 {
        self
    }
}

/// A REPEAT context (the state MAX_UNTIL/MIN_UNTIL consult).
#[derive(Clone, Copy)]
struct Rep {
    count: isize,
    body: usize,
    min: u32,
    max: u32,
    last: usize,
    prev: u32,
}

#[derive(Clone, Copy)]
enum FrameKind {
    Assert,
    AssertNot,
    Atomic,
    /// A possessive repeat; `count` iterations completed before the current one.
    Poss { body: usize, count: u32, min: u32, max: u32 },
}

#[derive(Clone, Copy)]
enum Bt {
    // undo entries
    Mark(u32, usize),
    LastIndex(isize),
    RepCount(u32, isize),
    RepLast(u32, usize),
    CurRep(u32),
    RepTruncate(u32),
    // choice points
    Branch { alt: usize, ptr: usize },
    UntilTail { rep: u32, pc: usize, ptr: usize },
    MinBody { rep: u32, count: isize, ptr: usize },
    RepeatOne { tail: usize, base: usize, count: usize, min: usize },
    MinRepeatOne { tail: usize, body: usize, base: usize, count: usize, max: usize },
    /// A sub-match barrier; `ptr` is the position to resume at (assertions) or where the
    /// current iteration started (possessive repeats); `cont` the code after the construct.
    Frame { kind: FrameKind, ptr: usize, cont: usize },
}

impl Bt {
    fn is_undo(&self) -> bool {
        matches!(self, Bt::Mark(..) | Bt::LastIndex(_) | Bt::RepCount(..) | Bt::RepLast(..) | Bt::CurRep(_) | Bt::RepTruncate(_))
    }
}

/// Options of one match attempt.
#[derive(Clone, Copy, Default)]
pub struct Mode {
    /// fullmatch: the match must end at `end`.
    pub match_all: bool,
    /// The match starting at the first tried position must not be empty (iteration after
    /// an empty match: finditer, sub, split, scanners).
    pub must_advance: bool,
}

/// The result of a successful match: group marks (`NONE` when unset), `lastindex`.
#[derive(Clone)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<usize>,
    pub lastindex: isize,
}

pub struct Matcher<'a, T: Unit> {
    code: &'a [u32],
    text: &'a [T],
    end: usize,
    start: usize,
    mode: Mode,
    marks: Vec<usize>,
    lastindex: isize,
    reps: Vec<Rep>,
    cur_rep: u32,
    stack: Vec<Bt>,
    frames: Vec<usize>,
}

impl<'a, T: Unit> Matcher<'a, T> {
    /// A matcher over `text[..end]` (`end` = endpos) for a pattern with `groups` groups.
    pub fn new(code: &'a [u32], text: &'a [T], end: usize, groups: usize) -> Self {
        Matcher {
            code,
            text,
            end: end.min(text.len()),
            start: 0,
            mode: Mode::default(),
            marks: vec![NONE; 2 * groups],
            lastindex: -1,
            reps: Vec::new(),
            cur_rep: NO_REP,
            stack: Vec::new(),
            frames: Vec::new(),
        }
    }

    #[inline]
    fn c(&self, i: usize) -> u32 {
        self.code.get(i).copied().unwrap_or(FAILURE)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self.text[i].code()
    }

    fn reset(&mut self, start: usize) {
        self.start = start;
        self.marks.iter_mut().for_each(|m| *m = NONE);
        self.lastindex = -1;
        self.reps.clear();
        self.cur_rep = NO_REP;
        self.stack.clear();
        self.frames.clear();
    }

    fn found(&self, start: usize, end: usize) -> Found {
        Found { start, end, marks: self.marks.clone(), lastindex: self.lastindex }
    }

    /// Matches at exactly `pos` (match/fullmatch).
    pub fn match_at(&mut self, pos: usize, mode: Mode) -> Option<Found> {
        self.mode = mode;
        self.reset(pos);
        self.run(0, pos).map(|e| self.found(pos, e))
    }

    /// Finds the first match starting at or after `pos`.
    pub fn search(&mut self, pos: usize, mode: Mode) -> Option<Found> {
        if pos > self.end {
            return None;
        }
        let (prefix, charset) = self.info_hints();
        let mut p = pos;
        self.mode = mode;
        while p <= self.end {
            if self.may_start_at(p, prefix, charset) {
                self.reset(p);
                if let Some(e) = self.run(0, p) {
                    return Some(self.found(p, e));
                }
            }
            self.mode.must_advance = false;
            p += 1;
        }
        None
    }

    /// The literal prefix and the first-character set the INFO block announces.
    fn info_hints(&self) -> (Option<(usize, usize)>, Option<usize>) {
        if self.c(0) != INFO {
            return (None, None);
        }
        let fl = self.c(2);
        if fl & INFO_PREFIX != 0 {
            let len = self.c(5) as usize;
            if 7 + len <= self.code.len() {
                return (Some((7, len)), None);
            }
        } else if fl & INFO_CHARSET != 0 {
            return (None, Some(5));
        }
        (None, None)
    }

    fn may_start_at(&self, p: usize, prefix: Option<(usize, usize)>, charset: Option<usize>) -> bool {
        if let Some((at, len)) = prefix {
            return p + len <= self.end && (0..len).all(|i| self.at(p + i) == self.code[at + i]);
        }
        if let Some(set) = charset {
            return p < self.end && self.in_charset(set, self.at(p));
        }
        true
    }

    // ----- logged state changes -----

    fn set_mark(&mut self, i: usize, ptr: usize) {
        if i >= self.marks.len() {
            self.marks.resize(i + 1, NONE);
        }
        self.stack.push(Bt::Mark(i as u32, self.marks[i]));
        self.marks[i] = ptr;
        if i & 1 == 1 {
            self.stack.push(Bt::LastIndex(self.lastindex));
            self.lastindex = (i / 2 + 1) as isize;
        }
    }
    fn set_rep_count(&mut self, r: u32, count: isize) {
        self.stack.push(Bt::RepCount(r, self.reps[r as usize].count));
        self.reps[r as usize].count = count;
    }
    fn set_rep_last(&mut self, r: u32, ptr: usize) {
        self.stack.push(Bt::RepLast(r, self.reps[r as usize].last));
        self.reps[r as usize].last = ptr;
    }
    fn set_cur_rep(&mut self, r: u32) {
        self.stack.push(Bt::CurRep(self.cur_rep));
        self.cur_rep = r;
    }

    fn undo(&mut self, e: Bt) {
        match e {
            Bt::Mark(i, old) => self.marks[i as usize] = old,
            Bt::LastIndex(old) => self.lastindex = old,
            Bt::RepCount(r, old) => self.reps[r as usize].count = old,
            Bt::RepLast(r, old) => self.reps[r as usize].last = old,
            Bt::CurRep(old) => self.cur_rep = old,
            Bt::RepTruncate(n) => self.reps.truncate(n as usize),
            _ => {}
        }
    }

    /// Removes the choice points above the barrier at `b` (and the barrier), keeping the
    /// undo entries.
    fn cut(&mut self, b: usize) {
        let tail = self.stack.split_off(b);
        self.stack.extend(tail.into_iter().skip(1).filter(Bt::is_undo));
    }

    /// Pops back to the barrier at `b`, undoing changes; removes the barrier.
    fn unwind_to(&mut self, b: usize) {
        while self.stack.len() > b + 1 {
            let e = self.stack.pop().unwrap();
            self.undo(e);
        }
        self.stack.pop();
    }

    // ----- single-character tests -----

    fn in_charset(&self, mut p: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            match self.c(p) {
                FAILURE => return !ok,
                LITERAL => {
                    if ch == self.c(p + 1) {
                        return ok;
                    }
                    p += 2;
                }
                CATEGORY => {
                    if category(self.c(p + 1), ch) {
                        return ok;
                    }
                    p += 2;
                }
                CHARSET => {
                    if ch < 256 && self.c(p + 1 + (ch as usize >> 5)) & (1 << (ch & 31)) != 0 {
                        return ok;
                    }
                    p += 9;
                }
                RANGE => {
                    if self.c(p + 1) <= ch && ch <= self.c(p + 2) {
                        return ok;
                    }
                    p += 3;
                }
                RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.c(p + 1), self.c(p + 2));
                    let up = upper_uni(ch);
                    if (lo <= ch && ch <= hi) || (lo <= up && up <= hi) {
                        return ok;
                    }
                    p += 3;
                }
                NEGATE => {
                    ok = !ok;
                    p += 1;
                }
                BIGCHARSET => {
                    let count = self.c(p + 1) as usize;
                    p += 2;
                    if ch < 65536 {
                        let hi = (ch >> 8) as usize;
                        let block = (self.c(p + hi / 4) >> ((hi % 4) * 8)) & 0xff;
                        let lo = ch & 255;
                        let word = self.c(p + 64 + block as usize * 8 + (lo as usize >> 5));
                        if word & (1 << (lo & 31)) != 0 {
                            return ok;
                        }
                    }
                    p += 64 + count * 8;
                }
                _ => return false,
            }
        }
    }

    /// A set test in the locale's case-insensitive mode (the C locale: ASCII rules).
    fn in_charset_loc_ignore(&self, set: usize, ch: u32) -> bool {
        if self.in_charset(set, ch) {
            return true;
        }
        let lo = lower_ascii(ch);
        let up = upper_ascii(ch);
        (lo != ch && self.in_charset(set, lo)) || (up != ch && self.in_charset(set, up))
    }

    /// Whether the one-character opcode at `pc` accepts `ch`.
    fn match_one(&self, pc: usize, ch: u32) -> bool {
        let a = pc + 1;
        match self.c(pc) {
            ANY => ch != '\n' as u32,
            ANY_ALL => true,
            LITERAL => ch == self.c(a),
            NOT_LITERAL => ch != self.c(a),
            LITERAL_IGNORE => lower_ascii(ch) == self.c(a),
            NOT_LITERAL_IGNORE => lower_ascii(ch) != self.c(a),
            LITERAL_UNI_IGNORE => lower_uni(ch) == self.c(a),
            NOT_LITERAL_UNI_IGNORE => lower_uni(ch) != self.c(a),
            LITERAL_LOC_IGNORE => loc_eq(self.c(a), ch),
            NOT_LITERAL_LOC_IGNORE => !loc_eq(self.c(a), ch),
            IN => self.in_charset(a + 1, ch),
            IN_IGNORE => self.in_charset(a + 1, lower_ascii(ch)),
            IN_UNI_IGNORE => self.in_charset(a + 1, lower_uni(ch)),
            IN_LOC_IGNORE => self.in_charset_loc_ignore(a + 1, ch),
            CATEGORY => category(self.c(a), ch),
            _ => false,
        }
    }

    /// How many consecutive characters from `ptr` the one-character body at `body`
    /// accepts, at most `limit`.
    fn count_one(&self, body: usize, ptr: usize, limit: usize) -> usize {
        let mut n = 0;
        while n < limit && self.match_one(body, self.at(ptr + n)) {
            n += 1;
        }
        n
    }

    fn at_code(&self, code: u32, ptr: usize) -> bool {
        let (end, nl) = (self.end, '\n' as u32);
        let word = |f: fn(u32) -> bool| -> Option<(bool, bool)> {
            if end == 0 {
                return None;
            }
            let before = ptr > 0 && ptr <= end && f(self.at(ptr - 1));
            let here = ptr < end && f(self.at(ptr));
            Some((before, here))
        };
        match code {
            0 | 2 => ptr == 0,
            1 => ptr == 0 || (ptr <= end && self.at(ptr - 1) == nl),
            5 => ptr == end || (ptr + 1 == end && self.at(ptr) == nl),
            6 => ptr == end || (ptr < end && self.at(ptr) == nl),
            7 => ptr == end,
            3 | 8 => word(chars::is_ascii_word).map_or(false, |(b, h)| b != h),
            4 | 9 => word(chars::is_ascii_word).map_or(false, |(b, h)| b == h),
            10 => word(chars::is_uni_word).map_or(false, |(b, h)| b != h),
            11 => word(chars::is_uni_word).map_or(false, |(b, h)| b == h),
            _ => false,
        }
    }

    /// Matches group `g`'s text again at `ptr` under `fold`; the position after it.
    fn groupref(&self, g: usize, ptr: usize, fold: fn(u32) -> u32) -> Option<usize> {
        let (s, e) = (*self.marks.get(2 * g)?, *self.marks.get(2 * g + 1)?);
        if s == NONE || e == NONE || e < s {
            return None;
        }
        let n = e - s;
        if ptr + n > self.end {
            return None;
        }
        (0..n).all(|i| fold(self.at(s + i)) == fold(self.at(ptr + i))).then_some(ptr + n)
    }

    fn group_matched(&self, g: usize) -> bool {
        matches!((self.marks.get(2 * g), self.marks.get(2 * g + 1)), (Some(&s), Some(&e)) if s != NONE && e != NONE)
    }

    // ----- choice points -----

    /// Enters the first applicable alternative of a BRANCH from the skip word at `alt`,
    /// pushing a choice point for the rest; returns the alternative's code.
    fn branch_from(&mut self, mut alt: usize, ptr: usize) -> Option<usize> {
        loop {
            let skip = self.c(alt) as usize;
            if skip == 0 {
                return None;
            }
            let body = alt + 1;
            if self.c(body) == LITERAL && (ptr >= self.end || self.at(ptr) != self.c(body + 1)) {
                alt += skip;
                continue;
            }
            if self.c(alt + skip) != 0 {
                self.stack.push(Bt::Branch { alt: alt + skip, ptr });
            }
            return Some(body);
        }
    }

    /// The largest count in `min..=count` at which the tail of a greedy single-character
    /// repeat can start (a literal tail must see its character).
    fn repeat_one_fit(&self, tail: usize, base: usize, count: usize, min: usize) -> Option<usize> {
        if self.c(tail) != LITERAL {
            return Some(count);
        }
        let lit = self.c(tail + 1);
        let mut c = count;
        loop {
            if base + c < self.end && self.at(base + c) == lit {
                return Some(c);
            }
            if c == min {
                return None;
            }
            c -= 1;
        }
    }

    fn enter_repeat_one(&mut self, tail: usize, base: usize, count: usize, min: usize) -> Option<(usize, usize)> {
        let c = self.repeat_one_fit(tail, base, count, min)?;
        if c > min {
            self.stack.push(Bt::RepeatOne { tail, base, count: c, min });
        }
        Some((tail, base + c))
    }

    fn push_frame(&mut self, kind: FrameKind, ptr: usize, cont: usize) {
        self.frames.push(self.stack.len());
        self.stack.push(Bt::Frame { kind, ptr, cont });
    }

    /// Whether a possessive repeat tries another iteration after completing `count`
    /// (`iter_start` = where the completed one started, NONE when it was not optional).
    fn poss_again(count: u32, min: u32, max: u32, iter_start: usize, ptr: usize) -> bool {
        if count < min {
            return true;
        }
        if count >= max && max != MAXREPEAT {
            return false;
        }
        count == min || ptr != iter_start
    }

    /// Undoes state up to the most recent choice point and returns where to resume.
    fn backtrack(&mut self) -> Option<(usize, usize)> {
        while let Some(e) = self.stack.pop() {
            match e {
                Bt::Branch { alt, ptr } => {
                    if let Some(pc) = self.branch_from(alt, ptr) {
                        return Some((pc, ptr));
                    }
                }
                Bt::UntilTail { rep, pc, ptr } => {
                    self.set_cur_rep(self.reps[rep as usize].prev);
                    return Some((pc, ptr));
                }
                Bt::MinBody { rep, count, ptr } => {
                    self.set_rep_count(rep, count);
                    self.set_rep_last(rep, ptr);
                    return Some((self.reps[rep as usize].body, ptr));
                }
                Bt::RepeatOne { tail, base, count, min } => {
                    if let Some(r) = self.enter_repeat_one(tail, base, count - 1, min) {
                        return Some(r);
                    }
                }
                Bt::MinRepeatOne { tail, body, base, count, max } => {
                    let p = base + count;
                    if count < max && p < self.end && self.match_one(body, self.at(p)) {
                        self.stack.push(Bt::MinRepeatOne { tail, body, base, count: count + 1, max });
                        return Some((tail, p + 1));
                    }
                }
                Bt::Frame { kind, ptr, cont } => {
                    self.frames.pop();
                    match kind {
                        FrameKind::AssertNot => return Some((cont, ptr)),
                        FrameKind::Poss { count, min, .. } if count >= min => return Some((cont, ptr)),
                        _ => {}
                    }
                }
                undo => self.undo(undo),
            }
        }
        None
    }

    /// `SUCCESS` inside the sub-match whose barrier is at `b`: where to continue, or
    /// None to fail.
    fn frame_success(&mut self, b: usize, ptr: usize) -> Option<(usize, usize)> {
        let Bt::Frame { kind, ptr: saved, cont } = self.stack[b] else { return None };
        self.frames.pop();
        match kind {
            FrameKind::Assert => {
                self.cut(b);
                Some((cont, saved))
            }
            FrameKind::Atomic => {
                self.cut(b);
                Some((cont, ptr))
            }
            FrameKind::AssertNot => {
                self.unwind_to(b);
                None
            }
            FrameKind::Poss { body, count, min, max } => {
                self.cut(b);
                let count = count + 1;
                let iter_start = if count > min { saved } else { NONE };
                if Self::poss_again(count, min, max, iter_start, ptr) {
                    self.push_frame(FrameKind::Poss { body, count, min, max }, ptr, cont);
                    Some((body, ptr))
                } else {
                    Some((cont, ptr))
                }
            }
        }
    }

    /// Runs the code from `pc` at `ptr`; the end position of the match.
    fn run(&mut self, mut pc: usize, mut ptr: usize) -> Option<usize> {
        let end = self.end;
        loop {
            let a = pc + 1;
            let next: Option<(usize, usize)> = match self.c(pc) {
                SUCCESS => {
                    if let Some(&b) = self.frames.last() {
                        self.frame_success(b, ptr)
                    } else if (self.mode.match_all && ptr != end) || (self.mode.must_advance && ptr == self.start) {
                        None
                    } else {
                        return Some(ptr);
                    }
                }
                ANY | ANY_ALL | LITERAL | NOT_LITERAL | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE | CATEGORY => {
                    let ok = ptr < end && self.match_one(pc, self.at(ptr));
                    let width = if matches!(self.c(pc), ANY | ANY_ALL) { 1 } else { 2 };
                    ok.then_some((pc + width, ptr + 1))
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    let ok = ptr < end && self.match_one(pc, self.at(ptr));
                    ok.then_some((a + self.c(a) as usize, ptr + 1))
                }
                AT => self.at_code(self.c(a), ptr).then_some((a + 1, ptr)),
                INFO => {
                    let min = self.c(a + 2) as usize;
                    (min == 0 || (end >= ptr && end - ptr >= min)).then_some((a + self.c(a) as usize, ptr))
                }
                JUMP => Some((a + self.c(a) as usize, ptr)),
                MARK => {
                    self.set_mark(self.c(a) as usize, ptr);
                    Some((a + 1, ptr))
                }
                BRANCH => self.branch_from(a, ptr).map(|pc| (pc, ptr)),
                GROUPREF => self.groupref(self.c(a) as usize, ptr, |c| c).map(|p| (a + 1, p)),
                GROUPREF_IGNORE | GROUPREF_LOC_IGNORE => self.groupref(self.c(a) as usize, ptr, lower_ascii).map(|p| (a + 1, p)),
                GROUPREF_UNI_IGNORE => self.groupref(self.c(a) as usize, ptr, lower_uni).map(|p| (a + 1, p)),
                GROUPREF_EXISTS => {
                    if self.group_matched(self.c(a) as usize) {
                        Some((a + 2, ptr))
                    } else {
                        Some((a + self.c(a + 1) as usize, ptr))
                    }
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => self.single_repeat(pc, ptr),
                REPEAT => {
                    let r = Rep {
                        count: -1,
                        body: a + 3,
                        min: self.c(a + 1),
                        max: self.c(a + 2),
                        last: NONE,
                        prev: self.cur_rep,
                    };
                    self.stack.push(Bt::RepTruncate(self.reps.len() as u32));
                    self.reps.push(r);
                    self.set_cur_rep(self.reps.len() as u32 - 1);
                    Some((a + self.c(a) as usize, ptr))
                }
                MAX_UNTIL => self.max_until(pc, ptr),
                MIN_UNTIL => self.min_until(pc, ptr),
                ASSERT | ASSERT_NOT => {
                    let back = self.c(a + 1) as usize;
                    let cont = a + self.c(a) as usize;
                    let positive = self.c(pc) == ASSERT;
                    if ptr < back || ptr - back > end {
                        (!positive).then_some((cont, ptr))
                    } else {
                        let kind = if positive { FrameKind::Assert } else { FrameKind::AssertNot };
                        self.push_frame(kind, ptr, cont);
                        Some((a + 2, ptr - back))
                    }
                }
                ATOMIC_GROUP => {
                    self.push_frame(FrameKind::Atomic, ptr, a + self.c(a) as usize);
                    Some((a + 1, ptr))
                }
                POSSESSIVE_REPEAT => {
                    let (min, max) = (self.c(a + 1), self.c(a + 2));
                    let cont = a + self.c(a) as usize + 1;
                    if min > 0 || max > 0 {
                        self.push_frame(FrameKind::Poss { body: a + 3, count: 0, min, max }, ptr, cont);
                        Some((a + 3, ptr))
                    } else {
                        Some((cont, ptr))
                    }
                }
                _ => None,
            };
            match next.or_else(|| self.backtrack()) {
                Some((p, q)) => {
                    pc = p;
                    ptr = q;
                }
                None => return None,
            }
        }
    }

    /// REPEAT_ONE, MIN_REPEAT_ONE, POSSESSIVE_REPEAT_ONE: repeats of a one-character body.
    fn single_repeat(&mut self, pc: usize, ptr: usize) -> Option<(usize, usize)> {
        let a = pc + 1;
        let (min, max) = (self.c(a + 1) as usize, self.c(a + 2));
        let (body, tail) = (a + 3, a + self.c(a) as usize);
        let room = self.end.saturating_sub(ptr);
        if min > room {
            return None;
        }
        let limit = if max == MAXREPEAT { room } else { room.min(max as usize) };
        match self.c(pc) {
            REPEAT_ONE => {
                let count = self.count_one(body, ptr, limit);
                if count < min {
                    return None;
                }
                self.enter_repeat_one(tail, ptr, count, min)
            }
            MIN_REPEAT_ONE => {
                if self.count_one(body, ptr, min) < min {
                    return None;
                }
                self.stack.push(Bt::MinRepeatOne { tail, body, base: ptr, count: min, max: limit });
                Some((tail, ptr + min))
            }
            _ => {
                let count = self.count_one(body, ptr, limit);
                (count >= min).then_some((tail, ptr + count))
            }
        }
    }

    fn max_until(&mut self, pc: usize, ptr: usize) -> Option<(usize, usize)> {
        let rp = self.cur_rep;
        let r = *self.reps.get(rp as usize)?;
        let count = r.count + 1;
        if count < r.min as isize {
            self.set_rep_count(rp, count);
            return Some((r.body, ptr));
        }
        if (count < r.max as isize || r.max == MAXREPEAT) && ptr != r.last {
            self.stack.push(Bt::UntilTail { rep: rp, pc: pc + 1, ptr });
            self.set_rep_count(rp, count);
            self.set_rep_last(rp, ptr);
            return Some((r.body, ptr));
        }
        self.set_cur_rep(r.prev);
        Some((pc + 1, ptr))
    }

    fn min_until(&mut self, pc: usize, ptr: usize) -> Option<(usize, usize)> {
        let rp = self.cur_rep;
        let r = *self.reps.get(rp as usize)?;
        let count = r.count + 1;
        if count < r.min as isize {
            self.set_rep_count(rp, count);
            return Some((r.body, ptr));
        }
        let exhausted = count >= r.max as isize && r.max != MAXREPEAT;
        if !exhausted && ptr != r.last {
            self.stack.push(Bt::MinBody { rep: rp, count, ptr });
        }
        self.set_cur_rep(r.prev);
        Some((pc + 1, ptr))
    }
}

fn loc_eq(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_ascii(ch) == pattern || upper_ascii(ch) == pattern
}
