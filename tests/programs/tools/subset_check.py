#!/usr/bin/env python3
"""Checks that MiniPy test programs stay inside the MiniPy subset of Python 3.

Usage: subset_check.py FILE.py...   (exit status 1 when a file leaves the subset)

Two checks per file:
  1. static: walks the AST and flags every construct, builtin, method or format
     spec that MiniPy does not support (classes, sets, generators, ...);
  2. dynamic (skipped for files whose first line is '# minipy-only'): runs the
     program under CPython with every int-producing expression and every
     variable checked against the int64 range MiniPy uses, because CPython's
     big ints would hide an overflow that MiniPy reports.
This is a developer aid: the CTest families do not need it.
"""
import ast
import io
import os
import sys

BUILTINS = {
    "print", "len", "range", "str", "int", "float", "bool", "abs", "min", "max",
    "sum", "sorted", "reversed", "enumerate", "zip", "isinstance", "repr",
    "list", "tuple", "dict", "round", "divmod", "ord", "chr", "hex",
    "True", "False", "None",
    # generators and iteration
    "next", "iter", "StopIteration", "GeneratorExit",
    "ZeroDivisionError", "NameError", "TypeError", "IndexError", "KeyError",
    "ValueError", "AttributeError", "OverflowError", "RecursionError",
    "AssertionError", "RuntimeError", "UnboundLocalError", "type", "all", "any",
    # bytes and the codecs
    "bytes", "LookupError", "UnicodeError", "UnicodeDecodeError",
    "UnicodeEncodeError",
    # sets (built by calls: the {1, 2} syntax is not in the subset yet)
    "set", "frozenset", "hash",
}
METHODS = {
    # str
    "join", "split", "strip", "upper", "lower", "startswith", "endswith",
    "replace", "find", "format",
    # list
    "append", "pop", "insert", "extend", "index", "sort", "reverse",
    # dict
    "get", "keys", "values", "items", "setdefault",
    # bytes (and str.encode)
    "decode", "encode", "hex", "fromhex", "count", "rfind", "rindex",
    "lstrip", "rstrip", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
    "islower",
    # UnicodeDecodeError / UnicodeEncodeError attributes
    "encoding", "object", "start", "end", "reason",
    # set and frozenset
    "add", "discard", "remove", "clear", "copy", "update", "union", "intersection",
    "difference", "symmetric_difference", "intersection_update", "difference_update",
    "symmetric_difference_update", "issubset", "issuperset", "isdisjoint",
    # modules
    "sleep", "perf_counter", "monotonic", "exit",
}
MODULE_ATTRS = {"argv"}
# Attributes of functions, cells and exceptions that MiniPy has.
OBJECT_ATTRS = {"__name__", "__qualname__", "__closure__", "cell_contents",
                "__defaults__", "__kwdefaults__", "__cause__", "__context__",
                "__suppress_context__"}
SPECS = {"d"}


def spec_ok(spec):
    if spec in SPECS:
        return True
    if spec.startswith(".") and spec.endswith("f") and spec[1:-1].isdigit():
        return True
    if spec[:1] in "<>" and spec[1:].isdigit():
        return True
    return False


