# raise X from Y, uncaught, with built-in exceptions only: the cause's own
# chain first, then "The above exception was the direct cause of the
# following exception:".
def parse_port(settings):
    try:
        return int(settings["port"])
    except KeyError as err:
        raise ValueError("port is not configured") from err

def load(settings):
    try:
        return parse_port(settings)
    except ValueError as err:
        raise RuntimeError("cannot load settings") from err

print(load({"port": "8080"}))
print(load({"host": "localhost"}))
