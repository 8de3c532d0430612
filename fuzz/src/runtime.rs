//! The runtime target: int and float parsing and formatting, format specs and str
//! methods, each checked against an independent reference (num-bigint, Rust's correctly
//! rounded float parsing and formatting, Rust's str methods) or a property (round trips,
//! lengths). Garbage inputs only have to return (a value or a Python exception).
use crate::rng::Rng;
use num_bigint::BigInt;
use pyrt::object::{Obj, PyResult};
use pyrt::types::{float, int, list, slice, str as pystr, tuple};
use pyrt::{format, protocol};

/// One generated check: `describe` names the input (saved with a crash), `run` returns
/// an error text when the runtime disagrees with the reference.
pub struct Case {
    pub describe: String,
    run: Box<dyn FnOnce() -> Result<(), String>>,
}

impl Case {
    pub fn run(self) -> Result<(), String> {
        (self.run)()
    }
}

fn case(describe: String, run: impl FnOnce() -> Result<(), String> + 'static) -> Case {
    Case { describe, run: Box::new(run) }
}

pub fn init() {
    pyrt::types::pyrt_enable_all_methods(); // no generated `main` enables them here
    pyrt::abi::init_runtime(vec!["pyc-fuzz".to_string()]);
}

pub fn generate(rng: &mut Rng) -> Case {
    match rng.below(9) {
        0 => int_round_trip(rng),
        1 => int_garbage(rng),
        2 => float_round_trip(rng),
        3 => float_decimal(rng),
        4 => float_fixed_and_exp(rng),
        5 => int_spec(rng),
        6 => spec_garbage(rng),
        7 => str_slice(rng),
        _ => str_method(rng),
    }
}

fn expect<T: PartialEq + std::fmt::Debug>(what: &str, got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{}: got {:?}, expected {:?}", what, got, want))
    }
}

fn random_bigint(rng: &mut Rng) -> BigInt {
    let mut n = BigInt::from(0u8);
    for _ in 0..1 + rng.below(4) {
        n = (n << 64) + BigInt::from(rng.next_u64() >> rng.below(64));
    }
    if rng.one_in(2) { -n } else { n }
}

const WHITESPACE: &[&str] = &["", " ", "\t", "\n ", "\x0b", "\x0c", "\r", "\u{a0}", "\u{2003}"];

/// `int(text, base)` of a rendering of a random integer (prefix, case, underscores,
/// whitespace) gives the integer back.
fn int_round_trip(rng: &mut Rng) -> Case {
    let n = random_bigint(rng);
    let base = *rng.pick(&[0u32, 2, 3, 7, 8, 10, 16, 36]);
    let radix = if base == 0 { *rng.pick(&[2u32, 8, 10, 16]) } else { base };
    let mut digits = n.magnitude().to_str_radix(radix);
    if rng.one_in(2) {
        digits = digits.to_uppercase();
    }
    let mut text = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && rng.one_in(5) {
            text.push('_');
        }
        text.push(c);
    }
    let prefix = match (base, radix) {
        (0 | 16, 16) => "0x",
        (0 | 8, 8) => "0o",
        (0 | 2, 2) => "0B",
        _ => "",
    };
    let use_prefix = base == 0 || rng.one_in(2);
    let sign = if n < BigInt::from(0u8) { "-" } else { *rng.pick(&["", "+"]) };
    let prefix = if use_prefix { format!("{}{}", prefix, if !prefix.is_empty() && rng.one_in(4) { "_" } else { "" }) } else { String::new() };
    let (lead, trail) = (*rng.pick(WHITESPACE), *rng.pick(WHITESPACE));
    let s = format!("{}{}{}{}{}", lead, sign, prefix, text, trail);
    case(format!("int({:?}, {})", s, base), move || {
        let got = int::parse_int_str(&s, base).map_err(|e| format!("{:?}", e))?;
        expect("int()", got, Some(n))
    })
}

/// The reference grammar of `int(text, base)` for ASCII text.
fn ref_parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let prefixed = |p: &str, b: u32| (base == 0 || base == b) && lower.starts_with(p);
    let (radix, body, had_prefix) = if prefixed("0x", 16) {
        (16, &t[2..], true)
    } else if prefixed("0o", 8) {
        (8, &t[2..], true)
    } else if prefixed("0b", 2) {
        (2, &t[2..], true)
    } else {
        (if base == 0 { 10 } else { base }, t, false)
    };
    let body = if had_prefix { body.strip_prefix('_').unwrap_or(body) } else { body };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let digits: String = body.chars().filter(|&c| c != '_').collect();
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    if base == 0 && !had_prefix && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
        return None;
    }
    let v = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(if neg { -v } else { v })
}

