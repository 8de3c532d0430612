# comparison dunders called by sorted/min/max, reflected ops for == and <
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print(f"lt {self.v} {o.v}")
        return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]))
print(min(K(2), K(1)), max(K(5), K(9)))
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("gt used reflected")
        return self.v > o.v
print(sorted([G(2), G(1)], key=lambda g: g) if False else [g.v for g in sorted([G(2), G(1)])])
