# a ledger with accounts, transactions, custom exceptions and reports
class InsufficientFunds(Exception):
    def __init__(self, acct, amount):
        super().__init__(f"{acct.name}: cannot withdraw {amount}, balance {acct.balance}")
class Account:
    _next = 1
    def __init__(self, name, balance=0):
        self.id = Account._next
        Account._next += 1
        self.name = name
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(self, amt)
        self.balance -= amt
        self.history.append(("wd", amt))
    def __repr__(self):
        return f"Account#{self.id}({self.name!r}, {self.balance})"
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, name, initial=0):
        a = Account(name, initial)
        self.accounts[name] = a
        return a
    def transfer(self, src, dst, amt):
        a, b = self.accounts[src], self.accounts[dst]
        a.withdraw(amt)
        b.deposit(amt)
    def report(self):
        for name in sorted(self.accounts):
            a = self.accounts[name]
            print(f"{a.name:<8}{a.balance:>8}  {len(a.history)} ops")
        print("total", sum(a.balance for a in self.accounts.values()))
bank = Bank()
for n, v in [("alice", 100), ("bob", 50), ("carol", 0)]:
    print(bank.open(n, v))
ops = [("alice", "bob", 30), ("bob", "carol", 100), ("carol", "alice", 0), ("dave", "bob", 1), ("bob", "carol", 80)]
for src, dst, amt in ops:
    try:
        bank.transfer(src, dst, amt)
        print("ok", src, "->", dst, amt)
    except InsufficientFunds as e:
        print("insufficient:", e)
    except ValueError as e:
        print("invalid:", e)
    except KeyError as e:
        print("unknown account", e)
bank.report()
