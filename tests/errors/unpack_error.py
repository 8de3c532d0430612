# Uncaught ValueError: too many values to unpack.
def split_pair(s):
    k, v = s.split("=")
    return k, v
print(split_pair("a=1"))
print(split_pair("b=2=3"))
