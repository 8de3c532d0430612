# AttributeError suggestion on a class object.
class Settings:
    verbose = False
    def reload(self):
        pass
Settings.verbos
