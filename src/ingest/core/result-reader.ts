// Reading results ("تدمير سبعة أوكار", "دوو پێشمەرگە بریندار بوون", "killed at least four ISIS
// fighters") as (item, action, count) facts. Items are found with their count (digits, number
// words, duals, vague words), then each is tied to the action word that governs it: the nearest
// one before it in Arabic and English (a verb or verbal noun heads a list of objects), the
// nearest one after it in Sorani (verb-final), or after it in English passives ("was wounded").
// One fact repeated (headline and body) is one result.
import { readQuantity } from '../../language/number-words.ts'
import type { Language } from '../../language/language-detector.ts'
import type { Token } from '../../language/tokeniser.ts'
import { isSentenceBreak } from '../../language/tokeniser.ts'
import type { ActorMention } from './actor-reader.ts'
import type { ResultAction, ResultItem } from './incident-draft-schema.ts'
import { ACTION_LEXICON, ALLOWED_ACTIONS, CONTEXT_LEXICON, ITEM_LEXICON } from './ingest-lexicon.ts'
import type { ActionWord, ItemWord, PersonSide } from './ingest-lexicon.ts'
import { matchLexicon } from './lexicon-matcher.ts'

/** A result read from the text, with token ranges as evidence. */
export interface ResultFinding {
  readonly item: ResultItem
  readonly action: ResultAction
  readonly count: number | null
  /** Token ranges [first, last] that support it. */
  readonly evidence: readonly (readonly [number, number])[]
}

interface ItemMention {
  readonly kind: 'item'
  word: ItemWord
  first: number
  last: number
  countFirst: number
  count: number | null
  /** 3 written number or dual, 2 vague quantity, 1 singular noun without number, 0 plural without number. */
  countRank: number
  side: PersonSide | null
}

interface ActionMention {
  readonly kind: 'action'
  readonly word: ActionWord
  readonly first: number
  readonly last: number
  readonly pronoun: boolean
}

type Mention = ItemMention | ActionMention

const ORDINAL_ANAPHORS = new Map<string, number | null>([['ثاني', 1], ['ثالث', 1], ['رابع', 1], ['خامس', 1], ['اخر', 1], ['اخرين', null], ['اخرون', null], ['اخران', 2], ['another', 1], ['others', null], ['ديكه', null], ['تر', null]])
/** Words that negate the action after them: "دون وقوع إصابات", "no casualties". */
const NEGATIONS = new Set(['دون', 'بدون', 'عدم', 'لم', 'لا', 'no', 'not', 'without', 'neither', 'nor', 'بي', 'هيج'])
/** Words that say a cache holds what follows ("كدس يحتوي على أسلحة"). */
const CONTAINS = new Set(['يحتوي', 'تحتوي', 'يضم', 'تضم', 'فيه', 'فيها', 'من', 'على', 'containing', 'contained', 'with', 'of', 'full'])
const DUAL_AFTER = new Set(['اثنين', 'اثنان', 'اثنتين', 'اثنتان'])
/** Words that open a new clause: an action before them does not govern nouns after them. */
const BARRIERS = new Set(['قبل', 'بعد', 'اثناء', 'حين', 'عندما', 'لدي', 'حيث', 'before', 'after', 'while', 'when', 'during', 'as', 'كاتيك', 'دواي', 'بهر', 'لهكاتي'])
const QUOTES = new Set(['"', '«', '»', '“', '”'])
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'got', 'be', 'reportedly', 'also'])

function soraniNumber(rest: string): 'singular' | 'plural' | 'indefinite' {
  if (/(?:كان|كاني|كانيان|ان|اني|انه)$/.test(rest)) return 'plural'
  if (/^(?:يك|يكي|ك)$/.test(rest)) return 'indefinite'
  return 'singular'
}

/** Reads the quantity written before an item (up to two modifier words between): "at least four ISIS fighters". */
function quantityBefore(tokens: readonly Token[], words: readonly string[], wordIndexOf: Int32Array, itemFirst: number, blocked: Set<number>): { value: number | null; first: number } | null {
  const itemWord = wordIndexOf[itemFirst]!
  for (let start = itemWord - 1; start >= Math.max(0, itemWord - 6); start--) {
    const tokenIndex = tokenIndexOfWord(tokens, wordIndexOf, start)
    if (tokenIndex < 0 || blocked.has(tokenIndex)) return null
    // No sentence or clause break between the quantity and the item.
    for (let k = tokenIndex + 1; k < itemFirst; k++) if (!tokens[k]!.isWord && tokens[k]!.text !== '-') return null
    const quantity = readQuantity(words, start)
    if (quantity && start + quantity.length <= itemWord) {
      const gap = itemWord - (start + quantity.length)
      if (gap <= 2) return { value: quantity.value, first: tokenIndex }
    }
  }
  return null
}

