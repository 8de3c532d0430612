//! The built-in hash modules `hashlib.py` falls back to when OpenSSL's `_hashlib` is
//! absent: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2`. One hash object
//! layout serves every algorithm (update, digest, hexdigest, copy, name, digest_size,
//! block_size); each algorithm gets its own type, named as CPython names it.
//! The digests themselves come from the RustCrypto crates.

use std::cell::RefCell;

use blake2::digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use blake2::{Blake2bVarCore, Blake2sVarCore};
use sha2::digest::{DynDigest, ExtendableOutput, Update, XofReader};

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bytes, dict, int, module, str as pystr, TypeSpec};

#[derive(Clone, Copy, PartialEq)]
enum Algo {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128,
    Shake256,
    Blake2b,
    Blake2s,
}

/// (name, module, digest size, block size); indexed by `Algo as usize`.
const INFO: [(&str, &str, usize, usize); 14] = [
    ("md5", "_md5", 16, 64),
    ("sha1", "_sha1", 20, 64),
    ("sha224", "_sha256", 28, 64),
    ("sha256", "_sha256", 32, 64),
    ("sha384", "_sha512", 48, 128),
    ("sha512", "_sha512", 64, 128),
    ("sha3_224", "_sha3", 28, 144),
    ("sha3_256", "_sha3", 32, 136),
    ("sha3_384", "_sha3", 48, 104),
    ("sha3_512", "_sha3", 64, 72),
    ("shake_128", "_sha3", 0, 168),
    ("shake_256", "_sha3", 0, 136),
    ("blake2b", "_blake2", 64, 128),
    ("blake2s", "_blake2", 32, 64),
];

/// A BLAKE2 state with a run-time digest size, key, salt and personalization (the
/// crate's ready-made wrappers take only the digest size).
macro_rules! blake_state {
    ($name:ident, $core:ty) => {
        #[derive(Clone)]
        struct $name {
            core: $core,
            buf: Buffer<$core>,
            size: usize,
        }

        impl $name {
            fn new(key: &[u8], salt: &[u8], person: &[u8], size: usize, block: usize) -> $name {
                let mut b = $name { core: <$core>::new_with_params(salt, person, key.len(), size), buf: Default::default(), size };
                if !key.is_empty() {
                    // A keyed hash starts with the key padded to a whole block.
                    let mut padded = vec![0u8; block];
                    padded[..key.len()].copy_from_slice(key);
                    b.update(&padded);
                }
                b
            }
            fn update(&mut self, data: &[u8]) {
                let core = &mut self.core;
                self.buf.digest_blocks(data, |blocks| core.update_blocks(blocks));
            }
            fn finish(&self) -> Vec<u8> {
                let mut me = self.clone();
                let mut out = Default::default();
                me.core.finalize_variable_core(&mut me.buf, &mut out);
                out[..self.size].to_vec()
            }
        }
    };
}

blake_state!(Blake2bState, Blake2bVarCore);
blake_state!(Blake2sState, Blake2sVarCore);

#[derive(Clone)]
enum State {
    Fixed(Box<dyn DynDigest>),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2bState),
    Blake2s(Blake2sState),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Fixed(d) => d.update(data),
            State::Shake128(h) => h.update(data),
            State::Shake256(h) => h.update(data),
            State::Blake2b(b) => b.update(data),
            State::Blake2s(b) => b.update(data),
        }
    }
    /// The digest of everything so far (`len` bytes for the SHAKE functions).
    fn digest(&self, len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        match self {
            State::Fixed(d) => return d.box_clone().finalize().to_vec(),
            State::Shake128(h) => h.clone().finalize_xof().read(&mut out),
            State::Shake256(h) => h.clone().finalize_xof().read(&mut out),
            State::Blake2b(b) => return b.finish(),
            State::Blake2s(b) => return b.finish(),
        }
        out
    }
}

