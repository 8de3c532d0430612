# List used as stack and queue; index with start/stop; count of nested; del in loop via copy.
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop(), stack)
q = list("abcde")
while q:
    print("dequeue", q.pop(0), "".join(q))
l = [1, 2, 1, 3, 1, 4]
print(l.index(1, 1), l.index(1, 3, 5), l.count(1), [[1], [1]].count([1]))
for x in l[:]:
    if x == 1:
        l.remove(x)
print(l)
nums = list(range(10))
evens = [n for n in nums if n % 2 == 0]
del nums[::2]
print(nums, evens)
