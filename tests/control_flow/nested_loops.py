# Nested loops with flags, early exit via function return, multiplication table.
for i in range(1, 6):
    print(" ".join(f"{i * j:3d}" for j in range(1, 6)))
def find_pair(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return None
print(find_pair([2, 7, 11, 15], 9), find_pair([1, 2, 3], 10), find_pair([3, 3], 6))
found = False
for a in range(1, 20):
    for b in range(a, 20):
        if a * b == 91:
            found = True
            break
    if found:
        break
print(a, b)
count = 0
for i in range(10):
    for j in range(10):
        for k in range(10):
            if i + j + k == 15:
                count += 1
print(count)
