# object identity, None, NotImplemented and Ellipsis singletons
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
t("none", lambda: (None is None, type(None)(), repr(None), bool(None)))
t("none attr", lambda: None.foo)
nothing = None
t("none call", lambda: nothing())
t("none cmp", lambda: None < 1)
t("none eq", lambda: (None == 0, None == None, None != False))
t("notimpl", lambda: (repr(NotImplemented), type(NotImplemented)() is NotImplemented))
t("ellipsis", lambda: (repr(...), type(...)() is ..., Ellipsis == ...))
t("hash none", lambda: hash(None) == hash(None))
t("object eq", lambda: (object() == object(), object() != object()))
t("object attrs", lambda: sorted(n for n in dir(object()) if not n.startswith("__"))) 
t("type of type", lambda: (type(type), type(object), object.__class__ is type))
