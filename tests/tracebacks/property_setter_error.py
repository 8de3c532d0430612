# traceback raised in a property setter
class Temp:
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError(f"{v} is below absolute zero")
        self._c = v
t = Temp()
t.c = 20
print(t.c)
t.c = -300
