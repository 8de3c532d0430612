# input() reads lines from stdin (prompt goes to stdout); EOFError at end of input.
name = input("name? ")
print("hello", name)
n = int(input())
nums = [int(input()) for _ in range(n)]
print("sum", sum(nums), "max", max(nums))
rest = []
try:
    while True:
        rest.append(input())
except EOFError as e:
    print("EOFError", repr(str(e)))
print(rest)
