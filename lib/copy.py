"""Shallow and deep copy operations, as CPython's Lib/copy.py: copy()
and deepcopy() with the memo, __copy__ and __deepcopy__, and instances
copied through their __dict__ (MiniPy has no __reduce_ex__)."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len),
           type(lambda: None))


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, BaseException):
        return _copy_instance(x, cls)
    return _copy_instance(x, cls)


def _new_instance(cls, x):
    if issubclass(cls, tuple):
        return cls.__new__(cls, *tuple(x)) if hasattr(cls, "_fields") else tuple.__new__(cls, x)
    if issubclass(cls, list):
        y = list.__new__(cls)
        y.extend(x)
        return y
    if issubclass(cls, dict):
        y = dict.__new__(cls)
        dict.update(y, x)
        return y
    if issubclass(cls, BaseException):
        return cls(*x.args)
    return object.__new__(cls)


def _copy_instance(x, cls):
    y = _new_instance(cls, x)
    state = getattr(x, "__dict__", None)
    if state:
        if hasattr(y, "__setstate__"):
            y.__setstate__(dict(state))
        else:
            y.__dict__.update(state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        _keep_alive(x, memo)
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if cls is dict:
        y = {}
        memo[d] = y
        _keep_alive(x, memo)
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
        return y
    if cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # A tuple that contained itself was copied meanwhile.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
        memo[d] = y
        _keep_alive(x, memo)
        return y
    copier = getattr(x, "__deepcopy__", None)
    if copier is not None:
        y = copier(memo)
    else:
        y = _deepcopy_instance(x, cls, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_instance(x, cls, memo):
    if issubclass(cls, tuple):
        items = [deepcopy(a, memo) for a in x]
        y = cls.__new__(cls, *items) if hasattr(cls, "_fields") else tuple.__new__(cls, items)
        memo[id(x)] = y
    elif issubclass(cls, list):
        y = list.__new__(cls)
        memo[id(x)] = y
        y.extend(deepcopy(a, memo) for a in x)
    elif issubclass(cls, dict):
        y = dict.__new__(cls)
        memo[id(x)] = y
        for key, value in x.items():
            dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
    elif issubclass(cls, BaseException):
        y = cls(*deepcopy(x.args, memo))
        memo[id(x)] = y
    else:
        y = object.__new__(cls)
        memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        state = deepcopy(dict(state), memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