#[repr(C)]
struct HashObj {
    head: ObjHeader,
    algo: Algo,
    digest_size: usize,
    state: RefCell<State>,
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static TYPES: crate::gil::GilCell<RefCell<[Option<&'static TypeObject>; 14]>> = crate::gil::GilCell::new(RefCell::new([None; 14]));

fn hash_type(algo: Algo) -> &'static TypeObject {
    if let Some(t) = TYPES.with(|t| t.borrow()[algo as usize]) {
        return t;
    }
    let (name, module, ..) = INFO[algo as usize];
    let t = super::make_type(spec(name, is_shake(algo)));
    *t.module.borrow_mut() = module.to_string();
    TYPES.with(|ts| ts.borrow_mut()[algo as usize] = Some(t));
    t
}

fn is_shake(algo: Algo) -> bool {
    matches!(algo, Algo::Shake128 | Algo::Shake256)
}

fn this(o: &Obj) -> PyResult<&HashObj> {
    let ok = TYPES.with(|t| t.borrow().iter().flatten().any(|ty| !o.is_small_int() && o.isinstance(ty)));
    if !ok {
        return Err(type_error(format!("expected a hash object, got '{}'", o.type_name())));
    }
    // SAFETY: `o` is an instance of one of our hash types, whose layout starts with HashObj.
    Ok(unsafe { o.payload::<HashObj>() })
}

/// The bytes of data to hash, with CPython's errors for text and non-buffers.
fn data_arg(o: &Obj) -> PyResult<Vec<u8>> {
    if pystr::is_str(o) {
        return Err(type_error("Strings must be encoded before hashing"));
    }
    bytes::buffer_data(o).ok_or_else(|| type_error("object supporting the buffer API required"))
}

fn new_hash(algo: Algo, state: State, digest_size: usize, data: Option<&Obj>) -> PyResult<Obj> {
    let mut state = state;
    if let Some(d) = data {
        state.update(&data_arg(d)?);
    }
    Ok(alloc(hash_type(algo), HashObj { head: header(), algo, digest_size, state: RefCell::new(state) }))
}

fn fixed_state(algo: Algo) -> State {
    State::Fixed(match algo {
        Algo::Md5 => Box::new(md5::Md5::default()),
        Algo::Sha1 => Box::new(sha1::Sha1::default()),
        Algo::Sha224 => Box::new(sha2::Sha224::default()),
        Algo::Sha256 => Box::new(sha2::Sha256::default()),
        Algo::Sha384 => Box::new(sha2::Sha384::default()),
        Algo::Sha512 => Box::new(sha2::Sha512::default()),
        Algo::Sha3_224 => Box::new(sha3::Sha3_224::default()),
        Algo::Sha3_256 => Box::new(sha3::Sha3_256::default()),
        Algo::Sha3_384 => Box::new(sha3::Sha3_384::default()),
        _ => Box::new(sha3::Sha3_512::default()),
    })
}

/// The constructors of the fixed-size digests and SHAKE: `f(data=b'', *, usedforsecurity=True)`
/// (`string` instead of `data` for the MD5/SHA-1/SHA-2 family, as in CPython 3.11).
fn construct(algo: Algo, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let name = INFO[algo as usize].0;
    let first = if INFO[algo as usize].1 == "_sha3" { "" } else { "string" };
    let posonly = if first.is_empty() { 1 } else { 0 };
    let v = int::bind_args(name, a, kw, &[first, "usedforsecurity"], posonly, 1, 0)?;
    let state = match algo {
        Algo::Shake128 => State::Shake128(Default::default()),
        Algo::Shake256 => State::Shake256(Default::default()),
        _ => fixed_state(algo),
    };
    new_hash(algo, state, INFO[algo as usize].2, v[0].as_ref())
}

macro_rules! constructors {
    ($($f:ident = $algo:ident;)*) => {$(
        fn $f(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            construct(Algo::$algo, a, kw)
        }
    )*};
}

constructors! {
    c_md5 = Md5; c_sha1 = Sha1; c_sha224 = Sha224; c_sha256 = Sha256; c_sha384 = Sha384;
    c_sha512 = Sha512; c_sha3_224 = Sha3_224; c_sha3_256 = Sha3_256; c_sha3_384 = Sha3_384;
    c_sha3_512 = Sha3_512; c_shake_128 = Shake128; c_shake_256 = Shake256;
}

fn bytes_param(v: &Option<Obj>, what: &str, max: usize) -> PyResult<Vec<u8>> {
    let Some(o) = v else { return Ok(Vec::new()) };
    let b = bytes::buffer_data(o)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))?;
    if b.len() > max {
        return Err(value_error(format!("maximum {what} length is {max} bytes")));
    }
    Ok(b)
}

/// `blake2b`/`blake2s(data=b'', /, *, digest_size, key, salt, person, ...)`. The tree
/// parameters (fanout, depth, ...) are accepted at their sequential-mode defaults only.
fn construct_blake(algo: Algo, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (name, _, max, block) = INFO[algo as usize];
    let names = [
        "", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth",
        "inner_size", "last_node", "usedforsecurity",
    ];
    let v = int::bind_args(name, a, kw, &names, 1, 1, 0)?;
    let size = match &v[1] {
        Some(d) => crate::protocol::index_i64(d)?,
        None => max as i64,
    };
    if size < 1 || size > max as i64 {
        return Err(value_error(format!("digest_size must be between 1 and {max} bytes")));
    }
    let size = size as usize;
    let key = bytes_param(&v[2], "key", max)?;
    let salt = bytes_param(&v[3], "salt", max / 4)?;
    let person = bytes_param(&v[4], "person", max / 4)?;
    let state = if algo == Algo::Blake2b {
        State::Blake2b(Blake2bState::new(&key, &salt, &person, size, block))
    } else {
        State::Blake2s(Blake2sState::new(&key, &salt, &person, size, block))
    };
    new_hash(algo, state, size, v[0].as_ref())
}

fn c_blake2b(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    construct_blake(Algo::Blake2b, a, kw)
}
fn c_blake2s(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    construct_blake(Algo::Blake2s, a, kw)
}

// ----- hash object methods -----

fn h_update(a: &[Obj]) -> PyResult<Obj> {
    let h = this(&a[0])?;
    let data = data_arg(&a[1])?;
    h.state.borrow_mut().update(&data);
    Ok(crate::types::none::none())
}

