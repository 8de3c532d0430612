# an uncaught ordering TypeError between complex numbers.
a = [1j, 2j]
print(a)
a.sort()
