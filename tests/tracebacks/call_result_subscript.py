# markers when subscripting a call result fails
def get():
    return {"a": [1, 2]}
print(get()["a"][1])
print(get()["b"][0])