/// The digest length: fixed, or the required argument of the SHAKE methods.
fn digest_len(a: &[Obj], method: &str) -> PyResult<usize> {
    let h = this(&a[0])?;
    if !is_shake(h.algo) {
        return Ok(h.digest_size);
    }
    let Some(n) = a.get(1) else {
        return Err(type_error(format!("{}.{method}() takes exactly one argument (0 given)", INFO[h.algo as usize].0)));
    };
    let n = crate::protocol::index_i64(n)?;
    if n < 0 {
        return Err(value_error("value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(value_error("length is too large"));
    }
    Ok(n as usize)
}

fn h_digest(a: &[Obj]) -> PyResult<Obj> {
    let len = digest_len(a, "digest")?;
    Ok(bytes::new(this(&a[0])?.state.borrow().digest(len)))
}

fn h_hexdigest(a: &[Obj]) -> PyResult<Obj> {
    let len = digest_len(a, "hexdigest")?;
    let d = this(&a[0])?.state.borrow().digest(len);
    Ok(pystr::from_string(d.iter().map(|b| format!("{b:02x}")).collect()))
}

fn h_copy(a: &[Obj]) -> PyResult<Obj> {
    let h = this(&a[0])?;
    let state = h.state.borrow().clone();
    Ok(alloc(a[0].ty(), HashObj { head: header(), algo: h.algo, digest_size: h.digest_size, state: RefCell::new(state) }))
}

fn h_name(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(INFO[this(o)?.algo as usize].0))
}
fn h_digest_size(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(this(o)?.digest_size))
}
fn h_block_size(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(INFO[this(o)?.algo as usize].3))
}

fn spec(name: &'static str, shake: bool) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<HashObj>(), drop_as::<HashObj>);
    s.final_ = true;
    let max = if shake { 2 } else { 1 };
    s.methods = vec![
        MethodDef::Method { name: "update", func: h_update, min: 2, max: 2 },
        MethodDef::Method { name: "digest", func: h_digest, min: max, max },
        MethodDef::Method { name: "hexdigest", func: h_hexdigest, min: max, max },
        MethodDef::Method { name: "copy", func: h_copy, min: 1, max: 1 },
        MethodDef::Getter { name: "name", get: h_name },
        MethodDef::Getter { name: "digest_size", get: h_digest_size },
        MethodDef::Getter { name: "block_size", get: h_block_size },
    ];
    s
}

// ----- the modules -----

fn make_module(name: &'static str, fns: &[(&'static str, CallFn)], types: &[(&'static str, Algo)]) -> PyResult<Obj> {
    let m = module::new(name);
    let d = module::dict(&m);
    for (n, f) in fns {
        dict::set_item_str(&d, n, new_builtin_in(name, n, *f));
    }
    for (n, algo) in types {
        dict::set_item_str(&d, n, hash_type(*algo).as_obj());
    }
    Ok(m)
}

pub fn create_md5() -> PyResult<Obj> {
    make_module("_md5", &[("md5", c_md5)], &[("MD5Type", Algo::Md5)])
}
pub fn create_sha1() -> PyResult<Obj> {
    make_module("_sha1", &[("sha1", c_sha1)], &[("SHA1Type", Algo::Sha1)])
}
pub fn create_sha256() -> PyResult<Obj> {
    make_module("_sha256", &[("sha224", c_sha224), ("sha256", c_sha256)], &[("SHA224Type", Algo::Sha224), ("SHA256Type", Algo::Sha256)])
}
pub fn create_sha512() -> PyResult<Obj> {
    make_module("_sha512", &[("sha384", c_sha384), ("sha512", c_sha512)], &[("SHA384Type", Algo::Sha384)])
}
pub fn create_sha3() -> PyResult<Obj> {
    let m = make_module(
        "_sha3",
        &[
            ("sha3_224", c_sha3_224), ("sha3_256", c_sha3_256), ("sha3_384", c_sha3_384), ("sha3_512", c_sha3_512),
            ("shake_128", c_shake_128), ("shake_256", c_shake_256),
        ],
        &[],
    )?;
    let d = module::dict(&m);
    dict::set_item_str(&d, "implementation", pystr::new("RustCrypto sha3"));
    dict::set_item_str(&d, "keccakopt", int::from_i64(64));
    Ok(m)
}
pub fn create_blake2() -> PyResult<Obj> {
    let m = make_module("_blake2", &[("blake2b", c_blake2b), ("blake2s", c_blake2s)], &[])?;
    let d = module::dict(&m);
    for (n, v) in [
        ("BLAKE2B_MAX_DIGEST_SIZE", 64), ("BLAKE2B_MAX_KEY_SIZE", 64), ("BLAKE2B_PERSON_SIZE", 16), ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32), ("BLAKE2S_MAX_KEY_SIZE", 32), ("BLAKE2S_PERSON_SIZE", 8), ("BLAKE2S_SALT_SIZE", 8),
    ] {
        dict::set_item_str(&d, n, int::from_i64(v));
    }
    Ok(m)
}
