//! `traceback` objects (`tb_next`, `tb_lineno`, `tb_lasti`, minimal `tb_frame`) and
//! printing an uncaught exception exactly as CPython 3.11 does (Python/traceback.c and
//! pythonrun.c): the "Traceback (most recent call last):" header, `File "...", line N,
//! in name` rows, the stripped source line, the position markers (`^^^^` / `~~~^~~~`
//! with the same elision and anchor rules as 3.11, including its quirks), repeated-line
//! folding, the final `Type: message` line and chained causes/contexts.

use super::typeobj::{drop_as, MethodDef};
use super::TypeSpec;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::code::as_code;
use crate::types::exceptions as excs;
use crate::types::{none, str as pystr, types};

#[repr(C)]
pub struct TracebackObj {
    pub head: ObjHeader,
    pub next: Option<Obj>,
    /// The `CodeObj` of the frame.
    pub code: Obj,
    /// Instruction index (for positions).
    pub lasti: u32,
    pub lineno: u32,
    pub frame: Option<Obj>,
    /// The globals of the frame and the running frame itself (see `FrameObj::live`), for
    /// `tb_frame`, which is created only when asked for.
    pub globals: Option<Obj>,
    pub live: *const crate::frame::Frame,
    /// The locals of a frame the exception unwound (raw `localsplus` values, cells as
    /// cells), captured when this entry was added because the frame had no handler: a
    /// traceback keeps the raising frames' locals alive, as CPython's frame objects do.
    /// Moved into the frame object when `tb_frame` creates it.
    pub locals: Option<crate::frame::LocalsPlus>,
    /// The running caller of `live` when this entry was added, and its code (to tell it
    /// from a later frame at the same address): the entry added next for that caller
    /// links itself in `outer`.
    caller: *const crate::frame::Frame,
    caller_code: u64,
    /// The entry of the caller's frame whose `next` is this one (borrowed: that entry
    /// resets it when it lets go of this one, see `detach_next`), so `tb_frame.f_back`
    /// is the caller's frame object without a reference cycle between entries.
    outer: *mut TracebackObj,
}

impl Drop for TracebackObj {
    fn drop(&mut self) {
        detach_next(self);
    }
}

/// Lets go of `t.next`, first unlinking its `outer` pointer if it points at `t`.
fn detach_next(t: &mut TracebackObj) -> Option<Obj> {
    let next = t.next.take()?;
    if next.is_exact(types().traceback) {
        // SAFETY: exact traceback objects have a `TracebackObj` payload.
        let n = unsafe { next.payload_mut::<TracebackObj>() };
        if std::ptr::eq(n.outer, t) {
            n.outer = std::ptr::null_mut();
        }
    }
    Some(next)
}

/// A frame object: a snapshot (code, line, globals, the caller's snapshot) of a frame
/// of the runtime's frame stack, taken by `tb_frame`, `sys._getframe` or `gi_frame`.
/// `live` remembers which running frame it was taken from, so that `f_locals` and
/// `clear()` can tell whether that frame is still executing.
#[repr(C)]
pub struct FrameObj {
    pub head: ObjHeader,
    pub code: Obj,
    pub lineno: u32,
    pub globals: Option<Obj>,
    pub back: Option<Obj>,
    pub live: *const crate::frame::Frame,
    /// The locals the frame had when an exception unwound it (`TracebackObj::locals`),
    /// shown by `f_locals` once the frame has finished; dropped by `clear()`.
    pub locals: Option<crate::frame::LocalsPlus>,
}

/// The running frame `fp`, if it is still on this thread's frame stack running `code`.
fn still_running(fp: *const crate::frame::Frame, code: &Obj) -> Option<&'static crate::frame::Frame> {
    let mut cur = crate::frame::current() as *const crate::frame::Frame;
    while !cur.is_null() {
        // SAFETY: frames on the current thread's stack are alive until they are popped.
        let f = unsafe { &*cur };
        if cur == fp {
            return f.code.is(code).then_some(f);
        }
        cur = f.prev;
    }
    None
}

/// The running frame when an entry for `code` is being added (the frame that raised or
/// is unwinding), if it is the current one.
fn current_frame_of(code: &Obj) -> Option<&'static crate::frame::Frame> {
    let fp = crate::frame::current();
    // SAFETY: the current frame is alive while it is current.
    (!fp.is_null()).then(|| unsafe { &*fp }).filter(|f| f.code.is(code))
}

fn tb(o: &Obj) -> &TracebackObj {
    unsafe { o.payload::<TracebackObj>() }
}

/// Native code's `pyrt_traceback_add`: the propagating exception passes through running
/// frame `f` at instruction `pc`. Its first entry also gives it its implicit
/// `__context__`. The frame's code and the traceback are borrowed, not cloned: this runs
/// once per frame an exception crosses.
pub fn traceback_here(f: &mut crate::frame::Frame, pc: u32) {
    f.lasti = pc;
    // shared from here on: `add_traceback_entry_pc` reads this frame off the frame stack
    let f: &crate::frame::Frame = f;
    // (owned: chaining may drop an old `__context__`, whose finalizer could raise)
    let Some(e) = crate::errors::current_exception() else { return };
    if !excs::has_traceback(&e) {
        crate::interp::chain_context(&e);
    }
    add_traceback_entry_pc(&e, &f.code, pc);
}

