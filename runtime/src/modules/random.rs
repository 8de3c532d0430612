//! The `_random` module: `Random`, the Mersenne Twister (MT19937) core that `random.py`
//! builds on. Seeding, `random()` and `getrandbits()` follow CPython's algorithm word
//! for word, so the same seed gives CPython's exact sequence (and `getstate()` tuples
//! are interchangeable with CPython's).

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{as_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{dict, float, int, module, none, tuple, TypeSpec};

const N: usize = 624;
const M: usize = 397;

/// The generator state: CPython's `mt` array and `index`.
#[derive(Clone)]
struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1812433253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        for k in 0..N {
            let y = (self.mt[k] & UPPER) | (self.mt[(k + 1) % N] & LOWER);
            let mag = if y & 1 != 0 { 0x9908_b0df } else { 0 };
            self.mt[k] = self.mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits, as CPython builds it from two words.
    fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

#[repr(C)]
struct RandomObj {
    head: ObjHeader,
    state: Box<Mt>,
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static RANDOM_TYPE: crate::gil::GilCell<std::cell::OnceCell<&'static TypeObject>> = crate::gil::GilCell::new(std::cell::OnceCell::new());

fn random_type() -> &'static TypeObject {
    RANDOM_TYPE.with(|c| {
        *c.get_or_init(|| {
            let t = super::make_type(spec());
            *t.module.borrow_mut() = "_random".to_string();
            t
        })
    })
}

fn state(o: &Obj) -> PyResult<&mut Mt> {
    if o.is_small_int() || !o.isinstance(random_type()) {
        return Err(type_error(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            o.type_name()
        )));
    }
    // SAFETY: `o` is an instance of Random (checked above), whose layout starts with RandomObj.
    Ok(unsafe { &mut *o.payload_mut::<RandomObj>().state })
}

/// Seeds from the operating system's entropy source.
fn seed_from_os(mt: &mut Mt) {
    let mut buf = [0u8; N * 4];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: getrandom writes at most the requested length into our buffer.
        let n = unsafe { libc::getrandom(buf[filled..].as_mut_ptr() as *mut libc::c_void, buf.len() - filled, 0) };
        if n <= 0 {
            break;
        }
        filled += n as usize;
    }
    if filled < buf.len() {
        // No entropy source: fall back to the clock and the process id, as CPython does.
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let key = [t.as_secs() as u32, t.subsec_nanos(), std::process::id(), (t.as_secs() >> 32) as u32];
        mt.init_by_array(&key);
        return;
    }
    let key: Vec<u32> = buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    mt.init_by_array(&key);
}

/// The seed's magnitude as 32-bit words, least significant first (at least one word).
fn seed_words(n: &BigInt) -> Vec<u32> {
    let (_, mut words) = n.abs().to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    words
}

fn seed_with(mt: &mut Mt, arg: Option<&Obj>) -> PyResult<()> {
    let Some(arg) = arg.filter(|a| !none::is_none(a)) else {
        seed_from_os(mt);
        return Ok(());
    };
    let n = if int::is_int(arg) {
        int::to_bigint(arg).unwrap_or_default()
    } else {
        // Non-int seeds use their hash, reinterpreted as an unsigned machine word.
        BigInt::from(protocol::hash(arg)? as u64)
    };
    mt.init_by_array(&seed_words(&n));
    Ok(())
}

fn r_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let mut mt = Box::new(Mt { mt: [0; N], index: N + 1 });
    seed_from_os(&mut mt);
    Ok(alloc(as_type(cls), RandomObj { head: header(), state: mt }))
}

fn r_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let own_init = o.ty().slots().init.map_or(false, |f| f as usize == r_init as *const () as usize);
    if (o.ty().ptr() == random_type().ptr() || own_init) && !kw.is_empty() {
        return Err(type_error("Random() takes no keyword arguments"));
    }
    if a.len() > 1 {
        return Err(type_error("Random() requires 0 or 1 argument"));
    }
    seed_with(state(o)?, a.first())?;
    Ok(none::none())
}

