/** The top bar of every screen after sign-in: the app, what screen this is, the user, the language. Screens add their own parts as children. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useReferenceData } from '../app/reference-data.tsx'
import { useSession, useUser } from '../app/session.tsx'
import type { Language } from '../i18n/i18n.ts'
import { LanguageSwitcher } from './LanguageSwitcher.tsx'
import { organizationColour, organizationName } from './organizations.ts'

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const user = useUser()
  const { signOut } = useSession()
  const { organizations } = useReferenceData()
  const language = i18n.language as Language
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <span className="app-name">{t('app.name')}</span>
      <div className="header-slot">{children}</div>
      <span className="user" title={user.username}>
        <span className="swatch" style={{ background: organizationColour(user.organizationId) }} aria-hidden="true" />
        <span className="user-name">{user.displayName}</span>
        <span className="user-meta">{t(`roles.${user.role}`)} · {organizationName(organizations.get(user.organizationId), language, user.organizationId)}</span>
      </span>
      <LanguageSwitcher />
      <button type="button" onClick={() => void signOut()}>{t('login.signOut')}</button>
    </header>
  )
}
