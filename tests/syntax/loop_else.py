# for/while else clauses with break and continue
for i in range(3):
    pass
else:
    print("for else", i)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for i in range(6):
    if i % 2:
        continue
    print("even", i)
for x in []:
    print("no")
else:
    print("empty else")
def find(seq, t):
    for i, v in enumerate(seq):
        if v == t:
            return i
    else:
        return -1
print(find("abc", "c"), find("abc", "z"))
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("inner else")
    print(i, j)