/// Prepends an entry (frame of `code`, instruction `pc`) to `exc.__traceback__`.
pub fn add_traceback_entry_pc(exc: &Obj, code: &Obj, pc: u32) {
    let co = as_code(code);
    let line = co.line_of(pc);
    // Taken out (and put back as the new entry's `next`) rather than cloned: while the
    // entry is allocated the old chain is held by this local, which the collector sees
    // as an outside reference.
    let next = excs::take_traceback(exc).filter(|t| t.is_exact(types().traceback));
    let running = current_frame_of(code);
    let globals = running.map(|f| f.globals.clone());
    let live = running.map_or(std::ptr::null(), |f| f as *const _);
    let caller: *const crate::frame::Frame = running.map_or(std::ptr::null(), |f| f.prev);
    // SAFETY: the caller of a running frame is on the frame stack.
    let caller_code = if caller.is_null() { 0 } else { unsafe { (*caller).code.raw() } };
    let t = alloc(
        types().traceback,
        TracebackObj { head: header(), next, code: code.clone(), lasti: pc, lineno: line, frame: None, globals, live, locals: None, caller, caller_code, outer: std::ptr::null_mut() },
    );
    // SAFETY: `t` was just allocated with a `TracebackObj` payload; `next` is exact.
    let tp = unsafe { t.payload_mut::<TracebackObj>() } as *mut TracebackObj;
    if let Some(n) = unsafe { &(*tp).next } {
        let n = unsafe { n.payload_mut::<TracebackObj>() };
        if !live.is_null() && std::ptr::eq(n.caller, live) && n.caller_code == code.raw() && n.outer.is_null() {
            n.outer = tp;
        }
    }
    if let Some(f) = running.filter(|_| co.code.handler_for(pc).is_none()) {
        keep_locals_from(&t, f);
    }
    excs::set_traceback(exc, Some(t));
}

/// Exception `exc` leaves running function frame `f`: the entries for `f` at the head of
/// its traceback (the one just added, and those made earlier in the same call when the
/// exception passed a handler's range, which kept no locals then since the handler might
/// catch it) take `f`'s locals, so that `tb_frame.f_locals` shows the finished frame's
/// variables as CPython's frame objects do (a frame object made meanwhile takes them).
/// Called when an entry is added with no handler in range, and on a re-raise that
/// leaves the function (the end of a `finally` or `with`, a bare `raise`), which adds none.
pub fn keep_exit_locals(exc: &Obj, f: &crate::frame::Frame) {
    if let Some(t) = excs::payload(exc).and_then(|p| p.traceback.as_ref()) {
        keep_locals_from(t, f);
    }
}

/// `keep_exit_locals` from entry `first` down the chain, while the entries are `f`'s.
/// Walks borrowed words: no Python code runs and nothing else touches the chain here.
fn keep_locals_from(first: &Obj, f: &crate::frame::Frame) {
    let mut cur: *const Obj = first;
    // SAFETY: `cur` points at a live `next` field (or `first`) of the chain, which this
    // loop does not unlink; exact traceback objects have a `TracebackObj` payload.
    while let Some(o) = unsafe { cur.as_ref() }.filter(|t| t.is_exact(types().traceback)) {
        let t = unsafe { o.payload_mut::<TracebackObj>() };
        if !std::ptr::eq(t.live, f) || !t.code.is(&f.code) {
            return;
        }
        let slot = match &t.frame {
            // SAFETY: `frame` holds frame objects only.
            Some(fo) => unsafe { &mut fo.payload_mut::<FrameObj>().locals },
            None => &mut t.locals,
        };
        if slot.is_none() && keeps_locals(f) {
            // filled where the entry keeps them (a 96-byte record: no copy of it)
            let vals = slot.insert(crate::frame::LocalsPlus::new(f.co().nlocalsplus()));
            crate::frame::fill_raw_locals(f, vals);
            if vals.iter().all(Option::is_none) {
                *slot = None;
            }
        }
        cur = t.next.as_ref().map_or(std::ptr::null(), |n| n as *const Obj);
    }
}

/// Whether the locals of function frame `f`, which an exception is unwinding (it has no
/// handler for it), are kept by its traceback entries. Generator frames are left out
/// (their native code holds the locals in a buffer the runtime cannot see while they
/// run).
fn keeps_locals(f: &crate::frame::Frame) -> bool {
    let co = f.co();
    co.flags & pyc_frontend::bytecode::code_flags::OPTIMIZED != 0 && f.generator == 0 && !co.is_generator()
}

// ----- printing -----

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == 0x0c
}

/// Character offset of byte offset `b` in `s` (clamped).
fn char_off(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    let mut b2 = b;
    while b2 > 0 && !s.is_char_boundary(b2) {
        b2 -= 1;
    }
    s[..b2].chars().count()
}

fn format_frame_line(out: &mut String, t: &TracebackObj) {
    let c = as_code(&t.code);
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", c.code.filename, t.lineno, c.code.name));
    let Some(line) = c.source_line(t.lineno) else { return };
    let lead = line.bytes().take_while(|&b| is_ws(b)).count();
    let stripped = &line[lead..];
    if stripped.is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if t.lasti == u32::MAX {
        return;
    }
    let Some(&(end_line, col, end_col)) = c.code.positions.get(t.lasti as usize) else { return };
    let start_line = c.code.lines.get(t.lasti as usize).copied().unwrap_or(t.lineno);
    if start_line != t.lineno || end_line == 0 || end_line < start_line {
        return;
    }
    let line_chars = line.chars().count();
    let lead_chars = line[..lead].chars().count();
    let start = char_off(line, col as usize);
    let mut end = char_off(line, end_col as usize);
    let mut anchors: Option<(usize, usize)> = None;
    if start_line == end_line {
        if end <= start {
            return;
        }
        let bstart = line.char_indices().nth(start).map(|x| x.0).unwrap_or(line.len());
        let bend = line.char_indices().nth(end).map(|x| x.0).unwrap_or(line.len());
        let seg = &line[bstart..bend];
        if let Some((l, r)) = anchors::extract(seg) {
            anchors = Some((char_off(seg, l) + start, char_off(seg, r) + start));
        }
    } else {
        let b = line.as_bytes();
        let mut i = b.len();
        while i > 0 && is_ws(b[i - 1]) {
            i -= 1;
        }
        end = char_off(line, i);
    }
    let stripped_len = line_chars - lead_chars;
    if end.saturating_sub(start) == stripped_len && anchors.is_none() {
        return;
    }
    // print_error_location_carets with offset = truncation = lead - 4
    let mut s = String::new();
    let mut offset = lead_chars as isize - 4;
    loop {
        offset += 1;
        if offset > end as isize {
            break;
        }
        if offset <= start as isize {
            s.push(' ');
        } else if let Some((l, r)) = anchors {
            if (l as isize) < offset && offset <= r as isize {
                s.push('^');
            } else {
                s.push('~');
            }
        } else {
            s.push('^');
        }
    }
    out.push_str(&s);
    out.push('\n');
}

