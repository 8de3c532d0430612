/* pyrt_no_backtrace.o: linked into stripped executables only (compiler/src/driver.rs).
 *
 * Rust std prints a panic's backtrace through one function, the `Display` impl of
 * `std::sys::backtrace::DisplayBacktrace` (std's panic and allocation-failure hooks, when
 * RUST_BACKTRACE is set). It alone keeps std's symbolizer alive: gimli, addr2line,
 * rustc-demangle, miniz_oxide, ~210 KB of every executable. runtime/no_backtrace.sh
 * renames that function `pyrt_rust_backtrace_fmt` in the runtime archives and makes it
 * weak; this strong definition then replaces it, so --gc-sections drops the symbolizer.
 * A stripped executable could not name the frames anyway: the panic message still
 * prints and the process still aborts; only the (nameless) frame list is gone.
 *
 * The replaced function is `fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result`: two
 * pointer arguments and a one-byte result, passed as in C on x86-64 and AArch64;
 * returning 0 is `Ok(())` (nothing written). */
_Bool pyrt_rust_backtrace_fmt(const void *self, void *formatter) {
    (void)self;
    (void)formatter;
    return 0;
}
