/**
 * A small synthetic room for warming the geometry engine at start-up: a square joint security
 * area tiled by areas of responsibility of three organizations, with what a real room has — borders
 * shared exactly within an organization, borders digitised separately between organizations (so
 * overlaps and slivers), and a missing sector (a gap). Computing its coverage runs every step of a
 * real computation on a few hundred vertices.
 */

export type Ring = Array<[number, number]>

export interface WarmUpArrangement {
  jointSecurityArea: Ring
  areas: Array<{ organizationIndex: number; ring: Ring }>
}

/** Sectors per side, points per sector edge, and where the square lies (south-west corner, size in degrees). */
export interface ArrangementShape {
  sectorsPerSide: number
  pointsPerEdge: number
  origin: [number, number]
  sizeDegrees: number
}

/** Somewhere no real room is (the South Atlantic), about 33 km a side, 5 × 5 sectors of ~40 vertices. */
export const defaultArrangementShape: ArrangementShape = { sectorsPerSide: 5, pointsPerEdge: 10, origin: [-10, -40], sizeDegrees: 0.3 }

const rounded = (value: number) => Math.round(value * 1e7) / 1e7

/** The arrangement; deterministic (no randomness: the same work on every start). */
export function warmUpArrangement(shape: ArrangementShape = defaultArrangementShape): WarmUpArrangement {
  const { sectorsPerSide: n, pointsPerEdge, origin, sizeDegrees } = shape
  const cell = sizeDegrees / n
  const at = (i: number, j: number): [number, number] => [origin[0] + i * cell, origin[1] + j * cell]
  // Organizations by column pairs: 0 0 1 1 2 …; the middle sector is left out (the gap).
  const organizationOf = (i: number) => Math.min(2, Math.floor((i * 3) / n))
  const missing = `${Math.floor(n / 2)},${Math.floor(n / 2)}`

  /**
   * Points of the edge from corner a to corner b (a wiggle that tapers to zero at the corners, so
   * the sectors' edges never cross), offset sideways by `digitising` × cell (0: the shared line).
   */
  function edge(a: [number, number], b: [number, number], seed: number, digitising: number): Ring {
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]]
    const points: Ring = []
    for (let k = 0; k <= pointsPerEdge; k++) {
      const t = k / pointsPerEdge
      const envelope = Math.sin(Math.PI * t)
      const wiggle = envelope * (0.06 * Math.sin(2 * Math.PI * t + seed) + digitising * Math.sin(3 * Math.PI * t + seed))
      points.push([rounded(a[0] + dx * t - dy * wiggle), rounded(a[1] + dy * t + dx * wiggle)])
    }
    return points
  }

  const areas: WarmUpArrangement['areas'] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (`${i},${j}` === missing) continue
      const organization = organizationOf(i)
      // Across a border between organizations each side digitises its own line (±2 % of a sector).
      const offset = (neighbourColumn: number) => (neighbourColumn >= 0 && neighbourColumn < n && organizationOf(neighbourColumn) !== organization ? 0.02 * (neighbourColumn > i ? 1 : -1) : 0)
      const [sw, se, ne, nw] = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)]
      const south = edge(sw, se, i * 7 + j, 0)
      const east = edge(se, ne, (i + 1) * 11 + j, offset(i + 1))
      const north = edge(nw, ne, i * 7 + j + 1, 0).reverse()
      const west = edge(sw, nw, i * 11 + j, offset(i - 1)).reverse()
      const ring: Ring = [...south.slice(0, -1), ...east.slice(0, -1), ...north.slice(0, -1), ...west.slice(0, -1)]
      ring.push(ring[0]!)
      areas.push({ organizationIndex: organization, ring })
    }
  }
  const [west, south] = origin
  const [east, north] = [west + sizeDegrees, south + sizeDegrees]
  // The joint security area leaves a margin uncovered along its southern edge (more gaps).
  const inset = cell * 0.1
  const jointSecurityArea: Ring = [[west, south - inset], [east, south - inset], [east, north], [west, north], [west, south - inset]]
  return { jointSecurityArea, areas }
}