class Checker(ast.NodeVisitor):
    def __init__(self, path, source):
        self.path = path
        self.lines = source.splitlines()
        self.problems = []
        self.defined = set()

    def bad(self, node, what):
        line = getattr(node, "lineno", 0)
        if line and "# subset-ok" in self.lines[line - 1]:
            return
        self.problems.append(f"{self.path}:{getattr(node, 'lineno', '?')}: {what}")

    def generic_visit(self, node):
        # Generators (yield, yield from, generator expressions) are inside.
        banned = (ast.ClassDef, ast.Set, ast.SetComp, ast.With, ast.AsyncWith, ast.AsyncFor,
                  ast.AsyncFunctionDef, ast.Await,
                  ast.ImportFrom, ast.NamedExpr, ast.Match, ast.AnnAssign,
                  ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift,
                  ast.Invert, ast.MatMult, ast.UAdd)
        if isinstance(node, banned):
            self.bad(node, f"{type(node).__name__} is outside the subset")
        super().generic_visit(node)

    def visit_Constant(self, node):
        if isinstance(node.value, complex) or node.value is Ellipsis:
            self.bad(node, "constant type outside the subset")
        if isinstance(node.value, str) and not node.value.isascii():
            self.bad(node, "non-ASCII string")
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            if not -2**63 <= node.value < 2**63:
                self.bad(node, "int literal beyond int64")

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name not in ("time", "sys") or alias.asname:
                self.bad(node, f"import {alias.name}")

    def visit_Try(self, node):
        if node.orelse:
            self.bad(node, "try/else")
        for h in node.handlers:
            if h.type is None:
                self.bad(h, "bare except")
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        # *args, **kwargs, keyword-only and positional-only parameters and
        # decorators are in the subset; annotations are not.
        if node.returns or any(a.annotation for a in ast.walk(node.args) if isinstance(a, ast.arg)):
            self.bad(node, "annotations")
        self.generic_visit(node)

    def visit_BinOp(self, node):
        if isinstance(node.op, ast.Mod) and isinstance(node.left, (ast.Constant, ast.JoinedStr)) \
                and isinstance(getattr(node.left, "value", None), str):
            self.bad(node, "% string formatting")
        self.generic_visit(node)

    def visit_FormattedValue(self, node):
        if node.conversion != -1:
            self.bad(node, "f-string conversion (!r/!s)")
        if node.format_spec is not None:
            parts = node.format_spec.values
            if len(parts) != 1 or not isinstance(parts[0], ast.Constant) or not spec_ok(parts[0].value):
                self.bad(node, "f-string spec outside d, .Nf, >N, <N")
        self.generic_visit(node)

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, ast.Attribute):
            if f.attr not in METHODS:
                self.bad(node, f"method .{f.attr}() outside the subset")
            if f.attr == "format" and isinstance(f.value, ast.Constant):
                self._check_format_string(node, f.value.value)
        self.generic_visit(node)

    def _check_format_string(self, node, text):
        import string
        for _, field, spec, conv in string.Formatter().parse(text):
            if field is None:
                continue
            if conv:
                self.bad(node, "str.format conversion")
            if field and not field.isdigit():
                self.bad(node, f"str.format field {field!r}")
            if spec and not spec_ok(spec):
                self.bad(node, f"str.format spec {spec!r}")

    def visit_Attribute(self, node):
        if isinstance(node.ctx, ast.Del):
            self.bad(node, "attribute deletion")
        # Storing is how a program sets a function's attributes (f.calls = 0).
        if isinstance(node.ctx, ast.Store):
            self.generic_visit(node)
            return
        if node.attr not in METHODS and node.attr not in MODULE_ATTRS and node.attr not in OBJECT_ATTRS:
            self.bad(node, f"attribute .{node.attr} outside the subset")
        self.generic_visit(node)

    def visit_Name(self, node):
        import builtins
        if isinstance(node.ctx, ast.Load) and hasattr(builtins, node.id) and node.id not in BUILTINS:
            self.bad(node, f"builtin {node.id} outside the subset")
        self.generic_visit(node)


INT_MIN, INT_MAX = -2**63, 2**63 - 1


class Int64Guard(ast.NodeTransformer):
    """Wraps every BinOp, UnaryOp and Call in __chk__(...)."""

    def _wrap(self, node):
        self.generic_visit(node)
        return ast.copy_location(
            ast.Call(func=ast.Name("__chk__", ast.Load()), args=[node], keywords=[]), node)

    visit_BinOp = _wrap
    visit_UnaryOp = _wrap
    visit_Call = _wrap


def check_value(v, where="expression"):
    if isinstance(v, bool):
        return v
    if isinstance(v, int) and not INT_MIN <= v <= INT_MAX:
        raise SystemError(f"int64 overflow in {where}: {v}")
    if isinstance(v, (list, tuple)):
        for x in v[:1000]:
            if isinstance(x, int) and not isinstance(x, bool) and not INT_MIN <= x <= INT_MAX:
                raise SystemError(f"int64 overflow in container: {x}")
    return v


def run_guarded(path, source):
    tree = Int64Guard().visit(ast.parse(source, path))
    ast.fix_missing_locations(tree)
    code = compile(tree, path, "exec")

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == path:
            for name, v in list(frame.f_locals.items()):
                if not name.startswith("__"):
                    check_value(v, f"variable {name} (line {frame.f_lineno})")
        return tracer

    g = {"__name__": "__main__", "__chk__": check_value, "__file__": path}
    old_stdout = sys.stdout
    sys.stdout = io.StringIO()
    sys.settrace(tracer)
    try:
        exec(code, g)
    except SystemError as e:
        return str(e)
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        sys.stdout = old_stdout
    return None


def main(paths):
    failed = False
    for path in paths:
        path = os.path.abspath(path)
        with open(path) as f:
            source = f.read()
        checker = Checker(path, source)
        checker.visit(ast.parse(source, path))
        problems = checker.problems
        if not source.startswith("# minipy-only"):
            err = run_guarded(path, source)
            if err:
                problems.append(f"{path}: {err}")
        for p in problems:
            print(p)
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
