# user exception hierarchies and catching by base class
class AppError(Exception):
    def __str__(self):
        return f"[app] {super().__str__()}"
class DbError(AppError):
    pass
class NetError(AppError):
    def __init__(self, host):
        self.host = host
        super().__init__(f"cannot reach {host}")
for exc in [DbError("locked"), NetError("example.org"), AppError()]:
    try:
        raise exc
    except DbError as e:
        print("db", e)
    except AppError as e:
        print("app", e, repr(e), e.args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("s")))
class Multi(KeyError, ValueError):
    pass
try:
    raise Multi("m")
except ValueError as e:
    print("caught as ValueError", repr(e), str(e))
print([c.__name__ for c in Multi.__mro__])
