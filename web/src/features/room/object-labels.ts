/** One line naming a live object of any layer, in the reader's language (the feed and lists use it). */
import type { TFunction } from 'i18next'
import type { Area, CoordinationLine, CoverageFeature, Layer, Movement, Place, Report, Unit } from '../../api/server-types.ts'
import type { Language } from '../../i18n/i18n.ts'
import type { LiveOperationResults, LogEntry, OperationFeature } from '../operations/operations-endpoints.ts'
import { localName } from '../../ui/organizations.ts'

type Names = OperationFeature['operation']['names']

export interface LabelContext {
  language: Language
  t: TFunction
  /** A number in the reader's digits. */
  number(value: number): string
  /** The names of an operation the picture knows (its areas and axes carry them), else undefined. */
  operationNames(operationId: string): Names | undefined
}

/** The longest stretch of a log entry's text the feed shows. */
const logExcerptLength = 160
/** Names and free text set apart for the bidirectional algorithm (FSI … PDI): an Arabic name in an English line keeps its order. */
const isolate = (text: string) => `\u2068${text}\u2069`

function operationName(context: LabelContext, operationId: string): string {
  const names = context.operationNames(operationId)
  return names ? isolate(localName(names, context.language)) : context.t('feed.someOperation')
}

function resultsLabel(results: LiveOperationResults, context: LabelContext): string {
  const { t } = context
  const operation = operationName(context, results.operationId)
  if (results.locked) return t('feed.resultsLocked', { operation })
  if (results.openRound !== null) return t('feed.resultsProposed', { operation, round: context.number(results.openRound) })
  if (results.claims.discrepantRows > 0) return t('feed.resultsDiscrepant', { operation, count: context.number(results.claims.discrepantRows) })
  if (results.participants.some((participant) => participant.claims !== null)) return t('feed.resultsClaims', { operation })
  return t('feed.resultsAwaiting', { operation })
}

export function objectLabel(layer: Layer, object: unknown, context: LabelContext): string {
  if (typeof object !== 'object' || object === null) return ''
  const { language, t } = context
  switch (layer) {
    case 'units': return localName((object as Unit).names, language)
    case 'areas': return localName((object as Area).names, language)
    case 'coordination-lines': return localName((object as CoordinationLine).names, language)
    case 'places': return localName((object as Place).names, language)
    case 'reports': return `${t(`reportType.${(object as Report).type}`)}: ${(object as Report).title}`
    case 'movements': return `${(object as Movement).purpose} — ${t(`movementStatus.${(object as Movement).status}`)}`
    case 'coverage': return t(`layers.${(object as CoverageFeature).kind === 'gap' ? 'gap' : 'overlap'}`)
    case 'operations': {
      const feature = object as OperationFeature
      return `${isolate(localName(feature.operation.names, language))} — ${t(feature.kind === 'axis' ? 'feed.axis' : 'feed.objective')}: ${isolate(feature.name)}`
    }
    case 'operation-log': {
      const entry = object as LogEntry
      const text = entry.text.length > logExcerptLength ? `${entry.text.slice(0, logExcerptLength)}…` : entry.text
      return `${operationName(context, entry.operationId)}: ${isolate(text)}`
    }
    case 'operation-results': return resultsLabel(object as LiveOperationResults, context)
    default: {
      const record = object as { names?: { en: string; ar?: string; ckb?: string }; name?: string; title?: string }
      return record.names ? localName(record.names, language) : (record.name ?? record.title ?? '')
    }
  }
}

/** The organization an object belongs to, when it says. */
export function objectOrganization(object: unknown): string | null {
  const organizationId = (object as { organizationId?: unknown } | null)?.organizationId
  return typeof organizationId === 'string' ? organizationId : null
}
