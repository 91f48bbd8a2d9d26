// The registry of containers (gc.h): every container is registered exactly
// once while it lives, tp_traverse visits exactly what it holds, tp_clear
// breaks cycles, the trashcan frees deep chains, and a dying runtime frees
// its cycles.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/set.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

// How many times [o] is in [rt]'s registry.
int times_registered(Runtime& rt, const Obj* o) {
  int n = 0;
  rt.objects.for_each([&](GcObj* g) { n += static_cast<const Obj*>(g) == o; });
  return n;
}

// The registry's length, walked.
size_t walked(Runtime& rt) {
  size_t n = 0;
  rt.objects.for_each([&](GcObj*) { ++n; });
  return n;
}

// What gc_traverse visits in [v], in order.
std::vector<const Obj*> referents(Runtime& rt, const Value& v) {
  std::vector<const Obj*> seen;
  gc_traverse(
      rt.types, v.as_obj(),
      [](const Value& r, void* arg) { static_cast<std::vector<const Obj*>*>(arg)->push_back(r.as_obj()); }, &seen);
  return seen;
}

struct RegistryTest : ::testing::Test {
  Runtime rt{RuntimeConfig{}};
  ThreadState ts{rt};
  Value str(const char* s) { return make_str(s); }
};

// One of each kind of container, with the objects each holds.
struct Made {
  Value value;
  std::vector<Value> holds;
};

std::vector<Made> one_of_each(RegistryTest& f) {
  Runtime& rt = f.rt;
  std::vector<Made> made;
  Value a = f.str("a"), b = f.str("b"), c = f.str("c"), d = f.str("d");
  made.push_back({make_list(rt, {a, Value::integer(1), b}), {a, b}});
  made.push_back({make_tuple(rt, {c, Value::none()}), {c}});
  Value dict = make<ObjDict>(rt);
  dict_set(f.ts, as<ObjDict>(dict), a, b);
  dict_set(f.ts, as<ObjDict>(dict), Value::integer(3), c);
  made.push_back({dict, {a, b, c}});
  made.push_back({make<ObjDictView>(rt, dict, ObjDictView::Which::Items), {dict}});
  made.push_back({make<ObjIterator>(rt, ObjIterator::Over::Sequence, made[0].value), {made[0].value}});
  Value fn = make<ObjFunction>(rt);
  as<ObjFunction>(fn)->defaults = {d, Value::integer(2)};
  made.push_back({fn, {d}});
  // A closure: every field of a function that holds a value.
  Value closure = make<ObjFunction>(rt);
  {
    auto* g = as<ObjFunction>(closure);
    Value free_cell = make<ObjCell>(rt);
    as<ObjCell>(free_cell)->value = c;
    g->closure = make_tuple(rt, {free_cell});
    g->kwdefaults = make<ObjDict>(rt);
    dict_set(f.ts, as<ObjDict>(g->kwdefaults), a, Value::integer(5));
    g->name = a;
    g->qualname = b;
    g->attrs = make<ObjDict>(rt);
    made.push_back({closure, {g->closure, g->kwdefaults, a, b, g->attrs}});
  }
  made.push_back({make<ObjBoundMethod>(rt, a, fn), {a, fn}});
  Value cell = make<ObjCell>(rt);
  as<ObjCell>(cell)->value = b;
  made.push_back({cell, {b}});
  Value exc = make<ObjException>(rt, rt.types.ValueError);
  as<ObjException>(exc)->args = make_tuple(rt, {a});
  as<ObjException>(exc)->context = made[1].value;
  Value cause = make<ObjException>(rt, rt.types.KeyError);
  as<ObjException>(exc)->cause = cause;
  made.push_back({exc, {as<ObjException>(exc)->args, made[1].value, cause}});
  Value module = make<ObjModule>(rt, "m");
  as<ObjModule>(module)->attrs.emplace_back(rt.intern("x"), c);
  made.push_back({module, {c}});
  made.push_back({make<ObjSlice>(rt, Value::integer(1), a, Value::none()), {a}});
  Value idict = make<ObjDict>(rt);
  made.push_back({make<ObjInstance>(rt, rt.types.object, idict), {idict}});
  made.push_back({make<ObjStaticMethod>(rt, rt.types.staticmethod, fn), {fn}});
  made.push_back({make<ObjClassMethod>(rt, rt.types.classmethod, fn), {fn}});
  Value prop = make<ObjProperty>(rt, rt.types.property);
  as<ObjProperty>(prop)->fget = fn;
  as<ObjProperty>(prop)->fset = Value::none();
  as<ObjProperty>(prop)->doc = d;
  made.push_back({prop, {fn, d}});
  made.push_back({make<ObjSuper>(rt, rt.types.super, rt.types.object, made[0].value, rt.types.list),
                  {made[0].value}});
  Value set = make_set(f.ts, {a, Value::integer(7), made[1].value});
  made.push_back({set, {a, made[1].value}});
  made.push_back({make_frozenset(f.ts, {b, c}), {b, c}});
  made.push_back({get_iter(f.ts, set), {set}});
  return made;
}

