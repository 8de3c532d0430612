//! Source inputs for the frontend target: random bytes, mutations of the test corpus
//! (tests/**/*.py), grammar-based random Python programs, and deeply nested constructs
//! (the inputs most likely to exhaust the compiler's stack).
use crate::rng::Rng;

/// Tokens spliced in by mutations and used for random token soup.
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", ":=", "->", "+", "-", "*",
    "**", "/", "//", "%", "@", "<<", ">>", "&", "|", "^", "~", "<", ">", "==", "!=", "<=",
    ">=", "+=", "**=", "\n", "\t", "    ", "\\\n", "#c\n", "def", "class", "lambda", "if",
    "elif", "else", "for", "while", "in", "not", "and", "or", "is", "try", "except",
    "except*", "finally", "with", "as", "return", "yield", "yield from", "await", "async",
    "import", "from", "global", "nonlocal", "del", "pass", "break", "continue", "raise",
    "assert", "match", "case", "_", "None", "True", "False", "x", "y", "f", "0", "1", "0x1f",
    "1_000", "1e309", "3.14j", "'s'", "\"d\"", "'''t\n'''", "b'b'", "rb'\\x'", "f'{x}'",
    "f'{x!r:>{y}}'", "f'{'", "'\\N{DASH}'", "'\\u12'", "\u{e9}", "\u{1f600}", "\0", "*x",
    "**k", "@d\n", "print(", "__class__", "super()",
];

/// One frontend input. `corpus` holds the texts of the test programs.
pub fn source(rng: &mut Rng, corpus: &[String]) -> String {
    match rng.below(10) {
        0 => random_text(rng),
        1 => token_soup(rng),
        2 => deep(rng),
        3..=5 if !corpus.is_empty() => mutate(rng, corpus),
        _ => Program::new(rng).module(),
    }
}

/// Random bytes (decoded lossily: the frontend takes `&str`, as pyc decodes sources).
fn random_text(rng: &mut Rng) -> String {
    let n = rng.size(400);
    let bytes: Vec<u8> = (0..n)
        .map(|_| if rng.one_in(4) { rng.next_u64() as u8 } else { *rng.pick(b" \n\t()[]{}:=+-*/'\"#\\xyz019._@,;") })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn token_soup(rng: &mut Rng) -> String {
    let n = rng.size(120);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(*rng.pick(TOKENS));
        if rng.one_in(2) {
            s.push(' ');
        }
    }
    s
}

/// One construct nested hundreds to tens of thousands of levels deep.
fn deep(rng: &mut Rng) -> String {
    const SHAPES: &[(&str, &str, &str)] = &[
        ("(", "1", ")"),
        ("[", "", "]"),
        ("{", "1", "}"),
        ("-", "1", ""),
        ("not ", "x", ""),
        ("x + ", "1", ""),
        ("", "x", ".a"),
        ("", "f", "()"),
        ("", "x", "[0]"),
        ("lambda: ", "1", ""),
        ("1 if x else ", "2", ""),
        ("f(", "1", ")"),
        ("await ", "x", ""),
        ("(yield ", "1", ")"),
        ("[x for x in ", "y", "]"),
        ("f'{", "1", "}'"),
        ("x == ", "1", ""),
        ("*", "x", ""),
    ];
    let (open, leaf, close) = *rng.pick(SHAPES);
    let n = *rng.pick(&[50usize, 100, 199, 200, 201, 500, 1000, 3000, 10_000, 100_000]);
    let mut s = String::with_capacity(n * (open.len() + close.len()) + 16);
    if rng.one_in(3) {
        s.push_str(*rng.pick(&["x = ", "print(", "def f():\n    return ", "async def f():\n    return "]));
    }
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(leaf);
    for _ in 0..n {
        s.push_str(close);
    }
    if rng.one_in(2) {
        return deep_blocks(rng, n.min(5000));
    }
    s.push('\n');
    s
}

/// Statements nested `n` blocks deep (CPython: "too many statically nested blocks" or
/// an indentation-level limit).
fn deep_blocks(rng: &mut Rng, n: usize) -> String {
    let head = *rng.pick(&["if x:", "while x:", "for x in y:", "def f():", "class C:", "try:", "with x:"]);
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&" ".repeat(i));
        s.push_str(head);
        s.push('\n');
    }
    s.push_str(&" ".repeat(n));
    s.push_str("pass\n");
    s
}

