# Bank simulation: accounts, transfers, custom exceptions, transaction log and a statement.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, acct, amount):
        super().__init__(f"{acct.owner} cannot withdraw {amount:.2f} (balance {acct.balance:.2f})")
class UnknownAccount(BankError):
    pass
class Account:
    next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.owner, self.balance = owner, balance
        self.id = Account.next_id
        Account.next_id += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self.balance:.2f})"
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, initial=0.0):
        a = Account(owner, initial)
        self.accounts[a.id] = a
        return a.id
    def get(self, aid):
        try:
            return self.accounts[aid]
        except KeyError:
            raise UnknownAccount(f"no account {aid}") from None
    def transfer(self, src, dst, amount):
        a, b = self.get(src), self.get(dst)
        a.withdraw(amount)
        b.deposit(amount)
bank = Bank()
alice = bank.open("alice", 100)
bob = bank.open("bob")
ops = [("transfer", alice, bob, 30), ("transfer", bob, alice, 50), ("deposit", bob, -5),
       ("transfer", alice, 9999, 1), ("deposit", bob, 20.5), ("transfer", bob, alice, 50.5)]
for op in ops:
    try:
        if op[0] == "transfer":
            bank.transfer(*op[1:])
        else:
            bank.get(op[1]).deposit(op[2])
        print("ok   ", op)
    except BankError as e:
        print("error", type(e).__name__, e)
    except ValueError as e:
        print("value", e)
for aid, acct in bank.accounts.items():
    print(acct, acct.history)
print(f"total {sum(a.balance for a in bank.accounts.values()):.2f}")
