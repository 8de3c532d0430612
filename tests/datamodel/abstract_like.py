# NotImplementedError-based abstract methods and template method pattern
class Report:
    def render(self):
        return "\n".join([self.header(), *self.body(), self.footer()])
    def header(self):
        return "=" * 10
    def footer(self):
        return "-" * 10
    def body(self):
        raise NotImplementedError
class Sales(Report):
    def __init__(self, data): self.data = data
    def body(self):
        for k, v in self.data:
            yield f"{k:<6}{v:>4}"
print(Sales([("jan", 10), ("feb", 20)]).render())
try:
    Report().render()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
print(NotImplementedError.__mro__[1].__name__)
