# Literal patterns compare with ==, singletons with is; -0, complex and string concatenation.
for v in [1, 1.0, True, 0, False, 0.0, -0.0, None, "ab", 2j, -1.5]:
    match v:
        case True:
            r = "is True"
        case False:
            r = "is False"
        case None:
            r = "is None"
        case 1:
            r = "== 1"
        case 0:
            r = "== 0"
        case "a" "b":
            r = "concatenated string"
        case 2j:
            r = "imaginary"
        case -1.5:
            r = "negative float"
        case _:
            r = "nothing"
    print(repr(v), r)

class AlwaysEqual:
    def __eq__(self, other):
        return True
match AlwaysEqual():
    case None:
        print("None (should not happen)")
    case 42:
        print("== 42 because __eq__ always true")

match 5:
    case 1 - 3j:
        print("no")
    case -5 | 5:
        print("five-ish")
