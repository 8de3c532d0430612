# subclassing list, dict, int, str and overriding methods
class MyList(list):
    def append(self, x):
        super().append(x * 2)
    def total(self):
        return sum(self)
ml = MyList([1, 2])
ml.append(5)
print(ml, ml.total(), type(ml + [1]).__name__, len(ml), isinstance(ml, list))
class CountDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, self.get(k, 0) + v)
cd = CountDict()
cd["a"] = 1
cd["a"] = 5
cd.update(b=1)
print(cd, type(cd).__name__)
class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"
m = Meters(2.5)
print(repr(m), m * 2, repr(Meters(1) + Meters(2)))
class Name(str):
    def greet(self):
        return "Hi " + self
n = Name("bob")
print(n.greet(), n.upper(), type(n.upper()).__name__, n == "bob", {n: 1}["bob"])
class Stack(list):
    push = list.append
    def peek(self):
        return self[-1]
st = Stack()
st.push(1); st.push(2)
print(st.peek(), st.pop(), st)
