# traceback through several method frames of different classes
class Engine:
    def start(self, fuel):
        return self.ignite(fuel)
    def ignite(self, fuel):
        return 100 / fuel
class Car:
    def __init__(self):
        self.engine = Engine()
    def drive(self):
        return self.engine.start(0)
Car().drive()
