# NameError inside a method suggests self.attr (3.11 does not; checks exact rule).
class Foo:
    def __init__(self):
        self.value = 3
    def get(self):
        return valeu
Foo().get()
