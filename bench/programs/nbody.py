# Float-heavy: the classic n-body simulation of the Sun and four gas giants,
# with each body a plain list [x, y, z, vx, vy, vz, mass] of floats. Prints
# the total energy before and after N steps.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 400000

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_body(x, y, z, vx, vy, vz, mass):
    # Positions in AU, velocities in AU/day (converted to AU/year), masses in
    # solar masses (converted so that G = 1).
    return [x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS]


def make_system():
    sun = make_body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    jupiter = make_body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                        1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
                        9.54791938424326609e-04)
    saturn = make_body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                       -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
                       2.85885980666130812e-04)
    uranus = make_body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                       2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
                       4.36624404335156298e-05)
    neptune = make_body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                        2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
                        5.15138902046611451e-05)
    return [sun, jupiter, saturn, uranus, neptune]


def offset_momentum(bodies):
    # Give the Sun the velocity that makes the total momentum zero.
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def make_pairs(bodies):
    pairs = []
    i = 0
    while i < len(bodies):
        j = i + 1
        while j < len(bodies):
            pairs.append((bodies[i], bodies[j]))
            j += 1
        i += 1
    return pairs


def energy(bodies, pairs):
    e = 0.0
    for b in bodies:
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
    for a, b in pairs:
        dx = a[0] - b[0]
        dy = a[1] - b[1]
        dz = a[2] - b[2]
        e -= a[6] * b[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            bm = b[6] * mag
            am = a[6] * mag
            a[3] -= dx * bm
            a[4] -= dy * bm
            a[5] -= dz * bm
            b[3] += dx * am
            b[4] += dy * am
            b[5] += dz * am
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


bodies = make_system()
pairs = make_pairs(bodies)
offset_momentum(bodies)
before = energy(bodies, pairs)
advance(bodies, pairs, 0.01, N)
after = energy(bodies, pairs)
print(f"nbody {N}: energy before={before:.9f} after={after:.9f}")
