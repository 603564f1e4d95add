/** Choose a room: the rooms of the user's organization, each with its member organizations. */
import { useTranslation } from 'react-i18next'
import { endpoints } from '../../api/endpoints.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import { navigate, pathOf } from '../../app/routes.ts'
import { AppHeader } from '../../ui/AppHeader.tsx'
import { organizationColour, organizationName, localName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import type { Language } from '../../i18n/i18n.ts'

export function RoomChooser() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { organizations } = useReferenceData()
  const { value: rooms, error, reload } = useLoaded((signal) => endpoints.rooms({ signal }), [])

  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="rooms-screen">
        <h1>{t('rooms.title')}</h1>
        {error !== null && <ProblemAlert error={error} onRetry={reload} />}
        {rooms === null && error === null && <p aria-busy="true">{t('app.loading')}</p>}
        {rooms?.length === 0 && <p>{t('rooms.none')}</p>}
        <ul className="room-list">
          {rooms?.map((room) => (
            <li key={room.id}>
              <a
                className="room-card"
                href={pathOf({ name: 'room', roomId: room.id })}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return
                  event.preventDefault()
                  navigate({ name: 'room', roomId: room.id })
                }}
              >
                <span className="room-name">{localName(room.names, language)}</span>
                <span className="room-members" aria-label={t('rooms.members')}>
                  {room.memberOrganizationIds.map((id) => (
                    <span key={id} className="organization-chip">
                      <span className="swatch" style={{ background: organizationColour(id) }} aria-hidden="true" />
                      {organizationName(organizations.get(id), language, id)}
                    </span>
                  ))}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </div>
  )
}
