# Uncaught IndexError: list index out of range, through two frames.
def get(lst, i):
    return lst[i]
def main():
    data = [1, 2, 3]
    print(get(data, 2))
    print(get(data, 3))
main()