/// File-name prefix of the modules pyc embeds from runtime/pylib (see compiler/src/pylib.rs).
pub const HIDDEN_FILE_PREFIX: &str = "<pyc>/pylib/";

fn format_tb(out: &mut String, first: &Obj) {
    out.push_str("Traceback (most recent call last):\n");
    let mut cur = Some(first.clone());
    let mut last: Option<(String, u32, String)> = None;
    let mut cnt = 0usize;
    let repeated = |out: &mut String, cnt: usize| {
        let n = cnt - 3;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n > 1 { "s" } else { "" }));
    };
    while let Some(t) = cur {
        if !t.is_exact(types().traceback) {
            break;
        }
        let tt = tb(&t);
        let c = as_code(&tt.code);
        if c.code.filename.starts_with(HIDDEN_FILE_PREFIX) {
            // Modules pyc implements in Python stand in for CPython's C modules, whose
            // functions leave no frame in a traceback.
            cur = tt.next.clone();
            continue;
        }
        let key = (c.code.filename.clone(), tt.lineno, c.code.name.clone());
        if last.as_ref() != Some(&key) {
            if cnt > 3 {
                repeated(out, cnt);
            }
            last = Some(key);
            cnt = 0;
        }
        cnt += 1;
        if cnt <= 3 {
            format_frame_line(out, tt);
        }
        cur = tt.next.clone();
    }
    if cnt > 3 {
        repeated(out, cnt);
    }
}

/// The `Type: message` line (without newline); for a SyntaxError, preceded by its
/// location (`File "...", line N`, the source line and the carets).
pub fn format_exception_only(e: &Obj) -> String {
    let ty = e.ty();
    let module = ty.module_name();
    let qual = ty.qualname.borrow().clone();
    let name = if module == "builtins" || module == "__main__" { qual } else { format!("{}.{}", module, qual) };
    let (mut out, shown) = match syntax_error::location(e) {
        Some((loc, message)) => (loc, message),
        None => (String::new(), e.clone()),
    };
    let msg = match protocol::str(&shown) {
        Ok(s) => pystr::as_str(&s).unwrap_or("").to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    out.push_str(&name);
    if !msg.is_empty() {
        out.push_str(": ");
        out.push_str(&msg);
    }
    if let Some(sugg) = suggestions::offer(e) {
        out.push_str(". Did you mean: ");
        out.push_str(&pystr::repr_str(&sugg));
        out.push('?');
    }
    // PEP 678 notes.
    if let Ok(Some(notes)) = protocol::getattr_opt(e, &pystr::intern("__notes__")) {
        if let Ok(items) = protocol::collect(&notes) {
            for n in items {
                out.push('\n');
                match pystr::as_str(&n) {
                    Some(s) => out.push_str(s),
                    None => out.push_str(&protocol::repr_string(&n).unwrap_or_else(|_| "<note str() failed>".into())),
                }
            }
        }
    }
    out
}

/// The location lines CPython prints above an uncaught SyntaxError (its
/// `print_exception_file_and_line` and `print_error_text`).
mod syntax_error {
    use crate::object::Obj;
    use crate::protocol;
    use crate::types::{int, none, str as pystr};

    fn attr(e: &Obj, name: &str) -> Option<Obj> {
        protocol::getattr_opt(e, &pystr::intern(name)).ok().flatten()
    }

    /// An int attribute; `Err` when it is neither an int nor None.
    fn int_attr(e: &Obj, name: &str) -> Result<Option<i64>, ()> {
        match attr(e, name) {
            None => Err(()),
            Some(v) if none::is_none(&v) => Ok(None),
            Some(v) if int::is_int(&v) => int::to_i64(&v).map(Some).ok_or(()),
            Some(_) => Err(()),
        }
    }

    /// For an exception with a `print_file_and_line` attribute (SyntaxError and its
    /// subclasses) whose fields are usable: the location text and the object to show
    /// after "SyntaxError: " (`msg`, not `str(e)`). Only an exact SyntaxError's
    /// `end_lineno`/`end_offset` are used; subclasses get a single caret.
    pub fn location(e: &Obj) -> Option<(String, Obj)> {
        attr(e, "print_file_and_line")?;
        let message = attr(e, "msg")?;
        let filename = attr(e, "filename")?;
        let filename = if none::is_none(&filename) { "<string>".to_string() } else { protocol::str_string(&filename).ok()? };
        let lineno = int_attr(e, "lineno").ok()??;
        let offset = int_attr(e, "offset").ok()?.unwrap_or(-1);
        let exact = e.is_exact(crate::types::exceptions::exc().syntax_error);
        let (end_lineno, end_offset) = if exact {
            (int_attr(e, "end_lineno").ok()?.unwrap_or(lineno), int_attr(e, "end_offset").ok()?.unwrap_or(-1))
        } else {
            (lineno, -1)
        };
        let text = attr(e, "text")?;
        let mut out = format!("  File \"{}\", line {}\n", filename, lineno);
        if !none::is_none(&text) {
            let text = protocol::str_string(&text).ok()?;
            let size = text.len() as i64;
            // A multi-line span is marked to the end of its first line; the carets never
            // run past the text.
            let mut end = if end_lineno > lineno { size } else { end_offset };
            end = end.min(size + 1);
            error_text(&mut out, offset, end, &text);
        }
        Some((out, message))
    }

    /// The source line without its indentation and, unless the offset points left of
    /// it, the caret line. Offsets are 1-based and count bytes of the UTF-8 text, as in
    /// CPython.
    fn error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
        let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
        let mut offset = offset - 1;
        let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
        offset -= (text.len() - trimmed.len()) as i64;
        let mut text = trimmed;
        let mut len = text.len() as i64 - text.ends_with('\n') as i64;
        offset = offset.min(len);
        // An offset past an embedded newline shows the line it falls on.
        while let Some(nl) = text.find('\n') {
            if nl as i64 >= offset {
                break;
            }
            text = &text[nl + 1..];
            len -= nl as i64 + 1;
            offset -= nl as i64 + 1;
        }
        out.push_str("    ");
        out.push_str(text);
        if text.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
            out.push('\n');
        }
        if offset < 0 {
            return;
        }
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(carets));
        out.push('\n');
    }
}

