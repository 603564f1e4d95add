// The words of the after-action report and the joint statement in Arabic, Sorani and English:
// headings, statuses, roles, timeline events, place kinds, and one phrase per agreed result
// (item + action of the results vocabulary). Shared by both documents so that the report and the
// statement name every figure the same way.
import type { DocumentLocale } from '../../language/locale-format.ts'
import type { AgreedFigure, OperationStatus, ParticipantRole, TimelineKind, NearbyPlace } from './after-action-data.ts'
import type { ResultAction, ResultItem } from '../../ingest/core/incident-draft-schema.ts'

type Words = Readonly<Record<DocumentLocale, string>>

/** Fixed texts of the report. */
export const reportLabels = {
  reportTitle: { ar: 'تقرير ما بعد العملية', ckb: 'ڕاپۆرتی دوای ئۆپەراسیۆن', en: 'After-action report' },
  jointOperation: { ar: 'عملية مشتركة', ckb: 'ئۆپەراسیۆنی هاوبەش', en: 'Joint operation' },
  releasedTo: { ar: 'مسموح بالاطلاع عليه لـ', ckb: 'ڕێگەپێدراو بۆ', en: 'Released to' },
  andOthers: { ar: 'وجهات أخرى', ckb: 'و لایەنی تر', en: 'and others' },
  preparedFor: { ar: 'أُعدّ لـ', ckb: 'ئامادەکراوە بۆ', en: 'Prepared for' },
  generatedAt: { ar: 'تاريخ الإصدار', ckb: 'ڕێکەوتی دەرچوون', en: 'Generated' },
  status: { ar: 'الحالة', ckb: 'دۆخ', en: 'Status' },
  hHour: { ar: 'ساعة الصفر', ckb: 'کاتژمێری سفر', en: 'H-hour' },
  window: { ar: 'مدة العملية', ckb: 'ماوەی ئۆپەراسیۆن', en: 'Operation window' },
  room: { ar: 'غرفة العمليات المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەش', en: 'Joint operations room' },
  purpose: { ar: 'الغرض من العملية', ckb: 'مەبەستی ئۆپەراسیۆن', en: 'Purpose' },
  planRevision: { ar: 'نسخة الخطة', ckb: 'وەشانی پلان', en: 'Plan revision' },
  otherNames: { ar: 'الاسم بالكوردية والإنجليزية', ckb: 'ناو بە عەرەبی و ئینگلیزی', en: 'Name in Arabic and Sorani' },
  map: { ar: 'خريطة العملية', ckb: 'نەخشەی ئۆپەراسیۆن', en: 'Map of the operation' },
  participants: { ar: 'الجهات المشاركة', ckb: 'لایەنە بەشداربووەکان', en: 'Participants' },
  phases: { ar: 'مراحل العملية', ckb: 'قۆناغەکانی ئۆپەراسیۆن', en: 'Phases' },
  timeline: { ar: 'التسلسل الزمني', ckb: 'هێڵی کات', en: 'Timeline' },
  results: { ar: 'النتائج المتفق عليها', ckb: 'ئەو ئەنجامانەی لەسەریان ڕێککەوتوون', en: 'Agreed results' },
  log: { ar: 'سجل العملية', ckb: 'تۆماری ئۆپەراسیۆن', en: 'Operation log' },
  places: { ar: 'الأماكن القريبة من مناطق العملية', ckb: 'شوێنە نزیکەکانی ناوچەکانی ئۆپەراسیۆن', en: 'Places near the objective areas' },
  objectiveArea: { ar: 'منطقة العملية', ckb: 'ناوچەی ئۆپەراسیۆن', en: 'Objective area' },
  axis: { ar: 'محور التقدم', ckb: 'تەوەری پێشڕەوی', en: 'Axis of advance' },
  place: { ar: 'مكان من معجم الأماكن', ckb: 'شوێن لە فەرهەنگی شوێنەکان', en: 'Place (gazetteer)' },
  districtBoundary: { ar: 'حدود الأقضية', ckb: 'سنووری قەزاکان', en: 'District boundaries' },
  north: { ar: 'ش', ckb: 'ب', en: 'N' },
  organization: { ar: 'الجهة', ckb: 'لایەن', en: 'Organization' },
  role: { ar: 'الدور', ckb: 'ڕۆڵ', en: 'Role' },
  units: { ar: 'القطعات', ckb: 'یەکەکان', en: 'Units' },
  name: { ar: 'الاسم', ckb: 'ناو', en: 'Name' },
  planned: { ar: 'التوقيت المخطط', ckb: 'کاتی پلاندانراو', en: 'Planned' },
  start: { ar: 'البداية', ckb: 'دەستپێک', en: 'Start' },
  end: { ar: 'النهاية', ckb: 'کۆتایی', en: 'End' },
  axes: { ar: 'المحاور', ckb: 'تەوەرەکان', en: 'Axes' },
  time: { ar: 'الوقت', ckb: 'کات', en: 'Time' },
  event: { ar: 'الحدث', ckb: 'ڕووداو', en: 'Event' },
  by: { ar: 'بواسطة', ckb: 'لەلایەن', en: 'By' },
  result: { ar: 'النتيجة', ckb: 'ئەنجام', en: 'Result' },
  count: { ar: 'العدد', ckb: 'ژمارە', en: 'Count' },
  entry: { ar: 'النص', ckb: 'دەق', en: 'Entry' },
  location: { ar: 'الموقع', ckb: 'شوێن', en: 'Location' },
  unit: { ar: 'القطعة', ckb: 'یەکە', en: 'Unit' },
  kind: { ar: 'النوع', ckb: 'جۆر', en: 'Kind' },
  district: { ar: 'القضاء', ckb: 'قەزا', en: 'District' },
  governorate: { ar: 'المحافظة', ckb: 'پارێزگا', en: 'Governorate' },
  distance: { ar: 'المسافة', ckb: 'دووری', en: 'Distance' },
  inside: { ar: 'داخل منطقة العملية', ckb: 'لەناو ناوچەی ئۆپەراسیۆن', en: 'inside an objective area' },
  approximate: { ar: 'موقع تقريبي', ckb: 'شوێنی نزیکەیی', en: 'approximate position' },
  photo: { ar: 'صورة مرفقة', ckb: 'وێنەی هاوپێچ', en: 'photo attached' },
  none: { ar: 'لا شيء', ckb: 'هیچ', en: 'None' },
  noEntries: { ar: 'لا توجد مدخلات.', ckb: 'هیچ تۆمارێک نییە.', en: 'No entries.' },
  km: { ar: 'كم', ckb: 'کم', en: 'km' },
  km2: { ar: 'كم²', ckb: 'کم²', en: 'km²' },
  unspecified: { ar: 'عدد غير محدد', ckb: 'ژمارەی دیارینەکراو', en: 'unspecified number' },
  agreedBy: { ar: 'اتفقت عليها', ckb: 'ڕەزامەندییان لەسەر داوە', en: 'Agreed by' },
  agreementRound: { ar: 'جولة الاتفاق', ckb: 'خولی ڕێککەوتن', en: 'Agreement round' },
  notAgreedTitle: { ar: 'الأرقام غير متفق عليها', ckb: 'ژمارەکان ڕێککەوتنیان لەسەر نییە', en: 'Figures not agreed' },
  notAgreed: {
    ar: 'لم تتفق جميع الجهات المشاركة على أرقام النتائج بعد، لذلك لا يعرض هذا التقرير أي أرقام.',
    ckb: 'هێشتا هەموو لایەنە بەشداربووەکان لەسەر ژمارەکانی ئەنجام ڕێک نەکەوتوون، بۆیە ئەم ڕاپۆرتە هیچ ژمارەیەک پیشان نادات.',
    en: 'Not every participant has agreed the result figures yet, so this report shows no figures.',
  },
  awaiting: { ar: 'بانتظار موافقة', ckb: 'چاوەڕوانی ڕەزامەندیی', en: 'Awaiting the agreement of' },
  footer: {
    ar: 'أعدّته منظومة تنسيق من سجلات العملية؛ ولا يتضمن إلا ما أُطلق للجهة المستلمة.',
    ckb: 'سیستەمی تەنسیق لە تۆمارەکانی ئۆپەراسیۆنەکە ئامادەی کردووە؛ تەنها ئەوەی تێدایە کە بۆ لایەنی وەرگر ڕێگەپێدراوە.',
    en: 'Produced by Tansiq from the operation’s records; it contains only what is released to the receiving organization.',
  },
} as const satisfies Record<string, Words>

