// Finding the forces and groups a statement names. A force counts when its forces took part or
// it is discussed as an actor; a ministry or directorate that only speaks ("أعلنت وزارة
// البيشمركة أن طيران التحالف…") does not count when other forces did the work.
import type { Token } from '../../language/tokeniser.ts'
import { isSentenceBreak } from '../../language/tokeniser.ts'
import type { ActorId } from './incident-draft-schema.ts'
import { ACTOR_LEXICON, INSTITUTION_WORDS, REPORTING_LEXICON } from './ingest-lexicon.ts'
import { matchLexicon, tokenForms } from './lexicon-matcher.ts'

/** One actor name found in the text, as a token range. */
export interface ActorMention {
  readonly actor: ActorId
  readonly first: number
  readonly last: number
  readonly institution: boolean
  /** The word can stand for a person after a number ("دوو پێشمەرگە"). */
  readonly personNoun: boolean
}

const KURDISTAN_WORDS = new Set(['اقليم', 'الاقليم', 'كوردستان', 'كردستان', 'هريم', 'هريمي', 'كوردستاني', 'kurdistan', 'krg', 'region'])

function isInstitutionWord(token: Token | undefined): boolean {
  if (!token || !token.isWord) return false
  return tokenForms(token.text).some((form) => INSTITUTION_WORDS.has(form.text))
}

/** Finds every actor name in the tokens (longest phrase wins; "قيادة العمليات المشتركة" names none). */
export function findActorMentions(tokens: readonly Token[]): ActorMention[] {
  const mentions: ActorMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    const match = matchLexicon(ACTOR_LEXICON, tokens, i)
    if (!match) continue
    const last = i + match.length - 1
    if (match.payload.actor !== null) {
      let actor = match.payload.actor
      if (actor === 'iraqi-cts') {
        for (let k = last + 1; k <= last + 4 && k < tokens.length; k++) if (KURDISTAN_WORDS.has(tokens[k]!.text.replace(/^(?:في|ب|و)/, ''))) actor = 'krg-cts'
      }
      const institution = match.payload.institution || isInstitutionWord(tokens[i - 1]) || isInstitutionWord(tokens[i - 2])
      mentions.push({ actor, first: i, last, institution, personNoun: match.payload.personNoun })
    }
    i = last
  }
  return mentions
}

function inReportingFrame(tokens: readonly Token[], mention: ActorMention): boolean {
  // "وزارة البيشمركة: طيران التحالف يدمر…" — a headline attribution.
  if (tokens[mention.last + 1]?.text === ':') return true
  let words = 0
  for (let k = mention.first - 1; k >= 0 && words < 6; k--) {
    const token = tokens[k]!
    if (isSentenceBreak(token)) break
    if (!token.isWord) continue
    words++
    if (matchLexicon(REPORTING_LEXICON, tokens, k)) return true
  }
  words = 0
  for (let k = mention.last + 1; k < tokens.length && words < 6; k++) {
    const token = tokens[k]!
    if (isSentenceBreak(token)) break
    if (!token.isWord) continue
    words++
    if (matchLexicon(REPORTING_LEXICON, tokens, k)) return true
  }
  return false
}

/** Decides which actors took part: drops a force named only as the speaking institution when other forces acted. */
export function selectActors(tokens: readonly Token[], mentions: readonly ActorMention[]): Map<ActorId, ActorMention[]> {
  const byActor = new Map<ActorId, ActorMention[]>()
  for (const mention of mentions) {
    const list = byActor.get(mention.actor)
    if (list) list.push(mention)
    else byActor.set(mention.actor, [mention])
  }
  const speakerOnly = new Set<ActorId>()
  for (const [actor, list] of byActor) {
    if (actor === 'isis') continue
    if (list.every((mention) => mention.institution && inReportingFrame(tokens, mention))) speakerOnly.add(actor)
  }
  const othersActed = [...byActor.keys()].some((actor) => actor !== 'isis' && !speakerOnly.has(actor))
  if (othersActed) for (const actor of speakerOnly) byActor.delete(actor)
  return byActor
}
