# augmented assignment and accumulation with complex values.
acc = 0
for k in range(1, 6):
    acc += complex(k, -k) / k
print(acc)
z = 1j
for _ in range(4):
    z *= 1j
print(z)
w = 2 + 0j
w **= 10
print(w)
w -= 1024
print(w, w == 0, not w)
vals = [complex(i, i * i) for i in range(-2, 3)]
print(vals, [v.imag for v in vals], sum(v.real for v in vals))
