// Seeded PRNG (xoshiro256**, seeded through splitmix64) and Gaussian draws,
// so a run with the same --seed reproduces the same noise.
#pragma once
#include <math.h>
#include <stdint.h>

typedef struct {
  uint64_t s[4];
  int hasSpare;
  double spare;
} rng_t;

static inline uint64_t rng_splitmix(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static inline void rng_seed(rng_t *r, uint64_t seed) {
  for (int i = 0; i < 4; i++) r->s[i] = rng_splitmix(&seed);
  r->hasSpare = 0;
}

static inline uint64_t rng_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_next(rng_t *r) {
  uint64_t *s = r->s;
  uint64_t result = rng_rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rng_rotl(s[3], 45);
  return result;
}

// Uniform in (0, 1): never exactly 0, so log() below is safe.
static inline double rng_uniform(rng_t *r) { return ((rng_next(r) >> 11) + 0.5) * (1.0 / 9007199254740992.0); }

// Standard normal (Box-Muller, polar-free form; the second value is cached).
static inline double rng_gauss(rng_t *r) {
  if (r->hasSpare) {
    r->hasSpare = 0;
    return r->spare;
  }
  double u = rng_uniform(r), v = rng_uniform(r);
  double mag = sqrt(-2.0 * log(u));
  r->spare = mag * sin(2.0 * M_PI * v);
  r->hasSpare = 1;
  return mag * cos(2.0 * M_PI * v);
}
