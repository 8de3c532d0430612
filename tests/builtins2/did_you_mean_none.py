# no suggestion when no candidate is close enough; long names; self attributes.
class A:
    def __init__(self):
        self.blech = 1
    def m(self):
        return blech
try:
    A().m()
except NameError as e:
    print(e)
abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz = 1
abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyZ
