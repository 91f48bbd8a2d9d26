// The gc module (gc_module.h), CPython 3.11's interface to the collector.
#include "gil/modules/gc_module.h"

#include <algorithm>
#include <vector>

#include "gil/runtime/builtins.h"
#include "gil/runtime/collector.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"

namespace gil {

namespace {

// Whether [v] is a container the collector follows (CPython's
// _PyObject_GC_IS_TRACKED). Immortal containers (the empty tuple,
// NotImplemented) live as long as their runtime: CPython does not track
// them either.
bool tracked(const Value& v) {
  if (!v.is_obj()) return false;
  Obj* o = v.as_obj();
  return o->is_container && static_cast<GcObj*>(o)->registry && o->refcount < kImmortalRefcount / 2;
}

int generation_argument(ThreadState& ts, const char* fn, Value* args, int argc, ObjTuple* kwnames, int fallback) {
  const Value* slots[1];
  bind_arguments(ts, fn, args, argc, kwnames, {"generation"}, slots);
  if (!slots[0] || slots[0]->is_none()) return fallback;
  return static_cast<int>(std::clamp<int64_t>(expect_int(ts, *slots[0], "generation"), -2, 1000));
}

Value gc_collect_fn(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  int generation = generation_argument(ts, "collect", args, argc, kwnames, kGenerations - 1);
  if (generation < 0 || generation >= kGenerations) raise(ts, ts.rt.types.ValueError, "invalid generation");
  return Value::integer(gc_collect(ts, generation));
}

Value gc_get_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_count", argc, 0, 0);
  auto& l = ts.rt.objects.lists;
  return make_tuple(ts, {Value::integer(l[kGen0].count), Value::integer(l[kGen1].count), Value::integer(l[kGen2].count)});
}

Value gc_get_threshold(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_threshold", argc, 0, 0);
  auto& l = ts.rt.objects.lists;
  return make_tuple(
      ts, {Value::integer(l[kGen0].threshold), Value::integer(l[kGen1].threshold), Value::integer(l[kGen2].threshold)});
}

Value gc_set_threshold(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "set_threshold", kwnames);
  check_args(ts, "set_threshold", argc, 1, 3);
  for (int i = 0; i < argc; ++i)
    ts.rt.objects.lists[i].threshold =
        static_cast<int>(std::clamp<int64_t>(expect_int(ts, args[i], "threshold"), INT32_MIN, INT32_MAX));
  return Value::none();
}

Value gc_enable(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "enable", argc, 0, 0);
  ts.rt.objects.enabled = true;
  return Value::none();
}

Value gc_disable(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "disable", argc, 0, 0);
  ts.rt.objects.enabled = false;
  return Value::none();
}

Value gc_isenabled(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "isenabled", argc, 0, 0);
  return Value::boolean(ts.rt.objects.enabled);
}

// The objects of the generations (all three when [generation] is None),
// oldest first within each, but never the result list itself.
Value gc_get_objects(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  // -1 stands for None, as in CPython's argument clinic default.
  int generation = generation_argument(ts, "get_objects", args, argc, kwnames, -1);
  if (generation >= kGenerations)
    raise(ts, ts.rt.types.ValueError,
          "generation parameter must be less than the number of available generations (3)");
  if (generation < -1) raise(ts, ts.rt.types.ValueError, "generation parameter cannot be negative");
  Value result = make_list(ts);
  auto* list = as<ObjList>(result);
  auto add = [&](GcObj* o) {
    if (o != list && o->refcount < kImmortalRefcount / 2) list->items.push_back(Value::borrow(o));
  };
  if (generation >= 0) {
    ts.rt.objects.for_each_in(static_cast<GcList>(generation), add);
  } else {
    for (int g = 0; g < kGenerations; ++g) ts.rt.objects.for_each_in(static_cast<GcList>(g), add);
  }
  return result;
}

struct ReferrerSearch {
  Value* targets;
  int count;
  bool found;
};

void visit_referrer(const Value& v, void* arg) {
  auto* s = static_cast<ReferrerSearch*>(arg);
  for (int i = 0; i < s->count && !s->found; ++i)
    if (s->targets[i].is_obj() && s->targets[i].as_obj() == v.as_obj()) s->found = true;
}

Value gc_get_referrers(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "get_referrers", kwnames);
  Value result = make_list(ts);
  auto* list = as<ObjList>(result);
  std::vector<GcObj*> referrers;
  for (int g = 0; g < kGenerations; ++g)
    ts.rt.objects.for_each_in(static_cast<GcList>(g), [&](GcObj* o) {
      if (o == list) return;
      ReferrerSearch s{args, argc, false};
      gc_traverse(ts.rt.types, o, visit_referrer, &s);
      if (s.found) referrers.push_back(o);
    });
  for (GcObj* o : referrers) list->items.push_back(Value::borrow(o));
  return result;
}

void visit_referent(const Value& v, void* arg) { static_cast<std::vector<Value>*>(arg)->push_back(v); }

