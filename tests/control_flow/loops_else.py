# for/else and while/else with and without break; break/continue in nested loops.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally", i)
while True:
    i -= 1
    if i == 0:
        break
else:
    print("not printed")
for x in []:
    pass
else:
    print("empty for runs else")
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
