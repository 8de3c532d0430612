# f-strings nested inside f-strings and in comprehensions
items = {"apple": 1.5, "kiwi": 0.25}
print(f"{', '.join(f'{k}={v:.2f}' for k, v in items.items())}")
w = 8
print(f"{f'{42:>{w}}':*<12}|")
print([f"{i}:{i**2}" for i in range(4)])
name = "x"
print(f"{'{'}{name}{'}'}")
print(f"{f'{1}'}")