/** Why the figures are not agreed, for the report and for a refused statement. */
export const notAgreedReasons = {
  'no-claims': { ar: 'لم تُسجَّل أي نتائج للعملية بعد.', ckb: 'هێشتا هیچ ئەنجامێکی ئۆپەراسیۆنەکە تۆمار نەکراوە.', en: 'No results of the operation have been recorded yet.' },
  'claims-recorded': {
    ar: 'سجّلت الجهات ما تدّعيه من نتائج، ولم تُقترح بعد أرقام للاتفاق عليها.',
    ckb: 'لایەنەکان ئەو ئەنجامانەیان تۆمار کردووە کە داوایان دەکەن، بەڵام هێشتا هیچ ژمارەیەک بۆ ڕێککەوتن پێشنیار نەکراوە.',
    en: 'The participants have recorded the results each claims; no figures have been proposed for agreement yet.',
  },
  'awaiting-agreement': {
    ar: 'اقتُرحت أرقام للاتفاق، ولم يوافق عليها قادة جميع الجهات المشاركة بعد.',
    ckb: 'ژمارەکان بۆ ڕێککەوتن پێشنیار کراون، بەڵام هێشتا فەرماندەی هەموو لایەنە بەشداربووەکان ڕەزامەندییان لەسەر نەداوە.',
    en: 'Figures have been proposed for agreement; not every participant’s commander has agreed them yet.',
  },
  reopened: {
    ar: 'أُعيد فتح الأرقام المتفق عليها، وهي بانتظار جولة اتفاق جديدة.',
    ckb: 'ژمارە ڕێککەوتووەکان کرانەوە و چاوەڕوانی خولێکی نوێی ڕێککەوتنن.',
    en: 'The agreed figures were reopened and await a new round of agreement.',
  },
} as const satisfies Record<string, Words>