fn r_seed(a: &[Obj]) -> PyResult<Obj> {
    seed_with(state(&a[0])?, a.get(1))?;
    Ok(none::none())
}

fn r_random(a: &[Obj]) -> PyResult<Obj> {
    Ok(float::new(state(&a[0])?.next_f64()))
}

fn r_getrandbits(a: &[Obj]) -> PyResult<Obj> {
    let mt = state(&a[0])?;
    let k = protocol::index_i64(&a[1]).map_err(|e| {
        if e.matches(crate::types::exceptions::exc().overflow_error) {
            crate::errors::overflow_error("Python int too large to convert to C int")
        } else {
            e
        }
    })?;
    if k > i32::MAX as i64 || k < i32::MIN as i64 {
        return Err(crate::errors::overflow_error("Python int too large to convert to C int"));
    }
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(int::from_i64(0));
    }
    if k <= 32 {
        return Ok(int::from_u64((mt.next_u32() >> (32 - k)) as u64));
    }
    let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
    let mut left = k;
    while left > 0 {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        words.push(r);
        left -= 32;
    }
    Ok(int::from_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

fn r_getstate(a: &[Obj]) -> PyResult<Obj> {
    let mt = state(&a[0])?;
    let mut items: Vec<Obj> = mt.mt.iter().map(|&w| int::from_u64(w as u64)).collect();
    items.push(int::from_usize(mt.index));
    Ok(tuple::new(items))
}

fn r_setstate(a: &[Obj]) -> PyResult<Obj> {
    let mt = state(&a[0])?;
    let Some(items) = tuple::as_slice(&a[1]) else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, item) in words.iter_mut().zip(items) {
        *w = unsigned_word(item)?;
    }
    let index = int::to_i64(&int_arg(&items[N])?).ok_or_else(|| crate::errors::overflow_error("Python int too large to convert to C long"))?;
    if !(0..=N as i64).contains(&index) {
        return Err(value_error("invalid state"));
    }
    mt.mt = words;
    mt.index = index as usize;
    Ok(none::none())
}

fn int_arg(o: &Obj) -> PyResult<Obj> {
    if int::is_int(o) {
        return Ok(o.clone());
    }
    Err(type_error(format!("an integer is required (got type {})", o.type_name())))
}

/// A state word: any int in [0, 2**64), truncated to 32 bits (C's unsigned long cast).
fn unsigned_word(o: &Obj) -> PyResult<u32> {
    let b = int::to_bigint(&int_arg(o)?).unwrap_or_default();
    if b.is_negative() {
        return Err(crate::errors::overflow_error("can't convert negative value to unsigned int"));
    }
    if b.bits() > 64 {
        return Err(crate::errors::overflow_error("Python int too large to convert to C unsigned long"));
    }
    let (_, d) = b.to_u32_digits();
    Ok(if b.is_zero() { 0 } else { d[0] })
}

fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("Random", std::mem::size_of::<RandomObj>(), drop_as::<RandomObj>);
    s.slots.new = Some(r_new);
    s.slots.init = Some(r_init);
    s.methods = vec![
        MethodDef::Method { name: "seed", func: r_seed, min: 1, max: 2 },
        MethodDef::Method { name: "random", func: r_random, min: 1, max: 1 },
        MethodDef::Method { name: "getrandbits", func: r_getrandbits, min: 2, max: 2 },
        MethodDef::Method { name: "getstate", func: r_getstate, min: 1, max: 1 },
        MethodDef::Method { name: "setstate", func: r_setstate, min: 2, max: 2 },
    ];
    s
}

/// Creates the `_random` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_random");
    let d = module::dict(&m);
    dict::set_item_str(&d, "Random", random_type().as_obj());
    dict::set_item_str(&d, "__doc__", crate::types::str::new("Module implements the Mersenne Twister random number generator."));
    Ok(m)
}
