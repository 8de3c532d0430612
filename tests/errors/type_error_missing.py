# Uncaught TypeError: missing 1 required positional argument (method of class).
class Greeter:
    def greet(self, name, greeting):
        return f"{greeting}, {name}"
g = Greeter()
print(g.greet("A", "Hi"))
print(g.greet("B"))
