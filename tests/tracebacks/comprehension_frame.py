# traceback through nested comprehension frames
data = {"a": [1, 2], "b": [3, None]}
result = {k: [v * 2 for v in vs] for k, vs in data.items()}
print(result)
