# traceback raised while executing a class body
class Settings:
    DEBUG = True
    LEVEL = "high" + 1
