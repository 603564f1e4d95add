/** Layer toggles (checkboxes, one per picture layer) with how many objects each shows, and the legends. */
import { useTranslation } from 'react-i18next'
import { useReferenceData } from '../../app/reference-data.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { organizationColour, organizationName } from '../../ui/organizations.ts'
import { coverageColours, movementStatusColours, pictureLayers, reportTypeColours } from '../map/picture-layers.ts'

export function LayerPanel({ visible, onToggle, memberOrganizationIds }: { visible: ReadonlySet<string>; onToggle(id: string, on: boolean): void; memberOrganizationIds: readonly string[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const { picture } = useLiveRoom()
  const { organizations } = useReferenceData()
  usePictureVersion()
  return (
    <section className="layer-panel" aria-labelledby="layers-title">
      <h2 id="layers-title">{t('layers.title')}</h2>
      <ul className="layer-list">
        {pictureLayers.slice().reverse().map((layer) => (
          <li key={layer.id}>
            <input type="checkbox" id={`layer-${layer.id}`} checked={visible.has(layer.id)} onChange={(event) => onToggle(layer.id, event.target.checked)} />
            <label htmlFor={`layer-${layer.id}`}>{t(layer.labelKey)}</label>
            <span className="layer-count" data-layer-count={layer.id}>{format.number(layer.count(picture))}</span>
          </li>
        ))}
      </ul>
      <h3>{t('layers.legendOrganizations')}</h3>
      <ul className="legend">
        {memberOrganizationIds.map((id) => (
          <li key={id}><span className="swatch" style={{ background: organizationColour(id) }} aria-hidden="true" />{organizationName(organizations.get(id), language, id)}</li>
        ))}
      </ul>
      <h3>{t('layers.legendCoverage')}</h3>
      <ul className="legend">
        <li><span className="swatch swatch-area" style={{ background: coverageColours.gap }} aria-hidden="true" />{t('layers.gap')}</li>
        <li><span className="swatch swatch-area" style={{ background: coverageColours.overlap }} aria-hidden="true" />{t('layers.overlap')}</li>
      </ul>
      <h3>{t('layers.movements')}</h3>
      <ul className="legend">
        {Object.entries(movementStatusColours).filter(([status]) => status !== 'expired').map(([status, colour]) => (
          <li key={status}><span className="swatch swatch-line" style={{ background: colour }} aria-hidden="true" />{t(`movementStatus.${status}`)}</li>
        ))}
      </ul>
      <h3>{t('layers.reports')}</h3>
      <ul className="legend">
        {Object.entries(reportTypeColours).map(([type, colour]) => (
          <li key={type}><span className="swatch swatch-dot" style={{ background: colour }} aria-hidden="true" />{t(`reportType.${type}`)}</li>
        ))}
      </ul>
    </section>
  )
}
