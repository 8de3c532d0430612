# unicode identifiers and attribute names
café = "coffee"
π = 3.14159
def größe(x):
    return x * 2
class Ünïcode:
    naïve = True
print(café, π, größe(2), Ünïcode.naïve, Ünïcode.__name__)
ñ = {"ключ": "значение"}
print(ñ["ключ"])
