# An uncaught ModuleNotFoundError.
print("before")
import no_such_module_here
print("not reached")
