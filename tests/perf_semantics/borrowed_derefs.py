# `cell[i]` and `cell[i] = v` read the cell's container without taking a reference of
# their own; code run by the subscript itself (an `__index__`, `__hash__`, `__getitem__`,
# a finalizer) may rebind the cell and drop the container's last reference meanwhile.
import sys


class Tracked(list):
    def __del__(self):
        print("  freed", self[:3])


def index_rebinds_cell():
    data = Tracked([10, 20, 30])

    class Idx:
        def __index__(self):
            nonlocal data
            data = None          # drops the list's last reference but the subscript's
            return 1

    def read(i):
        return data[i]

    def write(i):
        data[i] = 99

    k = Idx()
    print("read", read(k), data)
    data = Tracked([1, 2, 3])
    write(k)
    print("after write", data)


index_rebinds_cell()


def hash_rebinds_cell():
    class Key:
        def __hash__(self):
            nonlocal table
            table = {}
            return 12345

    key = Key()
    table = {key: 1}

    def get(k):
        return table[k]

    def put(k):
        table[k] = "new"

    print("hash get", get(key), table)
    table = {key: 1}
    put(key)
    print("hash put", len(table))


hash_rebinds_cell()


def getitem_rebinds_cell():
    class Seq(list):
        def __getitem__(self, i):
            nonlocal seq
            seq = "replaced"
            return list.__getitem__(self, i) * 2

        def __setitem__(self, i, v):
            nonlocal seq
            seq = "replaced again"
            list.__setitem__(self, i, v)

    seq = Seq([5, 6, 7])

    def get(i):
        return seq[i]

    def put(i):
        seq[i] = 0

    print("getitem", get(2), seq)
    seq = Seq([5, 6, 7])
    put(0)
    print("setitem", seq)


getitem_rebinds_cell()


def finalizer_rebinds_cell():
    class Item:
        def __init__(self, name):
            self.name = name

        def __del__(self):
            nonlocal items
            print("  del item", self.name, "items was", len(items))
            items = ["after del"]

    items = [Item("x"), Item("y")]

    def replace(i):
        items[i] = "plain"

    for i in range(2):
        replace(0)
        print("replaced", items)


finalizer_rebinds_cell()


def empty_and_refilled():
    def get(i):
        return box[i]

    out = []
    for i in range(3):
        try:
            out.append(get(i))
        except NameError as e:
            out.append(str(e))
        if i == 0:
            box = [7, 8, 9]
    del box
    try:
        get(0)
    except NameError as e:
        out.append(str(e))
    return out


print("empty", empty_and_refilled())


def errors_in_subscripts():
    data = [1, 2, 3]
    table = {}

    def bad_index(i):
        return data[i]

    def bad_key(k):
        return table[k]

    def bad_store(i):
        data[i] = 0

    res = []
    for f, arg in [(bad_index, 5), (bad_index, "x"), (bad_key, "missing"), (bad_key, []), (bad_store, -9), (bad_store, 1.5)]:
        try:
            res.append(f(arg))
        except (IndexError, KeyError, TypeError) as e:
            res.append(type(e).__name__ + ": " + str(e))
    res.append(data)
    return res


for r in errors_in_subscripts():
    print("error", r)


def float_items():
    vals = [1.0, 2.0, 3.0]
    scale = 2.5

    def update(i):
        x = vals[i] * scale
        vals[i] = x - 1.0
        return vals[i]

    out = [update(i % 3) for i in range(7)]
    held = vals[0]
    update(0)
    return out, vals, held


print("floats", float_items())


def refcounts():
    obj = [[0], [1], [2]]

    def touch(i):
        y = obj[i]
        obj[i] = y
        return obj[i][0]

    before = sys.getrefcount(obj)
    inner = sys.getrefcount(obj[1])
    total = sum(touch(i % 3) for i in range(30))
    return total, sys.getrefcount(obj) - before, sys.getrefcount(obj[1]) - inner


print("refcounts", refcounts())


def maybe_unbound_key(flag):
    data = [4, 5, 6]
    if flag:
        k = 1

    def unused():
        return data

    try:
        return data[k]
    except UnboundLocalError as e:
        return str(e)


print("unbound key", maybe_unbound_key(True), maybe_unbound_key(False))
