# lists as stacks and queues: bracket matching, RPN calculator, BFS order, undo stack.
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}{", "a(b)c[d]"]:
    print(repr(s), balanced(s))
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ["+", "-", "*", "/"]:
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                stack.append(a / b)
        else:
            stack.append(int(tok))
    return stack.pop()
print(rpn("3 4 +"), rpn("5 1 2 + 4 * + 3 -"), rpn("2 3 4 * +"), rpn("10 4 /"))
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
queue = ["a"]
seen = {"a": True}
order = []
while queue:
    node = queue.pop(0)
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen[nxt] = True
            queue.append(nxt)
print("bfs", order)
stack = ["a"]
seen = {}
order = []
while stack:
    node = stack.pop()
    if node in seen:
        continue
    seen[node] = True
    order.append(node)
    for nxt in reversed(graph[node]):
        stack.append(nxt)
print("dfs", order)
text = []
undo = []
for action in ["type h", "type i", "type !", "undo", "type ?", "undo", "undo"]:
    parts = action.split()
    kind, arg = parts[0], parts[-1]
    if kind == "type":
        text.append(arg)
        undo.append(arg)
    else:
        undo.pop()
        text.pop()
    print(action, "->", "".join(text))
