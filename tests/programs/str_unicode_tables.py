# Every code point's case mappings and predicates, summarised: a count and a
# position-weighted checksum per property, over the Basic Multilingual Plane
# and a sample of the other planes, so that one differing table entry shows.
PREDICATES = ["isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isupper",
              "islower", "istitle", "isidentifier", "isprintable", "isspace"]
MAPPINGS = ["upper", "lower", "title", "casefold", "swapcase", "capitalize"]


def summarise(code_points):
    for name in PREDICATES:
        count = 0
        checksum = 0
        for cp in code_points:
            if getattr(chr(cp), name)():
                count += 1
                checksum = (checksum * 31 + cp) % 1000000007
        print(name, count, checksum)
    for name in MAPPINGS:
        changed = 0
        checksum = 0
        for cp in code_points:
            c = chr(cp)
            m = getattr(c, name)()
            if m != c:
                changed += 1
                for ch in m:
                    checksum = (checksum * 31 + ord(ch) + cp) % 1000000007
        print(name, changed, checksum)


summarise(range(0x10000))
summarise(range(0x10000, 0x110000, 7))
