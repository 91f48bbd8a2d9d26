# bank account simulation with dicts: deposits, withdrawals, transfers, errors and a ledger.
accounts = {}
ledger = []
def open_account(name, initial=0):
    if name in accounts:
        raise ValueError("account exists: " + name)
    accounts[name] = {"balance": initial, "history": []}
    ledger.append(("open", name, initial))
def deposit(name, amount):
    if amount <= 0:
        raise ValueError("deposit must be positive")
    accounts[name]["balance"] += amount
    accounts[name]["history"].append(amount)
    ledger.append(("deposit", name, amount))
def withdraw(name, amount):
    acct = accounts[name]
    if amount > acct["balance"]:
        raise ValueError(f"insufficient funds in {name}: {acct['balance']} < {amount}")
    acct["balance"] -= amount
    acct["history"].append(-amount)
    ledger.append(("withdraw", name, amount))
def transfer(src, dst, amount):
    withdraw(src, amount)
    try:
        deposit(dst, amount)
    except KeyError:
        deposit(src, amount)
        raise
open_account("alice", 100)
open_account("bob")
deposit("bob", 50)
withdraw("alice", 30)
transfer("alice", "bob", 20)
operations = [
    ("withdraw", "bob", 500),
    ("deposit", "alice", -5),
    ("transfer", "alice", "carol"),
    ("open", "bob", 0),
    ("withdraw", "dave", 1),
]
for op in operations:
    try:
        if op[0] == "withdraw":
            withdraw(op[1], op[2])
        elif op[0] == "deposit":
            deposit(op[1], op[2])
        elif op[0] == "transfer":
            transfer(op[1], op[2], 10)
        else:
            open_account(op[1], op[2])
    except ValueError as e:
        print("rejected:", e)
    except KeyError as e:
        print("no such account:", e)
for name, acct in accounts.items():
    print(f"{name:<6} balance {acct['balance']:>5} history {acct['history']}")
total = sum([a["balance"] for a in accounts.values()])
print("total money:", total)
for entry in ledger:
    print(entry)
rate = 0.05
for name in accounts:
    b = accounts[name]["balance"]
    print(name, "after interest:", f"{b * (1 + rate):.2f}")
