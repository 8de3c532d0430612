# traceback from a dict comprehension with a failing key function
words = ["a", "bb", None]
lengths = {w: len(w) for w in words}
