// The after-action report as one self-contained HTML document in Arabic, Sorani or English:
// right-to-left with the locale's digits for Arabic and Sorani, dates in the room's time zone,
// an inline SVG map, participants, phases, timeline, the agreed results (or a plain statement
// that they are not agreed — never a figure that not everyone agreed), the live log and the
// gazetteer's places. Fonts come in as @font-face rules with data: URLs (see report-assets.ts),
// so the page loads nothing from anywhere; print CSS lays it out on A4.
import { calendarDay, directionOf, formatDateTime, formatHourOffset, formatNumber, formatTime, localiseDigits, type DocumentLocale } from '../../language/locale-format.ts'
import { afterActionReportDataSchema, organizationName, placeName, type AfterActionReportData, type AfterActionReportInput, type PartialLocalizedName } from './after-action-data.ts'
import {
  formatCount, notAgreedReasons, placeKindLabels, reportLabels, resultGroupLabels, resultGroupOf, resultGroupOrder, resultPhrase, roleLabels,
  sortFigures, statusLabels, timelineLabels,
} from './after-action-labels.ts'
import { colourOf, renderOperationMap } from './after-action-map.ts'
import { escapeHtml, latinText, userText } from './after-action-escape.ts'

/** The font families the report asks for; report-assets.ts declares them with embedded files. */
export const reportFontFamilies = { arabic: 'Tansiq Naskh', latin: 'Tansiq Sans' } as const

/** What the page embeds besides the data: the @font-face rules (data: URLs). Without them, system fonts are used. */
export interface ReportAssets {
  fontFaceCss?: string
}

const timeZoneNames: Readonly<Record<DocumentLocale, string>> = { ar: 'بتوقيت بغداد', ckb: 'بە کاتی بەغدا', en: 'Baghdad time' }

function stylesheet(locale: DocumentLocale, assets: ReportAssets): string {
  const families = locale === 'en'
    ? `'${reportFontFamilies.latin}', '${reportFontFamilies.arabic}', 'Noto Sans', sans-serif`
    : `'${reportFontFamilies.arabic}', '${reportFontFamilies.latin}', 'Noto Naskh Arabic', serif`
  return `${assets.fontFaceCss ?? ''}
@page { size: A4; margin: 15mm 14mm 16mm 14mm; }
:root { --ink: #1b1b1b; --muted: #555555; --rule: #c8c8c8; --head: #ececec; }
html { font-family: ${families}; font-size: 10.5pt; line-height: ${locale === 'en' ? 1.45 : 1.7}; color: var(--ink); background: #ffffff; }
body { margin: 0; }
@media screen { body { max-width: 182mm; margin: 10mm auto; padding: 0 8mm; } }
header.report-head { margin-bottom: 4mm; }
.marking { display: inline-block; font-size: 9pt; border: 1pt solid var(--ink); padding: 0.6mm 2.5mm; margin: 0 0 3mm; }
.kicker { margin: 0; font-size: 12pt; color: var(--muted); font-weight: 700; }
h1 { font-size: 26pt; line-height: 1.35; margin: 1mm 0 1mm; }
.other-names { margin: 0 0 3mm; font-size: 11pt; color: var(--muted); }
h2 { font-size: 14pt; margin: 7mm 0 2.5mm; padding-bottom: 0.8mm; border-bottom: 1.2pt solid var(--ink); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 0; }
dl.facts dt { font-weight: 700; color: var(--muted); }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; }
thead { display: table-header-group; }
th, td { text-align: start; vertical-align: top; padding: 1mm 1.6mm; border-bottom: 0.5pt solid var(--rule); }
th { background: var(--head); font-weight: 700; font-size: 9.5pt; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.number, th.number { text-align: end; white-space: nowrap; }
td.count { font-weight: 700; font-size: 12pt; }
td.time { white-space: nowrap; }
.muted { color: var(--muted); font-size: 9pt; }
figure.map { margin: 0; }
svg.operation-map { display: block; width: 100%; height: auto; break-inside: avoid; page-break-inside: avoid; }
svg.operation-map text { font-family: ${families}; }
figcaption { font-size: 9pt; color: var(--muted); margin-top: 1.5mm; }
ul.legend { list-style: none; margin: 2mm 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1mm 6mm; font-size: 9.5pt; }
ul.legend li { display: flex; align-items: center; gap: 1.5mm; }
.swatch { display: inline-block; width: 5mm; height: 3.5mm; border: 1.2pt solid currentColor; }
.swatch.area { background: color-mix(in srgb, currentColor 15%, transparent); }
.swatch.axis { height: 0; border-width: 1.6pt 0 0; width: 7mm; }
.swatch.place { width: 2.4mm; height: 2.4mm; border-radius: 50%; border-color: var(--ink); }
.swatch.boundary { height: 0; border-width: 1pt 0 0; border-style: dashed; border-color: #9a9a9a; width: 7mm; }
.not-agreed { border: 1.6pt solid #b03a2e; background: #fbefed; padding: 3mm 4mm; break-inside: avoid; }
.not-agreed h3 { margin-top: 0; color: #8c2a20; }
.agreements { margin: 0 0 2mm; }
footer.report-foot { margin-top: 8mm; padding-top: 2mm; border-top: 0.5pt solid var(--rule); font-size: 8.5pt; color: var(--muted); }
footer.report-foot p { margin: 0 0 1mm; }
`
}

