"""typing, reduced to what annotated programs need at run time: every name
is a placeholder that can be subscripted (List[int], Dict[str, int],
Optional[X], Callable[[int], str]) and compared, plus TypeVar, Generic,
NamedTuple, cast, overload, TYPE_CHECKING. No checking happens at run time,
as in CPython."""

import collections as _collections

TYPE_CHECKING = False

__all__ = ["Any", "AnyStr", "Callable", "ClassVar", "Dict", "Final", "FrozenSet",
           "Generator", "Generic", "Hashable", "Iterable", "Iterator", "List",
           "Literal", "Mapping", "MutableMapping", "MutableSequence", "MutableSet",
           "NamedTuple", "NoReturn", "Optional", "Protocol", "Sequence", "Set",
           "Sized", "Tuple", "Type", "TypeVar", "Union", "cast", "overload",
           "TYPE_CHECKING", "Deque", "DefaultDict", "Counter", "OrderedDict",
           "Awaitable", "Coroutine", "AsyncIterator", "Collection", "Container",
           "Reversible", "SupportsInt", "SupportsFloat", "Text", "TypedDict",
           "get_type_hints", "no_type_check", "final", "runtime_checkable"]


class _Alias:
    """A subscripted form (List[int]) or a bare special form (Any)."""

    def __init__(self, name, origin=None, args=()):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, self.__origin__ if self.__origin__ is not None else self, params)

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, type):
            return origin(*args, **kwargs)
        raise TypeError("Cannot instantiate typing." + self._name)

    def __repr__(self):
        if not self.__args__:
            return "typing." + self._name
        return "typing." + self._name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        return (self.__origin__,) if isinstance(self.__origin__, type) else ()


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    if obj is None or obj is type(None):
        return "None"
    return repr(obj)


Any = _Alias("Any")
NoReturn = _Alias("NoReturn")
ClassVar = _Alias("ClassVar")
Final = _Alias("Final")
Literal = _Alias("Literal")
Union = _Alias("Union")
Optional = _Alias("Optional")
List = _Alias("List", list)
Dict = _Alias("Dict", dict)
Set = _Alias("Set", set)
FrozenSet = _Alias("FrozenSet", frozenset)
Tuple = _Alias("Tuple", tuple)
Type = _Alias("Type", type)
Callable = _Alias("Callable")
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
MutableSequence = _Alias("MutableSequence")
Mapping = _Alias("Mapping")
MutableMapping = _Alias("MutableMapping")
MutableSet = _Alias("MutableSet")
AbstractSet = _Alias("AbstractSet")
Collection = _Alias("Collection")
Container = _Alias("Container")
Reversible = _Alias("Reversible")
Hashable = _Alias("Hashable")
Sized = _Alias("Sized")
Awaitable = _Alias("Awaitable")
Coroutine = _Alias("Coroutine")
AsyncIterator = _Alias("AsyncIterator")
SupportsInt = _Alias("SupportsInt")
SupportsFloat = _Alias("SupportsFloat")
Deque = _Alias("Deque", _collections.deque)
DefaultDict = _Alias("DefaultDict", _collections.defaultdict)
OrderedDict = _Alias("OrderedDict", _collections.OrderedDict)
Counter = _Alias("Counter", _collections.Counter)
ChainMap = _Alias("ChainMap", _collections.ChainMap)
Text = str
AnyStr = _Alias("AnyStr")


class TypeVar:
    """Type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class Generic:
    """Abstract base class for generic types: class Box(Generic[T])."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class for protocol classes."""


def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, "__annotations__", {}))


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: NamedTuple('P', [('x', int), ('y', int)])."""
    if fields is None:
        fields = kwargs.items()
    names = [n for n, t in fields]
    return _collections.namedtuple(typename, names)


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with typed keys; at run time a plain dict."""
    return dict


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type
