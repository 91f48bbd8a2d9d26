# Allocation-heavy: fannkuch-redux. For every permutation of 0..N-1, reverse
# the first perm[0]+1 elements by slicing until 0 comes first, counting the
# flips. Each permutation is flipped twice, once in place with slice
# assignment (perm[:k + 1] = perm[k::-1]) and once by building new lists
# (perm[:k + 1][::-1] + perm[k + 1:]), and the two counts must agree. Prints
# the alternating-sign checksum, the largest flip count and whether the two
# ways always agreed. N=10 takes about 11 times as long as the default N=9.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 9


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    agree = True
    sign = 1
    r = n
    while True:
        # Count the flips of this permutation, on copies.
        k = perm1[0]
        if k != 0:
            perm = perm1[:]
            flips = 0
            while k != 0:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            perm = perm1[:]
            k = perm[0]
            again = 0
            while k != 0:
                perm = perm[:k + 1][::-1] + perm[k + 1:]
                again += 1
                k = perm[0]
            if again != flips:
                agree = False
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        # Next permutation in the order the counting scheme produces: rotate
        # the first r+1 elements left by one, carrying into the next r when
        # count[r] wraps.
        sign = -sign
        while r != 1:
            count[r - 1] = r
            r -= 1
        while True:
            if r == n:
                return checksum, max_flips, agree
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


checksum, max_flips, agree = fannkuch(N)
print(f"fannkuch {N}: checksum={checksum} max_flips={max_flips} agree={agree}")
