/** Sign-in: username and password, errors from the server shown plainly (wrong password, throttled, unreachable). */
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session.tsx'
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.tsx'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'

export function LoginScreen({ expired }: { expired: boolean }) {
  const { t } = useTranslation()
  const { signIn } = useSession()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(username.trim(), password)
    } catch (failure) {
      setError(failure)
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="login-screen">
      <div className="login-card">
        <header className="login-header">
          <h1><span lang="ar">تنسيق</span> · <span lang="ckb">هەماهەنگی</span> · <span lang="en">Tansiq</span></h1>
          <p>{t('app.room')}</p>
        </header>
        <LanguageSwitcher />
        <form onSubmit={(event) => void submit(event)} aria-describedby="login-intro">
          <h2>{t('login.title')}</h2>
          <p id="login-intro">{t('login.intro')}</p>
          {expired && !error && <p className="notice" role="status">{t('errors.session-expired')}</p>}
          <label htmlFor="login-username">{t('login.username')}</label>
          <input id="login-username" name="username" autoComplete="username" dir="ltr" required autoFocus value={username} onChange={(event) => setUsername(event.target.value)} />
          <label htmlFor="login-password">{t('login.password')}</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" dir="ltr" required value={password} onChange={(event) => setPassword(event.target.value)} />
          {error !== null && <ProblemAlert error={error} />}
          <button type="submit" className="primary" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
        </form>
      </div>
    </main>
  )
}