export const statusLabels: Readonly<Record<OperationStatus, Words>> = {
  draft: { ar: 'مسودة', ckb: 'ڕەشنووس', en: 'Draft' },
  proposed: { ar: 'مقترحة', ckb: 'پێشنیارکراو', en: 'Proposed' },
  approved: { ar: 'مصادق عليها', ckb: 'پەسەندکراو', en: 'Approved' },
  active: { ar: 'جارية', ckb: 'لە جێبەجێکردندایە', en: 'Active' },
  completed: { ar: 'منتهية', ckb: 'تەواوبووە', en: 'Completed' },
  cancelled: { ar: 'ملغاة', ckb: 'هەڵوەشێنراوەتەوە', en: 'Cancelled' },
}

export const roleLabels: Readonly<Record<ParticipantRole, Words>> = {
  lead: { ar: 'الجهة القائدة', ckb: 'لایەنی سەرکردایەتیکەر', en: 'Lead' },
  participant: { ar: 'جهة مشاركة', ckb: 'لایەنی بەشداربوو', en: 'Participant' },
  support: { ar: 'إسناد (تنسيق ومعلومات)', ckb: 'پاڵپشتی (هەماهەنگی و زانیاری)', en: 'Support (liaison and information)' },
}

export const timelineLabels: Readonly<Record<TimelineKind, Words>> = {
  created: { ar: 'إعداد الخطة', ckb: 'ئامادەکردنی پلان', en: 'Plan drafted' },
  proposed: { ar: 'عرض الخطة على الشركاء', ckb: 'پێشکەشکردنی پلان بە هاوبەشان', en: 'Plan proposed to the partners' },
  amended: { ar: 'تعديل الخطة', ckb: 'هەموارکردنی پلان', en: 'Plan amended' },
  approved: { ar: 'مصادقة الجهة على الخطة', ckb: 'پەسەندکردنی پلان لەلایەن لایەنەکە', en: 'Plan approved' },
  activated: { ar: 'بدء التنفيذ', ckb: 'دەستپێکردنی جێبەجێکردن', en: 'Operation started' },
  completed: { ar: 'انتهاء العملية', ckb: 'کۆتاییهاتنی ئۆپەراسیۆن', en: 'Operation completed' },
  cancelled: { ar: 'إلغاء العملية', ckb: 'هەڵوەشاندنەوەی ئۆپەراسیۆن', en: 'Operation cancelled' },
  'results-proposed': { ar: 'اقتراح أرقام النتائج', ckb: 'پێشنیارکردنی ژمارەکانی ئەنجام', en: 'Result figures proposed' },
  'results-agreement': { ar: 'موافقة الجهة على الأرقام', ckb: 'ڕەزامەندیی لایەنەکە لەسەر ژمارەکان', en: 'Figures agreed by the organization' },
  'results-agreed': { ar: 'اتفاق جميع الجهات على الأرقام وقفلها', ckb: 'ڕێککەوتنی هەموو لایەنەکان لەسەر ژمارەکان و داخستنیان', en: 'Figures agreed by all and locked' },
  'results-reopened': { ar: 'إعادة فتح الأرقام', ckb: 'کردنەوەی ژمارەکان', en: 'Figures reopened' },
}