TEST_F(RegistryTest, EveryContainerIsRegisteredOnceAndUnregisteredWhenFreed) {
  size_t before = rt.objects.count;
  EXPECT_EQ(walked(rt), before);
  {
    std::vector<Made> made = one_of_each(*this);
    // Seven more, reachable only from the others: the dict of the instance,
    // the args tuple and the cause of the exception, and the closure's
    // cell, tuple, kwdefaults and attrs.
    EXPECT_EQ(rt.objects.count, before + made.size() + 7);
    EXPECT_EQ(walked(rt), rt.objects.count);
    for (const Made& m : made) {
      ASSERT_TRUE(m.value.as_obj()->is_container);
      EXPECT_EQ(times_registered(rt, m.value.as_obj()), 1);
      EXPECT_EQ(static_cast<GcObj*>(m.value.as_obj())->registry, &rt.objects);
    }
    // Objects that hold no references are not registered.
    Value s = make_str("text"), r = make<ObjRange>(rt, 0, 3, 1), bytes = make_bytes("xy");
    for (const Value* v : {&s, &r, &bytes}) {
      EXPECT_FALSE(v->as_obj()->is_container);
      EXPECT_EQ(times_registered(rt, v->as_obj()), 0);
    }
    EXPECT_EQ(rt.objects.count, before + made.size() + 7);
  }
  EXPECT_EQ(rt.objects.count, before);
  EXPECT_EQ(walked(rt), before);
}

TEST_F(RegistryTest, ProgramsRegisterWhatTheyMakeAndUnregisterWhatTheyFree) {
  size_t before = rt.objects.count;
  {
    Value l = make_list(ts);
    for (int i = 0; i < 1000; ++i) as<ObjList>(l)->items.push_back(make_tuple(ts, {make_list(ts), make<ObjDict>(ts)}));
    EXPECT_EQ(rt.objects.count, before + 1 + 3000);
    as<ObjList>(l)->items.resize(10);
    EXPECT_EQ(rt.objects.count, before + 1 + 30);
    EXPECT_EQ(walked(rt), rt.objects.count);
  }
  EXPECT_EQ(rt.objects.count, before);
}

TEST_F(RegistryTest, TraverseVisitsExactlyWhatEachContainerHolds) {
  std::vector<Made> made = one_of_each(*this);
  for (const Made& m : made) {
    std::vector<const Obj*> expected;
    for (const Value& v : m.holds) expected.push_back(v.as_obj());
    std::vector<const Obj*> seen = referents(rt, m.value);
    std::sort(expected.begin(), expected.end());
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, expected) << "kind " << static_cast<int>(m.value.as_obj()->kind);
  }
}

TEST_F(RegistryTest, ClearDropsWhatEachContainerHolds) {
  std::vector<Made> made = one_of_each(*this);
  for (const Made& m : made) {
    gc_clear(rt.types, m.value.as_obj());
    std::vector<const Obj*> seen = referents(rt, m.value);
    auto kind = m.value.as_obj()->kind;
    // An exception keeps its args tuple and an instance its (now empty)
    // __dict__: both are containers, cleared on their own.
    if (kind == ObjKind::Exception || kind == ObjKind::Instance)
      EXPECT_LE(seen.size(), 1u);
    else
      EXPECT_TRUE(seen.empty()) << "kind " << static_cast<int>(kind);
  }
}

