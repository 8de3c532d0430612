# f-string number formatting in a table layout (widths, alignment, grouping, percent).
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 150, 0.125), ("dragonfruit", 1, 4.75)]
print(f"{'item':<12}|{'qty':>5}|{'price':>8}|{'total':>10}")
print("-" * 38)
grand = 0
for name, q, p in rows:
    t = q * p
    grand += t
    print(f"{name:<12}|{q:>5d}|{p:>8.3f}|{t:>10,.2f}")
print(f"{'TOTAL':<12}|{'':>5}|{'':>8}|{grand:>10.2f}")
for v in (0.5, 0.123, 1, 12.3456):
    print(f"{v:.0%} {v:.1%} {v:8.2%} {v:+.1e} {v:g} {v:#g}")
for i in (0, 7, 255, 4096, -1):
    print(f"{i:#06x} {i:>#8b} {i:o} {i:+d} {i: d} {i:_b}")
big = 12345678901234567890
print(f"{big:,} {big:_} {big:e} {big:.3e} {big:x} {float(big):,.1f}")
print(f"{1/3:.20f} {2/3:.15g} {1e-10:f} {123456789.0:.2e} {0.0:e}")
