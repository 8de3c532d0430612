"""Plugin: reverses the words, using the host's `words` service and a generator."""


def backwards(items):
    for i in range(len(items) - 1, -1, -1):
        yield items[i]


def register(api):
    api.register_transform("reverse", lambda text: " ".join(backwards(api.words(text))))
    api.log("reverse plugin says hello")
