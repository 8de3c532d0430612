# Conditional expressions, nested; truthiness in conditions; if/elif/else ladders.
for n in range(-2, 16):
    print(n, "FizzBuzz" if n % 15 == 0 else "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else n)
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 10, 90, 80)])
x = None
print(x if x else "default", (x or "or-default"), [] or {} or 0 or "last")
print("yes" if [0] else "no", "yes" if 0.0 else "no", "yes" if "0" else "no")