/// A test program with a few edits: byte/line deletions, duplications, splices from
/// another file, token insertions, indentation changes, truncation.
fn mutate(rng: &mut Rng, corpus: &[String]) -> String {
    let mut s: Vec<u8> = rng.pick(corpus).as_bytes().to_vec();
    for _ in 0..1 + rng.below(6) {
        let len = s.len();
        let at = rng.below(len + 1);
        let span = rng.size(64).min(len - at);
        match rng.below(8) {
            0 => {
                s.drain(at..at + span);
            }
            1 => {
                let piece = s[at..at + span].to_vec();
                let to = rng.below(s.len() + 1);
                s.splice(to..to, piece);
            }
            2 => {
                let other = rng.pick(corpus).as_bytes();
                let from = rng.below(other.len() + 1);
                let n = rng.size(200).min(other.len() - from);
                s.splice(at..at, other[from..from + n].iter().copied());
            }
            3 => {
                s.splice(at..at, (*rng.pick(TOKENS)).bytes());
            }
            4 => s.truncate(at),
            5 if at < len => s[at] = rng.next_u64() as u8,
            6 => {
                let ws: &[u8] = *rng.pick(&[b" ".as_slice(), b"\t", b"    ", b"\n", b"\r", b"\x0c"]);
                s.splice(at..at, ws.iter().copied());
            }
            _ => {
                let lines: Vec<&[u8]> = s.split(|&b| b == b'\n').collect();
                let mut v: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
                if v.len() > 1 {
                    let (a, b) = (rng.below(v.len()), rng.below(v.len()));
                    v.swap(a, b);
                }
                s = v.join(&b'\n');
            }
        }
    }
    String::from_utf8_lossy(&s).into_owned()
}

/// Grammar-based random programs: mostly well-formed Python 3.11, with occasional
/// misplaced constructs (return outside a function, await outside async, ...) so the
/// compiler's error paths run too.
pub struct Program<'r> {
    rng: &'r mut Rng,
    out: String,
    budget: usize,
}

const NAMES: &[&str] = &["x", "y", "z", "f", "g", "C", "self", "print", "len", "a_b", "\u{e9}t\u{e9}", "_", "match", "case", "type"];

impl<'r> Program<'r> {
    pub fn new(rng: &'r mut Rng) -> Self {
        let budget = 20 + rng.size(400);
        Program { rng, out: String::new(), budget }
    }

    pub fn module(mut self) -> String {
        let n = 1 + self.rng.below(8);
        for _ in 0..n {
            self.stmt(0, 0);
        }
        self.out
    }

