"""Plugin: a class-based transform; fails on empty input to show exceptions crossing
from interpreted plugin code into the compiled host."""


class Stats:
    def __init__(self, api):
        self.api = api

    def __call__(self, text):
        words = self.api.words(text)
        longest = max(words, key=len)  # ValueError on empty input
        return f"{len(words)} words, longest {longest!r}, mean length {sum(map(len, words)) / len(words):.2f}"


def register(api):
    api.register_transform("stats", Stats(api))