fn int_garbage(rng: &mut Rng) -> Case {
    let n = rng.size(24);
    let s: String = (0..n).map(|_| *rng.pick(&['0', '1', '7', '9', 'a', 'f', 'z', 'x', 'o', 'b', 'X', '_', '-', '+', ' ', '\t', '.'])).collect();
    let base = *rng.pick(&[0u32, 2, 8, 10, 16, 36]);
    case(format!("int({:?}, {})", s, base), move || {
        let got = int::parse_int_str(&s, base).map_err(|e| format!("{:?}", e))?;
        expect("int()", got, ref_parse_int(&s, base))
    })
}

fn random_f64(rng: &mut Rng) -> f64 {
    match rng.below(4) {
        0 => *rng.pick(&[0.0, -0.0, 1.0, 0.1, 5e-324, f64::MAX, f64::MIN_POSITIVE, 1e16, 1e22, 9007199254740993.0, 0.5, 2.5]),
        1 => (rng.next_u64() % 2_000_001) as f64 / 1000.0 - 1000.0,
        _ => f64::from_bits(rng.next_u64()),
    }
}

/// `float(repr(x)) == x` for every finite x; repr of inf/nan as CPython spells them.
fn float_round_trip(rng: &mut Rng) -> Case {
    let x = random_f64(rng);
    case(format!("float(repr({:e}))", x), move || {
        let r = float::repr_f64(x);
        if x.is_nan() {
            return expect("repr(nan)", r.as_str(), "nan");
        }
        if x.is_infinite() {
            return expect("repr(inf)", r.as_str(), if x > 0.0 { "inf" } else { "-inf" });
        }
        let back = float::parse_float_str(&r).ok_or_else(|| format!("float({:?}) rejected its own repr", r))?;
        expect(&format!("float({:?}) bits", r), back.to_bits(), x.to_bits())
    })
}

/// Decimal text Rust also accepts: both parsers are correctly rounded, so they agree.
fn float_decimal(rng: &mut Rng) -> Case {
    let digits = |rng: &mut Rng, max: usize| -> String { (0..rng.size(max)).map(|_| (b'0' + rng.below(10) as u8) as char).collect() };
    let mut s = String::from(*rng.pick(&["", "-", "+"]));
    s.push_str(&digits(rng, 30));
    if rng.one_in(2) {
        s.push('.');
        s.push_str(&digits(rng, 30));
    }
    if s.trim_start_matches(['-', '+']).trim_matches('.').is_empty() {
        s.push('7');
    }
    if rng.one_in(2) {
        s.push(*rng.pick(&['e', 'E']));
        s.push_str(*rng.pick(&["", "-", "+"]));
        s.push_str(&format!("{}", rng.size(400)));
    }
    let padded = format!("{}{}{}", rng.pick(WHITESPACE), s, rng.pick(WHITESPACE));
    case(format!("float({:?})", padded), move || {
        let want = s.parse::<f64>().map_err(|e| format!("reference rejected {:?}: {}", s, e))?;
        let got = float::parse_float_str(&padded).ok_or("rejected valid text")?;
        expect("float()", got.to_bits(), want.to_bits())
    })
}

