"""Plugin: upper-cases text, and counts its calls with a closure."""


def register(api):
    calls = 0

    def shout(text):
        nonlocal calls
        calls += 1
        return text.upper() + "!" * calls

    api.register_transform("shout", shout)
