from _importpkg.shapes import area

print("_importpkg.extra imported, sees", area(2, 5))
LABEL = "extra"