    fn spend(&mut self) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        true
    }

    fn name(&mut self) -> &'static str {
        *self.rng.pick(NAMES)
    }

    fn line(&mut self, indent: usize, text: &str) {
        self.out.push_str(&"    ".repeat(indent));
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, indent: usize, depth: u32) {
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            self.stmt(indent + 1, depth + 1);
        }
    }

    fn stmt(&mut self, indent: usize, depth: u32) {
        if !self.spend() || depth > 6 {
            let e = self.expr(3);
            self.line(indent, &e);
            return;
        }
        match self.rng.below(24) {
            0 => {
                let (t, e) = (self.target(), self.expr(0));
                self.line(indent, &format!("{} = {}", t, e));
            }
            1 => {
                let op = *self.rng.pick(&["+=", "-=", "*=", "@=", "//=", "**=", ">>=", "|=", "^="]);
                let (t, e) = (self.target(), self.expr(0));
                self.line(indent, &format!("{} {} {}", t, op, e));
            }
            2 => {
                let (t, a, e) = (self.name(), self.expr(2), self.expr(1));
                self.line(indent, &format!("{}: {} = {}", t, a, e));
            }
            3 => {
                let c = self.expr(0);
                self.line(indent, &format!("if {}:", c));
                self.block(indent, depth);
                if self.rng.one_in(2) {
                    let c = self.expr(0);
                    self.line(indent, &format!("elif {}:", c));
                    self.block(indent, depth);
                }
                if self.rng.one_in(2) {
                    self.line(indent, "else:");
                    self.block(indent, depth);
                }
            }
            4 => {
                let c = self.expr(0);
                self.line(indent, &format!("while {}:", c));
                self.block(indent, depth);
                if self.rng.one_in(3) {
                    self.line(indent, "else:");
                    self.block(indent, depth);
                }
            }
            5 => {
                let a = if self.rng.one_in(5) { "async " } else { "" };
                let (t, e) = (self.target(), self.expr(0));
                self.line(indent, &format!("{}for {} in {}:", a, t, e));
                self.block(indent, depth);
            }
            6 => self.function(indent, depth),
            7 => {
                let bases = self.args();
                let n = self.name();
                self.line(indent, &format!("class {}({}):", n, bases));
                self.block(indent, depth);
            }
            8 => self.try_stmt(indent, depth),
            9 => {
                let a = if self.rng.one_in(5) { "async " } else { "" };
                let (e, t) = (self.expr(1), self.target());
                let extra = if self.rng.one_in(3) { format!(", {} as ({}, y)", self.expr(2), self.name()) } else { String::new() };
                self.line(indent, &format!("{}with {} as {}{}:", a, e, t, extra));
                self.block(indent, depth);
            }
            10 => self.match_stmt(indent, depth),
            11 => {
                let e = self.expr(0);
                let kw = *self.rng.pick(&["return", "yield", "yield from", "raise", "await", "del", "assert", "print"]);
                self.line(indent, &format!("{} {}", kw, e));
            }
            12 => {
                let kw = *self.rng.pick(&["pass", "break", "continue", "return", "raise", "global x", "nonlocal x", "global x, y"]);
                self.line(indent, kw);
            }
            13 => {
                let s = *self.rng.pick(&[
                    "import os", "import os.path as p", "from . import x", "from ..m import (a, b as c)",
                    "from m import *", "from __future__ import annotations", "import sys, math",
                    "from __future__ import braces",
                ]);
                self.line(indent, s);
            }
            14 => {
                let (a, b) = (self.expr(0), self.expr(2));
                self.line(indent, &format!("raise {} from {}", a, b));
            }
            15 => {
                let (t, e) = (self.target(), self.expr(0));
                let n = self.name();
                self.line(indent, &format!("{}, *{} = {}", t, n, e));
            }
            _ => {
                let e = self.expr(0);
                self.line(indent, &e);
            }
        }
    }

    fn function(&mut self, indent: usize, depth: u32) {
        if self.rng.one_in(3) {
            let d = self.expr(2);
            self.line(indent, &format!("@{}", d));
        }
        let a = if self.rng.one_in(4) { "async " } else { "" };
        let n = self.name();
        let params = self.params();
        let ret = if self.rng.one_in(4) { format!(" -> {}", self.expr(2)) } else { String::new() };
        self.line(indent, &format!("{}def {}({}){}:", a, n, params, ret));
        self.block(indent, depth);
    }

    fn params(&mut self) -> String {
        let mut ps: Vec<String> = Vec::new();
        for _ in 0..self.rng.below(5) {
            let n = self.name();
            ps.push(match self.rng.below(8) {
                0 => format!("{}={}", n, self.expr(2)),
                1 => format!("{}: {}", n, self.expr(2)),
                2 => "/".to_string(),
                3 => "*".to_string(),
                4 => format!("*{}", n),
                5 => format!("**{}", n),
                _ => n.to_string(),
            });
        }
        ps.join(", ")
    }

    fn try_stmt(&mut self, indent: usize, depth: u32) {
        self.line(indent, "try:");
        self.block(indent, depth);
        let star = if self.rng.one_in(4) { "*" } else { "" };
        for _ in 0..self.rng.below(3) {
            let e = self.expr(2);
            let tail = if self.rng.one_in(2) { format!(" as {}", self.name()) } else { String::new() };
            self.line(indent, &format!("except{} {}{}:", star, e, tail));
            self.block(indent, depth);
        }
        if self.rng.one_in(3) {
            self.line(indent, "except:");
            self.block(indent, depth);
        }
        if self.rng.one_in(3) {
            self.line(indent, "else:");
            self.block(indent, depth);
        }
        if self.rng.one_in(2) {
            self.line(indent, "finally:");
            self.block(indent, depth);
        }
    }

    fn match_stmt(&mut self, indent: usize, depth: u32) {
        let s = self.expr(1);
        self.line(indent, &format!("match {}:", s));
        for _ in 0..1 + self.rng.below(3) {
            let p = self.pattern(0);
            let guard = if self.rng.one_in(3) { format!(" if {}", self.expr(2)) } else { String::new() };
            self.line(indent + 1, &format!("case {}{}:", p, guard));
            self.block(indent + 1, depth);
        }
    }

    fn pattern(&mut self, d: u32) -> String {
        if d > 3 || !self.spend() {
            return self.rng.pick(&["_", "x", "1", "None", "'s'", "-1", "1+2j"]).to_string();
        }
        match self.rng.below(9) {
            0 => format!("[{}, *{}]", self.pattern(d + 1), self.rng.pick(&["rest", "_"])),
            1 => format!("({}, {})", self.pattern(d + 1), self.pattern(d + 1)),
            2 => format!("{{'k': {}, **rest}}", self.pattern(d + 1)),
            3 => format!("C({}, a={})", self.pattern(d + 1), self.pattern(d + 1)),
            4 => format!("{} | {}", self.pattern(d + 1), self.pattern(d + 1)),
            5 => format!("{} as {}", self.pattern(d + 1), self.name()),
            6 => "a.b.c".to_string(),
            7 => format!("[{}]", self.pattern(d + 1)),
            _ => self.name().to_string(),
        }
    }

    fn target(&mut self) -> String {
        let n = self.name();
        match self.rng.below(6) {
            0 => format!("{}.attr", n),
            1 => format!("{}[{}]", n, self.expr(2)),
            2 => format!("({}, {})", n, self.name()),
            3 => format!("[{}, *{}]", n, self.name()),
            _ => n.to_string(),
        }
    }

    fn args(&mut self) -> String {
        let mut v = Vec::new();
        for _ in 0..self.rng.below(4) {
            let e = self.expr(2);
            v.push(match self.rng.below(6) {
                0 => format!("*{}", e),
                1 => format!("**{}", e),
                2 => format!("{}={}", self.name(), e),
                _ => e,
            });
        }
        v.join(", ")
    }

    fn literal(&mut self) -> String {
        match self.rng.below(12) {
            0 => format!("{}", self.rng.next_u64() >> self.rng.below(64)),
            1 => "123456789012345678901234567890".to_string(),
            2 => format!("{:?}", f64::from_bits(self.rng.next_u64() & 0x7fef_ffff_ffff_ffff)).replace("inf", "1e999"),
            3 => "0x_ff".to_string(),
            4 => "1_0j".to_string(),
            5 => "'a\\tb\\x41\\u00e9\\N{BULLET}'".to_string(),
            6 => "b'\\x00\\xff'".to_string(),
            7 => "r'\\d+'".to_string(),
            8 => "'''multi\nline'''".to_string(),
            9 => "...".to_string(),
            10 => self.rng.pick(&["None", "True", "False", "__debug__"]).to_string(),
            _ => self.name().to_string(),
        }
    }

    fn expr(&mut self, d: u32) -> String {
        if d > 5 || !self.spend() {
            return self.literal();
        }
        let d = d + 1;
        match self.rng.below(22) {
            0 | 1 => {
                let op = *self.rng.pick(&["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "and", "or"]);
                format!("({} {} {})", self.expr(d), op, self.expr(d))
            }
            2 => format!("({}{})", self.rng.pick(&["-", "+", "~", "not "]), self.expr(d)),
            3 => {
                let op = *self.rng.pick(&["<", "<=", "==", "!=", "is", "is not", "in", "not in", ">"]);
                format!("{} {} {} < {}", self.expr(d), op, self.expr(d), self.expr(d))
            }
            4 => format!("{}({})", self.expr(d), self.args()),
            5 => format!("{}.{}", self.expr(d), self.name()),
            6 => {
                let idx = match self.rng.below(4) {
                    0 => format!("{}:{}", self.expr(d), self.expr(d)),
                    1 => format!("::{}", self.expr(d)),
                    2 => format!("{}, {}", self.expr(d), self.expr(d)),
                    _ => self.expr(d),
                };
                format!("{}[{}]", self.expr(d), idx)
            }
            7 => format!("[{}, *{}]", self.expr(d), self.expr(d)),
            8 => format!("({}, {})", self.expr(d), self.expr(d)),
            9 => format!("{{{}: {}, **{}}}", self.expr(d), self.expr(d), self.expr(d)),
            10 => format!("{{{}, {}}}", self.expr(d), self.expr(d)),
            11 => {
                let (open, close) = *self.rng.pick(&[("[", "]"), ("{", "}"), ("(", ")")]);
                let a = if self.rng.one_in(6) { "async " } else { "" };
                let cond = if self.rng.one_in(2) { format!(" if {}", self.expr(d)) } else { String::new() };
                format!("{}{} {}for {} in {}{}{}", open, self.expr(d), a, self.target(), self.expr(d), cond, close)
            }
            12 => format!("(lambda {}: {})", self.params(), self.expr(d)),
            13 => format!("({} if {} else {})", self.expr(d), self.expr(d), self.expr(d)),
            14 => format!("({} := {})", self.name(), self.expr(d)),
            15 => {
                let conv = *self.rng.pick(&["", "!r", "!s", "!a", "="]);
                let spec = *self.rng.pick(&["", ":>10", ":{x}", ":.3f", ":{y}{z}"]);
                format!("f'a{{{}{}{}}}b'", self.expr(d), conv, spec)
            }
            16 => format!("(yield {})", self.expr(d)),
            17 => format!("(await {})", self.expr(d)),
            18 => format!("*{}", self.expr(d)),
            _ => self.literal(),
        }
    }
}
