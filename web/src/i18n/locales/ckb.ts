/** دەقە کوردییەکان (سۆرانی). */
import type { Translation } from '../translation.ts'
import { reportsTexts } from '../../features/reports/reports-texts.ts'
import { statementsTexts } from '../../features/statements/statements-texts.ts'
import { movementsTexts } from '../../features/movements/movements-texts.ts'
import { areasTexts } from '../../features/areas/areas-texts.ts'
import { drawingTexts } from '../../features/map/drawing/drawing-texts.ts'
import { operationsTexts } from '../../features/operations/operations-texts.ts'
import { errorTexts } from '../error-texts.ts'

export const ckb: Translation = {
  app: { name: 'هەماهەنگی', room: 'ژووری ئۆپەراسیۆنی هاوبەش', skipToContent: 'بڕۆ بۆ ناوەڕۆک', loading: 'بارکردن…', retry: 'دووبارە هەوڵبدەرەوە', close: 'داخستن' },
  language: { label: 'زمان', ar: 'العربية', ckb: 'کوردی', en: 'English' },
  login: {
    title: 'چوونەژوورەوە', intro: 'بەو هەژمارەی دامەزراوەکەت پێی داویت بچۆ ژوورەوە.', username: 'ناوی بەکارهێنەر', password: 'وشەی نهێنی',
    submit: 'چوونەژوورەوە', submitting: 'چوونەژوورەوە…', signOut: 'چوونەدەرەوە', signedInAs: 'چوویتە ژوورەوە وەک {{name}}',
  },
  roles: { admin: 'بەڕێوەبەری سیستەم', commander: 'فەرماندە', 'watch-officer': 'ئەفسەری نۆبەدار', 'liaison-officer': 'ئەفسەری پەیوەندی', analyst: 'شیکەرەوە', viewer: 'بینەر' },
  rooms: {
    title: 'ژوورێک هەڵبژێرە', none: 'دامەزراوەکەت هێشتا ئەندامی هیچ ژوورێک نییە. بەڕێوەبەری سیستەم زیادی دەکات.', members: 'دامەزراوە ئەندامەکان',
    open: 'ژوورەکە بکەرەوە', back: 'هەموو ژوورەکان',
  },
  room: {
    panel: 'پانێڵی لاتەنیشت', showPanel: 'پانێڵەکە پیشان بدە', hidePanel: 'پانێڵەکە بشارەوە', map: 'نەخشەی ژوورەکە. تیرەکان بۆ جوڵاندن، + و − بۆ گەورە و بچووککردنەوە.',
    opening: 'نەخشەکە دەکێشرێت…',
    tabs: { layers: 'چینەکان', feed: 'گۆڕانکارییەکان', units: 'یەکەکان' },
    notFound: 'ئەم ژوورە بوونی نییە یان دامەزراوەکەت ئەندامی نییە.',
  },
  mapControls: {
    zoomIn: 'گەورەکردن', zoomOut: 'بچووککردنەوە', attribution: 'پیشاندان یان شاردنەوەی سەرچاوەکانی نەخشە', closePopup: 'داخستن',
  },
  layers: {
    title: 'چینەکانی نەخشە', units: 'یەکەکان و ڕێڕەوەکانیان', areas: 'سنوورەکانی بەرپرسیارێتی', coverage: 'بۆشایی و بەسەریەکداچوون', movements: 'جووڵەی یەکەکان',
    reports: 'ڕاپۆرتەکان', places: 'شوێنەکان', 'coordination-lines': 'هێڵەکانی هەماهەنگی', operations: 'ئۆپەراسیۆنەکان', count: 'پیشاندراو: {{count}}',
    legendOrganizations: 'دامەزراوەکان', legendCoverage: 'بۆشایی ئەمنی', gap: 'بۆشایی (کەس دایناپۆشێت)', overlap: 'بەسەریەکداچوون (زیاتر لە لایەنێک داوای دەکات)',
  },
  movementStatus: {
    draft: 'ڕەشنووس', submitted: 'ئاگادارکراوەتەوە، چاوەڕێی وەڵام', cleared: 'هەموو لایەنەکان پەسەندیان کرد', conflicted: 'ناڕەزایی یان ناکۆکی', active: 'لە جێبەجێکردندایە',
    completed: 'تەواوبوو', cancelled: 'هەڵوەشایەوە', expired: 'ماوەکەی بەسەرچوو',
  },
  reportType: { incident: 'ڕووداو', sigact: 'چالاکیی گرنگی دوژمن', intelligence: 'زانیاریی هەواڵگری' },
  connection: {
    connecting: 'پەیوەستبوون…', syncing: 'بارکردنی وێنەکە…', connected: 'ڕاستەوخۆ', reconnecting: 'دووبارە پەیوەستبوونەوە (هەوڵی {{attempt}})…',
    reconnectingIn: 'پەیوەندی پچڕا — دووبارە هەوڵدان دوای {{seconds}} چرکە', offline: 'پەیوەندی نییە — لەوانەیە وێنەکە کۆن بێت', lastUpdate: 'دوایین نوێکردنەوە {{time}}', reconnectNow: 'ئێستا پەیوەست ببەرەوە',
    sessionEnded: 'دانیشتنەکەت کۆتایی هات. دووبارە بچۆ ژوورەوە.',
  },
  feed: {
    title: 'چی دەگۆڕێت', empty: 'لەو کاتەوەی ژوورەکەت کردەوە هیچ نەگۆڕاوە.', created: 'نوێ', updated: 'نوێکرایەوە', removed: 'لابرا یان چیتر لەگەڵت هاوبەش نییە',
    positions: 'ڕاپۆرتی شوێن لە دوایین خولەکدا: {{count}}',
    operationLog: 'تۆماری ئۆپەراسیۆن', operationResults: 'ئەنجامەکانی ئۆپەراسیۆن', objective: 'ناوچەی ئۆپەراسیۆن', axis: 'تەوەری پێشڕەوی', someOperation: 'ئۆپەراسیۆنێک',
    resultsLocked: '{{operation}}: هەموو لایەنە بەشداربووەکان لەسەر ئەنجامەکان ڕێککەوتن و داخرا', resultsProposed: '{{operation}}: ژمارەکانی خولی {{round}} پێشنیار کراون، چاوەڕوانی ڕێککەوتن',
    resultsDiscrepant: '{{operation}}: ئەنجامە ڕاگەیەندراوەکان جیاوازن (جیاوازییەکان: {{count}})', resultsClaims: '{{operation}}: ئەنجامە ڕاگەیەندراوەکان تۆمار کران',
    resultsAwaiting: '{{operation}}: چاوەڕوانی ئەنجامە ڕاگەیەندراوەکان',
  },
  units: { search: 'یەکەیەک بدۆزەرەوە', none: 'هیچ یەکەیەک ناگونجێت.', count: 'یەکەکان: {{count}}', noPosition: 'هێشتا شوێنی نییە', reported: 'ڕاپۆرتی دا {{time}}', show: '{{name}} لەسەر نەخشە پیشان بدە' },
  clock: { yours: 'کاتی تۆ', room: 'کاتی ژوور' },
  reportsScreen: reportsTexts.ckb,
  statementsScreen: statementsTexts.ckb,
  movementsScreen: movementsTexts.ckb,
  areasScreen: areasTexts.ckb,
  mapDrawing: drawingTexts.ckb,
  operationsScreen: operationsTexts.ckb,
  errors: errorTexts.ckb,
}
