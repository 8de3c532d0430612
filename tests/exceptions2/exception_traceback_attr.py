# __traceback__ objects: tb_lineno, tb_frame.f_code.co_name, walking tb_next
def a():
    b()
def b():
    raise RuntimeError("x")
try:
    a()
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
e2 = ValueError()
print(e2.__traceback__)
