# decimal (through _pydecimal in compiled programs): arithmetic, precision, rounding,
# localcontext, signals and traps, per-thread contexts.
import decimal
import threading
from decimal import Decimal, localcontext, getcontext, setcontext, Context

print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7))
print(Decimal("10.5") * 3, Decimal("7") // 2, Decimal("7") % 3, -Decimal("0.0"), abs(Decimal("-3.50")))
print(Decimal(2).sqrt(), Decimal("1.23456789").quantize(Decimal("0.01")), Decimal(0.1))
print(repr(Decimal("3.14")), Decimal("1e3"), Decimal("1E+3").normalize(), Decimal("NaN"), Decimal("-Infinity"))
print(Decimal("3.14") < 4, Decimal("2.5") == 2.5, hash(Decimal("2.5")) == hash(2.5), int(Decimal("9.99")), float(Decimal("0.5")))
print(sorted([Decimal("1.5"), Decimal("-2"), Decimal("0.25")]), sum([Decimal("0.1")] * 10))
g = getcontext()
print(g.prec, g.rounding, g.Emin, g.Emax, g.capitals, g.clamp, sorted(k.__name__ for k, v in g.traps.items() if v))

getcontext().prec = 5
print("prec 5:", Decimal(1) / Decimal(3), Decimal("123456789") + 0, Decimal(2) ** Decimal("0.5"))
getcontext().prec = 28

for mode in (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN, decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR):
    print(mode, [str(Decimal(x).quantize(Decimal("1"), rounding=mode)) for x in ("2.5", "3.5", "-2.5", "2.4")])

with localcontext() as ctx:
    ctx.prec = 3
    ctx.rounding = decimal.ROUND_UP
    print("local:", Decimal(2) / 3, getcontext().prec, ctx is getcontext())
print("restored:", Decimal(2) / 3, getcontext().prec)

c = Context(prec=4, rounding=decimal.ROUND_HALF_DOWN)
print(c.divide(Decimal(10), Decimal(3)), c.add(Decimal("1.00005"), 0), c.prec)
old = getcontext()
setcontext(c)
print("setcontext:", Decimal(1) / 7, getcontext() is c)
setcontext(old)
print("back:", Decimal(1) / 7)

# signals: flags without traps, then traps raising
with localcontext() as ctx:
    ctx.traps[decimal.DivisionByZero] = False
    ctx.traps[decimal.InvalidOperation] = False
    print(Decimal(1) / 0, Decimal(-1) / 0, Decimal(0) / 0, Decimal(-1).sqrt())
    print(sorted(k.__name__ for k, v in ctx.flags.items() if v))
    ctx.clear_flags()
    print(Decimal(1) / 3, sorted(k.__name__ for k, v in ctx.flags.items() if v))

cases = [
    ("Decimal(1) / 0", lambda: Decimal(1) / 0),
    ("Decimal(0) / 0", lambda: Decimal(0) / 0),
    ("Decimal(-1).sqrt()", lambda: Decimal(-1).sqrt()),
    ("Decimal('abc')", lambda: Decimal("abc")),
    ("quantize too precise", lambda: Decimal(1).quantize(Decimal("1e-30"))),
]
for label, f in cases:
    try:
        f()
    except decimal.DecimalException as e:
        print(label, "->", type(e).__name__, [b.__name__ for b in type(e).__mro__[1:3]],
              isinstance(e, ZeroDivisionError), isinstance(e, ArithmeticError))

with localcontext() as ctx:
    ctx.traps[decimal.Inexact] = True
    try:
        Decimal(1) / 3
    except decimal.Inexact as e:
        print("Inexact trapped:", type(e).__name__)
    print(Decimal(1) / 4)

# each thread has its own decimal context (it starts from DefaultContext)
res = []
def worker(p):
    getcontext().prec = p
    res.append((p, str(Decimal(1) / 3)))
for p in (2, 6):
    t = threading.Thread(target=worker, args=(p,))
    t.start()
    t.join()
print(res, getcontext().prec)

# uncaught DivisionByZero ends the program (type name only: its message differs
# between the C and pure-Python implementations)
try:
    Decimal(5) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero:", type(e).__module__, type(e).__qualname__)
