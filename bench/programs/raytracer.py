# Class-heavy: a small ray tracer. Every point, direction and colour is a
# Vector instance with __add__, __sub__ and __mul__ operators and dot /
# length / normalized methods; the scene is Sphere and Plane objects lit by
# point lights, with diffuse and specular shading, shadows and one level of
# mirror reflection. Renders an N x N image and prints checksums of its
# 0-255 pixel values.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 256

EPSILON = 0.0001
FAR = 1.0e30
MAX_DEPTH = 2


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        # Scale by a number.
        return Vector(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self * (1.0 / self.length())

    def times(self, other):
        # Component-wise product, for colours.
        return Vector(self.x * other.x, self.y * other.y, self.z * other.z)

    def reflect(self, normal):
        # This direction mirrored in a surface with the given unit normal.
        return self - normal * (2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, colour, diffuse, specular, shininess, reflectivity):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflectivity = reflectivity

    def colour_at(self, point):
        return self.colour


class Checkerboard(Material):
    def __init__(self, colour, other, diffuse, specular, shininess, reflectivity):
        Material.__init__(self, colour, diffuse, specular, shininess, reflectivity)
        self.other = other

    def colour_at(self, point):
        if (int(point.x + 1000.0) + int(point.z + 1000.0)) % 2 == 0:
            return self.colour
        return self.other


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        # Distance along the ray to the nearest hit in front of it, or None.
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, centre, radius, material):
        Shape.__init__(self, material)
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane(Shape):
    def __init__(self, point, normal, material):
        Shape.__init__(self, material)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if -EPSILON < denom < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, colour):
        self.position = position
        self.colour = colour


class Camera:
    def __init__(self, eye, look_at, up, width, height):
        self.eye = eye
        self.forward = (look_at - eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)
        self.width = width
        self.height = height

    def ray_through(self, px, py):
        # Ray through the centre of pixel (px, py); about a 53 degree field of
        # view.
        sx = 0.5 * (2.0 * (px + 0.5) / self.width - 1.0)
        sy = 0.5 * (1.0 - 2.0 * (py + 0.5) / self.height)
        direction = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, direction.normalized())


class Scene:
    def __init__(self, background, ambient):
        self.shapes = []
        self.lights = []
        self.background = background
        self.ambient = ambient

    def add_shape(self, shape):
        self.shapes.append(shape)

    def add_light(self, light):
        self.lights.append(light)

    def nearest_hit(self, ray):
        best_t = FAR
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < best_t:
                best_t = t
                best = shape
        return best, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light * (1.0 / distance))
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        shape, t = self.nearest_hit(ray)
        if shape is None:
            return self.background
        point = ray.point_at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = shape.material
        base = material.colour_at(point)
        colour = base.times(self.ambient)
        for light in self.lights:
            if self.in_shadow(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                colour = colour + base.times(light.colour) * (lambert * material.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = normal.dot(half)
            if spec > 0.0:
                colour = colour + light.colour * (material.specular * spec ** material.shininess)
        if depth < MAX_DEPTH and material.reflectivity > 0.0:
            bounce = Ray(point, ray.direction.reflect(normal))
            colour = colour + self.trace(bounce, depth + 1) * material.reflectivity
        return colour


def make_scene():
    scene = Scene(Vector(0.1, 0.12, 0.2), Vector(0.1, 0.1, 0.1))
    floor = Checkerboard(Vector(0.9, 0.9, 0.9), Vector(0.15, 0.15, 0.15), 0.8, 0.1, 10, 0.25)
    scene.add_shape(Plane(Vector(0.0, -1.0, 0.0), Vector(0.0, 1.0, 0.0), floor))
    scene.add_shape(Sphere(Vector(0.0, 0.0, 4.0), 1.0, Material(Vector(0.9, 0.2, 0.2), 0.7, 0.6, 30, 0.3)))
    scene.add_shape(Sphere(Vector(-2.0, -0.3, 5.0), 0.7, Material(Vector(0.2, 0.8, 0.3), 0.8, 0.3, 12, 0.1)))
    scene.add_shape(Sphere(Vector(1.8, -0.5, 3.2), 0.5, Material(Vector(0.3, 0.4, 0.95), 0.6, 0.9, 60, 0.5)))
    scene.add_shape(Sphere(Vector(0.6, 1.6, 6.0), 0.9, Material(Vector(0.95, 0.85, 0.3), 0.9, 0.2, 8, 0.0)))
    scene.add_light(Light(Vector(-4.0, 5.0, -1.0), Vector(0.8, 0.8, 0.75)))
    scene.add_light(Light(Vector(3.0, 3.0, 1.0), Vector(0.35, 0.35, 0.45)))
    return scene


def to_byte(value):
    if value <= 0.0:
        return 0
    if value >= 1.0:
        return 255
    return int(value * 255.0 + 0.5)


def render(size):
    scene = make_scene()
    camera = Camera(Vector(0.0, 0.8, -1.5), Vector(0.0, 0.0, 4.0), Vector(0.0, 1.0, 0.0), size, size)
    total = 0
    checksum = 0
    py = 0
    while py < size:
        px = 0
        while px < size:
            c = scene.trace(camera.ray_through(px, py), 0)
            r = to_byte(c.x)
            g = to_byte(c.y)
            b = to_byte(c.z)
            total += r + g + b
            checksum = (checksum * 257 + r * 65536 + g * 256 + b) % 1000000007
            px += 1
        py += 1
    return total, checksum


total, checksum = render(N)
print(f"raytracer {N}: total={total} checksum={checksum}")
