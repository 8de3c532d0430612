# a generator-based context manager implemented by hand (no contextlib)
class gencm:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        return False
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ValueError as e:
        print("handled", e)
    finally:
        print(f"</{name}>")
with gencm(tag("p")) as t:
    print("inside", t)
with gencm(tag("div")):
    raise ValueError("oops")
print("continued")
try:
    with gencm(tag("span")):
        raise KeyError("not handled")
except KeyError as e:
    print("escaped", e)