const tokenOfWordCache = new WeakMap<Int32Array, Int32Array>()
function tokenIndexOfWord(tokens: readonly Token[], wordIndexOf: Int32Array, word: number): number {
  let inverse = tokenOfWordCache.get(wordIndexOf)
  if (!inverse) {
    inverse = new Int32Array(tokens.length + 1).fill(-1)
    for (let k = 0; k < tokens.length; k++) if (wordIndexOf[k]! >= 0) inverse[wordIndexOf[k]!] = k
    tokenOfWordCache.set(wordIndexOf, inverse)
  }
  return inverse[word] ?? -1
}

function joinedByConjunctionIn(tokens: readonly Token[], first: { last: number }, second: { first: number; countFirst: number }): boolean {
  const gap = tokens.slice(first.last + 1, Math.min(second.first, second.countFirst))
  const secondFirst = tokens[Math.min(second.first, second.countFirst)]
  const joined = gap.some((token) => token.text === 'و' || token.text === 'and' || token.text === ',' || token.text.startsWith('و')) || (secondFirst?.text.startsWith('و') ?? false)
  return gap.length <= 2 && (gap.length === 0 || joined)
}

function resolveAction(word: ActionWord, item: ResultItem, isPerson: boolean): ResultAction | null {
  if (word.action === 'neutral') return null
  if (word.only && !word.only.includes(isPerson ? 'person' : item) && !word.only.includes(item)) return null
  const action = isPerson ? (word.personAction ?? word.action) : word.action
  return ALLOWED_ACTIONS[item].includes(action) ? action : null
}

function sideOf(mention: ItemMention, actors: readonly ActorMention[], action: ResultAction | null, actionWord: ActionWord | null): ResultItem {
  let side = mention.side ?? mention.word.side ?? 'ambiguous'
  if (side === 'anyone') {
    const near = actors.filter((actor) => actor.first >= mention.countFirst - 1 && actor.first <= mention.last + 4)
    if (near.some((actor) => actor.actor === 'isis') || action === 'arrested') return 'militant'
    return near.length > 0 ? 'security-member' : 'civilian'
  }
  if (side === 'ambiguous') {
    const from = mention.countFirst - 1
    const to = mention.last + 4
    const near = actors.filter((actor) => actor.first >= from && actor.first <= to)
    if (near.some((actor) => actor.actor === 'isis')) side = 'militant'
    else if (near.length > 0) side = 'security-member'
    else if (action === 'arrested') side = 'militant'
    else side = actionWord?.martyr ? 'security-member' : 'militant'
  }
  return side
}

