//! The native `time` module: clocks (`time`, `time_ns`, `monotonic[_ns]`,
//! `perf_counter[_ns]`, `process_time[_ns]`), `sleep`, and calendar time through the C
//! library: `struct_time`, `localtime`, `gmtime`, `mktime`, `strftime`, `asctime`,
//! `ctime`, `timezone`/`altzone`/`daylight`/`tzname`.

use crate::errors::{type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{dict, float, int, module, str as pystr, types};

fn no_args(name: &str, a: &[Obj], kw: &KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("time.{name}() takes no keyword arguments")));
    }
    if !a.is_empty() {
        return Err(type_error(format!("time.{name}() takes no arguments ({} given)", a.len())));
    }
    Ok(())
}

fn clock_ns(id: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(id, &mut ts) };
    ts.tv_sec as i64 * 1_000_000_000 + ts.tv_nsec as i64
}

fn secs(ns: i64) -> Obj {
    float::new(ns as f64 * 1e-9)
}

macro_rules! clock_fns {
    ($($f:ident, $fns:ident, $name:literal, $id:expr;)*) => {$(
        fn $f(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            no_args($name, a, kw)?;
            Ok(secs(clock_ns($id)))
        }
        fn $fns(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            no_args(concat!($name, "_ns"), a, kw)?;
            Ok(int::from_i64(clock_ns($id)))
        }
    )*};
}

clock_fns! {
    t_time, t_time_ns, "time", libc::CLOCK_REALTIME;
    t_monotonic, t_monotonic_ns, "monotonic", libc::CLOCK_MONOTONIC;
    t_perf_counter, t_perf_counter_ns, "perf_counter", libc::CLOCK_MONOTONIC;
    t_process_time, t_process_time_ns, "process_time", libc::CLOCK_PROCESS_CPUTIME_ID;
    t_thread_time, t_thread_time_ns, "thread_time", libc::CLOCK_THREAD_CPUTIME_ID;
}

fn t_sleep(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("time.sleep() takes no keyword arguments"));
    }
    if a.len() != 1 {
        return Err(type_error(format!("time.sleep() takes exactly one argument ({} given)", a.len())));
    }
    let x = &a[0];
    let secs = if x.isinstance(types().float) {
        float::to_f64(x)?
    } else if int::is_int(x) {
        int::int_to_f64(x)?
    } else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", x.type_name())));
    };
    if secs.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 1e12 {
        return Err(crate::errors::overflow_error("sleep length is too large"));
    }
    // Releases the GIL; a signal handler in the main thread may interrupt it.
    crate::modules::signal::sleep(secs)?;
    Ok(crate::types::none::none())
}

// ----- calendar time -----

// Per-interpreter state shared by all threads (read and written under the GIL).
static STRUCT_TIME: crate::gil::GilCell<std::cell::Cell<Option<&'static crate::types::typeobj::TypeObject>>> = crate::gil::GilCell::new(std::cell::Cell::new(None));

const TM_FIELDS: &[&str] = &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"];

fn struct_time_type() -> &'static crate::types::typeobj::TypeObject {
    STRUCT_TIME.with(|c| {
        if let Some(t) = c.get() {
            return t;
        }
        let t = super::structseq::new_type("time", "struct_time", TM_FIELDS, 9);
        c.set(Some(t));
        t
    })
}

fn tm_to_obj(tm: &libc::tm) -> Obj {
    let i = |v: libc::c_int| int::from_i64(v as i64);
    let zone = if tm.tm_zone.is_null() {
        crate::types::none::none()
    } else {
        pystr::from_string(unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
    };
    super::structseq::new_value(struct_time_type(), vec![
        i(tm.tm_year + 1900), i(tm.tm_mon + 1), i(tm.tm_mday), i(tm.tm_hour), i(tm.tm_min), i(tm.tm_sec),
        i((tm.tm_wday + 6) % 7), i(tm.tm_yday + 1), i(tm.tm_isdst), zone, int::from_i64(tm.tm_gmtoff),
    ])
}

/// The seconds argument of `localtime`/`gmtime`/`ctime` (None or absent: now).
fn secs_arg(fname: &str, a: &[Obj]) -> PyResult<libc::time_t> {
    match a.first() {
        None => Ok((clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t),
        Some(v) if crate::types::none::is_none(v) => Ok((clock_ns(libc::CLOCK_REALTIME).div_euclid(1_000_000_000)) as libc::time_t),
        Some(v) if v.isinstance(types().float) => {
            let f = float::to_f64(v)?;
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            if !f.is_finite() || f.abs() > 1e18 {
                return Err(crate::errors::overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f.trunc() as libc::time_t)
        }
        Some(v) if int::is_int(v) => int::to_i64(v).map(|x| x as libc::time_t).ok_or_else(|| crate::errors::overflow_error("timestamp out of range for platform time_t")),
        Some(v) => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))).map_err(|e| { let _ = fname; e }),
    }
}