export const placeKindLabels: Readonly<Record<NearbyPlace['kind'], Words>> = {
  country: { ar: 'دولة', ckb: 'وڵات', en: 'country' },
  governorate: { ar: 'محافظة', ckb: 'پارێزگا', en: 'governorate' },
  district: { ar: 'قضاء', ckb: 'قەزا', en: 'district' },
  subdistrict: { ar: 'ناحية', ckb: 'ناحیە', en: 'subdistrict' },
  town: { ar: 'بلدة', ckb: 'شارۆچکە', en: 'town' },
  village: { ar: 'قرية', ckb: 'گوند', en: 'village' },
  area: { ar: 'منطقة', ckb: 'ناوچە', en: 'area' },
  neighbourhood: { ar: 'حي', ckb: 'گەڕەک', en: 'neighbourhood' },
}

/** The people a result counts, shown apart from materiel and sites. */
export type ResultGroup = 'materiel' | 'militants' | 'security' | 'civilians'

export const resultGroupLabels: Readonly<Record<ResultGroup, Words>> = {
  materiel: { ar: 'المواد والمواقع', ckb: 'کەرەستە و شوێنەکان', en: 'Materiel and sites' },
  militants: { ar: 'المسلحون', ckb: 'چەکداران', en: 'Militants' },
  security: { ar: 'منتسبو القوات الأمنية', ckb: 'ئەندامانی هێزە ئەمنییەکان', en: 'Security force members' },
  civilians: { ar: 'المدنيون', ckb: 'هاووڵاتیانی سیڤیل', en: 'Civilians' },
}

/** Which group a result item belongs to. */
export function resultGroupOf(item: ResultItem): ResultGroup {
  if (item === 'militant') return 'militants'
  if (item === 'security-member') return 'security'
  if (item === 'civilian') return 'civilians'
  return 'materiel'
}

/** The order results are listed in: groups, then the vocabulary's order of items and actions. */
export const resultGroupOrder: readonly ResultGroup[] = ['materiel', 'militants', 'security', 'civilians']
const itemOrder: readonly ResultItem[] = ['vehicle', 'motorcycle', 'cave', 'tunnel', 'hideout', 'guesthouse', 'cache', 'ied', 'weapon', 'ammunition', 'explosives-workshop', 'airstrike', 'militant', 'security-member', 'civilian']
const actionOrder: readonly ResultAction[] = ['destroyed', 'burned', 'found', 'seized', 'defused', 'conducted', 'killed', 'wounded', 'arrested']

/** Figures in the order both documents list them. */
export function sortFigures<T extends Pick<AgreedFigure, 'item' | 'action'>>(figures: readonly T[]): T[] {
  return [...figures].sort((a, b) => itemOrder.indexOf(a.item) - itemOrder.indexOf(b.item) || actionOrder.indexOf(a.action) - actionOrder.indexOf(b.action))
}

// Materiel: Arabic "الكهوف المدمرة" (a non-human plural takes a feminine singular adjective),
// Sorani "ئەشکەوتی تێکشکێنراو" (noun + ezafe + participle), English "Caves destroyed".
const materielNouns: Readonly<Record<Exclude<ResultItem, 'militant' | 'security-member' | 'civilian'>, Words>> = {
  vehicle: { ar: 'العجلات', ckb: 'ئۆتۆمبێلی', en: 'Vehicles' },
  motorcycle: { ar: 'الدراجات النارية', ckb: 'ماتۆڕی', en: 'Motorcycles' },
  cave: { ar: 'الكهوف', ckb: 'ئەشکەوتی', en: 'Caves' },
  tunnel: { ar: 'الأنفاق', ckb: 'تونێلی', en: 'Tunnels' },
  hideout: { ar: 'الأوكار', ckb: 'شوێنی خۆشاردنەوەی', en: 'Hideouts' },
  guesthouse: { ar: 'المضافات', ckb: 'میوانخانەی', en: 'Guesthouses' },
  cache: { ar: 'الأكداس', ckb: 'کۆگای', en: 'Caches' },
  ied: { ar: 'العبوات الناسفة', ckb: 'بۆمبی چێنراوی', en: 'IEDs' },
  weapon: { ar: 'الأسلحة', ckb: 'چەکی', en: 'Weapons' },
  ammunition: { ar: 'الأعتدة', ckb: 'تەقەمەنیی', en: 'Ammunition' },
  'explosives-workshop': { ar: 'معامل التفخيخ', ckb: 'کارگەی تەقەمەنیی', en: 'Explosives workshops' },
  // Air support is counted, never described as strikes or targets (Tansiq does no targeting).
  airstrike: { ar: 'طلعات الإسناد الجوي', ckb: 'فڕینی پاڵپشتیی ئاسمانیی', en: 'Air support missions' },
}