Value gc_get_referents(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "get_referents", kwnames);
  std::vector<Value> referents;
  for (int i = 0; i < argc; ++i)
    if (args[i].is_obj() && args[i].as_obj()->is_container) gc_traverse(ts.rt.types, args[i].as_obj(), visit_referent, &referents);
  return make_list(ts, std::move(referents));
}

Value gc_is_tracked(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "is_tracked", argc, 1, 1);
  return Value::boolean(tracked(args[0]));
}

Value gc_is_finalized(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "is_finalized", argc, 1, 1);
  return Value::boolean(args[0].is_obj() && args[0].as_obj()->is_container &&
                        (args[0].as_obj()->gc_flags & kGcFinalized));
}

Value gc_set_debug(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "set_debug", argc, 1, 1);
  ts.rt.collector.debug = static_cast<int>(expect_int(ts, args[0], "flags"));
  return Value::none();
}

Value gc_get_debug(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_debug", argc, 0, 0);
  return Value::integer(ts.rt.collector.debug);
}

Value gc_get_stats(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_stats", argc, 0, 0);
  std::vector<Value> out;
  for (const GcGenerationStats& s : ts.rt.collector.stats) {
    Value d = make<ObjDict>(ts);
    dict_set(ts, as<ObjDict>(d), make_str("collections"), Value::integer(s.collections));
    dict_set(ts, as<ObjDict>(d), make_str("collected"), Value::integer(s.collected));
    dict_set(ts, as<ObjDict>(d), make_str("uncollectable"), Value::integer(s.uncollectable));
    out.push_back(std::move(d));
  }
  return make_list(ts, std::move(out));
}

// gc.freeze(): every tracked object moves to the permanent generation,
// which no collection looks at (for fork-heavy servers: no copy-on-write
// of counts the collector would write).
Value gc_freeze(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "freeze", argc, 0, 0);
  ObjectRegistry& r = ts.rt.objects;
  for (int g = 0; g < kGenerations; ++g) r.merge(static_cast<GcList>(g), kPermanent);
  r.lists[kGen0].count = 0;
  return Value::none();
}

Value gc_unfreeze(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "unfreeze", argc, 0, 0);
  ts.rt.objects.merge(kPermanent, kGen2);
  return Value::none();
}

Value gc_get_freeze_count(ThreadState& ts, Value* args, int argc, ObjTuple* kwnames) {
  check_args(ts, "get_freeze_count", argc, 0, 0);
  return Value::integer(static_cast<int64_t>(ts.rt.objects.lists[kPermanent].size));
}

Value make_gc_module(ThreadState& ts) {
  Runtime& rt = ts.rt;
  auto* m = new_object<ObjModule>(ts, "gc");
  Value module = Value::adopt(m);
  auto attr = [&](const char* name, Value v) { m->attrs.emplace_back(rt.intern(name), std::move(v)); };
  attr("collect", make_native("collect", gc_collect_fn, "generation"));
  attr("get_count", make_native("get_count", gc_get_count));
  attr("get_threshold", make_native("get_threshold", gc_get_threshold));
  attr("set_threshold", make_native("set_threshold", gc_set_threshold));
  attr("enable", make_native("enable", gc_enable));
  attr("disable", make_native("disable", gc_disable));
  attr("isenabled", make_native("isenabled", gc_isenabled));
  attr("get_objects", make_native("get_objects", gc_get_objects, "generation"));
  attr("get_referrers", make_native("get_referrers", gc_get_referrers));
  attr("get_referents", make_native("get_referents", gc_get_referents));
  attr("is_tracked", make_native("is_tracked", gc_is_tracked));
  attr("is_finalized", make_native("is_finalized", gc_is_finalized));
  attr("set_debug", make_native("set_debug", gc_set_debug));
  attr("get_debug", make_native("get_debug", gc_get_debug));
  attr("get_stats", make_native("get_stats", gc_get_stats));
  attr("freeze", make_native("freeze", gc_freeze));
  attr("unfreeze", make_native("unfreeze", gc_unfreeze));
  attr("get_freeze_count", make_native("get_freeze_count", gc_get_freeze_count));
  attr("garbage", gc_garbage(ts));
  attr("callbacks", gc_callbacks(ts));
  attr("DEBUG_STATS", Value::integer(kGcDebugStats));
  attr("DEBUG_COLLECTABLE", Value::integer(kGcDebugCollectable));
  attr("DEBUG_UNCOLLECTABLE", Value::integer(kGcDebugUncollectable));
  attr("DEBUG_SAVEALL", Value::integer(kGcDebugSaveAll));
  attr("DEBUG_LEAK", Value::integer(kGcDebugLeak));
  return module;
}

void install_gc(Runtime& rt) { register_module(rt, "gc", make_gc_module); }

}  // namespace

RuntimeExtension gc_extension() {
  RuntimeExtension e;
  e.install = install_gc;
  return e;
}

}  // namespace gil
