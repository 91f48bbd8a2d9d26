# Float-heavy: escape-time iteration of z = z*z + c over an N x N grid of the
# complex plane, written with plain floats (no complex numbers). Prints how
# many points stayed bounded, the total iteration count and a checksum of the
# per-row counts.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 750

MAX_ITER = 100


def escape_time(cr, ci, limit):
    # Number of iterations before |z| > 2, or limit if it never escapes.
    zr = 0.0
    zi = 0.0
    k = 0
    while k < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        k += 1
    return limit


def render(n, limit):
    # The window [-2.0, 0.6] x [-1.3, 1.3].
    inside = 0
    total = 0
    checksum = 0
    y = 0
    while y < n:
        ci = -1.3 + 2.6 * y / n
        row = 0
        x = 0
        while x < n:
            cr = -2.0 + 2.6 * x / n
            k = escape_time(cr, ci, limit)
            if k == limit:
                inside += 1
            row += k
            x += 1
        total += row
        checksum = (checksum * 31 + row) % 1000000007
        y += 1
    return inside, total, checksum


inside, total, checksum = render(N, MAX_ITER)
print(f"mandelbrot {N}: inside={inside} iterations={total} checksum={checksum}")