const materielParticiples: Readonly<Partial<Record<ResultAction, Words>>> = {
  destroyed: { ar: 'المدمرة', ckb: 'تێکشکێنراو', en: 'destroyed' },
  burned: { ar: 'المحروقة', ckb: 'سووتێنراو', en: 'burned' },
  found: { ar: 'المعثور عليها', ckb: 'دۆزراوە', en: 'found' },
  seized: { ar: 'المضبوطة', ckb: 'دەستبەسەرداگیراو', en: 'seized' },
  defused: { ar: 'المفككة', ckb: 'پووچەڵکراوە', en: 'defused' },
  conducted: { ar: 'المنفذة', ckb: 'ئەنجامدراو', en: 'conducted' },
}

const peoplePhrases: Readonly<Record<'militant' | 'security-member' | 'civilian', Partial<Record<ResultAction, Words>>>> = {
  militant: {
    killed: { ar: 'القتلى من المسلحين', ckb: 'چەکدارانی کوژراو', en: 'Militants killed' },
    wounded: { ar: 'الجرحى من المسلحين', ckb: 'چەکدارانی بریندار', en: 'Militants wounded' },
    arrested: { ar: 'المعتقلون من المسلحين والمشتبه بهم', ckb: 'چەکدار و گومانلێکراوانی دەستگیرکراو', en: 'Militants and suspects arrested' },
  },
  'security-member': {
    killed: { ar: 'الشهداء من منتسبي القوات الأمنية', ckb: 'شەهیدانی هێزە ئەمنییەکان', en: 'Security force members killed' },
    wounded: { ar: 'الجرحى من منتسبي القوات الأمنية', ckb: 'بریندارانی هێزە ئەمنییەکان', en: 'Security force members wounded' },
  },
  civilian: {
    killed: { ar: 'القتلى من المدنيين', ckb: 'کوژراوانی سیڤیل', en: 'Civilians killed' },
    wounded: { ar: 'الجرحى من المدنيين', ckb: 'بریندارانی سیڤیل', en: 'Civilians wounded' },
  },
}

const peopleFallback: Readonly<Record<'militant' | 'security-member' | 'civilian', Words>> = {
  militant: { ar: 'المسلحون', ckb: 'چەکداران', en: 'Militants' },
  'security-member': { ar: 'منتسبو القوات الأمنية', ckb: 'ئەندامانی هێزە ئەمنییەکان', en: 'Security force members' },
  civilian: { ar: 'المدنيون', ckb: 'هاووڵاتیانی سیڤیل', en: 'Civilians' },
}

const actionNouns: Readonly<Record<ResultAction, Words>> = {
  destroyed: { ar: 'تدمير', ckb: 'تێکشکاندن', en: 'destroyed' },
  burned: { ar: 'حرق', ckb: 'سووتاندن', en: 'burned' },
  found: { ar: 'عثور', ckb: 'دۆزینەوە', en: 'found' },
  seized: { ar: 'ضبط', ckb: 'دەستبەسەرداگرتن', en: 'seized' },
  defused: { ar: 'تفكيك', ckb: 'پووچەڵکردنەوە', en: 'defused' },
  killed: { ar: 'قتلى', ckb: 'کوژراو', en: 'killed' },
  wounded: { ar: 'جرحى', ckb: 'بریندار', en: 'wounded' },
  arrested: { ar: 'معتقلون', ckb: 'دەستگیرکراو', en: 'arrested' },
  conducted: { ar: 'تنفيذ', ckb: 'ئەنجامدان', en: 'conducted' },
}

/** The phrase that names one agreed figure ("الكهوف المدمرة", "ئەشکەوتی تێکشکێنراو", "Caves destroyed"). */
export function resultPhrase(figure: Pick<AgreedFigure, 'item' | 'action'>, locale: DocumentLocale): string {
  const { item, action } = figure
  if (item === 'militant' || item === 'security-member' || item === 'civilian') {
    const phrase = peoplePhrases[item][action]
    if (phrase) return phrase[locale]
    return `${peopleFallback[item][locale]} (${actionNouns[action][locale]})`
  }
  const participle = materielParticiples[action]
  if (participle) return `${materielNouns[item][locale]} ${participle[locale]}`
  return `${materielNouns[item][locale]} (${actionNouns[action][locale]})`
}

/** A figure's count in the locale's digits, or the locale's "unspecified number". */
export function formatCount(count: number | null, locale: DocumentLocale, format: (value: number) => string): string {
  return count === null ? reportLabels.unspecified[locale] : format(count)
}
