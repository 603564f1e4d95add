/** The operations tab's badge: how many of the room's operations are under way now. */
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n/format.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { CountBadge } from '../../ui/CountBadge.tsx'
import type { OperationFeature } from './operations-endpoints.ts'

export function OperationsTabBadge() {
  const { t } = useTranslation()
  const format = useFormat()
  const { picture } = useLiveRoom()
  usePictureVersion({ layers: ['operations'] })
  const active = new Set<string>()
  for (const feature of picture.objects<OperationFeature>('operations').values()) if (feature.operation.status === 'active') active.add(feature.operationId)
  return <CountBadge count={active.size} tone="info" description={t('operationsScreen.tabBadge', { count: format.number(active.size) })} />
}