fn convert(fname: &str, a: &[Obj], local: bool) -> PyResult<libc::tm> {
    let t = secs_arg(fname, a)?;
    // SAFETY: an all-zero tm is valid; the *_r functions fill it.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let r = unsafe { if local { libc::localtime_r(&t, &mut tm) } else { libc::gmtime_r(&t, &mut tm) } };
    if r.is_null() {
        return Err(crate::errors::overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn t_localtime(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(tm_to_obj(&convert("localtime", a, true)?))
}
fn t_gmtime(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(tm_to_obj(&convert("gmtime", a, false)?))
}

/// A 9-item time tuple (or struct_time) as a C `tm`, with CPython's checks.
fn tuple_to_tm(fname: &str, o: &Obj) -> PyResult<libc::tm> {
    let items = crate::types::tuple::as_slice(o).ok_or_else(|| type_error(format!("Tuple or struct_time argument required")))?.to_vec();
    if items.len() != 9 {
        return Err(type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut v = [0i64; 9];
    for (k, it) in items.iter().enumerate() {
        if it.isinstance(types().float) {
            return Err(type_error("'float' object cannot be interpreted as an integer"));
        }
        v[k] = crate::protocol::index_i64(it)?;
    }
    // SAFETY: zeroed tm is valid.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (v[0] - 1900) as libc::c_int;
    tm.tm_mon = (v[1] - 1) as libc::c_int;
    tm.tm_mday = v[2] as libc::c_int;
    tm.tm_hour = v[3] as libc::c_int;
    tm.tm_min = v[4] as libc::c_int;
    tm.tm_sec = v[5] as libc::c_int;
    tm.tm_wday = ((v[6] + 1) % 7) as libc::c_int;
    tm.tm_yday = (v[7] - 1) as libc::c_int;
    tm.tm_isdst = v[8] as libc::c_int;
    if let Some(st) = Some(o).filter(|o| o.isinstance(struct_time_type())) {
        tm.tm_gmtoff = int::to_i64(&super::structseq::field(st, 10)).unwrap_or(0);
    }
    Ok(tm)
}

fn checked_tm(fname: &str, o: &Obj) -> PyResult<libc::tm> {
    let mut tm = tuple_to_tm(fname, o)?;
    if tm.tm_mon == -1 { tm.tm_mon = 0 } else if !(0..=11).contains(&tm.tm_mon) { return Err(value_error("month out of range")) }
    if tm.tm_mday == 0 { tm.tm_mday = 1 } else if !(0..=31).contains(&tm.tm_mday) { return Err(value_error("day of month out of range")) }
    if !(0..=23).contains(&tm.tm_hour) { return Err(value_error("hour out of range")) }
    if !(0..=59).contains(&tm.tm_min) { return Err(value_error("minute out of range")) }
    if !(0..=61).contains(&tm.tm_sec) { return Err(value_error("seconds out of range")) }
    if tm.tm_wday < 0 { return Err(value_error("day of week out of range")) }
    if tm.tm_yday == -1 { tm.tm_yday = 0 } else if !(0..=365).contains(&tm.tm_yday) { return Err(value_error("day of year out of range")) }
    Ok(tm)
}

fn now_or_tuple(fname: &str, a: &[Obj]) -> PyResult<libc::tm> {
    match a.first() {
        None => convert(fname, &[], true),
        Some(o) => checked_tm(fname, o),
    }
}

fn t_mktime(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let o = a.first().ok_or_else(|| type_error("time.mktime() takes exactly one argument (0 given)"))?;
    let mut tm = tuple_to_tm("mktime", o)?;
    tm.tm_wday = -1;
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(crate::errors::overflow_error("mktime argument out of range"));
    }
    Ok(float::new(t as f64))
}

fn t_strftime(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let fmt = a.first().and_then(pystr::as_str).ok_or_else(|| type_error("strftime() argument 1 must be str"))?;
    let tm = now_or_tuple("strftime", &a[1..])?;
    if fmt.is_empty() {
        return Ok(pystr::new(""));
    }
    let c = std::ffi::CString::new(fmt).map_err(|_| value_error("embedded null character"))?;
    let mut cap = 1024usize;
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: buf has cap bytes; strftime writes at most cap bytes including the NUL.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, cap, c.as_ptr(), &tm) };
        if n > 0 || cap > 256 * fmt.len() + 4096 {
            buf.truncate(n);
            return Ok(pystr::from_string(String::from_utf8_lossy(&buf).into_owned()));
        }
        cap *= 4;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize], MONTHS[tm.tm_mon.rem_euclid(12) as usize], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year as i64 + 1900
    )
}

