# a singly linked list class with iteration, indexing, reversal and repr
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self):
        return " -> ".join(map(repr, self)) or "empty"
    def __contains__(self, v):
        return any(x == v for x in self)
ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), ll[0], ll[-1], 3 in ll, 9 in ll)
ll.reverse()
print(ll)
ll.push("x")
print(ll, list(ll), sum(v for v in ll if isinstance(v, int)))
try:
    ll[10]
except IndexError as e:
    print(e)
print(LinkedList())
