# An explicit raise of a built-in exception with a message, two frames deep.
def withdraw(balance, amount):
    if amount > balance:
        raise ValueError("insufficient funds: balance " + str(balance) + ", requested " + str(amount))
    return balance - amount
def run():
    b = withdraw(100, 30)
    print("balance", b)
    b = withdraw(b, 80)
    print("balance", b)
run()