TEST_F(RegistryTest, ClearBreaksSelfCycles) {
  size_t before = rt.objects.count;
  std::vector<Obj*> cycles;
  {
    Value l = make_list(ts);
    as<ObjList>(l)->items.push_back(l);
    Value d = make<ObjDict>(ts);
    dict_set(ts, as<ObjDict>(d), make_str("self"), d);
    Value inst = make<ObjInstance>(ts, rt.types.object, make<ObjDict>(ts));
    dict_set_str(as<ObjDict>(as<ObjInstance>(inst)->dict), rt.intern("me"), inst);
    Value t = make_tuple(ts, {make_list(ts)});
    as<ObjList>(as<ObjTuple>(t)->items[0])->items.push_back(t);
    // function -> closure -> cell -> function, as a nested function that
    // names itself makes.
    Value fn = make<ObjFunction>(ts);
    Value cell = make<ObjCell>(ts);
    as<ObjCell>(cell)->value = fn;
    as<ObjFunction>(fn)->closure = make_tuple(ts, {cell});
    // set -> instance -> its __dict__ -> set
    Value member = make<ObjInstance>(ts, rt.types.object, make<ObjDict>(ts));
    Value set = make_set(ts, {member});
    dict_set_str(as<ObjDict>(as<ObjInstance>(member)->dict), rt.intern("owner"), set);
    for (const Value* v : {&l, &d, &inst, &t, &fn, &set}) cycles.push_back(v->as_obj());
  }
  // Nothing outside holds them, yet each is alive: the cycles hold them.
  EXPECT_EQ(rt.objects.count, before + 6 + 3 + 3);
  for (Obj* o : cycles) {
    retain(o);
    gc_clear(rt.types, o);
    release(o);
  }
  EXPECT_EQ(rt.objects.count, before);
}

TEST_F(RegistryTest, TheTrashcanFreesDeepChainsWithoutRecursing) {
  size_t before = rt.objects.count;
  constexpr int kDepth = 1000000;
  {
    Value x = Value::none();
    for (int i = 0; i < kDepth; ++i) x = make_list(ts, {x});
    EXPECT_EQ(rt.objects.count, before + kDepth);
  }
  EXPECT_EQ(rt.objects.count, before);
  {
    Value x = Value::none();
    for (int i = 0; i < kDepth / 5; ++i) {
      Value d = make<ObjDict>(ts);
      dict_set_str(as<ObjDict>(d), rt.intern("next"), make_tuple(ts, {x}));
      x = make<ObjInstance>(ts, rt.types.object, std::move(d));
    }
    EXPECT_EQ(rt.objects.count, before + 3 * (kDepth / 5));
  }
  EXPECT_EQ(rt.objects.count, before);
  EXPECT_EQ(rt.objects.delete_nesting, 0);
  EXPECT_EQ(rt.objects.delete_later, nullptr);
  EXPECT_EQ(walked(rt), before);
}

// An object that records its destruction.
struct Probe : ObjOpaque {
  Probe(ObjType* t, bool* destroyed) : ObjOpaque(t), destroyed(destroyed) {}
  ~Probe() override { *destroyed = true; }
  bool* destroyed;
};

TEST(Registry, ADyingRuntimeFreesItsCycles) {
  bool destroyed = false;
  {
    Runtime rt{RuntimeConfig{}};
    ThreadState ts{rt};
    ObjType* type = new_type(rt, "probe", rt.types.object);
    // probe -> its __dict__ -> a list -> probe
    Value probe = make<Probe>(rt, type, &destroyed);
    Value l = make_list(rt, {probe});
    as<Probe>(probe)->dict = make<ObjDict>(rt);
    dict_set_str(as<ObjDict>(as<Probe>(probe)->dict), rt.intern("l"), l);
    // A class attribute holding an instance of the class.
    Value inst = make<ObjInstance>(rt, type, make<ObjDict>(rt));
    type_set(rt, type, "instance", inst);
  }
  EXPECT_TRUE(destroyed);
}

// The value of the global [name] after a program ran.
Value global(Runtime& rt, const char* name) {
  auto it = rt.globals.slots.find(rt.intern(name));
  return it == rt.globals.slots.end() ? Value() : rt.globals.values[it->second];
}