/** Reads the results of a text from its tokens, language and actor mentions. */
export function readResults(tokens: readonly Token[], language: Language, actors: readonly ActorMention[], placeTokens: ReadonlySet<number> = new Set()): ResultFinding[] {
  const words: string[] = []
  const wordIndexOf = new Int32Array(tokens.length).fill(-1)
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.isWord) wordIndexOf[k] = words.push(tokens[k]!.text) - 1
  const sentenceOf = new Int32Array(tokens.length)
  let sentence = 0
  for (let k = 0; k < tokens.length; k++) {
    sentenceOf[k] = sentence
    if (isSentenceBreak(tokens[k]!)) sentence++
  }
  const actorAt = new Map<number, ActorMention>()
  for (const actor of actors) actorAt.set(actor.first, actor)

  const mentions: Mention[] = []
  const consumed = new Set<number>()
  let lastPersonSide: PersonSide | null = null
  let lastCacheMention: ItemMention | undefined
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    // Words of place names ("دووزخورماتوو") are not actions or items.
    if (!token.isWord || placeTokens.has(i)) continue
    const action = matchLexicon(ACTION_LEXICON, tokens, i)
    const item = matchLexicon(ITEM_LEXICON, tokens, i)
    const actor = actorAt.get(i)
    if (action && (!item || action.length >= item.length)) {
      const negated = [tokens[i - 1], tokens[i - 2]].some((previous) => previous !== undefined && previous.isWord && NEGATIONS.has(previous.text.replace(/^و(?=..)/, '')))
      mentions.push({ kind: 'action', word: negated ? { action: 'neutral' } : action.payload, first: i, last: i + action.length - 1, pronoun: action.pronoun })
      for (let k = i; k < i + action.length; k++) consumed.add(k)
      // "وأصيب ثالث", "وإصابة اثنين آخرين": a person referred to by an ordinal or "another".
      const next = tokens[i + action.length]
      if (next && next.isWord && ORDINAL_ANAPHORS.has(next.text) && lastPersonSide) {
        mentions.push({ kind: 'item', word: { item: 'person', number: 'singular' }, first: i + action.length, last: i + action.length, countFirst: i + action.length, count: ORDINAL_ANAPHORS.get(next.text)!, countRank: 3, side: lastPersonSide })
        i += action.length
        continue
      }
      i += action.length - 1
      continue
    }
    let word: ItemWord | null = item?.payload ?? null
    let length = item?.length ?? 0
    let rest = item?.rest ?? ''
    if (!word && actor) {
      // "دوو پێشمەرگە بریندار بوون", "ثلاثة من الحشد الشعبي": a force name counted as people.
      const quantity = quantityBefore(tokens, words, wordIndexOf, i, consumed)
      const viaOf = tokens[i - 1]?.text === 'من' || tokens[i - 1]?.text === 'of'
      if (quantity && quantity.value !== null && (actor.personNoun || viaOf)) {
        word = { item: 'person', number: 'plural', side: actor.actor === 'isis' ? 'militant' : 'security-member' }
        length = actor.last - actor.first + 1
        rest = ''
      }
    }
    if (!word) {
      // "اثنين آخرين" after a person: count + "others".
      if (ORDINAL_ANAPHORS.has(token.text) && lastPersonSide) {
        const quantity = quantityBefore(tokens, words, wordIndexOf, i, consumed)
        if (quantity && quantity.value !== null) mentions.push({ kind: 'item', word: { item: 'person', number: 'plural' }, first: i, last: i, countFirst: quantity.first, count: quantity.value, countRank: 3, side: lastPersonSide })
      }
      continue
    }
    const last = i + length - 1
    const previousMention = mentions[mentions.length - 1]
    // "عجلات المسلحين", "ئۆتۆمبێلی چەکدارەکان": a person right after an item is its owner, not a result.
    if (word.item === 'person' && previousMention?.kind === 'item' && previousMention.word.item !== 'person' && previousMention.last >= i - 1) {
      i = last
      continue
    }
    const quantityHere = quantityBefore(tokens, words, wordIndexOf, i, consumed)
    // "كدس للعتاد", "كدس يحتوي على أسلحة", "weapons caches": uncounted weapons or ammunition
    // described as a cache's contents are part of the cache.
    const lastCache = lastCacheMention
    if ((word.item === 'weapon' || word.item === 'ammunition') && lastCache && (quantityHere === null || quantityHere.value === null)) {
      const between = tokens.slice(lastCache.last + 1, i)
      const linked = between.length <= 1 || (between.length <= 6 && between.some((token) => CONTAINS.has(token.text)))
      if (linked && between.every((token) => token.isWord || token.text === '-')) {
        i = last
        continue
      }
    }
    // Names in quotes ("ثأر الشهداء") are not results.
    let quoteDepth = 0
    for (let k = Math.max(0, i - 8); k < i; k++) if (QUOTES.has(tokens[k]!.text)) quoteDepth++
    if (quoteDepth % 2 === 1 && tokens.slice(last + 1, last + 8).some((token) => QUOTES.has(token.text))) {
      i = last
      continue
    }
    // "هجوم لمسلحي داعش", "ISIS militants attacked": the attackers, not a result; "داعش الإرهابي": an adjective.
    if (word.item === 'person' && language === 'ar' && actors.some((actor) => actor.last === i - 1 && actor.actor === 'isis')) {
      i = last
      continue
    }
    if (word.item === 'person') {
      const nextAction = matchLexicon(ACTION_LEXICON, tokens, last + 1)
      const previousIsAttack = previousMention?.kind === 'action' && previousMention.word.action === 'neutral' && previousMention.last >= i - 2
      // "ثلاثة من الحشد بانفجار عبوة": wounded BY a blast, not attackers.
      const attackVerb = nextAction !== null && nextAction.payload.action === 'neutral' && !tokens[last + 1]!.text.startsWith('ب') && !/^(?:انفجار|explosion|blast)$/.test(tokens[last + 1]!.text)
      if (attackVerb || previousIsAttack) {
        i = last
        continue
      }
    }
    if (word.item === 'cache' && previousMention?.kind === 'item' && (previousMention.word.item === 'weapon' || previousMention.word.item === 'ammunition') && previousMention.last >= i - 1) {
      previousMention.word = word
      previousMention.last = last
      i = last
      continue
    }
    // Two nouns of one item in a row ("خمسة إرهابيين مطلوبين", "pickup truck") are one group.
    if (previousMention?.kind === 'item' && previousMention.word.item === word.item && previousMention.last >= i - 1) {
      previousMention.last = last
      i = last
      continue
    }
    const quantity = quantityHere
    let count: number | null = null
    let countRank = 0
    let number = word.number
    if (word.soraniStem) {
      const form = soraniNumber(rest)
      number = form === 'plural' ? 'plural' : 'singular'
    }
    if (quantity) {
      count = quantity.value
      countRank = quantity.value === null ? 2 : 3
    } else if (tokens[last + 1] !== undefined && DUAL_AFTER.has(tokens[last + 1]!.text)) {
      // "إرهابيين اثنين": Arabic puts "two" after a plural noun.
      count = 2
      countRank = 3
      consumed.add(last + 1)
    } else if (number === 'dual') {
      count = 2
      countRank = 3
    } else if (number === 'singular') {
      count = 1
      countRank = 1
    }
    const mention: ItemMention = { kind: 'item', word, first: i, last, countFirst: quantity?.first ?? i, count, countRank, side: word.side ?? null }
    if (word.item === 'person') {
      const side = sideOf(mention, actors, null, null)
      mention.side = side === 'militant' || side === 'security-member' || side === 'civilian' ? side : null
      lastPersonSide = mention.side
    }
    mentions.push(mention)
    if (word.item === 'cache') lastCacheMention = mention
    for (let k = i; k <= last; k++) consumed.add(k)
    i = last
  }

  const joinedByConjunction = (first: ItemMention, second: ItemMention): boolean => joinedByConjunctionIn(tokens, first, second)
  const findings: { item: ResultItem; action: ResultAction; count: number | null; evidence: [number, number][]; rank: number; group: number; mention: ItemMention }[] = []
  const emit = (mention: ItemMention, actionMention: ActionMention | null): void => {
    const isPerson = mention.word.item === 'person'
    const item: ResultItem = isPerson ? ((mention.side as ResultItem | null) ?? 'militant') : (mention.word.item as ResultItem)
    let action: ResultAction | null = actionMention ? resolveAction(actionMention.word, item, isPerson) : null
    // Airstrikes are "conducted" when a verb or a number says they happened, not when merely named.
    if (item === 'airstrike') action = action === 'conducted' || mention.countRank === 3 ? 'conducted' : null
    if (!action) return
    let finalItem = item
    // A martyr is always from the reporting side.
    if (isPerson && actionMention?.word.martyr) finalItem = 'security-member'
    if (!ALLOWED_ACTIONS[finalItem].includes(action)) return
    const evidence: [number, number][] = [[mention.countFirst, mention.last]]
    if (actionMention) evidence.push([actionMention.first, actionMention.last])
    // Several nouns counted under one action word ("إصابة ضابط وجنديين") add up.
    const group = actionMention ? mentions.indexOf(actionMention) : -1
    const previous = findings.find((finding) => finding.group === group && group >= 0 && finding.item === finalItem && finding.action === action && finding.mention !== mention && joinedByConjunction(finding.mention, mention))
    if (previous) {
      previous.count = previous.count === null || mention.count === null ? null : previous.count + mention.count
      previous.rank = Math.min(previous.rank, mention.countRank) >= 1 ? 3 : Math.min(previous.rank, mention.countRank)
      previous.evidence.push(...evidence)
      return
    }
    if (findings.some((finding) => finding.mention === mention && finding.action === action)) return
    findings.push({ item: finalItem, action, count: mention.count, evidence, rank: mention.countRank, group, mention })
  }

  // First context marker ("وكانت", "earlier") of each sentence, found once per text.
  const firstContextMarker = new Map<number, number>()
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.isWord && !firstContextMarker.has(sentenceOf[k]!) && matchLexicon(CONTEXT_LEXICON, tokens, k)) firstContextMarker.set(sentenceOf[k]!, k)
  for (let m = 0; m < mentions.length; m++) {
    const mention = mentions[m]!
    if (mention.kind !== 'item') continue
    const sentenceIndex = sentenceOf[mention.first]!
    // Results of earlier events told for context ("وكانت القوات قد اعتقلت…") are not this event's.
    const marker = firstContextMarker.get(sentenceIndex)
    if (marker !== undefined && marker < mention.first) continue
    let before: ActionMention | null = null
    for (let k = m - 1; k >= 0; k--) {
      const other = mentions[k]!
      if (sentenceOf[other.first] !== sentenceIndex || mention.first - other.last > 14) break
      if (other.kind === 'action') {
        const barrier = tokens.slice(other.last + 1, mention.first).some((token) => BARRIERS.has(token.text))
        before = barrier ? null : other
        break
      }
    }
    let after: ActionMention | null = null
    const reach = language === 'ckb' ? 12 : 10
    for (let k = m + 1; k < mentions.length; k++) {
      const other = mentions[k]!
      if (sentenceOf[other.first] !== sentenceIndex || other.first - mention.last > reach) break
      if (other.kind === 'action') {
        after = other
        break
      }
    }
    // "وقامت بحرقهما": a dual pronoun refers back to a pair.
    const afterToken = after ? tokens[after.first]!.text : ''
    const pronounFits = after !== null && after.pronoun && (!afterToken.endsWith('هما') || mention.count === 2)
    let chosen: ActionMention | null
    if (language === 'ckb') chosen = after ?? (before && mention.first - before.last <= 8 ? before : null)
    else {
      chosen = before
      if (after && pronounFits) chosen = after
      else if (after && after.first - mention.last <= 5) {
        const between = tokens.slice(mention.last + 1, after.first).filter((token) => token.isWord).map((token) => token.text)
        const passive = language === 'en' && between.some((word) => PASSIVE_AUXILIARIES.has(word))
        if (passive || (!before && language === 'ar' && between.length <= 1)) chosen = after
      }
    }
    emit(mention, chosen)
    // "دۆزییەوە و پووچەڵیان کردەوە", "found and defused": a second action joined to the first.
    if (chosen) {
      const index = mentions.indexOf(chosen)
      const next = mentions[index + 1]
      if (next?.kind === 'action' && next.first - chosen.last <= 3 && sentenceOf[next.first] === sentenceIndex) {
        const joiner = tokens.slice(chosen.last + 1, next.first)
        if (joiner.length === 0 || joiner.some((token) => token.text === 'و' || token.text === 'and' || token.text.startsWith('و'))) emit(mention, next)
      }
    }
  }
  return mergeFindings(findings)
}

/** Merges repeated mentions of one fact and drops "found" where a stronger action on the same item exists. */
function mergeFindings(findings: readonly (ResultFinding & { rank: number })[]): ResultFinding[] {
  const merged = new Map<string, ResultFinding & { rank: number }>()
  for (const finding of findings) {
    const key = `${finding.item}|${finding.action}`
    const existing = merged.get(key)
    if (!existing) {
      merged.set(key, { ...finding, evidence: [...finding.evidence] })
      continue
    }
    const evidence = [...existing.evidence, ...finding.evidence]
    if (finding.rank > existing.rank || (finding.rank === existing.rank && finding.count !== null && (existing.count === null || finding.count > existing.count))) {
      merged.set(key, { ...finding, evidence })
    } else merged.set(key, { ...existing, evidence })
  }
  const strong = new Set<string>()
  for (const finding of merged.values()) if (finding.action !== 'found') strong.add(finding.item)
  const out: ResultFinding[] = []
  for (const finding of merged.values()) {
    if (finding.action === 'found' && strong.has(finding.item) && !['militant', 'security-member', 'civilian'].includes(finding.item)) continue
    out.push({ item: finding.item, action: finding.action, count: finding.count, evidence: finding.evidence })
  }
  return out
}
