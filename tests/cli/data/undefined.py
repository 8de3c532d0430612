import sys

counter = 0


def bump():
    global total
    total = counter + 1
    return totl


class Box:
    size = 3
    area = size * size

    def grow(self):
        return size


try:
    missing_on_purpose
except NameError:
    pass
print(bump(), Box().area, len(sys.argv))