function placeLabel(names: PartialLocalizedName | null, locale: DocumentLocale): string {
  return names ? escapeHtml(placeName(names, locale)) : '—'
}

function table(headings: readonly { label: string; numeric?: boolean }[], rows: readonly string[][], locale: DocumentLocale): string {
  if (rows.length === 0) return `<p class="muted">${escapeHtml(reportLabels.noEntries[locale])}</p>`
  const head = headings.map((heading) => `<th${heading.numeric ? ' class="number"' : ''}>${escapeHtml(heading.label)}</th>`).join('')
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('')}</tbody></table>`
}

const cell = (html: string, className?: string) => `<td${className ? ` class="${className}"` : ''}>${html}</td>`

/**
 * Renders the after-action report of an operation as a self-contained HTML document in one
 * language. The data is checked against its schema first; every text a person wrote is escaped.
 */
export function renderAfterActionReport(input: AfterActionReportInput, locale: DocumentLocale, assets: ReportAssets = {}): string {
  const data: AfterActionReportData = afterActionReportDataSchema.parse(input)
  const { operation } = data
  const zone = data.timeZone
  const l = (key: keyof typeof reportLabels) => escapeHtml(reportLabels[key][locale])
  const when = (instant: string) => escapeHtml(formatDateTime(instant, locale, zone))
  const number = (value: number, digits = 0) => escapeHtml(formatNumber(value, locale, { maximumFractionDigits: digits }))
  const organization = (id: string | null) => (id === null ? '—' : escapeHtml(organizationName(data, id, locale)))
  const otherLocales = (['ar', 'ckb', 'en'] as const).filter((other) => other !== locale)
  const sameDay = calendarDay(operation.windowStart, zone) === calendarDay(operation.windowEnd, zone)
  const windowText = `${formatDateTime(operation.windowStart, locale, zone)} – ${sameDay ? formatTime(operation.windowEnd, locale, zone) : formatDateTime(operation.windowEnd, locale, zone)}`
  const zoneText = zone === 'Asia/Baghdad' ? timeZoneNames[locale] : zone

  const sections: string[] = []

  // Header: marking, kind of document, the operation's name in this language and the two others.
  const releasedTo = [...operation.releasedTo.map((id) => organizationName(data, id, locale)), ...(operation.releasedToComplete ? [] : [reportLabels.andOthers[locale]])]
    .join(locale === 'en' ? ', ' : '، ')
  sections.push(`<header class="report-head">
<p class="marking"><b>${l('releasedTo')}:</b> ${escapeHtml(releasedTo)}</p>
<p class="kicker">${l('reportTitle')} — ${l('jointOperation')}</p>
<h1 class="operation-name">${userText(operation.names[locale])}</h1>
<p class="other-names" aria-label="${l('otherNames')}">${otherLocales.map((other) => `<bdi lang="${other}" dir="${directionOf(other)}">${escapeHtml(operation.names[other])}</bdi>`).join(' · ')}</p>
</header>`)

  const facts: Array<[string, string]> = [
    [l('status'), escapeHtml(statusLabels[operation.status][locale])],
    [l('room'), escapeHtml(operation.room.names[locale])],
    [l('hHour'), `${when(operation.hHour)} <span class="muted">(${escapeHtml(zoneText)})</span>`],
    [l('window'), escapeHtml(windowText)],
    [l('planRevision'), number(operation.planRevision)],
  ]
  if (operation.objective.trim() !== '') facts.push([l('purpose'), userText(operation.objective)])
  facts.push([l('preparedFor'), organization(data.preparedFor)], [l('generatedAt'), when(data.generatedAt)])
  sections.push(`<section class="summary"><dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl></section>`)

  // Map and its legend.
  const legend: string[] = []
  if (data.objectives.length > 0) legend.push(`<li><span class="swatch area" style="color:${colourOf(data, data.objectives[0]!.organizationId)}"></span>${l('objectiveArea')}</li>`)
  const axisOrganizations = [...new Set(data.axes.map((axis) => axis.organizationId))]
  for (const id of axisOrganizations) legend.push(`<li><span class="swatch axis" style="color:${colourOf(data, id)}"></span>${l('axis')}${id ? ` — ${organization(id)}` : ''}</li>`)
  legend.push(`<li><span class="swatch place"></span>${l('place')}</li>`)
  if (data.boundaries.length > 0) legend.push(`<li><span class="swatch boundary"></span>${l('districtBoundary')}</li>`)
  sections.push(`<section class="map-section"><h2>${l('map')}</h2><figure class="map">${renderOperationMap(data, locale)}
