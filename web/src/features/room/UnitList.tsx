/** The units of the room as a list: the map's symbols in text, searchable, for the keyboard and screen readers. */
import { useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LatestPosition, Unit } from '../../api/server-types.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { localName, organizationColour, organizationName } from '../../ui/organizations.ts'

const shownAtMost = 200

export function UnitList() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const { picture } = useLiveRoom()
  const { organizations } = useReferenceData()
  // The list is sorted again only when units change; report times (“2 min ago”) refresh every few seconds.
  const unitsVersion = usePictureVersion({ layers: ['units'] })
  usePictureVersion({ layers: ['positions'], positionsEveryMs: 5000 })
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query.trim().toLowerCase())
  const positions = picture.objects<LatestPosition>('positions')
  const sorted = useMemo(() => {
    void unitsVersion
    const collator = new Intl.Collator(language)
    return [...picture.objects<Unit>('units').values()]
      .map((unit) => ({ unit, name: localName(unit.names, language) }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ unit }) => unit)
  }, [picture, unitsVersion, language])
  const units = deferredQuery === '' ? sorted : sorted.filter((unit) => [unit.names.en, unit.names.ar, unit.names.ckb].some((name) => name.toLowerCase().includes(deferredQuery)))
  return (
    <section className="unit-list" aria-labelledby="units-title">
      <h2 id="units-title">{t('units.count', { count: format.number(picture.objects('units').size) })}</h2>
      <label htmlFor="unit-search" className="visually-hidden">{t('units.search')}</label>
      <input id="unit-search" type="search" placeholder={t('units.search')} value={query} onChange={(event) => setQuery(event.target.value)} />
      {units.length === 0 && <p className="muted">{t('units.none')}</p>}
      <ul>
        {units.slice(0, shownAtMost).map((unit) => {
          const reportedAt = positions.get(unit.id)?.reportedAt ?? unit.position?.reportedAt
          return (
            <li key={unit.id} data-unit-id={unit.id}>
              <span className="swatch" style={{ background: organizationColour(unit.organizationId) }} aria-hidden="true" />
              <span className="unit-name" dir="auto">{localName(unit.names, language)}</span>
              <span className="unit-meta">
                {organizationName(organizations.get(unit.organizationId), language, unit.organizationId)} · {reportedAt ? t('units.reported', { time: format.relative(reportedAt) }) : t('units.noPosition')}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
