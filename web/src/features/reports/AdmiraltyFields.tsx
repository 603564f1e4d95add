/** The NATO admiralty grading of a report: source reliability A–F and information credibility 1–6, chosen separately (no default: the author must judge). */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { informationCredibilities, sourceReliabilities, type InformationCredibility, type SourceReliability } from '../../../../src/reports/core/admiralty-code.ts'

export interface Grading {
  reliability: SourceReliability | ''
  credibility: InformationCredibility | 0
}

export function AdmiraltyFields({ value, onChange }: { value: Grading; onChange(grading: Grading): void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <fieldset className="admiralty-fields">
      <legend>{t('reportsScreen.form.grading')}</legend>
      <div className="field">
        <label htmlFor={`${id}-reliability`}>{t('reportsScreen.form.reliability')}</label>
        <select id={`${id}-reliability`} required value={value.reliability} onChange={(event) => onChange({ ...value, reliability: event.target.value as SourceReliability | '' })}>
          <option value="">{t('reportsScreen.form.choose')}</option>
          {sourceReliabilities.map((grade) => <option key={grade} value={grade}>{t(`reportsScreen.reliability.${grade}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-credibility`}>{t('reportsScreen.form.credibility')}</label>
        <select id={`${id}-credibility`} required value={value.credibility || ''} onChange={(event) => onChange({ ...value, credibility: Number(event.target.value) as InformationCredibility | 0 })}>
          <option value="">{t('reportsScreen.form.choose')}</option>
          {informationCredibilities.map((grade) => <option key={grade} value={grade}>{t(`reportsScreen.credibility.${grade}`)}</option>)}
        </select>
      </div>
    </fieldset>
  )
}
