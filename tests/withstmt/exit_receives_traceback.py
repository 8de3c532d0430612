# __exit__ receives the exception type, value and a traceback object
class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et.__name__, ev, type(tb).__name__, tb.tb_lineno > 0, tb.tb_next is None)
        return True
with Inspect():
    raise KeyError("k")
def inner():
    raise ValueError("deep")
with Inspect():
    inner()
print("done")
