# The source is not UTF-8: a byte 0xff inside a string on line 3.
print("never printed")
s = "aÿb"
