# while loops with complex conditions, nested breaks and counters
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = j = 0
found = None
while i < 5 and found is None:
    j = 0
    while j < 5:
        if i * j == 6:
            found = (i, j)
            break
        j += 1
    i += 1
print(found, i, j)
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print(a, b)
stack = [1, [2, [3, [4]]]]
depth = 0
while stack:
    depth += 1
    stack = stack[-1] if isinstance(stack[-1], list) else []
print("depth", depth)
