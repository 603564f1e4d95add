/** The movements tab's badge: how many movements await the organization's answer (the inbox's first section). */
import { useTranslation } from 'react-i18next'
import type { Movement } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { CountBadge } from '../../ui/CountBadge.tsx'
import { awaitsAnswer } from './movement-rules.ts'

export function MovementsTabBadge() {
  const { t } = useTranslation()
  const format = useFormat()
  const user = useUser()
  const { picture } = useLiveRoom()
  usePictureVersion({ layers: ['movements'] })
  let awaiting = 0
  for (const movement of picture.objects<Movement>('movements').values()) if (awaitsAnswer(movement, user.organizationId)) awaiting++
  return <CountBadge count={awaiting} tone="attention" description={t('movementsScreen.inbox.awaitingCount', { count: format.number(awaiting) })} />
}
