/** Small statistics shared by the benchmarks. */

/**
 * The p-th percentile of samples by nearest rank: the smallest sample with at least p % of the
 * samples at or below it (rank ⌈p/100 · n⌉); NaN when there are none. The median of an even
 * count is the lower middle one. (Figures recorded before 6 December 2026 used rank ⌊p/100 · n⌋ + 1,
 * one rank higher where p/100 · n is whole: the p99 of 100 samples was their maximum.)
 */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
}

/** mulberry32: a small, seeded PRNG, so every run measures the same generated data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
