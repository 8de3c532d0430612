# match on dotted constants, nested data from a list of events, guard ordering.
class Color:
    RED = "red"
    GREEN = "green"
events = [("click", 10, 20), ("key", "a"), ("key", "Enter"), ("scroll", -3), ("color", "red"), ("color", "blue"), ("quit",)]
for ev in events:
    match ev:
        case ("click", x, y) if x > y:
            print("click right-of-diagonal", x, y)
        case ("click", x, y):
            print("click", x, y)
        case ("key", "Enter"):
            print("enter pressed")
        case ("key", k):
            print("key", k)
        case ("scroll", int(d)) if d < 0:
            print("scroll up", -d)
        case ("color", Color.RED):
            print("red!")
        case ("color", other):
            print("color", other)
        case ("quit",):
            print("quit")
