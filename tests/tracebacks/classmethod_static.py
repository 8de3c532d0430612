# traceback through classmethod and staticmethod frames
class Factory:
    @staticmethod
    def validate(v):
        if v < 0:
            raise ValueError("negative")
        return v
    @classmethod
    def build(cls, v):
        return cls.validate(v)
print(Factory.build(1))
Factory.build(-1)