/// Printing state for exception groups (CPython's `_ExceptionPrintContext`): the group
/// nesting depth (each level indents by two and adds a `| ` margin), whether the closing
/// `+----` line is still owed, and the exceptions already printed (chains stop there).
struct PrintCtx {
    depth: usize,
    need_close: bool,
    seen: Vec<u64>,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Appends `text` with every line prefixed by the current indentation and margin.
fn emit(out: &mut String, ctx: &PrintCtx, text: &str, margin: char) {
    if ctx.depth == 0 {
        out.push_str(text);
        return;
    }
    let prefix = format!("{}{} ", " ".repeat(2 * ctx.depth), margin);
    for line in text.split_inclusive('\n') {
        out.push_str(&prefix);
        out.push_str(line);
    }
}

fn format_recursive(out: &mut String, e: &Obj, ctx: &mut PrintCtx) {
    ctx.seen.push(e.raw());
    if let Some(c) = excs::cause(e) {
        if !none::is_none(&c) && excs::is_exception(&c) && !ctx.seen.contains(&c.raw()) {
            format_recursive(out, &c, ctx);
            emit(out, ctx, "\nThe above exception was the direct cause of the following exception:\n\n", '|');
        }
    } else if !excs::suppress_context(e) {
        if let Some(c) = excs::context(e) {
            if !none::is_none(&c) && excs::is_exception(&c) && !ctx.seen.contains(&c.raw()) {
                format_recursive(out, &c, ctx);
                emit(out, ctx, "\nDuring handling of the above exception, another exception occurred:\n\n", '|');
            }
        }
    }
    format_single(out, e, ctx);
}

fn format_single(out: &mut String, e: &Obj, ctx: &mut PrintCtx) {
    let tb_text = excs::traceback(e).map(|t| {
        let mut s = String::new();
        format_tb(&mut s, &t);
        s
    });
    if !excs::is_group(e) {
        if let Some(t) = tb_text {
            emit(out, ctx, &t, '|');
        }
        emit(out, ctx, &(format_exception_only(e) + "\n"), '|');
        return;
    }
    if ctx.depth > MAX_GROUP_DEPTH {
        emit(out, ctx, &format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH), '|');
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    if let Some(t) = tb_text {
        let t = t.replacen("Traceback (most recent call last):\n", "", 1);
        emit(out, ctx, "Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
        emit(out, ctx, &t, '|');
    }
    emit(out, ctx, &(format_exception_only(e) + "\n"), '|');
    let members = excs::group_exceptions(e);
    let num = members.len();
    let n = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        out.push_str(&" ".repeat(2 * ctx.depth));
        out.push_str(if i == 0 { "+-" } else { "  " });
        out.push_str(&format!("+---------------- {} ----------------\n", title));
        ctx.depth += 1;
        if !truncated {
            format_recursive(out, &members[i], ctx);
        } else {
            let rem = num - MAX_GROUP_WIDTH;
            emit(out, ctx, &format!("and {} more exception{}\n", rem, if rem > 1 { "s" } else { "" }), '|');
        }
        if last && ctx.need_close {
            out.push_str(&" ".repeat(2 * ctx.depth));
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The full text CPython prints for an uncaught exception (exception groups included).
pub fn format_exception(e: &Obj) -> String {
    let mut out = String::new();
    let mut ctx = PrintCtx { depth: 0, need_close: false, seen: Vec::new() };
    format_recursive(&mut out, e, &mut ctx);
    out
}

/// Prints an uncaught exception to stderr in CPython 3.11's format.
pub fn print_exception(e: &Obj) {
    let s = format_exception(e);
    crate::modules::sys::write_stderr(&s);
}

/// "Exception ignored in: ..." reports (`PyErr_WriteUnraisable`).
pub fn print_unraisable(header_line: &str, e: &Obj) {
    let mut s = String::new();
    s.push_str(header_line);
    s.push('\n');
    s.push_str(&format_exception(e));
    crate::modules::sys::write_stderr(&s);
}

/// Caret anchors of a source segment, as CPython 3.11's `extract_anchors_from_line`
/// derives them from the segment's AST: a binary operation (the operator) or a
/// subscript (the `[...]` part). A small scanner stands in for the parser.
mod anchors {
    #[derive(Clone, Copy, PartialEq, Debug)]
    enum Tk {
        Op(usize),
        Open(u8),
        Close(u8),
        Word,
        Other,
    }

    struct Tok {
        kind: Tk,
        start: usize,
        end: usize,
    }

    const OPS: [&str; 13] = ["**", "//", "<<", ">>", "+", "-", "*", "@", "/", "%", "&", "|", "^"];

    fn tokenize(s: &str) -> Option<Vec<Tok>> {
        let b = s.as_bytes();
        let mut i = 0;
        let mut out = Vec::new();
        while i < b.len() {
            let c = b[i];
            if c == b' ' || c == b'\t' || c == 0x0c || c == b'\\' || c == b'\n' || c == b'\r' {
                i += 1;
                continue;
            }
            if c == b'#' {
                return None;
            }
            let start = i;
            if c == b'"' || c == b'\'' {
                let triple = b.len() >= i + 3 && b[i + 1] == c && b[i + 2] == c;
                if triple {
                    i += 3;
                    while i + 2 < b.len() && !(b[i] == c && b[i + 1] == c && b[i + 2] == c) {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < b.len() && b[i] != c {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                if i > b.len() {
                    return None;
                }
                out.push(Tok { kind: Tk::Word, start, end: i });
                continue;
            }
            if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 || c == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                let numeric = c.is_ascii_digit() || c == b'.';
                i += 1; // always consume the first byte, so the scan makes progress
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80 || b[i] == b'.' && numeric) {
                    i += 1;
                }
                // Strings with prefixes (f"..", b'..', r"..").
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') && i - start <= 2 {
                    let q = b[i];
                    i += 1;
                    while i < b.len() && b[i] != q {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                    if i > b.len() {
                        return None;
                    }
                }
                let w = &s[start..i];
                let kind = match w {
                    "and" | "or" | "not" | "if" | "else" | "lambda" | "in" | "is" | "for" | "await" | "yield" => Tk::Other,
                    _ => Tk::Word,
                };
                out.push(Tok { kind, start, end: i });
                continue;
            }
            if c == b'(' || c == b'[' || c == b'{' {
                out.push(Tok { kind: Tk::Open(c), start, end: i + 1 });
                i += 1;
                continue;
            }
            if c == b')' || c == b']' || c == b'}' {
                out.push(Tok { kind: Tk::Close(c), start, end: i + 1 });
                i += 1;
                continue;
            }
            // Comparison / assignment / other punctuation.
            let rest = &s[i..];
            if rest.starts_with("==") || rest.starts_with("!=") || rest.starts_with("<=") || rest.starts_with(">=") || rest.starts_with(":=") || rest.starts_with("->") {
                out.push(Tok { kind: Tk::Other, start, end: i + 2 });
                i += 2;
                continue;
            }
            if let Some(op) = OPS.iter().position(|o| rest.starts_with(o)) {
                let len = OPS[op].len();
                // Augmented assignment (`+=`) is a statement, not an expression.
                if rest[len..].starts_with('=') {
                    return None;
                }
                out.push(Tok { kind: Tk::Op(op), start, end: i + len });
                i += len;
                continue;
            }
            out.push(Tok { kind: Tk::Other, start, end: i + 1 });
            i += 1;
        }
        Some(out)
    }

    /// Precedence level of binary operator index (lower binds looser).
    fn prec(op: usize) -> u8 {
        match OPS[op] {
            "|" => 1,
            "^" => 2,
            "&" => 3,
            "<<" | ">>" => 4,
            "+" | "-" => 5,
            "*" | "@" | "/" | "//" | "%" => 6,
            "**" => 8,
            _ => 0,
        }
    }

    /// (start, end) byte range of the expression in toks[a..b], unwrapping grouping
    /// parentheses (whose AST node excludes them).
    fn inner_range(toks: &[Tok], a: usize, b: usize) -> Option<(usize, usize)> {
        if a >= b {
            return None;
        }
        if toks[a].kind == Tk::Open(b'(') && toks[b - 1].kind == Tk::Close(b')') && b - a > 2 {
            // Is toks[a] matched by toks[b-1]? And is it a plain grouping?
            let mut depth = 0i32;
            let mut grouping = true;
            for (k, t) in toks[a..b].iter().enumerate() {
                match t.kind {
                    Tk::Open(_) => depth += 1,
                    Tk::Close(_) => {
                        depth -= 1;
                        if depth == 0 && k != b - a - 1 {
                            grouping = false;
                            break;
                        }
                    }
                    Tk::Other if depth == 1 => {
                        // a comma or `for` at depth 1 makes it a tuple / genexp
                        grouping = false;
                    }
                    _ => {}
                }
            }
            if grouping {
                return inner_range(toks, a + 1, b - 1);
            }
        }
        Some((toks[a].start, toks[b - 1].end))
    }

    /// `(left_anchor, right_anchor)` byte offsets within `seg`.
    pub fn extract(seg: &str) -> Option<(usize, usize)> {
        let toks = tokenize(seg)?;
        if toks.is_empty() {
            return None;
        }
        // Top-level structure.
        let mut depth = 0i32;
        let mut best: Option<(u8, usize)> = None; // (prec, token index)
        let mut prev_is_operand = false;
        let mut starts_unary = false;
        for (k, t) in toks.iter().enumerate() {
            match t.kind {
                Tk::Open(_) => {
                    depth += 1;
                    prev_is_operand = false;
                    continue;
                }
                Tk::Close(_) => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                    prev_is_operand = true;
                    continue;
                }
                _ => {}
            }
            if depth > 0 {
                continue;
            }
            match t.kind {
                Tk::Other => {
                    // `,`, comparisons, boolean ops, lambda, ternary, `=`, `:`...
                    if seg[t.start..t.end] == *"." {
                        prev_is_operand = false;
                        continue;
                    }
                    return None;
                }
                Tk::Word => prev_is_operand = true,
                Tk::Op(op) => {
                    if !prev_is_operand {
                        // unary + - ~ (only + and - are in OPS; `~` is Other)
                        if k == 0 {
                            starts_unary = true;
                        }
                        continue;
                    }
                    let p = prec(op);
                    let better = match best {
                        None => true,
                        Some((bp, _)) => {
                            if p < bp {
                                true
                            } else {
                                // left-assoc: rightmost of equal level; `**`: leftmost
                                p == bp && p != 8
                            }
                        }
                    };
                    if better {
                        best = Some((p, k));
                    }
                    prev_is_operand = false;
                }
                _ => {}
            }
        }
        if depth != 0 {
            return None;
        }
        if let Some((p, k)) = best {
            if starts_unary && p == 8 {
                return None; // `-a ** b` is a UnaryOp
            }
            let (_, left_end) = inner_range(&toks, 0, k)?;
            let (right_start, _) = inner_range(&toks, k + 1, toks.len())?;
            let b = seg.as_bytes();
            let mut i = left_end;
            while i < right_start {
                if b[i] == b' ' || b[i] == b'\t' || b[i] == 0x0c {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < right_start && !(b[i + 1] == b' ' || b[i + 1] == b'\t' || b[i + 1] == 0x0c) {
                    r += 1;
                }
                // 3.11 steps over the closing parentheses of a parenthesised left
                // operand (keeping its two-character check, quirks included).
                if b[i] == b')' && i + 1 < right_start {
                    i += 1;
                    continue;
                }
                return Some((i, r));
            }
            return None;
        }
        if starts_unary {
            return None;
        }
        // Subscript: the expression ends with a top-level `[...]` postfix.
        let last = toks.len() - 1;
        if toks[last].kind != Tk::Close(b']') {
            return None;
        }
        let mut d = 0i32;
        let mut open = None;
        for k in (0..=last).rev() {
            match toks[k].kind {
                Tk::Close(_) => d += 1,
                Tk::Open(_) => {
                    d -= 1;
                    if d == 0 {
                        open = Some(k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let open = open?;
        if open == 0 {
            return None; // a list display
        }
        let (_, value_end) = inner_range(&toks, 0, open)?;
        let (_, slice_end) = inner_range(&toks, open + 1, last).unwrap_or((toks[open].end, toks[open].end));
        Some((value_end, slice_end + 1))
    }

    #[cfg(test)]
    mod tests {
        use super::extract;
        #[test]
        fn anchors() {
            assert_eq!(extract("a[b] + 1"), Some((5, 6)));
            assert_eq!(extract("1/0"), Some((1, 2)));
            assert_eq!(extract("xs[5]"), Some((2, 5)));
            assert_eq!(extract("f(x)"), None);
            assert_eq!(extract("a // b"), Some((2, 4)));
            assert_eq!(extract("(i + 1) % n"), Some((8, 9)));
            assert_eq!(extract("(a)%(b)"), Some((3, 5)));
            assert_eq!(extract("((a) )//(b)"), Some((6, 8)));
        }
    }
}

// ----- the traceback and frame types -----

fn tb_next(o: &Obj) -> PyResult<Obj> {
    Ok(tb(o).next.clone().unwrap_or_else(none::none))
}
fn tb_set_next(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = unsafe { o.payload_mut::<TracebackObj>() };
    match v {
        None => Err(crate::errors::type_error("can't delete tb_next attribute")),
        Some(v) if none::is_none(v) => {
            drop(detach_next(t));
            Ok(())
        }
        Some(v) if v.is_exact(types().traceback) => {
            let old = detach_next(t);
            t.next = Some(v.clone());
            drop(old);
            Ok(())
        }
        Some(v) => Err(crate::errors::type_error(format!("expected traceback object or None, got '{}'", v.type_name()))),
    }
}
fn tb_lineno(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(tb(o).lineno as i64))
}
fn tb_lasti(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::int::from_i64(if tb(o).lasti == u32::MAX { -1 } else { tb(o).lasti as i64 * 2 }))
}
fn tb_frame(o: &Obj) -> PyResult<Obj> {
    // SAFETY: `o` is an exact traceback object.
    Ok(frame_of(unsafe { o.payload_mut::<TracebackObj>() }))
}

/// The frame object of entry `t`, created on first use (it takes the captured locals);
/// its `f_back` is the frame object of the entry of the caller (`outer`), if linked.
fn frame_of(t: &mut TracebackObj) -> Obj {
    if let Some(f) = &t.frame {
        return f.clone();
    }
    // SAFETY: `outer` is reset by that entry before it stops holding `t` (`detach_next`).
    let back = (!t.outer.is_null()).then(|| frame_of(unsafe { &mut *t.outer }));
    let f = frame_obj(t.code.clone(), t.lineno, t.globals.clone(), back, t.live);
    // SAFETY: just allocated as a frame object.
    unsafe { f.payload_mut::<FrameObj>() }.locals = t.locals.take();
    t.frame = Some(f.clone());
    f
}

fn tb_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = tb(o);
    visit(&t.code);
    for r in [&t.next, &t.frame, &t.globals].into_iter().flatten() {
        visit(r);
    }
    t.locals.iter().flat_map(|l| l.iter().flatten()).for_each(|v| visit(v));
}

fn tb_clear(o: &Obj) {
    // SAFETY: the collector clears an object only while nothing else uses it (GIL held).
    let t = unsafe { o.payload_mut::<TracebackObj>() };
    let dropped = (detach_next(t), t.frame.take(), t.globals.take(), t.locals.take());
    drop(dropped);
}

pub fn traceback_spec() -> TypeSpec {
    let mut s = TypeSpec::new("traceback", std::mem::size_of::<TracebackObj>(), drop_as::<TracebackObj>);
    s.final_ = true;
    s.slots.traverse = Some(tb_traverse);
    s.slots.clear = Some(tb_clear);
    s.methods = vec![
        MethodDef::GetSet { name: "tb_next", get: tb_next, set: tb_set_next },
        MethodDef::Getter { name: "tb_lineno", get: tb_lineno },
        MethodDef::Getter { name: "tb_lasti", get: tb_lasti },
        MethodDef::Getter { name: "tb_frame", get: tb_frame },
    ];
    s
}

fn fr(o: &Obj) -> &FrameObj {
    unsafe { o.payload::<FrameObj>() }
}
fn f_code(o: &Obj) -> PyResult<Obj> {
    Ok(fr(o).code.clone())
}
/// The line being run when the frame is still executing (CPython's frame objects are the
/// live frames), else the line of the snapshot.
fn f_lineno(o: &Obj) -> PyResult<Obj> {
    let line = still_running(fr(o).live, &fr(o).code).map_or(fr(o).lineno, |f| f.line());
    Ok(crate::types::int::from_i64(line as i64))
}
fn f_globals(o: &Obj) -> PyResult<Obj> {
    Ok(fr(o).globals.clone().unwrap_or_else(crate::types::dict::new))
}
fn f_back(o: &Obj) -> PyResult<Obj> {
    if let Some(b) = &fr(o).back {
        return Ok(b.clone());
    }
    // a frame still running: its caller, as it is now
    let Some(f) = still_running(fr(o).live, &fr(o).code) else { return Ok(none::none()) };
    if f.prev.is_null() {
        return Ok(none::none());
    }
    // SAFETY: the caller of a running frame is on the frame stack.
    let p = unsafe { &*f.prev };
    Ok(snapshot(p, p.line(), None))
}
fn f_locals(o: &Obj) -> PyResult<Obj> {
    let Some(f) = still_running(fr(o).live, &fr(o).code) else {
        return locals_dict(&fr(o).code, fr(o).locals.as_deref().unwrap_or(&[]));
    };
    // native code's locals live in registers, mirrored for this (frame.rs)
    if f.native_locals.is_null() {
        return crate::builtins::frame_locals(f);
    }
    locals_dict(&f.code, &crate::frame::raw_locals(f))
}
/// `f_locals` of function code from raw `localsplus` values (cell contents for cells).
fn locals_dict(code: &Obj, vals: &[Option<Obj>]) -> PyResult<Obj> {
    let c = as_code(code);
    let nv = c.nvarnames();
    let d = crate::types::dict::new();
    for (i, (name, v)) in c.localsplus_names.iter().zip(vals).enumerate() {
        let v = if i < nv { v.clone() } else { v.as_ref().and_then(crate::types::function::cell_get) };
        if let Some(v) = v {
            crate::types::dict::set_item(&d, name.clone(), v)?;
        }
    }
    Ok(d)
}
/// `frame.clear()`: drops the locals a finished frame kept (a traceback's frame); clearing
/// a frame that is still executing is CPython's RuntimeError.
fn frame_clear(args: &[Obj]) -> PyResult<Obj> {
    let o = &args[0];
    if still_running(fr(o).live, &fr(o).code).is_some() {
        return Err(crate::errors::runtime_error("cannot clear an executing frame"));
    }
    // SAFETY: `o` is a frame object; the locals are dropped after the borrow ends.
    let dropped = unsafe { o.payload_mut::<FrameObj>() }.locals.take();
    drop(dropped);
    Ok(none::none())
}
fn frame_repr(o: &Obj) -> PyResult<Obj> {
    let c = as_code(&fr(o).code);
    Ok(pystr::from_string(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.raw(),
        c.code.filename,
        fr(o).lineno,
        c.code.name
    )))
}

fn frame_obj(code: Obj, lineno: u32, globals: Option<Obj>, back: Option<Obj>, live: *const crate::frame::Frame) -> Obj {
    alloc(types().frame, FrameObj { head: header(), code, lineno, globals, back, live, locals: None })
}

/// A frame object with no running frame behind it.
pub fn new_frame_obj(code: Obj, lineno: u32, globals: Option<Obj>) -> Obj {
    frame_obj(code, lineno, globals, None, std::ptr::null())
}

/// A snapshot of the running frame `f` at `lineno`, with `back` (None: the snapshots of
/// every caller, taken now: a frame's caller cannot change while it runs).
pub fn snapshot(f: &crate::frame::Frame, lineno: u32, back: Option<Obj>) -> Obj {
    let back = back.or_else(|| {
        // SAFETY: callers of a running frame stay on the frame stack while it runs.
        (!f.prev.is_null()).then(|| unsafe { &*f.prev }).map(|p| snapshot(p, p.line(), None))
    });
    frame_obj(f.code.clone(), lineno, Some(f.globals.clone()), back, f)
}

fn frame_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = fr(o);
    visit(&f.code);
    for r in [&f.globals, &f.back].into_iter().flatten() {
        visit(r);
    }
    f.locals.iter().flat_map(|l| l.iter().flatten()).for_each(|v| visit(v));
}

fn frame_clear_refs(o: &Obj) {
    // SAFETY: as in `tb_clear`.
    let f = unsafe { o.payload_mut::<FrameObj>() };
    let dropped = (f.globals.take(), f.back.take(), f.locals.take());
    drop(dropped);
}

pub fn frame_spec() -> TypeSpec {
    let mut s = TypeSpec::new("frame", std::mem::size_of::<FrameObj>(), drop_as::<FrameObj>);
    s.final_ = true;
    s.slots.traverse = Some(frame_traverse);
    s.slots.clear = Some(frame_clear_refs);
    s.slots.repr = Some(frame_repr);
    s.methods = vec![
        MethodDef::Getter { name: "f_code", get: f_code },
        MethodDef::Getter { name: "f_lineno", get: f_lineno },
        MethodDef::Getter { name: "f_globals", get: f_globals },
        MethodDef::Getter { name: "f_back", get: f_back },
        MethodDef::Getter { name: "f_locals", get: f_locals },
        MethodDef::Method { name: "clear", func: frame_clear, min: 1, max: 1 },
    ];
    s
}

/// "Did you mean" suggestions for NameError and AttributeError, with CPython 3.11's rule
/// (Python/suggestions.c): a Levenshtein distance where a case-only change costs 1 and
/// any other edit 2, at most a third of the involved characters changed, names longer
/// than 40 bytes or candidate lists of 750+ items never suggested, the first best
/// candidate wins. NameError looks at the failing frame's local variable names, then its
/// globals, then the builtins; AttributeError at `dir(obj)`.
mod suggestions {
    use super::*;
    use crate::types::exceptions::exc;
    use pyc_frontend::suggest::{distance, max_distance};

    const MAX_CANDIDATE_ITEMS: usize = 750;

    fn calculate(dir: &[String], name: &str) -> Option<String> {
        if dir.len() >= MAX_CANDIDATE_ITEMS {
            return None;
        }
        let mut best: Option<&String> = None;
        let mut best_dist = usize::MAX;
        for item in dir {
            if item == name {
                continue;
            }
            let max = max_distance(name, item).min(best_dist.saturating_sub(1));
            let d = distance(name.as_bytes(), item.as_bytes(), max);
            if d > max {
                continue;
            }
            if best.is_none() || d < best_dist {
                best = Some(item);
                best_dist = d;
            }
        }
        best.cloned()
    }

    fn str_list(o: &Obj) -> Option<Vec<String>> {
        let items = protocol::collect(o).ok()?;
        items.iter().map(|i| pystr::as_str(i).map(|s| s.to_string())).collect()
    }

    /// The globals of the module whose code has `filename` (default: `__main__`).
    fn module_globals(filename: &str) -> Option<Obj> {
        let mods = crate::modules::sys::modules_dict();
        let mut main = None;
        for m in crate::types::dict::values(&mods) {
            if !crate::types::module::is_module(&m) {
                continue;
            }
            let d = crate::types::module::dict(&m);
            if let Some(f) = crate::types::dict::get_item_str(&d, &pystr::intern("__file__")) {
                if pystr::as_str(&f) == Some(filename) {
                    return Some(d);
                }
            }
            if let Some(n) = crate::types::dict::get_item_str(&d, &pystr::intern("__name__")) {
                if pystr::as_str(&n) == Some("__main__") {
                    main = Some(d);
                }
            }
        }
        main
    }

    pub fn offer(e: &Obj) -> Option<String> {
        let ty = e.ty();
        if ty.is_subtype(exc().name_error) {
            let name = excs::field(e, 0);
            if !name.is_exact(types().str) {
                return None;
            }
            let name = pystr::as_str(&name)?.to_string();
            let mut t = excs::traceback(e).filter(|t| t.is_exact(types().traceback))?;
            while let Some(n) = tb(&t).next.clone().filter(|n| n.is_exact(types().traceback)) {
                t = n;
            }
            let code = tb(&t).code.clone();
            let varnames = as_code(&code).code.varnames.clone();
            if let Some(s) = calculate(&varnames, &name) {
                return Some(s);
            }
            let filename = as_code(&code).code.filename.clone();
            let globals = tb(&t)
                .frame
                .as_ref()
                .and_then(|f| fr(f).globals.clone())
                .or_else(|| module_globals(&filename));
            if let Some(g) = globals {
                if let Some(s) = str_list(&g).and_then(|d| calculate(&d, &name)) {
                    return Some(s);
                }
            }
            let b = crate::builtins::builtins_dict();
            return str_list(&b).and_then(|d| calculate(&d, &name));
        }
        if ty.is_subtype(exc().attribute_error) {
            let name = excs::field(e, 0);
            let obj = excs::field(e, 1);
            if !name.is_exact(types().str) || none::is_none(&obj) && !is_real_none(e) {
                return None;
            }
            let name = pystr::as_str(&name)?.to_string();
            // what dir(obj) lists, sorted as dir sorts strings (by code point, which is
            // UTF-8 byte order); not through the builtin, which a program that never
            // names `dir` does not link (builtins.rs `BUILTIN_EXTENSIONS`)
            let listed = protocol::call_special(&obj, "__dir__", &[]).ok()??;
            let mut dir = str_list(&listed)?;
            dir.sort_unstable();
            return calculate(&dir, &name);
        }
        None
    }

    /// `obj` is None either because it was never set or because the object really is
    /// None; the exception keeps no flag, so an unset obj is treated as "no suggestion"
    /// unless the message names NoneType.
    fn is_real_none(e: &Obj) -> bool {
        let msg = protocol::str(e).ok();
        msg.as_ref().and_then(pystr::as_str).map(|m| m.starts_with("'NoneType' object")).unwrap_or(false)
    }
}
