print("_importpkg.shapes: __name__ =", __name__, "__package__ =", __package__)


def area(w, h):
    return w * h
