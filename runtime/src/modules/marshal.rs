//! The `marshal` module: `dumps`/`loads`/`dump`/`load` of the plain value types (None,
//! bools, Ellipsis, StopIteration, ints of any size, floats, complex, str, bytes-like,
//! tuples, lists, dicts, sets, frozensets) in CPython's format, versions 0 to 4 (4 by
//! default: shared objects are written once and referenced). Code objects are not
//! marshalled (they are ours, not CPython's).

use std::collections::HashMap;

use num_bigint::{BigInt, Sign};

use crate::errors::{new_error, type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{bool as pybool, bytes, complex, dict, float, int, list, module, none, set, str as pystr, tuple, types};

const VERSION: i64 = 4;
const FLAG_REF: u8 = 0x80;
const MAX_DEPTH: usize = 2000;

fn unmarshallable() -> crate::object::PyErr {
    value_error("unmarshallable object")
}

// ----- writing -----

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Address of each object written with FLAG_REF → its reference index.
    refs: HashMap<u64, u32>,
    depth: usize,
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn sized(&mut self, data: &[u8]) -> PyResult<()> {
        let n = i32::try_from(data.len()).map_err(|_| unmarshallable())?;
        self.i32(n);
        self.out.extend_from_slice(data);
        Ok(())
    }

    /// Writes a back-reference if `o` was already written; otherwise returns the flag
    /// for its type code (set when `o` may be shared, as CPython decides by refcount).
    fn reference(&mut self, o: &Obj) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        let shared = o.is_small_int() || unsafe { (*o.header_ptr()).refcnt } > 1;
        if !shared {
            return Some(0);
        }
        let key = o.raw();
        if let Some(&i) = self.refs.get(&key) {
            self.byte(b'r');
            self.i32(i as i32);
            return None;
        }
        let n = self.refs.len() as u32;
        self.refs.insert(key, n);
        Some(FLAG_REF)
    }

    fn object(&mut self, o: &Obj) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(value_error("object too deeply nested to marshal"));
        }
        let r = self.object_inner(o);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, o: &Obj) -> PyResult<()> {
        let t = types();
        if none::is_none(o) {
            self.byte(b'N');
            return Ok(());
        }
        if pybool::is_bool(o) {
            self.byte(if protocol::is_true(o)? { b'T' } else { b'F' });
            return Ok(());
        }
        if o.is(&none::ellipsis()) {
            self.byte(b'.');
            return Ok(());
        }
        if o.is(&crate::types::exceptions::exc().stop_iteration.as_obj()) {
            self.byte(b'S');
            return Ok(());
        }
        let Some(flag) = self.reference(o) else { return Ok(()) };
        let ty = o.ty() as *const _;
        if ty == t.int as *const _ {
            return self.int(o, flag);
        }
        if ty == t.float as *const _ {
            let v = float::as_f64(o).unwrap_or(0.0);
            if self.version > 1 {
                self.byte(b'g' | flag);
                self.out.extend_from_slice(&v.to_le_bytes());
            } else {
                self.text_float(b'f' | flag, v);
            }
            return Ok(());
        }
        if ty == t.complex as *const _ {
            let (re, im) = complex::as_complex(o).unwrap_or((0.0, 0.0));
            if self.version > 1 {
                self.byte(b'y' | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            } else {
                self.byte(b'x' | flag);
                self.text_float(0, re);
                self.text_float(0, im);
            }
            return Ok(());
        }
        if ty == t.str as *const _ {
            return self.string(o, flag);
        }
        if ty == t.bytes as *const _ || ty == t.bytearray as *const _ || ty == t.memoryview as *const _ {
            let data = bytes::buffer_data(o).ok_or_else(unmarshallable)?;
            self.byte(b's' | flag);
            return self.sized(&data);
        }
        if ty == t.tuple as *const _ {
            let items = tuple::as_slice(o).unwrap_or(&[]).to_vec();
            if self.version >= 4 && items.len() < 256 {
                self.byte(b')' | flag);
                self.byte(items.len() as u8);
            } else {
                self.byte(b'(' | flag);
                self.i32(items.len() as i32);
            }
            return items.iter().try_for_each(|x| self.object(x));
        }
        if ty == t.list as *const _ {
            let items = list::as_slice_opt(o).unwrap_or(&[]).to_vec();
            self.byte(b'[' | flag);
            self.i32(items.len() as i32);
            return items.iter().try_for_each(|x| self.object(x));
        }
        if ty == t.dict as *const _ {
            self.byte(b'{' | flag);
            for (k, v) in dict::items(o) {
                self.object(&k)?;
                self.object(&v)?;
            }
            self.byte(b'0');
            return Ok(());
        }
        if ty == t.set as *const _ || ty == t.frozenset as *const _ {
            let items = protocol::collect(o)?;
            self.byte(if ty == t.set as *const _ { b'<' } else { b'>' } | flag);
            self.i32(items.len() as i32);
            return items.iter().try_for_each(|x| self.object(x));
        }
        Err(unmarshallable())
    }

    fn text_float(&mut self, code: u8, v: f64) {
        if code != 0 {
            self.byte(code);
        }
        let s = float::repr_f64(v);
        self.byte(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn int(&mut self, o: &Obj, flag: u8) -> PyResult<()> {
        let b = int::to_bigint(o).unwrap_or_default();
        if let Ok(v) = i32::try_from(&b) {
            self.byte(b'i' | flag);
            self.i32(v);
            return Ok(());
        }
        // Base 2**15 digits, least significant first; the sign goes on the count.
        let mut mag = b.magnitude().clone();
        let mut digits = Vec::new();
        while mag.bits() > 0 {
            digits.push((&mag & num_bigint::BigUint::from(0x7fffu32)).try_into().unwrap_or(0u16));
            mag >>= 15;
        }
        self.byte(b'l' | flag);
        let n = digits.len() as i32;
        self.i32(if b.sign() == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    fn string(&mut self, o: &Obj, flag: u8) -> PyResult<()> {
        let s = pystr::as_str(o).unwrap_or("");
        // CPython interns the identifier-like string constants of a program.
        let interned = !s.is_empty() && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
        if self.version >= 4 && s.is_ascii() {
            if s.len() < 256 {
                self.byte(if interned { b'Z' } else { b'z' } | flag);
                self.byte(s.len() as u8);
                self.out.extend_from_slice(s.as_bytes());
                return Ok(());
            }
            self.byte(if interned { b'A' } else { b'a' } | flag);
            return self.sized(s.as_bytes());
        }
        self.byte(if interned && self.version >= 1 { b't' } else { b'u' } | flag);
        self.sized(s.as_bytes())
    }
}

fn version_arg(o: &Option<Obj>) -> PyResult<i64> {
    match o {
        None => Ok(VERSION),
        Some(v) if float::is_float(v) => Err(type_error("'float' object cannot be interpreted as an integer")),
        Some(v) => protocol::index_i64(v),
    }
}

fn dump_bytes(value: &Obj, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0 };
    w.object(value)?;
    Ok(w.out)
}

/// Positional-only arguments, checked with CPython's messages for these functions.
fn positional(name: &str, a: &[Obj], kw: &KwArgs, min: usize, max: usize) -> PyResult<Vec<Option<Obj>>> {
    if !kw.is_empty() {
        return Err(type_error(format!("marshal.{name}() takes no keyword arguments")));
    }
    let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
    if min == max && a.len() != min {
        return Err(type_error(format!("marshal.{name}() takes exactly one argument ({} given)", a.len())));
    }
    if a.len() < min {
        return Err(type_error(format!("{name} expected at least {min} {}, got {}", plural(min), a.len())));
    }
    if a.len() > max {
        return Err(type_error(format!("{name} expected at most {max} {}, got {}", plural(max), a.len())));
    }
    Ok((0..max).map(|i| a.get(i).cloned()).collect())
}

fn m_dumps(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = positional("dumps", a, kw, 1, 2)?;
    Ok(bytes::new(dump_bytes(b[0].as_ref().unwrap(), version_arg(&b[1])?)?))
}

fn m_dump(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = positional("dump", a, kw, 2, 3)?;
    let data = dump_bytes(b[0].as_ref().unwrap(), version_arg(&b[2])?)?;
    protocol::call_method(b[1].as_ref().unwrap(), "write", &[bytes::new(data)])?;
    Ok(none::none())
}

// ----- reading -----

struct Reader {
    data: Vec<u8>,
    pos: usize,
    /// `load` reads from this file as bytes are needed.
    file: Option<Obj>,
    refs: Vec<Obj>,
    depth: usize,
}

fn eof() -> crate::object::PyErr {
    new_error(crate::types::exceptions::exc().eof_error, "marshal data too short")
}

fn bad(msg: &str) -> crate::object::PyErr {
    value_error(format!("bad marshal data ({msg})"))
}

impl Reader {
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        while self.pos + n > self.data.len() {
            let Some(f) = self.file.clone() else { return Err(eof()) };
            let want = self.pos + n - self.data.len();
            let chunk = protocol::call_method(&f, "read", &[int::from_usize(want)])?;
            let got = bytes::buffer_data(&chunk).ok_or_else(|| type_error(format!("file.read() returned not bytes but {}", chunk.type_name())))?;
            if got.is_empty() {
                return Err(eof());
            }
            self.data.extend_from_slice(&got);
        }
        self.pos += n;
        Ok(&self.data[self.pos - n..self.pos])
    }
    fn byte(&mut self) -> PyResult<u8> {
        Ok(self.take(1)?[0])
    }
    fn i32(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f64(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }
    fn len(&mut self) -> PyResult<usize> {
        let n = self.i32()?;
        usize::try_from(n).map_err(|_| bad("size out of range"))
    }
    fn text_float(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let s = String::from_utf8_lossy(self.take(n)?).into_owned();
        float::parse_float_str(&s).ok_or_else(|| bad("invalid float"))
    }

    fn object(&mut self) -> PyResult<Obj> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(value_error("recursion limit exceeded"));
        }
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    /// Records `o` as reference `slot` (reserved earlier) or as a new reference.
    fn keep(&mut self, flag: bool, slot: Option<usize>, o: Obj) -> Obj {
        if flag {
            match slot {
                Some(i) => self.refs[i] = o.clone(),
                None => self.refs.push(o.clone()),
            }
        }
        o
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(none::none());
            self.refs.len() - 1
        })
    }

    fn object_inner(&mut self) -> PyResult<Obj> {
        let code = self.take(1).map_err(|_| new_error(crate::types::exceptions::exc().eof_error, "EOF read where object expected"))?[0];
        let flag = code & FLAG_REF != 0;
        let o = match code & !FLAG_REF {
            b'N' => none::none(),
            b'T' => pybool::from_bool(true),
            b'F' => pybool::from_bool(false),
            b'.' => none::ellipsis(),
            b'S' => crate::types::exceptions::exc().stop_iteration.as_obj(),
            b'0' => return Err(bad("NULL object")),
            b'i' => {
                let v = self.i32()?;
                self.keep(flag, None, int::from_i64(v as i64))
            }
            b'l' => {
                let n = self.i32()?;
                let mut mag = BigInt::from(0);
                let digits: Vec<u16> = (0..n.unsigned_abs()).map(|_| self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))).collect::<PyResult<_>>()?;
                for d in digits.iter().rev() {
                    if *d > 0x7fff {
                        return Err(bad("digit out of range in long"));
                    }
                    mag = (mag << 15) + BigInt::from(*d);
                }
                let v = if n < 0 { -mag } else { mag };
                self.keep(flag, None, int::from_bigint(v))
            }
            b'g' => {
                let v = self.f64()?;
                self.keep(flag, None, float::new(v))
            }
            b'f' => {
                let v = self.text_float()?;
                self.keep(flag, None, float::new(v))
            }
            b'y' => {
                let (re, im) = (self.f64()?, self.f64()?);
                self.keep(flag, None, complex::new(re, im))
            }
            b'x' => {
                let (re, im) = (self.text_float()?, self.text_float()?);
                self.keep(flag, None, complex::new(re, im))
            }
            b's' => {
                let n = self.len()?;
                let v = self.take(n)?.to_vec();
                self.keep(flag, None, bytes::new(v))
            }
            c @ (b'u' | b't' | b'a' | b'A' | b'z' | b'Z') => {
                let n = if matches!(c, b'z' | b'Z') { self.byte()? as usize } else { self.len()? };
                let raw = self.take(n)?.to_vec();
                let s = String::from_utf8(raw).map_err(|_| bad("invalid UTF-8 string"))?;
                let o = if matches!(c, b't' | b'A' | b'Z') { pystr::intern(&s) } else { pystr::from_string(s) };
                self.keep(flag, None, o)
            }
            c @ (b'(' | b')') => {
                let n = if c == b')' { self.byte()? as usize } else { self.len()? };
                let slot = self.reserve(flag);
                let items = (0..n).map(|_| self.object()).collect::<PyResult<Vec<_>>>()?;
                self.keep(flag, slot, tuple::new(items))
            }
            b'[' => {
                let n = self.len()?;
                let l = self.keep(flag, None, list::new(Vec::new()));
                for _ in 0..n {
                    let x = self.object()?;
                    list::append(&l, x);
                }
                l
            }
            b'{' => {
                let d = self.keep(flag, None, dict::new());
                // Entries end with a NULL type code where the next key would start.
                while self.take(1).map_err(|_| bad("NULL object"))?[0] != b'0' {
                    self.pos -= 1;
                    let k = self.object()?;
                    let v = self.object()?;
                    dict::set_item(&d, k, v)?;
                }
                d
            }
            c @ (b'<' | b'>') => {
                let n = self.len()?;
                let slot = self.reserve(flag);
                let items = (0..n).map(|_| self.object()).collect::<PyResult<Vec<_>>>()?;
                let s = if c == b'<' { set::new_set(items)? } else { set::new_frozenset(items)? };
                self.keep(flag, slot, s)
            }
            b'r' => {
                let i = self.i32()?;
                return usize::try_from(i).ok().and_then(|i| self.refs.get(i).cloned()).ok_or_else(|| bad("invalid reference"));
            }
            _ => return Err(bad("unknown type code")),
        };
        Ok(o)
    }
}

fn m_loads(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = positional("loads", a, kw, 1, 1)?;
    let src = b[0].as_ref().unwrap();
    let data = bytes::buffer_data(src).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", src.type_name())))?;
    Reader { data, pos: 0, file: None, refs: Vec::new(), depth: 0 }.object()
}

fn m_load(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = positional("load", a, kw, 1, 1)?;
    Reader { data: Vec::new(), pos: 0, file: b[0].clone(), refs: Vec::new(), depth: 0 }.object()
}

/// Creates the `marshal` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("marshal");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[("dumps", m_dumps), ("loads", m_loads), ("dump", m_dump), ("load", m_load)];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("marshal", name, *func));
    }
    dict::set_item_str(&d, "version", int::from_i64(VERSION));
    Ok(m)
}
