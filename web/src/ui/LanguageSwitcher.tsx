/** The language choice: each language named in itself; switching flips the whole layout's direction. */
import { useTranslation } from 'react-i18next'
import { languages, setLanguage, type Language } from '../i18n/i18n.ts'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void setLanguage(language as Language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  )
}
