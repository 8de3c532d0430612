//! The native `time` module: clocks (`time`, `time_ns`, `monotonic[_ns]`,
//! `perf_counter[_ns]`, `process_time[_ns]`) and `sleep`. (`struct_time`, `localtime`,
//! `gmtime`, `strftime` are not implemented yet.)

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
    crate::modules::sys::flush_stdout();
    // Releases the GIL; a signal handler in the main thread may interrupt it.
    crate::modules::signal::sleep(secs)?;
    Ok(crate::types::none::none())
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
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("time", name, *func));
    }
    dict::set_item_str(&d, "__doc__", pystr::new("This module provides various functions to manipulate time values."));
    m
}
