# An uncaught TypeError from a bound that is not an integer, inside a larger expression.


def cut(text, at):
    return text.upper()[1:at].lower() + "!"


print(cut("hello", 3))
print(cut("hello", "3"))
