# scanner coverage: number and string literals, escapes, comments, blank lines, bracket continuation.
# A comment line.

print(0, 7, 42, 1000000, 9223372036854775807)   # trailing comment
print(1.0, 1.5, 0.5, 5.0, 1e3, 1E3, 2.5e-3, 1e+2, 0.000001, 3.14e10)
print('single', "double", 'it"s', "it's", '', "")
print("tab:\t|", "newline:\nnext", "backslash: \\", "quote: \"", 'apostrophe: \'')
print(len("\n"), len("\t"), len("\\"), len("\""), len('\''))
print("#not a comment", '# still not')
numbers = [
    1,
    2,   # comment inside brackets
    3,
]
print(numbers)
pairs = {
    "a": 1,

    "b": 2,
}
print(pairs)
total = (1 +
         2 +
         3)
print(total)
def spaced(a,
           b=2):


    return a + b

print(spaced(1), spaced(
    1, 5))
if True:
        deep = "eight-space indentation"
        if deep:
                print(deep)
print("adjacent strings are not used")
x = 1
print("x" == 'x', x)
