/**
 * The NATO admiralty code (STANAG 2511 / AJP-2.1): a report's source is graded for reliability
 * A–F and its information for credibility 1–6, independently, and shown together as e.g. "B2".
 */

export const sourceReliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type SourceReliability = (typeof sourceReliabilities)[number]

export const informationCredibilities = [1, 2, 3, 4, 5, 6] as const
export type InformationCredibility = (typeof informationCredibilities)[number]

/** What each reliability grade means (F: the source's reliability cannot be judged). */
export const reliabilityMeanings: Readonly<Record<SourceReliability, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}

/** What each credibility grade means (6: the truth of the information cannot be judged). */
export const credibilityMeanings: Readonly<Record<InformationCredibility, string>> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
}

/** Whether a value is a reliability grade A–F (upper case). */
export function isSourceReliability(value: unknown): value is SourceReliability {
  return typeof value === 'string' && (sourceReliabilities as readonly string[]).includes(value)
}

/** Whether a value is a credibility grade 1–6 (an integer). */
export function isInformationCredibility(value: unknown): value is InformationCredibility {
  return typeof value === 'number' && (informationCredibilities as readonly number[]).includes(value)
}

/** The two-character admiralty code of a grading, e.g. "B2". */
export function admiraltyCode(reliability: SourceReliability, credibility: InformationCredibility): string {
  return `${reliability}${credibility}`
}

/** Reads an admiralty code such as "b2" or "F6"; null when it is not one. */
export function parseAdmiraltyCode(code: string): { reliability: SourceReliability; credibility: InformationCredibility } | null {
  const match = /^([A-Fa-f])([1-6])$/.exec(code.trim())
  if (!match) return null
  return { reliability: match[1]!.toUpperCase() as SourceReliability, credibility: Number(match[2]) as InformationCredibility }
}

/** A reader's description of a grading, e.g. "B2: source usually reliable, information probably true". */
export function describeAdmiraltyCode(reliability: SourceReliability, credibility: InformationCredibility): string {
  return `${admiraltyCode(reliability, credibility)}: source ${reliabilityMeanings[reliability]}, information ${credibilityMeanings[credibility]}`
}
