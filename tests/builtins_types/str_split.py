# str methods: split, rsplit, splitlines, partition, join
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
t("split", lambda: "a b  c ".split())
t("split sep", lambda: "a,b,,c".split(","))
t("split max", lambda: "a,b,c,d".split(",", 2))
t("rsplit max", lambda: "a,b,c,d".rsplit(",", 2))
t("rsplit ws", lambda: "  a b c  ".rsplit(None, 1))
t("split empty", lambda: ("".split(), "".split(","), " ".split(" ")))
t("split empty sep", lambda: "abc".split(""))
t("splitlines", lambda: "l1\nl2\r\nl3\rl4\x0bl5\n".splitlines())
t("splitlines keep", lambda: "l1\nl2\r\n".splitlines(True))
t("partition", lambda: ("key=val=x".partition("="), "noeq".partition("="), "a=b".rpartition("="), "x".rpartition("=")))
t("partition empty", lambda: "a".partition(""))
t("join", lambda: ("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join([])))
t("join bad", lambda: ",".join(["a", 1]))
t("join gen", lambda: "+".join(str(i) for i in range(4)))
