/** النصوص العربية. */
import type { Translation } from '../translation.ts'
import { reportsTexts } from '../../features/reports/reports-texts.ts'
import { statementsTexts } from '../../features/statements/statements-texts.ts'
import { movementsTexts } from '../../features/movements/movements-texts.ts'
import { areasTexts } from '../../features/areas/areas-texts.ts'
import { drawingTexts } from '../../features/map/drawing/drawing-texts.ts'
import { operationsTexts } from '../../features/operations/operations-texts.ts'
import { errorTexts } from '../error-texts.ts'

export const ar: Translation = {
  app: { name: 'تنسيق', room: 'غرفة العمليات المشتركة', skipToContent: 'انتقل إلى المحتوى', loading: 'جارٍ التحميل…', retry: 'أعد المحاولة', close: 'إغلاق' },
  language: { label: 'اللغة', ar: 'العربية', ckb: 'کوردی', en: 'English' },
  login: {
    title: 'تسجيل الدخول', intro: 'سجّل الدخول بالحساب الذي منحته لك جهتك.', username: 'اسم المستخدم', password: 'كلمة المرور',
    submit: 'دخول', submitting: 'جارٍ تسجيل الدخول…', signOut: 'تسجيل الخروج', signedInAs: 'مسجّل الدخول باسم {{name}}',
  },
  roles: { admin: 'مدير النظام', commander: 'آمر', 'watch-officer': 'ضابط خفر', 'liaison-officer': 'ضابط ارتباط', analyst: 'محلّل', viewer: 'مطّلع' },
  rooms: {
    title: 'اختر غرفة', none: 'جهتك ليست عضواً في أي غرفة بعد. يضيفها مدير النظام.', members: 'الجهات الأعضاء',
    open: 'افتح الغرفة', back: 'كل الغرف',
  },
  room: {
    panel: 'اللوحة الجانبية', showPanel: 'أظهر اللوحة', hidePanel: 'أخفِ اللوحة', map: 'خريطة الغرفة. الأسهم للتحريك، و+ و− للتكبير والتصغير.',
    opening: 'جارٍ رسم الخريطة…',
    tabs: { layers: 'الطبقات', feed: 'المستجدات', units: 'القطعات' },
    notFound: 'هذه الغرفة غير موجودة أو أن جهتك ليست عضواً فيها.',
  },
  mapControls: {
    zoomIn: 'تكبير', zoomOut: 'تصغير', attribution: 'إظهار مصادر الخريطة أو إخفاؤها', closePopup: 'إغلاق',
  },
  layers: {
    title: 'طبقات الخريطة', units: 'القطعات ومساراتها', areas: 'قواطع المسؤولية', coverage: 'الفراغات والتداخلات', movements: 'حركات القطعات',
    reports: 'التقارير', places: 'الأماكن', 'coordination-lines': 'خطوط التنسيق', operations: 'العمليات', count: 'المعروض: {{count}}',
    legendOrganizations: 'الجهات', legendCoverage: 'الفراغ الأمني', gap: 'فراغ (لا يغطيه أحد)', overlap: 'تداخل (تطالب به أكثر من جهة)',
  },
  movementStatus: {
    draft: 'مسودة', submitted: 'أُبلغ عنها، بانتظار الردود', cleared: 'أقرّتها كل الجهات', conflicted: 'اعتراض أو تعارض', active: 'جارية',
    completed: 'منتهية', cancelled: 'ملغاة', expired: 'انقضت مدتها',
  },
  reportType: { incident: 'حادث', sigact: 'نشاط معادٍ مهم', intelligence: 'معلومات استخبارية' },
  connection: {
    connecting: 'جارٍ الاتصال…', syncing: 'جارٍ تحميل الصورة…', connected: 'مباشر', reconnecting: 'جارٍ إعادة الاتصال (المحاولة {{attempt}})…',
    reconnectingIn: 'انقطع الاتصال — إعادة المحاولة بعد {{seconds}} ثانية', offline: 'غير متصل — قد تكون الصورة قديمة', lastUpdate: 'آخر تحديث {{time}}', reconnectNow: 'أعد الاتصال الآن',
    sessionEnded: 'انتهت جلستك. سجّل الدخول مجدداً.',
  },
  feed: {
    title: 'ما يتغيّر', empty: 'لم يتغيّر شيء منذ فتحت الغرفة.', created: 'جديد', updated: 'حُدِّث', removed: 'أُزيل أو لم يعد مشتركاً معك',
    positions: 'تقارير المواقع في الدقيقة الأخيرة: {{count}}',
    operationLog: 'سجل العملية', operationResults: 'نتائج العملية', objective: 'منطقة العملية', axis: 'محور التقدم', someOperation: 'عملية',
    resultsLocked: '{{operation}}: اتفقت كل الجهات المشاركة على النتائج وقُفلت', resultsProposed: '{{operation}}: أرقام مقترحة في الجولة {{round}} بانتظار الاتفاق',
    resultsDiscrepant: '{{operation}}: النتائج المعلنة مختلفة (الفروقات: {{count}})', resultsClaims: '{{operation}}: سُجّلت النتائج المعلنة',
    resultsAwaiting: '{{operation}}: بانتظار النتائج المعلنة',
  },
  units: { search: 'ابحث عن قطعة', none: 'لا توجد قطعة مطابقة.', count: 'القطعات: {{count}}', noPosition: 'لا موقع بعد', reported: 'أبلغت {{time}}', show: 'أظهر {{name}} على الخريطة' },
  clock: { yours: 'توقيتك', room: 'توقيت الغرفة' },
  reportsScreen: reportsTexts.ar,
  statementsScreen: statementsTexts.ar,
  movementsScreen: movementsTexts.ar,
  areasScreen: areasTexts.ar,
  mapDrawing: drawingTexts.ar,
  operationsScreen: operationsTexts.ar,
  errors: errorTexts.ar,
}
