/**
 * To whom a new report is released: the originator only, chosen organizations, or every member of
 * the room. Widening beyond one's own organization needs a commander (the server's rule), so other
 * roles see the wider choices disabled, with why.
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useReferenceData } from '../../app/reference-data.tsx'
import type { Language } from '../../i18n/i18n.ts'
import { organizationColour, organizationName } from '../../ui/organizations.ts'
import type { releaseSchema } from '../../../../src/releasability/release-schemas.ts'

export type Release = z.infer<typeof releaseSchema>

/** Only a commander may release beyond the own organization at creation (the server's rule). */
export { mayWidenRelease } from '../../../../src/releasability/core/release-rules.ts'

export function ReleaseChooser({ value, onChange, roomId, organizationIds, ownOrganizationId, canWiden }: {
  value: Release
  onChange(release: Release): void
  roomId: string
  /** Organizations one may name (the room's members). */
  organizationIds: readonly string[]
  ownOrganizationId: string
  canWiden: boolean
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { organizations } = useReferenceData()
  const id = useId()
  const others = organizationIds.filter((organizationId) => organizationId !== ownOrganizationId)
  const chosen = value.scope === 'organizations' ? value.organizationIds : []
  const toggle = (organizationId: string, on: boolean) => {
    const next = on ? [...chosen, organizationId] : chosen.filter((other) => other !== organizationId)
    // An empty choice is not a release: it falls back to the originator only.
    onChange(next.length > 0 ? { scope: 'organizations', organizationIds: next } : { scope: 'originator' })
  }
  return (
    <fieldset className="release-chooser">
      <legend>{t('reportsScreen.release.legend')}</legend>
      <label className="choice">
        <input type="radio" name={`${id}-scope`} checked={value.scope === 'originator'} onChange={() => onChange({ scope: 'originator' })} />
        {t('reportsScreen.release.originator')}
      </label>
      <label className="choice">
        <input type="radio" name={`${id}-scope`} disabled={!canWiden || others.length === 0} checked={value.scope === 'organizations'}
          onChange={() => others[0] && onChange({ scope: 'organizations', organizationIds: [others[0]] })} />
        {t('reportsScreen.release.organizations')}
      </label>
      {value.scope === 'organizations' && (
        <fieldset className="release-organizations">
          <legend className="visually-hidden">{t('reportsScreen.release.chooseOrganizations')}</legend>
          {others.map((organizationId) => (
            <label key={organizationId} className="choice">
              <input type="checkbox" checked={chosen.includes(organizationId)} onChange={(event) => toggle(organizationId, event.target.checked)} />
              <span className="swatch" style={{ background: organizationColour(organizationId) }} aria-hidden="true" />
              {organizationName(organizations.get(organizationId), language, organizationId)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="choice">
        <input type="radio" name={`${id}-scope`} disabled={!canWiden} checked={value.scope === 'room'} onChange={() => onChange({ scope: 'room', roomId })} />
        {t('reportsScreen.release.room')}
      </label>
      {!canWiden && <p className="field-hint">{t('reportsScreen.release.commanderOnly')}</p>}
    </fieldset>
  )
}
