"""Generator frames reused after a generator finishes (frame.rs recycle_generator_frame):
fresh locals, locals mirror, cells, bigger frames after smaller ones, __del__ ending
generators while a frame is dropped, errors, close/throw, gi_frame."""
import sys
import gc


def small(n):
    x = n
    yield x
    yield x + 1


def unbound_later(flag):
    if flag:
        a = "set"
    yield 1
    try:
        yield a
    except UnboundLocalError as e:
        yield "unbound: " + str(e)


def peek():
    return sorted(k for k in sys._getframe(1).f_locals if not k.startswith("_"))


def mirrored(p, q):
    r = p + q
    yield peek()
    s = r * 2
    yield peek(), s


def many_locals(a, b, c, d, e, f, g, h, i, j):
    k = a + b + c + d + e + f + g + h + i + j
    yield k
    l = [a, b, c, d, e, f, g, h, i, j, k]
    yield sum(l)


def deep_stack(n):
    yield [n, [n + 1, [n + 2, (yield n * 10)]]]


def with_cell(n):
    def inner():
        return n * 3
    yield inner()
    n += 1
    yield inner()


def raiser(n):
    yield n
    raise ValueError("boom %d" % n)


def returner(n):
    yield n
    return n * 100


# fresh locals each time, after many finished generators
for round_ in range(3):
    print(list(small(round_)), list(unbound_later(round_ == 1)), list(unbound_later(False)))

# the mirror of a reused frame shows the new generator's locals
for i in range(3):
    g = mirrored(i, 10)
    print(next(g), next(g), list(g))

# frames of different sizes alternating
for i in range(3):
    print(list(small(i)), list(many_locals(*range(i, i + 10))), list(small(i + 1)))
    g = deep_stack(i)
    print(next(g), g.send("sent"), list(g))
    print(list(with_cell(i)))

# errors and return values end generators too
for i in range(3):
    g = raiser(i)
    print(next(g))
    try:
        next(g)
    except ValueError as e:
        print("caught", e)
    g = returner(i)
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print("returned", e.value)
    print(list(small(i)))

# close and throw finish generators
for i in range(3):
    g = small(i)
    next(g)
    g.close()
    g = small(i)
    next(g)
    try:
        g.throw(KeyError(i))
    except KeyError as e:
        print("thrown", e)
    print(g.gi_frame, list(small(i + 5)))

# gi_frame of a fresh generator made after others finished
for i in range(2):
    list(small(i))
    g = mirrored(i, i)
    print(g.gi_frame.f_locals == {"p": i, "q": i}, g.gi_frame.f_lineno)
    next(g)
    print(sorted(g.gi_frame.f_locals.items()))


# a __del__ run while a finished generator's frame is dropped makes and ends generators
class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag, [list(small(j)) for j in range(10)])


def holds(tag):
    obj = Noisy(tag)
    yield 1
    yield obj.tag


for i in range(2):
    print(list(holds(i)))
    print(list(small(i)))


def nested_del(depth):
    obj = Noisy("nested%d" % depth)
    if depth:
        yield from nested_del(depth - 1)
    yield depth


print(list(nested_del(3)))
gc.collect()


# many generators alive at once, then all finished
gens = [small(i) for i in range(20)]
print([next(g) for g in gens])
print([list(g) for g in gens])
print(sum(sum(small(i)) for i in range(1000)))
