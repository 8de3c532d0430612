# traceback when __exit__ raises while handling a body exception
class CM:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("exit failed")
with CM():
    {}["k"]
