/** How organizations look on the map and in legends: one colour each, names in the reader's language. */
import type { Organization } from '../api/server-types.ts'
import type { Language } from '../i18n/i18n.ts'

/** Colours of the reference organizations, distinct for the common kinds of colour blindness as far as six can be. */
const knownColours: Record<string, string> = {
  peshmerga: '#d97706',
  'iraqi-army': '#15803d',
  cts: '#1e3a8a',
  joc: '#7c3aed',
  asayish: '#be185d',
  coalition: '#0e7490',
}
const fallbackColours = ['#b45309', '#4d7c0f', '#0369a1', '#9d174d', '#6d28d9', '#0f766e', '#a16207']

export function organizationColour(organizationId: string): string {
  const known = knownColours[organizationId]
  if (known) return known
  let hash = 0
  for (const character of organizationId) hash = (hash * 31 + character.charCodeAt(0)) | 0
  return fallbackColours[Math.abs(hash) % fallbackColours.length]!
}

export function organizationName(organization: Organization | undefined, language: Language, fallbackId = ''): string {
  if (!organization) return fallbackId
  return (language === 'ar' ? organization.nameAr : language === 'ckb' ? organization.nameCkb : organization.nameEn) || organization.nameEn
}

/** A name in the reader's language from a {en, ar, ckb} record, falling back to English. */
export function localName(names: { en: string; ar?: string | null; ckb?: string | null } | undefined, language: Language): string {
  if (!names) return ''
  return (language === 'ar' ? names.ar : language === 'ckb' ? names.ckb || names.ar : undefined) || names.en
}
