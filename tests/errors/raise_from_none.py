# raise X from None, uncaught: the exception being handled is not shown.
class ParseError(Exception):
    def __init__(self, text, position):
        super().__init__(text, position)
        self.text = text
        self.position = position

    def __str__(self):
        return "cannot parse " + repr(self.text) + " at position " + str(self.position)

def parse_number(text):
    try:
        return int(text)
    except ValueError:
        for i in range(len(text)):
            if not text[i].isdigit():
                raise ParseError(text, i) from None

print(parse_number("123"))
print(parse_number("12x4"))
