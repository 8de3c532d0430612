from dataclasses import dataclass, field
from .util.money import fmt


@dataclass
class Product:
    name: str
    cents: int

    def __str__(self):
        return f"{self.name} ({fmt(self.cents)})"


@dataclass
class Cart:
    lines: list = field(default_factory=list)

    def add(self, product, qty=1):
        self.lines.append((product, qty))
        return self

    def total(self):
        from .util import money  # a relative import inside a function
        return money.fmt(sum(p.cents * q for p, q in self.lines))
