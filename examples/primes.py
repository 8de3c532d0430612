"""Sieve of Eratosthenes.

Usage: primes [LIMIT]   -- counts the primes below LIMIT (default 100) and prints
the first and last few, plus twin-prime and gap statistics.
"""
import sys


def sieve(limit):
    is_prime = [True] * limit
    is_prime[0:2] = [False, False]
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            is_prime[n * n::n] = [False] * len(range(n * n, limit, n))
    return [n for n, p in enumerate(is_prime) if p]


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    if limit < 2:
        sys.exit(f"limit must be at least 2, got {limit}")
    primes = sieve(limit)
    print(f"{len(primes)} primes below {limit}")
    print("first:", primes[:10])
    print("last: ", primes[-5:])
    twins = sum(1 for a, b in zip(primes, primes[1:]) if b - a == 2)
    gap, at = max((b - a, a) for a, b in zip(primes, primes[1:]))
    print(f"twin pairs: {twins}; largest gap: {gap} after {at}")
    print(f"sum: {sum(primes)}")


main()
