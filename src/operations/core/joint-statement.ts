// The joint press statement of an operation, drafted from the figures every participant agreed
// and from nothing else: in Arabic, Sorani and English, with the gazetteer's canonical place names
// (and their district and governorate, so that no partner puts the same village in another
// district), the same numbers in each language (digits converted), signed jointly by every
// participant. It reports; it never speaks of targets or strikes. When the figures are not agreed
// there is no statement: the answer says why, in the requested language.
import { calendarDay, formatDate, formatLongDate, formatNumber, type DocumentLocale } from '../../language/locale-format.ts'
import { afterActionReportDataSchema, organizationName, placeName, type AfterActionReportData, type AfterActionReportInput, type NearbyPlace, type PartialLocalizedName } from './after-action-data.ts'
import { formatCount, notAgreedReasons, resultPhrase, sortFigures } from './after-action-labels.ts'

/** A statement ready for the partners' media offices, or the reason there is none yet. */
export type JointStatement =
  | { status: 'ready'; locale: DocumentLocale; title: string; text: string }
  | { status: 'refused'; locale: DocumentLocale; reason: 'results-not-agreed'; explanation: string; pendingOrganizationIds: string[] }

/** Joins names as each language lists them: "A, B and C" / "أ وب وج" / "ئا، ب و ج". */
export function joinList(items: readonly string[], locale: DocumentLocale): string {
  if (items.length <= 1) return items[0] ?? ''
  const head = items.slice(0, -1)
  const last = items[items.length - 1]!
  if (locale === 'ar') return `${head.join(' و')} و${last}`
  if (locale === 'ckb') return `${head.join('، ')} و ${last}`
  return `${head.join(', ')} and ${last}`
}

const words = {
  title: { ar: 'بيان مشترك بشأن العملية المشتركة «{name}»', ckb: 'ڕاگەیەندراوی هاوبەش دەربارەی ئۆپەراسیۆنی هاوبەشی «{name}»', en: 'Joint statement on the joint operation “{name}”' },
  release: { ar: 'للنشر', ckb: 'بۆ بڵاوکردنەوە', en: 'For release' },
  issuedBy: { ar: 'بيان مشترك صادر عن {organizations}', ckb: 'ڕاگەیەندراوی هاوبەشی {organizations}', en: 'Joint statement by {organizations}' },
  onDay: { ar: 'في يوم {date}', ckb: 'لە ڕۆژی {date}', en: 'On {date}' },
  betweenDays: { ar: 'خلال المدة من {start} إلى {end}', ckb: 'لە ماوەی نێوان {start} و {end}', en: 'Between {start} and {end}' },
  carriedOut: {
    ar: '{when}، نفّذت قوات {forces}{support} العملية المشتركة «{name}» في {area}.',
    ckb: '{when}، ئۆپەراسیۆنی هاوبەشی «{name}» لەلایەن هێزەکانی {forces}{support} لە {area} ئەنجامدرا.',
    en: '{when}, forces of {forces}{support} carried out the joint operation “{name}” in {area}.',
  },
  support: { ar: '، بإسناد من {organizations}،', ckb: ' و بە پاڵپشتیی {organizations}', en: ', with the support of {organizations},' },
  planned: {
    ar: 'وقد خُطّط للعملية بشكل مشترك، وصادقت عليها كل جهة مشاركة، وجرى تنسيقها عبر {room}.',
    ckb: 'پلانی ئۆپەراسیۆنەکە بە هاوبەشی دانرا، هەموو لایەنە بەشداربووەکان پەسەندیان کرد و لە ڕێگەی {room} هەماهەنگی بۆ کرا.',
    en: 'The operation was planned jointly, approved by each participating organization and coordinated through the {room}.',
  },
  agreedIntro: { ar: 'واتفقت الجهات المشاركة على النتائج الآتية للعملية:', ckb: 'لایەنە بەشداربووەکان لەسەر ئەم ئەنجامانەی ئۆپەراسیۆنەکە ڕێککەوتن:', en: 'The participating organizations agreed the following results of the operation:' },
  noResults: { ar: 'واتفقت الجهات المشاركة على أن العملية لم تسفر عن نتائج تُذكر.', ckb: 'لایەنە بەشداربووەکان ڕێککەوتن کە ئۆپەراسیۆنەکە هیچ ئەنجامێکی شایانی باسکردنی نەبووە.', en: 'The participating organizations agreed that the operation had no results to report.' },
  closing: {
    ar: 'وستواصل القوات المشاركة تنسيق حركة قطعاتها وتبادل المعلومات، بروح الفريق الواحد وبما يحفظ الأرواح.',
    ckb: 'هێزە بەشداربووەکان بەردەوام دەبن لە هەماهەنگیکردنی جووڵەی یەکەکانیان و ئاڵوگۆڕی زانیاری، بە گیانی تیمێکی یەکگرتوو و بە شێوەیەک کە گیانی خەڵک بپارێزێت.',
    en: 'The participating forces will continue to coordinate the movement of their units and to exchange information, as one team and in a way that preserves lives.',
  },
  signed: { ar: 'التوقيع المشترك:', ckb: 'واژۆی هاوبەش:', en: 'Signed jointly:' },
  area: { ar: 'منطقة {places}', ckb: 'ناوچەی {places}', en: 'the area of {places}' },
  objectiveAreas: { ar: 'مناطق العملية المحددة في الخطة المشتركة', ckb: 'ئەو ناوچانەی لە پلانی هاوبەشدا دیاریکراون', en: 'the areas set in the joint plan' },
  district: { ar: 'قضاء {name}', ckb: 'قەزای {name}', en: '{name} district' },
  governorate: { ar: 'محافظة {name}', ckb: 'پارێزگای {name}', en: '{name} governorate' },
} as const satisfies Record<string, Record<DocumentLocale, string>>

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match)
}

