"""A small bank: accounts as classes, custom exceptions, and a transaction log.

Runs a fixed list of operations, reports the ones that fail, prints statements,
and finally attempts an overdraft that is not caught (so it ends with a traceback
and exit status 1, like a real bug would).
"""


class BankError(Exception):
    """Base class of every error the bank reports."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(account.owner, amount)
        self.account = account
        self.amount = amount

    def __str__(self):
        return (f"{self.account.owner} tried to withdraw {self.amount:.2f} "
                f"but has only {self.account.balance:.2f}")


class AccountClosed(BankError):
    pass


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.open = True
        self.log = []

    def _check(self):
        if not self.open:
            raise AccountClosed(f"account of {self.owner} is closed")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount}")
        self.balance += amount
        self.log.append(f"+{amount:.2f}")

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.log.append(f"-{amount:.2f}")

    def close(self):
        self.open = False

    def __repr__(self):
        return f"<Account {self.owner}: {self.balance:.2f}>"


class SavingsAccount(Account):
    rate = 0.02

    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest


def transfer(src, dst, amount):
    src.withdraw(amount)
    try:
        dst.deposit(amount)
    except BankError:
        src.deposit(amount)  # roll back
        raise


alice = Account("alice", 100)
bob = SavingsAccount("bob", 250)
carol = Account("carol")

operations = [
    ("transfer", alice, bob, 40),
    ("transfer", carol, alice, 10),
    ("deposit", carol, 0),
    ("interest", bob),
    ("close", carol),
    ("transfer", bob, carol, 5),
    ("transfer", bob, alice, 100.5),
]
for op in operations:
    name = op[0]
    try:
        if name == "transfer":
            transfer(*op[1:])
        elif name == "deposit":
            op[1].deposit(op[2])
        elif name == "interest":
            print(f"interest paid to bob: {op[1].add_interest():.2f}")
        elif name == "close":
            op[1].close()
        print(f"ok:     {name} {op[1].owner}")
    except BankError as e:
        print(f"failed: {name}: {type(e).__name__}: {e}")
    except ValueError as e:
        print(f"failed: {name}: {e}")

for acct in (alice, bob, carol):
    print(acct, " ".join(acct.log) or "(no transactions)")

total = sum(a.balance for a in (alice, bob, carol))
print(f"total held: {total:.2f}")
alice.withdraw(1000)