fn t_asctime(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(pystr::from_string(asctime_text(&now_or_tuple("asctime", a)?)))
}
fn t_ctime(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(pystr::from_string(asctime_text(&convert("ctime", a, true)?)))
}

/// `timezone`, `altzone`, `daylight`, `tzname` from the C library's view of January and
/// July of this year (CPython's `init_timezone`).
fn set_zone_info(d: &Obj) {
    let year_start = |mon: i32| -> libc::tm {
        let now = (clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t;
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        unsafe { libc::localtime_r(&now, &mut tm) };
        let mut t: libc::tm = unsafe { std::mem::zeroed() };
        t.tm_year = tm.tm_year;
        t.tm_mon = mon;
        t.tm_mday = 1;
        t.tm_isdst = -1;
        let secs = unsafe { libc::mktime(&mut t) };
        let mut out: libc::tm = unsafe { std::mem::zeroed() };
        unsafe { libc::localtime_r(&secs, &mut out) };
        out
    };
    let (jan, jul) = (year_start(0), year_start(6));
    let name = |tm: &libc::tm| if tm.tm_zone.is_null() { String::new() } else { unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned() };
    let (janoff, juloff) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (std_off, dst_off, std_name, dst_name) = if janoff < juloff {
        (juloff, janoff, name(&jul), name(&jan))
    } else {
        (janoff, juloff, name(&jan), name(&jul))
    };
    dict::set_item_str(d, "timezone", int::from_i64(std_off));
    dict::set_item_str(d, "altzone", int::from_i64(dst_off));
    dict::set_item_str(d, "daylight", int::from_i64((janoff != juloff) as i64));
    dict::set_item_str(d, "tzname", crate::types::tuple::pair(pystr::from_string(std_name), pystr::from_string(dst_name)));
}

/// `time.strptime(string[, format])`: CPython's pure-Python `_strptime` does the work
/// (it must be compiled into the program: see docs/status.md).
fn t_strptime(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let none = crate::types::none::none();
    let m = crate::builtins::import_module_level(&pystr::new("_strptime"), &none, &none, 0)?;
    crate::protocol::call_kw(&crate::protocol::getattr_str(&m, "_strptime_time")?, a, kw)
}

/// Creates the `time` module.
pub fn create() -> Obj {
    let m = module::new("time");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("time", t_time), ("time_ns", t_time_ns), ("monotonic", t_monotonic), ("monotonic_ns", t_monotonic_ns),
        ("perf_counter", t_perf_counter), ("perf_counter_ns", t_perf_counter_ns),
        ("process_time", t_process_time), ("process_time_ns", t_process_time_ns),
        ("thread_time", t_thread_time), ("thread_time_ns", t_thread_time_ns), ("sleep", t_sleep),
        ("localtime", t_localtime), ("gmtime", t_gmtime), ("mktime", t_mktime), ("strftime", t_strftime),
        ("asctime", t_asctime), ("ctime", t_ctime), ("strptime", t_strptime),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("time", name, *func));
    }
    dict::set_item_str(&d, "struct_time", struct_time_type().as_obj());
    dict::set_item_str(&d, "_STRUCT_TM_ITEMS", int::from_i64(11));
    set_zone_info(&d);
    dict::set_item_str(&d, "__doc__", pystr::new("This module provides various functions to manipulate time values."));
    m
}