TEST(Registry, ClassesInheritTraverseAndClear) {
  Runtime rt{RuntimeConfig{}};
  ASSERT_EQ(run_source(rt,
                       "class Plain: pass\n"
                       "class Derived(Plain): pass\n"
                       "class MySet(set): pass\n"
                       "class MyError(ValueError): pass\n"
                       "s = MySet(['item'])\n"
                       "s.tag = 'x'\n",
                       "test.py"),
            0);
  struct Case {
    const char* name;
    ObjType* from;
  };
  for (Case c : {Case{"Plain", rt.types.object}, Case{"Derived", rt.types.object},
                 Case{"MyError", rt.types.BaseException}}) {
    Value v = global(rt, c.name);
    ASSERT_TRUE(is_kind(v, ObjKind::Type)) << c.name;
    auto* t = as<ObjType>(v);
    EXPECT_TRUE(t->is_heap_type);
    ASSERT_NE(t->tp_traverse, nullptr) << c.name;
    EXPECT_EQ(t->tp_traverse, c.from->tp_traverse) << c.name;
    EXPECT_EQ(t->tp_clear, c.from->tp_clear) << c.name;
  }
  // A class deriving from set (list, tuple, dict, frozenset) has slots of
  // its own: its instances hold an instance dict besides the items, and
  // traversing one visits both.
  auto* my_set = as<ObjType>(global(rt, "MySet"));
  EXPECT_NE(my_set->tp_traverse, rt.types.set->tp_traverse);
  EXPECT_NE(my_set->tp_clear, rt.types.set->tp_clear);
  Value s = global(rt, "s");
  ASSERT_TRUE(is_kind(s, ObjKind::Set));
  Value* d = instance_dict(s);
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(is_dict(*d));
  std::vector<const Obj*> in_set = referents(rt, s);
  ASSERT_EQ(in_set.size(), 2u);
  EXPECT_TRUE(std::find(in_set.begin(), in_set.end(), d->as_obj()) != in_set.end());
  // A class's namespace is what traversing the class visits.
  Value plain = global(rt, "Plain");
  std::vector<const Obj*> seen = referents(rt, plain);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], as<ObjType>(plain)->dict.as_obj());
}

TEST(Registry, ADyingRuntimeFreesTheCyclesOfClosuresClassesAndSets) {
  bool destroyed = false;
  {
    Runtime rt{RuntimeConfig{}};
    {
      ThreadState ts{rt};
      ObjType* type = new_type(rt, "probe", rt.types.object);
      rt.define_builtin("probe", make<Probe>(rt, type, &destroyed));
    }
    // Every cycle holds the probe; it dies only if all of them are freed.
    ASSERT_EQ(run_source(rt,
                         "def outer():\n"
                         "    p = probe\n"
                         "    def f():\n"
                         "        return f, p\n"
                         "    return f\n"
                         "g = outer()\n"
                         "def deco(fn):\n"
                         "    def wrapper(*a, **k):\n"
                         "        return fn(*a, **k)\n"
                         "    wrapper.inner = wrapper\n"
                         "    return wrapper\n"
                         "@deco\n"
                         "def h(x=probe, *, y=probe):\n"
                         "    return x\n"
                         "class Node:\n"
                         "    def __init__(self):\n"
                         "        self.me = self\n"
                         "        self.p = probe\n"
                         "n = Node()\n"
                         "s = {n}\n"
                         "n.s = s\n"
                         "class MyError(Exception): pass\n"
                         "try:\n"
                         "    try:\n"
                         "        raise ValueError(probe)\n"
                         "    except ValueError as e:\n"
                         "        raise MyError(1) from e\n"
                         "except MyError as k:\n"
                         "    kept = k\n"
                         "kept.again = kept\n",
                         "test.py"),
              0);
    rt.builtins.erase(rt.intern("probe"));
    EXPECT_FALSE(destroyed);
  }
  EXPECT_TRUE(destroyed);
}

TEST(Registry, ObjectsOutlivingTheirRuntimeAreDetached) {
  Value survivor;
  {
    Runtime rt{RuntimeConfig{}};
    survivor = make_list(rt, {make_list(rt), Value::integer(1)});
  }
  auto* g = static_cast<GcObj*>(survivor.as_obj());
  EXPECT_EQ(g->registry, nullptr);
  // Finalisation cleared it, as CPython's does.
  EXPECT_TRUE(as<ObjList>(survivor)->items.empty());
  survivor = Value();
}

}  // namespace
}  // namespace gil
