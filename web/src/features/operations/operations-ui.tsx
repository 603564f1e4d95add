/** Small pieces the operation board's parts share: organization names, the status badge, offsets from H-hour, a result's name. */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { resultPhrase } from '../../../../src/operations/core/after-action-labels.ts'
import type { ResultAction, ResultItem } from '../../../../src/ingest/core/incident-draft-schema.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import type { Formatter } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { organizationColour, organizationName } from '../../ui/organizations.ts'
import { offsetParts } from './operation-time.ts'
import type { OperationStatus } from './operations-endpoints.ts'

/** The name of an organization in the reader's language. */
export function useOrganizationName(): (organizationId: string) => string {
  const { i18n } = useTranslation()
  const { organizations } = useReferenceData()
  const language = i18n.language as Language
  return useCallback((organizationId: string) => organizationName(organizations.get(organizationId), language, organizationId), [organizations, language])
}

/** Names joined the way the language lists them. */
export function listOf(names: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'en' ? 'en' : 'ar', { style: 'long', type: 'conjunction' }).format(names)
}

export function OrganizationTag({ organizationId }: { organizationId: string }) {
  const name = useOrganizationName()
  return (
    <span className="organization-chip">
      <span className="swatch" style={{ background: organizationColour(organizationId) }} aria-hidden="true" />
      {name(organizationId)}
    </span>
  )
}

const statusSymbols: Record<OperationStatus, string> = { draft: '✎', proposed: '…', approved: '✓', active: '▶', completed: '■', cancelled: '✕' }

/** The status in words, with a symbol and colour besides (never colour alone). */
export function StatusBadge({ status }: { status: OperationStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`operation-status operation-status-${status}`} data-status={status}>
      <span aria-hidden="true">{statusSymbols[status]} </span>{t(`operationsScreen.status.${status}`)}
    </span>
  )
}

/** "H+4:00" / "H−1:30" in the language's digits (left to right inside right-to-left text). */
export function formatOffset(minutes: number, format: Formatter): string {
  const parts = offsetParts(minutes)
  const hours = format.number(parts.hours)
  const mins = format.number(parts.minutes, { minimumIntegerDigits: 2 })
  return `\u2066H${parts.sign}${hours}:${mins}\u2069`
}

/** A result fact's name, as the after-action report writes it ("Militants killed", "القتلى من المسلحين"). */
export function resultName(item: ResultItem, action: ResultAction, language: Language): string {
  return resultPhrase({ item, action }, language)
}