const placeKindOrder: Readonly<Record<NearbyPlace['kind'], number>> = { town: 0, subdistrict: 1, village: 2, area: 3, neighbourhood: 4, district: 5, governorate: 6, country: 7 }

/** The places a statement names: those inside the objective areas, else the three nearest settlements. */
export function statementPlaces(places: readonly NearbyPlace[]): NearbyPlace[] {
  const settlements = places.filter((place) => place.kind !== 'district' && place.kind !== 'governorate' && place.kind !== 'country')
  const inside = settlements.filter((place) => place.insideObjective)
  const chosen = inside.length > 0 ? inside.slice(0, 8) : [...settlements].sort((a, b) => a.distanceKm - b.distanceKm).slice(0, 3)
  return chosen.sort((a, b) => placeKindOrder[a.kind] - placeKindOrder[b.kind] || a.distanceKm - b.distanceKm || a.id.localeCompare(b.id))
}

/** "Balkana and Qurijay (Tuz Khurmatu district, Salahuddin governorate)": places grouped by their administrative units. */
function areaPhrase(places: readonly NearbyPlace[], locale: DocumentLocale): string {
  if (places.length === 0) return words.objectiveAreas[locale]
  const groups = new Map<string, { district: PartialLocalizedName | null; governorate: PartialLocalizedName | null; names: string[] }>()
  for (const place of places) {
    const key = `${place.district?.en ?? ''}|${place.governorate?.en ?? ''}`
    const group = groups.get(key) ?? { district: place.district, governorate: place.governorate, names: [] }
    group.names.push(placeName(place.names, locale))
    groups.set(key, group)
  }
  const comma = locale === 'en' ? ', ' : '، '
  const phrases = [...groups.values()].map((group) => {
    const units = [
      group.district ? fill(words.district[locale], { name: placeName(group.district, locale) }) : null,
      group.governorate ? fill(words.governorate[locale], { name: placeName(group.governorate, locale) }) : null,
    ].filter((unit): unit is string => unit !== null)
    return `${joinList(group.names, locale)}${units.length > 0 ? ` (${units.join(comma)})` : ''}`
  })
  return fill(words.area[locale], { places: joinList(phrases, locale) })
}

/** When the operation ran: from its start to its completion as the timeline records them (its planned window when it does not). */
function whenPhrase(data: AfterActionReportData, locale: DocumentLocale): string {
  const started = data.timeline.find((entry) => entry.kind === 'activated')?.at ?? data.operation.windowStart
  const completed = [...data.timeline].reverse().find((entry) => entry.kind === 'completed')?.at
  // Still running: the statement speaks of the day it began, not of a planned end that has not come.
  const ended = completed ?? (data.operation.status === 'active' ? started : data.operation.windowEnd)
  const zone = data.timeZone
  if (calendarDay(started, zone) === calendarDay(ended, zone)) return fill(words.onDay[locale], { date: formatLongDate(started, locale, zone) })
  return fill(words.betweenDays[locale], { start: formatDate(started, locale, zone), end: formatDate(ended, locale, zone) })
}

/**
 * Drafts the joint statement of an operation in one language from its agreed figures, or refuses
 * (status 'refused', with the reason in that language) when not every participant agreed them.
 */
export function renderJointStatement(input: AfterActionReportInput, locale: DocumentLocale): JointStatement {
  const data = afterActionReportDataSchema.parse(input)
  const results = data.results
  if (results.status !== 'agreed') {
    return { status: 'refused', locale, reason: 'results-not-agreed', explanation: notAgreedReasons[results.reason][locale], pendingOrganizationIds: results.pendingOrganizationIds }
  }
  const name = data.operation.names[locale]
  // In an English sentence every organization takes the article: "forces of the Iraqi Army".
  const inSentence = (id: string) => `${locale === 'en' ? 'the ' : ''}${organizationName(data, id, locale)}`
  const organizationsOf = (ids: readonly string[]) => joinList(ids.map(inSentence), locale)
  const all = data.participants.map((participant) => participant.organizationId)
  const forces = data.participants.filter((participant) => participant.role !== 'support').map((participant) => participant.organizationId)
  const supporting = data.participants.filter((participant) => participant.role === 'support').map((participant) => participant.organizationId)

  const figures = sortFigures(results.figures)
  const bullet = '- '
  const resultLines = figures.map((figure) => `${bullet}${resultPhrase(figure, locale)}: ${formatCount(figure.count, locale, (value) => formatNumber(value, locale, { useGrouping: false }))}`)

  const paragraphs = [
    `${words.release[locale]} — ${formatDate(results.agreedAt, locale, data.timeZone)}`,
    fill(words.issuedBy[locale], { organizations: organizationsOf(all) }),
    `${fill(words.carriedOut[locale], {
      when: whenPhrase(data, locale),
      forces: organizationsOf(forces),
      support: supporting.length > 0 ? fill(words.support[locale], { organizations: organizationsOf(supporting) }) : '',
      name,
      area: areaPhrase(statementPlaces(data.places), locale),
    })} ${fill(words.planned[locale], { room: data.operation.room.names[locale] })}`,
    figures.length > 0 ? [words.agreedIntro[locale], ...resultLines].join('\n') : words.noResults[locale],
    words.closing[locale],
    [words.signed[locale], ...all.map((id) => organizationName(data, id, locale)), formatDate(results.agreedAt, locale, data.timeZone)].join('\n'),
  ]
  return { status: 'ready', locale, title: fill(words.title[locale], { name }), text: `${paragraphs.join('\n\n')}\n` }
}
