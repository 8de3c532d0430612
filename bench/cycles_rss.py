# Memory figure of `make bench`: creates and drops N small reference cycles (two
# instances pointing at each other, and a list containing itself). Only the cycle
# collector reclaims them, so peak RSS must stay flat: the same for 1M and 10M.
import sys


class Node:
    def __init__(self):
        self.other = None


def churn(n):
    for _ in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        l = []
        l.append(l)
    return n


print(churn(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000))
