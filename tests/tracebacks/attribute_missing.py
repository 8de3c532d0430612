# traceback for a missing attribute on an instance in a method
class Account:
    def __init__(self):
        self.balance = 10
    def report(self):
        return self.owner.name
Account().report()
