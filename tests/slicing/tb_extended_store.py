# An uncaught ValueError from an extended-slice assignment of the wrong size.


def rev_prefix(perm, k):
    perm[:k + 1] = perm[k::-1]
    perm[::2] = perm[k::-1]
    return perm


print(rev_prefix([3, 1, 2, 0], 2))
