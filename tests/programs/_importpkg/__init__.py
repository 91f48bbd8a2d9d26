print("_importpkg: init, __name__ =", __name__, "__package__ =", __package__)
from . import shapes
from .shapes import area as shape_area

VERSION = (1, 2)
