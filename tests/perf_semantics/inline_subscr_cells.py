# List indexing with a small int index and closure-cell reads are done inline by native
# code; every other case must still behave exactly as CPython.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class MyList(list):
    def __getitem__(self, i):
        return ("MyList", super().__getitem__(i))

    def __setitem__(self, i, v):
        print("MyList set", i)
        super().__setitem__(i, v)


def read(seq, i):
    return seq[i]


def write(seq, i, v):
    seq[i] = v


data = [10, 20, 30]
print([read(data, i) for i in (0, 1, 2, -1, -2, -3)])
for bad in (3, -4, 2**62, -(2**62), 2**100):
    try:
        read(data, bad)
    except IndexError as e:
        print("IndexError:", e)
for key in ("0", 1.0, None):
    try:
        read(data, key)
    except TypeError as e:
        print("TypeError:", e)
print(read(data, True), read((1, 2, 3), -1), read("abc", 1), read({0: "zero"}, 0))
print(read(MyList([5, 6]), 1), read(range(10), -2))

write(data, -1, 33)
write(data, 0, 11)
print(data)
for bad in (3, -4):
    try:
        write(data, bad, 0)
    except IndexError as e:
        print("IndexError:", e)
try:
    write((1, 2), 0, 5)
except TypeError as e:
    print("TypeError:", e)
ml = MyList([1, 2])
write(ml, 0, "x")
print(ml)

# the replaced item is released after the store and sees the list updated
holder = [Noisy("first")]


def replace(lst):
    lst[0] = Noisy("second")
    print("stored", lst[0].name)


replace(holder)
holder[0] = None
print("end of replacements")

# a list that grows and shrinks between reads (the length is read at each access)
grow = []
for i in range(20):
    grow.append(i * i)
print(read(grow, 19), read(grow, -20))
del grow[5:]
try:
    read(grow, 5)
except IndexError as e:
    print("IndexError:", e)

# aliasing: storing a list into itself
selfref = [0, 1]
write(selfref, 1, selfref)
print(selfref)


# closure cells: read, rebound, deleted, unbound, read through many frames
def outer():
    x = 1

    def get():
        return x

    values = [get()]
    x = 2
    values.append(get())
    del x
    try:
        get()
    except NameError as e:
        values.append(str(e))
    return values


print(outer())


def unbound_yet():
    def peek():
        return later

    try:
        peek()
    except NameError as e:
        print("NameError:", e)
    later = "bound"
    return peek()


print(unbound_yet())


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


c = counter()
print([c() for _ in range(5)])
