/** The organizations of the reference scenario (product brief), in English, Arabic and Sorani. */
import type { Organization } from './account-schemas.ts'

export const referenceOrganizations: readonly Organization[] = [
  { id: 'peshmerga', nameEn: 'Ministry of Peshmerga Affairs', nameAr: 'وزارة شؤون البيشمركة', nameCkb: 'وەزارەتی کاروباری پێشمەرگە' },
  { id: 'iraqi-army', nameEn: 'Iraqi Army (Ministry of Defence)', nameAr: 'الجيش العراقي (وزارة الدفاع)', nameCkb: 'سوپای عێراق (وەزارەتی بەرگری)' },
  { id: 'cts', nameEn: 'Counter-Terrorism Service', nameAr: 'جهاز مكافحة الإرهاب', nameCkb: 'دەزگای دژە تیرۆر' },
  { id: 'joc', nameEn: 'Joint Operations Command', nameAr: 'قيادة العمليات المشتركة', nameCkb: 'فەرماندەیی ئۆپەراسیۆنە هاوبەشەکان' },
  { id: 'asayish', nameEn: 'Kurdistan Region Security (Asayish)', nameAr: 'أمن إقليم كوردستان (الأسايش)', nameCkb: 'ئاسایشی هەرێمی کوردستان' },
  { id: 'coalition', nameEn: 'Coalition liaison', nameAr: 'ارتباط التحالف الدولي', nameCkb: 'پەیوەندی هاوپەیمانی نێودەوڵەتی' },
]
