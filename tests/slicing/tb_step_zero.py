# An uncaught ValueError from a slice with a zero step: the traceback's carets mark
# the subscript (`~~~^^^^^^`) in every frame.


def window(seq, k):
    first = seq[k:]
    return first + seq[k:len(seq):k - k]


def outer(data):
    return [window(data, 1)]


print(window("abc", 1) if False else "start")
print(outer([1, 2, 3, 4]))
