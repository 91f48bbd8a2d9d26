#include "gil/ipc/wire.h"

#include <array>
#include <cstring>

#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/longobject.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/set.h"
#include "gil/runtime/type.h"

namespace gil::wire {
namespace {

void put_u32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void put_u64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

uint64_t get_be(std::string_view bytes) {
  uint64_t v = 0;
  for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

void put_count(ThreadState& ts, std::string& out, size_t n) {
  if (n > 0xFFFFFFFFu) raise(ts, ts.rt.types.ValueError, "value too large to send");
  put_u32(out, static_cast<uint32_t>(n));
}

void encode_at(ThreadState& ts, const Value& v, std::string& out, int depth, Extension* ext);

// Offers [v] to the extension; true when it took it. The extension may
// encode parts of [v] with encode(), which goes on counting from [depth].
bool encode_extension(ThreadState& ts, const Value& v, std::string& out, int depth, Extension* ext) {
  std::string body;
  int outer = ext->depth;
  ext->depth = depth + 1;
  bool taken;
  try {
    taken = ext->encode(ts, v, body);
  } catch (...) {
    ext->depth = outer;
    throw;
  }
  ext->depth = outer;
  if (!taken) return false;
  out += 'x';
  put_count(ts, out, body.size());
  out += body;
  return true;
}

void encode_at(ThreadState& ts, const Value& v, std::string& out, int depth, Extension* ext) {
  if (depth > kMaxDepth)
    raise(ts, ts.rt.types.ValueError, "cannot send a structure nested deeper than 200 levels (or a cyclic one)");
  switch (v.tag()) {
    case Tag::Empty:
    case Tag::None: out += 'N'; return;
    case Tag::Bool: out += v.as_bool() ? 'T' : 'F'; return;
    case Tag::Int:
      out += 'i';
      put_u64(out, static_cast<uint64_t>(v.as_int()));
      return;
    case Tag::Float: {
      out += 'f';
      uint64_t bits;
      double d = v.as_float();
      std::memcpy(&bits, &d, sizeof bits);
      put_u64(out, bits);
      return;
    }
    case Tag::Obj: break;
  }
  Obj* o = v.as_obj();
  // An instance of a class deriving from list, str, ... is more than its
  // items: its class and attributes travel too, when the channel's
  // extension knows how to send them (pickle's reduce).
  if (ext && o->type && o->type->is_heap_type && encode_extension(ts, v, out, depth, ext)) return;
  switch (o->kind) {
    case ObjKind::Long: {
      // A big int: its sign byte (0 or 1), then its magnitude, big-endian.
      bool negative = int_compare(v, Value::integer(0)) < 0;
      Value magnitude = negative ? long_negate(ts, v) : v;
      std::string digits = int_to_bytes(ts, magnitude, (int_bit_length(magnitude) + 7) / 8, false, false);
      out += 'L';
      out += negative ? '\1' : '\0';
      put_count(ts, out, digits.size());
      out += digits;
      return;
    }
    case ObjKind::Str: {
      const std::string& s = static_cast<ObjStr*>(o)->text;
      out += 's';
      put_count(ts, out, s.size());
      out += s;
      return;
    }
    case ObjKind::Bytes: {
      const std::string& b = static_cast<ObjBytes*>(o)->data;
      out += 'b';
      put_count(ts, out, b.size());
      out += b;
      return;
    }
    case ObjKind::List:
    case ObjKind::Tuple: {
      const auto& items = o->kind == ObjKind::List ? static_cast<ObjList*>(o)->items : static_cast<ObjTuple*>(o)->items;
      out += o->kind == ObjKind::List ? 'l' : 't';
      put_count(ts, out, items.size());
      for (auto& item : items) encode_at(ts, item, out, depth + 1, ext);
      return;
    }
    case ObjKind::Dict: {
      auto* d = static_cast<ObjDict*>(o);
      out += 'd';
      put_count(ts, out, d->size);
      for (auto& e : d->entries) {
        if (e.key.is_empty()) continue;
        encode_at(ts, e.key, out, depth + 1, ext);
        encode_at(ts, e.value, out, depth + 1, ext);
      }
      return;
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet: {
      out += o->kind == ObjKind::Set ? 'S' : 'Z';
      put_count(ts, out, set_size(v));
      for (const Value& item : set_items(v)) encode_at(ts, item, out, depth + 1, ext);
      return;
    }
    default:
      if (!ext || !encode_extension(ts, v, out, depth, ext))
        raise(ts, ts.rt.types.TypeError, "cannot pickle '" + std::string(type_name(ts, v)) + "' object");
  }
}

// Reads values from a payload, checking every length against what is left.
class Reader {
 public:
  Reader(ThreadState& ts, std::string_view data, Extension* ext) : ts_(ts), data_(data), ext_(ext) {}

  Value value(int depth) {
    if (depth > kMaxDepth) throw FormatError("nesting deeper than 200 levels");
    char tag = take(1)[0];
    switch (tag) {
      case 'N': return Value::none();
      case 'T': return Value::boolean(true);
      case 'F': return Value::boolean(false);
      case 'i': return Value::integer(static_cast<int64_t>(get_be(take(8))));
      case 'f': {
        uint64_t bits = get_be(take(8));
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return Value::number(d);
      }
      case 'L': {
        char sign = take(1)[0];
        if (sign != 0 && sign != 1) throw FormatError("bad sign byte of a big int");
        Value magnitude = int_from_bytes(ts_, take(count()), false, false);
        return sign ? long_negate(ts_, magnitude) : magnitude;
      }
      case 's': return make_str(std::string(take(count())));
      case 'b': return make_bytes(std::string(take(count())));
      case 'l':
      case 't': {
        size_t n = count();
        std::vector<Value> items;
        items.reserve(std::min(n, data_.size()));  // a lying count cannot make us allocate
        for (size_t i = 0; i < n; ++i) items.push_back(value(depth + 1));
        return tag == 'l' ? make_list(ts_, std::move(items)) : make_tuple(ts_, std::move(items));
      }
      case 'd': {
        size_t n = count();
        Value d = make<ObjDict>(ts_);
        for (size_t i = 0; i < n; ++i) {
          Value k = value(depth + 1);
          Value v = value(depth + 1);
          try {
            dict_set(ts_, as<ObjDict>(d), k, std::move(v));
          } catch (PyException&) {
            throw FormatError("unhashable dict key");
          }
        }
        return d;
      }
      case 'S':
      case 'Z': {
        size_t n = count();
        std::vector<Value> items;
        items.reserve(std::min(n, data_.size()));
        for (size_t i = 0; i < n; ++i) items.push_back(value(depth + 1));
        try {
          return tag == 'S' ? make_set(ts_, items) : make_frozenset(ts_, items);
        } catch (PyException&) {
          throw FormatError("unhashable set item");
        }
      }
      case 'x': {
        std::string_view body = take(count());
        if (!ext_) throw FormatError("an extension value on a channel that carries none");
        int outer = ext_->depth;
        ext_->depth = depth + 1;
        try {
          Value v = ext_->decode(ts_, body);
          ext_->depth = outer;
          return v;
        } catch (...) {
          ext_->depth = outer;
          throw;
        }
      }
      default: throw FormatError("unknown tag byte " + std::to_string(static_cast<unsigned char>(tag)));
    }
  }

  bool at_end() const { return data_.empty(); }

 private:
  std::string_view take(size_t n) {
    if (n > data_.size()) throw FormatError("payload ends in the middle of a value");
    std::string_view part = data_.substr(0, n);
    data_.remove_prefix(n);
    return part;
  }
  size_t count() { return static_cast<size_t>(get_be(take(4))); }

  ThreadState& ts_;
  std::string_view data_;
  Extension* ext_;
};

// Slicing-by-8 tables: table[0] is the classic byte-at-a-time table;
// table[k][b] is the CRC of byte b followed by k zero bytes, so eight input
// bytes can be folded in with eight lookups and no dependency between them.
using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

constexpr CrcTables crc_tables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i)
    for (size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  return t;
}

}  // namespace

void encode(ThreadState& ts, const Value& v, std::string& out, Extension* ext) {
  encode_at(ts, v, out, ext ? ext->depth : 0, ext);
}

Value decode(ThreadState& ts, std::string_view payload, Extension* ext) {
  Reader reader(ts, payload, ext);
  Value v = reader.value(ext ? ext->depth : 0);
  if (!reader.at_end()) throw FormatError("bytes left over after the value");
  return v;
}

uint32_t crc32(std::string_view data) {
  static constexpr CrcTables t = crc_tables();
  uint32_t c = 0xFFFFFFFFu;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint32_t lo = c ^ (uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24);
    uint32_t hi = uint32_t{p[4]} | uint32_t{p[5]} << 8 | uint32_t{p[6]} << 16 | uint32_t{p[7]} << 24;
    c = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^ t[3][hi & 0xFF] ^
        t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
  }
  for (; n > 0; ++p, --n) c = t[0][(c ^ *p) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void encode_int(int64_t v, std::string& out) {
  out += 'i';
  put_u64(out, static_cast<uint64_t>(v));
}

void encode_str(std::string_view s, std::string& out) {
  out += 's';
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

void encode_tuple_header(size_t count, std::string& out) {
  out += 't';
  put_u32(out, static_cast<uint32_t>(count));
}

namespace {

// "1 item", "3 items".
std::string items(size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

}  // namespace

std::string describe(const Value& v) {
  switch (v.tag()) {
    case Tag::Empty:
    case Tag::None: return "None";
    case Tag::Bool: return "a bool";
    case Tag::Int: return "an int";
    case Tag::Float: return "a float";
    case Tag::Obj: break;
  }
  switch (v.as_obj()->kind) {
    case ObjKind::Str: return "a str";
    case ObjKind::Bytes: return "a bytes";
    case ObjKind::List: return "a list of " + items(as<ObjList>(v)->items.size());
    case ObjKind::Tuple: return "a tuple of " + items(as<ObjTuple>(v)->items.size());
    case ObjKind::Dict: return "a dict";
    case ObjKind::Set: return "a set";
    case ObjKind::FrozenSet: return "a frozenset";
    default: return "an object of another kind";
  }
}

const std::vector<Value>& expect_tuple(const Value& v, size_t count, std::string_view what) {
  if (!is_kind(v, ObjKind::Tuple) || as<ObjTuple>(v)->items.size() != count)
    throw FormatError(std::string(what) + " must be a tuple of " + wire::items(count) + ", not " + describe(v));
  return as<ObjTuple>(v)->items;
}

const std::vector<Value>& expect_list(const Value& v, std::string_view what) {
  if (!is_kind(v, ObjKind::List)) throw FormatError(std::string(what) + " must be a list, not " + describe(v));
  return as<ObjList>(v)->items;
}

const std::string& expect_str(const Value& v, std::string_view what) {
  if (!is_kind(v, ObjKind::Str)) throw FormatError(std::string(what) + " must be a str, not " + describe(v));
  return as<ObjStr>(v)->text;
}

int64_t expect_int(const Value& v, int64_t lo, int64_t hi, std::string_view what) {
  if (!v.is_int() || v.as_int() < lo || v.as_int() > hi)
    throw FormatError(std::string(what) + " must be an int from " + std::to_string(lo) + " to " + std::to_string(hi) +
                      ", not " + (v.is_int() ? std::to_string(v.as_int()) : describe(v)));
  return v.as_int();
}

std::string frame(std::string_view payload) {
  if (payload.size() > kMaxPayload) throw FormatError("message larger than 1 GiB");
  std::string out = "GW";
  out += static_cast<char>(1);
  out += static_cast<char>(0);
  put_u32(out, static_cast<uint32_t>(payload.size()));
  put_u32(out, crc32(payload));
  out += payload;
  return out;
}

uint32_t payload_length(std::string_view header) {
  if (header.size() < kHeaderSize) throw FormatError("truncated frame header");
  if (header.substr(0, 2) != "GW") throw FormatError("bad magic: not a gil-demo frame");
  if (header[2] != 1) throw FormatError("unknown frame version " + std::to_string(static_cast<unsigned char>(header[2])));
  auto length = static_cast<uint32_t>(get_be(header.substr(4, 4)));
  if (length > kMaxPayload) throw FormatError("frame announces " + std::to_string(length) + " bytes, over the 1 GiB limit");
  return length;
}

void check_payload(std::string_view header, std::string_view payload) {
  if (static_cast<uint32_t>(get_be(header.substr(8, 4))) != crc32(payload))
    throw FormatError("checksum mismatch: the message was corrupted");
}

}  // namespace gil::wire
