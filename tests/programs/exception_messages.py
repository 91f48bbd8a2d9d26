# the exact messages of the errors the runtime raises itself (CPython 3.11 wording).
nothing = None
def show(label, thunk):
    try:
        thunk()
        print(label, "-> no error")
    except (ZeroDivisionError, NameError, TypeError, IndexError, KeyError) as e:
        print(label, "->", e)
    except (ValueError, AttributeError, OverflowError, AssertionError) as e:
        print(label, "->", e)
show("1/0", lambda: 1 / 0)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("1.0/0", lambda: 1.0 / 0)
show("1.0//0.0", lambda: 1.0 // 0.0)
show("5%0.0", lambda: 5 % 0.0)
show("divmod(1,0)", lambda: divmod(1, 0))
show("name", lambda: undefined_variable)
show("str+int", lambda: "a" + 1)
show("int+str", lambda: 1 + "a")
show("list+tuple", lambda: [1] + (2,))
show("[][0]", lambda: [][0])
show("()[5]", lambda: ()[5])
show("''[0]", lambda: ""[0])
show("[1][-2]", lambda: [1][-2])
show("{}['k']", lambda: {}["k"])
show("{}[7]", lambda: {}[7])
show("{}[(1,2)]", lambda: {}[(1, 2)])
show("int('x')", lambda: int("x"))
show("int('')", lambda: int(""))
show("int('1.5')", lambda: int("1.5"))
show("float('abc')", lambda: float("abc"))
show("[].pop()", lambda: [].pop())
show("[1].pop(5)", lambda: [1].pop(5))
show("[1,2].index(5)", lambda: [1, 2].index(5))
show("{}.pop('x')", lambda: {}.pop("x"))
show("attr", lambda: "abc".nope)  # subset-ok
show("list attr", lambda: [].push(1))  # subset-ok
show("int attr", lambda: (5).real_part)  # subset-ok
show("len(5)", lambda: len(5))
five = 5
text = "f"
show("call int", lambda: five())
show("call str", lambda: text())
pair = [1, 2]
key = "a"
show("index by str", lambda: pair[key])
show("str index by str", lambda: text[key])
show("str*str", lambda: "a" * "b")
show("unary minus str", lambda: -"a")
show("str<int", lambda: "a" < 1)
show("list<int", lambda: [1] < 2)
show("int in int", lambda: 1 in 5)
show("iterate int", lambda: list(5))
show("ord('ab')", lambda: ord("ab"))
show("hex(1.5)", lambda: hex(1.5))
show("int(inf)", lambda: int(float("inf")))
show("int(nan)", lambda: int(float("nan")))
show("none+1", lambda: None + 1)
show("None()", lambda: nothing())
