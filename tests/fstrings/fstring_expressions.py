# arbitrary expressions inside f-strings: calls, conditionals, lambdas, dict access
d = {"k": [1, 2, 3]}
print(f"{d['k'][-1]} {len(d)} {sum(d['k']) / 2:.1f}")
print(f"{'yes' if d else 'no'} {(lambda x: x * 2)(21)}")
print(f"{[x for x in range(3)]} {{'set'}} {(1, 2)}")
x = 5
print(f"{x!r:>4}{x:<4}|{-x:+}|{x:#b}|{x * 1.5:g}")
print(f"{3 + 4j} {1e100} {2**64} {None} {True:>5}")
print(f"{'multi' 'part'}")
print(f"{x:{'>' if x > 3 else '<'}{x}}|")
