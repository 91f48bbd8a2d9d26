# a recursive-descent calculator: tokenizer with string methods, parser with mutual recursion, errors.
def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " ":
            i += 1
        elif "0" <= ch <= "9" or ch == ".":
            j = i
            while j < len(text) and ("0" <= text[j] <= "9" or text[j] == "."):
                j += 1
            num = text[i:j]
            tokens.append(("num", float(num) if "." in num else int(num)))
            i = j
        elif ch in "+-*/()%":
            tokens.append(("op", ch))
            i += 1
        else:
            raise ValueError("bad character " + repr(ch) + " at " + str(i))
    tokens.append(("end", None))
    return tokens
state = {"tokens": [], "pos": 0}
def peek():
    return state["tokens"][state["pos"]]
def advance():
    tok = peek()
    state["pos"] += 1
    return tok
def expr():
    value = term()
    while peek() in [("op", "+"), ("op", "-")]:
        op = advance()[1]
        rhs = term()
        value = value + rhs if op == "+" else value - rhs
    return value
def term():
    value = factor()
    while peek() in [("op", "*"), ("op", "/"), ("op", "%")]:
        op = advance()[1]
        rhs = factor()
        if op == "*":
            value = value * rhs
        elif op == "/":
            value = value / rhs
        else:
            value = value % rhs
    return value
def factor():
    kind, val = advance()
    if kind == "num":
        return val
    if val == "-":
        return -factor()
    if val == "(":
        v = expr()
        if advance() != ("op", ")"):
            raise ValueError("expected )")
        return v
    raise ValueError("unexpected " + str(val))
def evaluate(text):
    state["tokens"] = tokenize(text)
    state["pos"] = 0
    v = expr()
    if peek()[0] != "end":
        raise ValueError("trailing input")
    return v
for text in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "7 % 3 - -2", "2 * (3 + 4) * 5", "1.5 * 4", "-(2 + 3)", "1 / 0", "2 +", "3 $ 4", "(1 + 2", "8 - 3 - 2"]:
    try:
        print(text, "=", evaluate(text))
    except ZeroDivisionError as e:
        print(text, "-> ZeroDivisionError:", e)
    except ValueError as e:
        print(text, "-> ValueError:", e)
print(tokenize("12+(3.5*4)"))
