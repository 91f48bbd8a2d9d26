# KeyError for a missing dict key, raised in a helper; the message is the key's repr.
prices = {"apple": 0.5, "pear": 0.75}
def cost(item, qty):
    return prices[item] * qty
print(cost("apple", 4))
print(cost("plum", 2))
