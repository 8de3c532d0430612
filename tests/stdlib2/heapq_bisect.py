# heapq and bisect through the native _heapq/_bisect.
import heapq, bisect

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 6), data, heapq.heappushpop(data, 0), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, "hello"), list(heapq.merge([1, 4], [2, 3])))
print(heapq.nlargest(2, [("a", 3), ("b", 1), ("c", 2)], key=lambda t: t[1]))
tasks = []
heapq.heappush(tasks, (2, "write")); heapq.heappush(tasks, (1, "plan")); heapq.heappush(tasks, (3, "ship"))
while tasks:
    print(heapq.heappop(tasks))
for bad in ["heapq.heappop([])", "heapq.heappush((), 1)", "heapq.heappush([])", "heapq.heapreplace([], 1)",
            "heapq.heappush([1], 'a')"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 2))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("x", 6), key=lambda r: r[1]); print(recs)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
for bad in ["bisect.bisect([1], 1, -1)", "bisect.bisect()", "bisect.bisect(1, 1)"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
