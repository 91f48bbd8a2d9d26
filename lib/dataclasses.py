"""dataclasses, as CPython's Lib/dataclasses.py for what programs use:
@dataclass (init, repr, eq, order, frozen, unsafe_hash), field (default,
default_factory, init, repr, compare, hash), fields, asdict, astuple,
replace, is_dataclass, FrozenInstanceError, __post_init__. CPython builds
the methods with exec(); here they are closures over the field list."""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass',
           'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return "MISSING"


MISSING = _MISSING_TYPE()


class _InitVarMeta:
    def __getitem__(self, params):
        return self


InitVar = _InitVarMeta()


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type) +
                ",default=" + repr(self.default) + ",default_factory=" + repr(self.default_factory) +
                ",init=" + repr(self.init) + ",repr=" + repr(self.repr) + ",hash=" + repr(self.hash) +
                ",compare=" + repr(self.compare) + ",metadata=" + repr(self.metadata) +
                ",kw_only=" + repr(self.kw_only) + ",_field_type=_FIELD)")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("ClassVar") or annotation.startswith("typing.ClassVar")
    name = getattr(annotation, "_name", None)
    return name == "ClassVar" and type(annotation).__name__ == "_Alias"


def _is_initvar(annotation):
    return annotation is InitVar or (isinstance(annotation, str) and annotation.startswith("InitVar"))


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, "__dataclass_fields__", None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    initvars = []
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if _is_initvar(annotation):
            initvars.append(f)
            if f.default is MISSING and name in cls.__dict__:
                delattr(cls, name)
            continue
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError("mutable default " + str(type(f.default)) + " for field " + name +
                             " is not allowed: use default_factory")
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    field_list = list(fields.values())
    qualname = cls.__qualname__

    if init:
        init_fields = [f for f in field_list if f.init] + [f for f in initvars if f.init]
        positional = [f for f in init_fields if not f.kw_only]
        keyword_only = [f for f in init_fields if f.kw_only]
        seen_default = False
        for f in positional:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument " + repr_(f.name) + " follows default argument")
        _set_new_attribute(cls, "__init__",
                           _make_init(cls, qualname, positional, keyword_only, field_list, initvars, frozen))
    if repr:
        repr_fields = [f.name for f in field_list if f.repr]

        def __repr__(self):
            key = (id(self), "repr")
            if key in _repr_running:
                return "..."
            _repr_running.add(key)
            try:
                return (type(self).__qualname__ + "(" +
                        ", ".join(n + "=" + _repr(getattr(self, n)) for n in repr_fields) + ")")
            finally:
                _repr_running.discard(key)
        _set_new_attribute(cls, "__repr__", __repr__)
    compare_names = [f.name for f in field_list if f.compare]

    def astuple_of(self):
        return tuple(getattr(self, n) for n in compare_names)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return astuple_of(self) == astuple_of(other)
            return NotImplemented
        _set_new_attribute(cls, "__eq__", __eq__)
    if order:
        def make_order(op, name):
            def method(self, other):
                if other.__class__ is self.__class__:
                    return op(astuple_of(self), astuple_of(other))
                return NotImplemented
            method.__name__ = name
            return method
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__ +
                                ". Consider using functools.total_ordering")
            setattr(cls, name, make_order(op, name))
    if frozen:
        field_names = set(fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError("cannot assign to field " + repr_(name))
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError("cannot delete field " + repr_(name))
            object.__delattr__(self, name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    has_own_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    hash_names = [f.name for f in field_list if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in hash_names))
    if unsafe_hash:
        cls.__hash__ = __hash__
    elif eq and frozen:
        if not has_own_hash:
            cls.__hash__ = __hash__
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args:
        cls.__match_args__ = tuple(f.name for f in field_list if f.init and not f.kw_only)
    return cls


_repr_running = set()
repr_ = repr


def _repr(value):
    return repr_(value)


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    value.__qualname__ = cls.__qualname__ + "." + name
    setattr(cls, name, value)
    return False


def _make_init(cls, qualname, positional, keyword_only, all_fields, initvars, frozen):
    names = [f.name for f in positional]
    kwnames = [f.name for f in keyword_only]
    by_name = {f.name: f for f in positional + keyword_only}
    initvar_names = {f.name for f in initvars}
    no_init = [f for f in all_fields if not f.init]
    setter = object.__setattr__ if frozen else setattr
    fn_name = qualname + ".__init__()"
    required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])

    def __init__(self, *args, **kwargs):
        if len(args) > len(names):
            most = len(names) + 1
            if required == len(names):
                takes = str(most) + " positional argument" + ("" if most == 1 else "s")
            else:
                takes = "from " + str(required + 1) + " to " + str(most) + " positional arguments"
            raise TypeError(fn_name + " takes " + takes + " but " + str(len(args) + 1) +
                            (" was" if len(args) == 0 else " were") + " given")
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in by_name:
                raise TypeError(fn_name + " got an unexpected keyword argument " + repr_(key))
            if key in values:
                raise TypeError(fn_name + " got multiple values for argument " + repr_(key))
            values[key] = value
        missing = []
        for f in positional + keyword_only:
            if f.name in values:
                continue
            if f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing.append(f.name)
        if missing:
            kind = "keyword-only" if all(m in kwnames for m in missing) else "positional"
            if len(missing) == 1:
                listed = repr_(missing[0])
            else:
                listed = ", ".join(repr_(m) for m in missing[:-1]) + " and " + repr_(missing[-1])
            raise TypeError(fn_name + " missing " + str(len(missing)) + " required " + kind +
                            " argument" + ("s" if len(missing) > 1 else "") + ": " + listed)
        for f in positional + keyword_only:
            if f.name not in initvar_names:
                setter(self, f.name, values[f.name])
        for f in no_init:
            if f.default is not MISSING:
                setter(self, f.name, f.default)
            elif f.default_factory is not MISSING:
                setter(self, f.name, f.default_factory())
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init(*[values[n] for n in names + kwnames if n in initvar_names])
    return __init__


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    """Add dunder methods based on the fields defined in the class."""
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        fields = getattr(class_or_instance, "__dataclass_fields__")
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fields.values())


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, "__dataclass_fields__").values():
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, it cannot be specified with replace()")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    namespace = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = "typing.Any"
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            namespace[item[0]] = item[2]
    namespace["__annotations__"] = annotations
    cls = type(cls_name, bases or (object,), namespace)
    return dataclass(cls, **kwargs)
