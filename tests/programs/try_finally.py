# try/finally: finally runs on normal exit, on exceptions, on return, break and continue.
def normal():
    try:
        print("body")
    finally:
        print("finally after body")
normal()
def with_return():
    try:
        return "returned"
    finally:
        print("finally before return completes")
print(with_return())
def caught():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally runs during propagation")
    except KeyError as e:
        print("caught", e)
caught()
def except_and_finally(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("handled zero")
        r = -1
    finally:
        print("cleanup for", x)
    return r
print(except_and_finally(2), except_and_finally(0))
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("loop body", i)
    finally:
        print("loop finally", i)
def override():
    try:
        return 1
    finally:
        return 2
print(override())
log = []
def nested_finally():
    try:
        try:
            log.append("inner try")
            return "value"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(nested_finally(), log)
def finally_order():
    out = []
    for i in range(3):
        try:
            out.append("try " + str(i))
            if i == 1:
                break
        finally:
            out.append("finally " + str(i))
    return out
print(finally_order())
counter = 0
while counter < 2:
    try:
        counter += 1
    finally:
        print("while finally", counter)
def error_in_handler():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("from handler")
        finally:
            print("finally still runs")
    except ValueError as e:
        print("outer got", e)
error_in_handler()
