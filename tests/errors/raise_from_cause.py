# raise X from Y, uncaught: the cause's traceback first, then "The above
# exception was the direct cause of the following exception:".
class SettingsError(Exception):
    pass

def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as err:
        raise SettingsError("port is not configured") from err

print(read_port({"port": "8080"}))
print(read_port({"host": "localhost"}))
