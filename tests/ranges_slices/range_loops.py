# Loops over ranges with various steps and accumulations; nested ranges; range with big stop.
total = 0
for i in range(1, 11):
    total += i * i
print(total)
for i in range(10, -1, -3):
    print(i, end=" ")
print()
for i in range(3):
    for j in range(i, 3):
        print((i, j), end="")
print()
print([i for i in range(-10, 10, 4)], [i for i in range(10, -10, -4)])
cnt = 0
for i in range(2 ** 62, 2 ** 62 + 5):
    cnt += i % 7
print(cnt)
print(list(range(5))[::-1] == list(range(4, -1, -1)))