/// `format(x, '.Nf')` and `format(x, '.Ne')` against Rust's exact formatting.
fn float_fixed_and_exp(rng: &mut Rng) -> Case {
    let x = random_f64(rng);
    let p = rng.size(40);
    let exp = rng.one_in(2);
    let spec = format!(".{}{}", p, if exp { 'e' } else { 'f' });
    case(format!("format({:e}, {:?})", x, spec), move || {
        let got = format::format_float_obj(&float::new(x), &spec).map_err(|e| format!("{:?}", e))?;
        let got = pystr::as_str(&got).unwrap_or_default().to_string();
        let want = if !x.is_finite() {
            float::repr_f64(x)
        } else if exp {
            let r = format!("{:.*e}", p, x);
            let (m, e) = r.split_once('e').unwrap_or((&r, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
        } else {
            format!("{:.*}", p, x)
        };
        expect("format()", got, want)
    })
}

/// `format(n, '{fill}{align}{width}{type}')` against num-bigint's radix rendering.
fn int_spec(rng: &mut Rng) -> Case {
    let n = random_bigint(rng);
    let fill = *rng.pick(&['*', ' ', '0', '\u{e9}']);
    let align = *rng.pick(&['<', '>', '^', '=']);
    let width = rng.size(120);
    let (ty, radix) = *rng.pick(&[('d', 10u32), ('x', 16), ('o', 8), ('b', 2)]);
    let spec = format!("{}{}{}{}", fill, align, width, ty);
    case(format!("format({}, {:?})", n, spec), move || {
        let got = format::format_int_obj(&int::from_bigint(n.clone()), &spec).map_err(|e| format!("{:?}", e))?;
        let got = pystr::as_str(&got).unwrap_or_default().to_string();
        let sign = if n < BigInt::from(0u8) { "-" } else { "" };
        let body = n.magnitude().to_str_radix(radix);
        let pad = width.saturating_sub(sign.len() + body.len());
        let fills = |k: usize| fill.to_string().repeat(k);
        let want = match align {
            '<' => format!("{}{}{}", sign, body, fills(pad)),
            '>' => format!("{}{}{}", fills(pad), sign, body),
            '^' => format!("{}{}{}{}", fills(pad / 2), sign, body, fills(pad - pad / 2)),
            _ => format!("{}{}{}", sign, fills(pad), body),
        };
        expect("format()", got, want)
    })
}

/// Random format specs for int, float and str: a value or an exception, never a crash.
fn spec_garbage(rng: &mut Rng) -> Case {
    let n = rng.size(12);
    let mut spec: String = (0..n).map(|_| *rng.pick(&['<', '>', '^', '=', '+', '-', ' ', 'z', '#', '0', '1', '9', ',', '_', '.', 'e', 'f', 'g', '%', 'x', 'n', 'c', 's', 'd', '\u{e9}'])).collect();
    if rng.one_in(20) {
        spec.push_str(*rng.pick(&["99999999999999999999", "9223372036854775807", ".2147483648f", ".70000f", ".900e"]));
    }
    let which = rng.below(3);
    let x = random_f64(rng);
    let i = random_bigint(rng);
    case(format!("format(<{}>, {:?})", ["int", "float", "str"][which], spec), move || {
        let _ = match which {
            0 => format::format_int_obj(&int::from_bigint(i), &spec),
            1 => format::format_float_obj(&float::new(x), &spec),
            _ => format::format_str_obj(&pystr::new("abc\u{e9}"), &spec),
        };
        Ok(())
    })
}

const ALPHABET: &[char] = &['a', 'b', 'A', 'Z', ' ', ' ', '\t', '\n', '\r', '0', '9', '_', '-', ',', '\u{e9}', '\u{df}', '\u{3a9}', '\u{20ac}', '\u{1f600}', '\u{130}', '\u{fb01}', '\0'];

fn random_str(rng: &mut Rng, max: usize) -> String {
    (0..rng.size(max)).map(|_| *rng.pick(ALPHABET)).collect()
}

fn to_string(o: PyResult<Obj>) -> Result<String, String> {
    let o = o.map_err(|e| format!("{:?}", e))?;
    pystr::as_str(&o).map(str::to_string).ok_or_else(|| format!("not a str: {}", o.type_name()))
}

fn to_strings(o: PyResult<Obj>) -> Result<Vec<String>, String> {
    let o = o.map_err(|e| format!("{:?}", e))?;
    let items = list::as_slice_opt(&o).or_else(|| tuple::as_slice(&o)).ok_or("not a list")?;
    items.iter().map(|i| to_string(Ok(i.clone()))).collect()
}

fn to_i64(o: PyResult<Obj>) -> Result<i64, String> {
    let o = o.map_err(|e| format!("{:?}", e))?;
    int::to_i64(&o).ok_or_else(|| "not an int".to_string())
}

/// `s[start:stop:step]` against a slice of the code-point vector.
fn str_slice(rng: &mut Rng) -> Case {
    let s = random_str(rng, 30);
    let bound = |rng: &mut Rng| -> Option<i64> { if rng.one_in(4) { None } else { Some(rng.below(70) as i64 - 35) } };
    let (start, stop) = (bound(rng), bound(rng));
    let step = if rng.one_in(2) { None } else { Some(*rng.pick(&[1i64, 2, 3, -1, -2, -5, 100])) };
    case(format!("{:?}[{:?}:{:?}:{:?}]", s, start, stop, step), move || {
        let o = |v: Option<i64>| v.map_or_else(pyrt::types::none::none, int::from_i64);
        let sl = slice::new(o(start), o(stop), o(step));
        let got = to_string(protocol::getitem(&pystr::new(&s), &sl))?;
        let chars: Vec<char> = s.chars().collect();
        expect("slice", got, ref_slice(&chars, start, stop, step.unwrap_or(1)))
    })
}

fn ref_slice(c: &[char], start: Option<i64>, stop: Option<i64>, step: i64) -> String {
    let len = c.len() as i64;
    let clamp = |v: i64, lo: i64, hi: i64| if v < 0 { (v + len).max(lo) } else { v.min(hi) };
    let mut out = String::new();
    if step > 0 {
        let (mut i, end) = (start.map_or(0, |v| clamp(v, 0, len)), stop.map_or(len, |v| clamp(v, 0, len)));
        while i < end {
            out.push(c[i as usize]);
            i += step;
        }
    } else {
        let (mut i, end) = (start.map_or(len - 1, |v| clamp(v, -1, len - 1)), stop.map_or(-1, |v| clamp(v, -1, len - 1)));
        while i > end {
            out.push(c[i as usize]);
            i += step;
        }
    }
    out
}

fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

/// A str method with random arguments against Rust's own str methods or a property.
fn str_method(rng: &mut Rng) -> Case {
    let s = random_str(rng, 40);
    let a = random_str(rng, 3);
    let b = random_str(rng, 3);
    let width = rng.size(60);
    let which = rng.below(10);
    case(format!("{:?} method {} a={:?} b={:?} width={}", s, which, a, b, width), move || {
        let so = pystr::new(&s);
        let call = |name: &str, args: &[Obj]| protocol::call_method(&so, name, args);
        let (ao, bo) = (pystr::new(&a), pystr::new(&b));
        match which {
            0 => expect("replace", to_string(call("replace", &[ao, bo]))?, s.replace(&a, &b)),
            1 => expect("replace count", to_string(call("replace", &[ao, bo, int::from_i64(2)]))?, s.replacen(&a, &b, 2)),
            2 if a.is_empty() => expect("split('')", call("split", &[ao]).is_err(), true),
            2 => expect("split", to_strings(call("split", &[ao]))?, s.split(&a).map(str::to_string).collect()),
            3 => expect("split()", to_strings(call("split", &[]))?, s.split_whitespace().map(str::to_string).collect()),
            4 => expect("find", to_i64(call("find", &[ao]))?, s.find(&a).map_or(-1, |i| char_index(&s, i))),
            5 => expect("rfind", to_i64(call("rfind", &[ao]))?, s.rfind(&a).map_or(-1, |i| char_index(&s, i))),
            6 => {
                let want = if a.is_empty() { s.chars().count() as i64 + 1 } else { s.matches(&a).count() as i64 };
                expect("count", to_i64(call("count", &[ao]))?, want)
            }
            7 => {
                let fill: String = b.chars().take(1).collect();
                let fill = if fill.is_empty() { " ".to_string() } else { fill };
                let name = *["center", "ljust", "rjust"].get(width % 3).unwrap_or(&"center");
                let got = to_string(call(name, &[int::from_i64(width as i64), pystr::new(&fill)]))?;
                let n = s.chars().count();
                expect(&format!("{} length", name), got.chars().count(), n.max(width))?;
                expect(&format!("{} keeps the text", name), got.contains(s.as_str()), true)
            }
            8 => {
                let got = to_string(call("strip", &[ao]))?;
                let set: Vec<char> = a.chars().collect();
                expect("strip(chars)", got, s.trim_matches(|c| set.contains(&c)).to_string())
            }
            _ => {
                let name = *["upper", "lower", "expandtabs", "splitlines", "title", "swapcase", "casefold", "zfill", "partition", "encode"].get(width % 10).unwrap_or(&"upper");
                let args: Vec<Obj> = match name {
                    "zfill" | "expandtabs" => vec![int::from_i64(width as i64 - 10)],
                    "partition" if !a.is_empty() => vec![ao],
                    "partition" => vec![pystr::new("a")],
                    _ => vec![],
                };
                let got = call(name, &args);
                match name {
                    "upper" => expect("upper", to_string(got)?, s.to_uppercase()),
                    _ => got.map(|_| ()).map_err(|e| format!("{:?}", e)),
                }
            }
        }
    })
}
