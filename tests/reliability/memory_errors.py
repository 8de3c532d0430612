# Size-driven allocations that cannot succeed raise MemoryError / OverflowError with
# CPython's messages instead of aborting the process. Sizes are far beyond any
# machine's address space, so the outcome does not depend on the host's memory.
def attempt(label, f):
    try:
        r = f()
        print(label, "ok", len(r) if hasattr(r, "__len__") else r)
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, e)

N = 10**15
attempt("list repeat", lambda: [1] * N)
attempt("list repeat 2", lambda: [1, 2] * (2**62))
attempt("tuple repeat", lambda: (1,) * N)
attempt("str repeat", lambda: "a" * N)
attempt("str repeat overflow", lambda: "ab" * (2**62))
attempt("bytes repeat", lambda: b"a" * N)
attempt("bytes repeat overflow", lambda: b"ab" * (2**62))
attempt("bytearray repeat", lambda: bytearray(b"a") * N)
attempt("bytearray(n)", lambda: bytearray(N))
attempt("bytes(n)", lambda: bytes(N))
attempt("bytes(2**63)", lambda: bytes(2**63))
attempt("ljust", lambda: "a".ljust(N))
attempt("center", lambda: "a".center(2**62))
attempt("zfill", lambda: "a".zfill(N))
attempt("rjust 2**63", lambda: "a".rjust(2**63))
attempt("bytes ljust", lambda: b"x".ljust(N))
attempt("bytearray zfill", lambda: bytearray(b"x").zfill(N))
attempt("list(range)", lambda: list(range(N)))
attempt("tuple(range)", lambda: tuple(range(N)))
attempt("lshift", lambda: 1 << N)
attempt("lshift 2**63", lambda: 1 << 2**63)
attempt("%*d", lambda: "%*d" % (N, 1))
attempt("%d width", lambda: "%1000000000000000d" % 1)
attempt("f-string width", lambda: f"{1:{N}}")
attempt("format int", lambda: format(1, "9223372036854775807"))
attempt("format float", lambda: format(1.0, "9223372036854775807"))
attempt("format str", lambda: format("a", "9223372036854775807"))
attempt("format precision", lambda: format(1.0, ".9223372036854775807f"))
attempt("format digits", lambda: format(1, "99999999999999999999"))
attempt("precision 70000", lambda: format(1.5, ".70000f"))
attempt("precision 900e", lambda: format(1.5, ".900e")[-10:])
attempt("str.format width", lambda: "{:>{w}}".format(1, w=N))
attempt("to_bytes", lambda: (1).to_bytes(N, "big"))
attempt("to_bytes 2**62", lambda: (1).to_bytes(2**62, "big"))
attempt("join repeat", lambda: " ".join(["a"] * 10) * N)
x = [1]
attempt("list imul", lambda: x.__imul__(N))
print(len(x))
attempt("list extend", lambda: x.extend(range(N)))
print(len(x))
# The program keeps running normally afterwards.
print(sum([1] * 1000), "a" * 3, len(bytearray(10)))