<figcaption><ul class="legend">${legend.join('')}</ul><p>${latinText(data.attribution)}</p></figcaption></figure></section>`)

  // Participants.
  sections.push(`<section class="participants"><h2>${l('participants')}</h2>${table(
    [{ label: reportLabels.organization[locale] }, { label: reportLabels.role[locale] }, { label: reportLabels.units[locale] }],
    data.participants.map((participant) => [
      cell(`<span class="swatch area" style="color:${colourOf(data, participant.organizationId)}"></span> ${escapeHtml(participant.names[locale])}`),
      cell(escapeHtml(roleLabels[participant.role][locale])),
      cell(participant.units.length === 0 ? '—' : participant.units.map((unit) => userText(unit.names[locale] || unit.names.en)).join('<br>')),
    ]),
    locale,
  )}</section>`)

  // Phases, planned relative to H-hour.
  const axisNames = new Map(data.axes.map((axis) => [axis.id, axis.name]))
  sections.push(`<section class="phases"><h2>${l('phases')}</h2>${table(
    [{ label: '#', numeric: true }, { label: reportLabels.name[locale] }, { label: reportLabels.planned[locale] }, { label: reportLabels.start[locale] }, { label: reportLabels.end[locale] }, { label: reportLabels.axes[locale] }],
    [...data.phases].sort((a, b) => a.ordinal - b.ordinal).map((phase) => [
      cell(number(phase.ordinal), 'number'),
      cell(userText(phase.name)),
      cell(`<bdi dir="ltr">${escapeHtml(formatHourOffset(phase.startOffsetMinutes, locale))} → ${escapeHtml(formatHourOffset(phase.endOffsetMinutes, locale))}</bdi>`, 'time'),
      cell(when(phase.start), 'time'),
      cell(when(phase.end), 'time'),
      cell(phase.axisIds.map((id) => userText(axisNames.get(id) ?? id)).join('<br>') || '—'),
    ]),
    locale,
  )}</section>`)

  // Timeline of the plan and of the results.
  sections.push(`<section class="timeline"><h2>${l('timeline')}</h2>${table(
    [{ label: reportLabels.time[locale] }, { label: reportLabels.event[locale] }, { label: reportLabels.organization[locale] }, { label: reportLabels.by[locale] }],
    [...data.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((entry) => [
      cell(when(entry.at), 'time'),
      cell(`${escapeHtml(timelineLabels[entry.kind][locale])}${entry.planRevision !== null ? ` <span class="muted">(${l('planRevision')} ${number(entry.planRevision)})</span>` : ''}${entry.note ? `<br><span class="muted">${userText(entry.note)}</span>` : ''}`),
      cell(organization(entry.organizationId)),
      cell(entry.by ? latinText(entry.by) : '—'),
    ]),
    locale,
  )}</section>`)

  sections.push(renderResults(data, locale))

  // The live log.
  sections.push(`<section class="log"><h2>${l('log')}</h2>${table(
    [{ label: reportLabels.time[locale] }, { label: reportLabels.organization[locale] }, { label: reportLabels.entry[locale] }],
    [...data.log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((entry) => {
      const details: string[] = []
      if (entry.unitName) details.push(`${l('unit')}: ${userText(entry.unitName[locale] || entry.unitName.en)}`)
      if (entry.location) details.push(`${l('location')}: <bdi dir="ltr">${escapeHtml(`${formatNumber(entry.location.lat, locale, { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false })}, ${formatNumber(entry.location.lon, locale, { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false })}`)}</bdi>`)
      if (entry.hasPhoto) details.push(l('photo'))
      return [
        cell(when(entry.at), 'time'),
        cell(`${organization(entry.organizationId)}<br><span class="muted">${latinText(entry.author)}</span>`),
        cell(`<div dir="auto">${escapeHtml(entry.text)}</div>${details.length > 0 ? `<span class="muted">${details.join(' · ')}</span>` : ''}`),
      ]
    }),
    locale,
  )}</section>`)

  // Gazetteer places near the objectives.
  sections.push(`<section class="places"><h2>${l('places')}</h2>${table(
    [{ label: reportLabels.name[locale] }, { label: reportLabels.kind[locale] }, { label: reportLabels.district[locale] }, { label: reportLabels.governorate[locale] }, { label: reportLabels.distance[locale], numeric: true }],
    [...data.places].sort((a, b) => a.distanceKm - b.distanceKm).map((place) => [
      cell(`${escapeHtml(placeName(place.names, locale))}${place.precision === 'approximate' ? ` <span class="muted">(${l('approximate')})</span>` : ''}`),
      cell(escapeHtml(placeKindLabels[place.kind][locale])),
      cell(placeLabel(place.district, locale)),
      cell(placeLabel(place.governorate, locale)),
      cell(place.insideObjective ? l('inside') : `${number(place.distanceKm, 1)} ${l('km')}`, 'number'),
    ]),
    locale,
  )}</section>`)

  sections.push(`<footer class="report-foot"><p>${l('footer')}</p><p>${l('generatedAt')}: ${when(data.generatedAt)} (${escapeHtml(zoneText)})</p></footer>`)

  const title = `${reportLabels.reportTitle[locale]} — ${operation.names[locale]}`
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${stylesheet(locale, assets)}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`
}

function renderResults(data: AfterActionReportData, locale: DocumentLocale): string {
  const l = (key: keyof typeof reportLabels) => escapeHtml(reportLabels[key][locale])
  const heading = `<h2>${l('results')}</h2>`
  const results = data.results
  if (results.status === 'not-agreed') {
    const pending = results.pendingOrganizationIds.map((id) => escapeHtml(organizationName(data, id, locale)))
    return `<section class="results">${heading}<div class="not-agreed" role="note"><h3>${l('notAgreedTitle')}</h3>
<p>${l('notAgreed')}</p><p>${escapeHtml(notAgreedReasons[results.reason][locale])}</p>
${pending.length > 0 ? `<p><b>${l('awaiting')}:</b> ${pending.join(locale === 'en' ? ', ' : '، ')}</p>` : ''}</div></section>`
  }
  const zone = data.timeZone
  const comma = locale === 'en' ? ', ' : '، '
  const agreements = results.agreements.map((agreement) =>
    `${escapeHtml(organizationName(data, agreement.organizationId, locale))} <span class="muted">(${latinText(agreement.by)}${comma}${escapeHtml(formatDateTime(agreement.at, locale, zone))})</span>`)
  const parts = [`<section class="results">${heading}<p class="agreements"><b>${l('agreedBy')}:</b> ${agreements.join(' · ')}<br>
<span class="muted">${l('agreementRound')} ${escapeHtml(formatNumber(results.round, locale))} — ${escapeHtml(formatDateTime(results.agreedAt, locale, zone))}</span></p>`]
  const figures = sortFigures(results.figures)
  if (figures.length === 0) parts.push(`<p>${l('none')}</p>`)
  for (const group of resultGroupOrder) {
    const inGroup = figures.filter((figure) => resultGroupOf(figure.item) === group)
    if (inGroup.length === 0) continue
    parts.push(`<h3>${escapeHtml(resultGroupLabels[group][locale])}</h3>${table(
      [{ label: reportLabels.result[locale] }, { label: reportLabels.count[locale], numeric: true }],
      inGroup.map((figure) => [
        cell(escapeHtml(resultPhrase(figure, locale))),
        cell(escapeHtml(formatCount(figure.count, locale, (value) => formatNumber(value, locale))), figure.count === null ? 'number' : 'number count'),
      ]),
      locale,
    )}`)
  }
  parts.push('</section>')
  return parts.join('')
}

/** The digits a figure is written with in a locale (for tests and the statement): ٢٣ in Arabic and Sorani, 23 in English. */
export function figureText(count: number, locale: DocumentLocale): string {
  return localiseDigits(String(count), locale)
}
