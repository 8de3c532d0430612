# assignment target evaluation order: left to right after the value
log = []
class Rec:
    def __setattr__(self, n, v):
        log.append(("setattr", n, v))
class RecL(list):
    def __setitem__(self, i, v):
        log.append(("setitem", i, v))
r = Rec()
l = RecL([0, 0])
def val():
    log.append("value")
    return (1, 2)
r.a, l[0] = val()
print(log)
log.clear()
r.x = l[1] = "same"
print(log)
