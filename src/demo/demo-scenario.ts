/**
 * The reference scenario of the brief, as data: rooms, units, areas of responsibility that leave
 * a gap between Kifri and Tuz Khurmatu (around Balkana and Qurijay), an overlap near Dibis,
 * reports, and patrol routes for the track simulator. Coordinates are approximate (WGS 84,
 * [longitude, latitude]); the gap and overlap are illustrative, not a statement of real lines.
 */

type Ring = Array<[number, number]>
const box = (west: number, south: number, east: number, north: number): Ring => [[west, south], [east, south], [east, north], [west, north], [west, south]]

export const demoRooms = [
  { id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' }, members: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'], area: box(43.9, 34.45, 45.5, 35.9) },
  { id: 'diyala', names: { en: 'Diyala joint operations room', ar: 'غرفة عمليات ديالى المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی دیالە' }, members: ['peshmerga', 'iraqi-army', 'joc'], area: box(44.3, 33.4, 45.8, 34.9) },
  { id: 'makhmour', names: { en: 'Makhmour joint operations room', ar: 'غرفة عمليات مخمور المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی مەخموور' }, members: ['peshmerga', 'iraqi-army', 'joc', 'coalition'], area: box(43.2, 35.5, 43.95, 36.1) },
  { id: 'erbil', names: { en: 'Erbil joint operations room', ar: 'غرفة عمليات أربيل المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی هەولێر' }, members: ['peshmerga', 'iraqi-army', 'asayish', 'joc', 'coalition'], area: box(43.6, 35.9, 44.4, 36.5) },
  { id: 'west-nineveh', names: { en: 'West Nineveh joint operations room', ar: 'غرفة عمليات غرب نينوى المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی ڕۆژئاوای نەینەوا' }, members: ['peshmerga', 'iraqi-army', 'joc'], area: box(41.5, 35.9, 43.2, 36.7) },
  { id: 'baghdad', names: { en: 'Baghdad joint operations room', ar: 'غرفة عمليات بغداد المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی بەغدا' }, members: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'], area: box(44.0, 33.0, 44.8, 33.6) },
] as const

export interface DemoUnit {
  key: string
  organizationId: string
  names: { en: string; ar: string; ckb: string }
  echelon: 'battalion' | 'brigade' | 'company' | 'division'
  sidc: string
  roomId: string
  /** Patrol route the simulator moves the unit along, [lon, lat]. */
  route: Array<[number, number]>
  speedKmh: number
}

export const demoUnits: DemoUnit[] = [
  { key: 'pesh-garmiyan', organizationId: 'peshmerga', names: { en: 'Peshmerga Garmiyan sector brigade', ar: 'لواء قاطع كرميان - البيشمركة', ckb: 'لیوای کەرتی گەرمیان - پێشمەرگە' }, echelon: 'brigade', sidc: 'SFGPUCI----H---', roomId: 'kirkuk', route: [[44.96, 34.69], [44.93, 34.76], [44.9, 34.83], [44.96, 34.69]], speedKmh: 25 },
  { key: 'pesh-kalar', organizationId: 'peshmerga', names: { en: 'Peshmerga Kalar battalion', ar: 'فوج كلار - البيشمركة', ckb: 'هێزی کەلار - پێشمەرگە' }, echelon: 'battalion', sidc: 'SFGPUCI----F---', roomId: 'diyala', route: [[45.32, 34.63], [45.1, 34.66], [44.98, 34.7], [45.32, 34.63]], speedKmh: 35 },
  { key: 'army-52', organizationId: 'iraqi-army', names: { en: 'Iraqi Army 52nd Brigade', ar: 'اللواء 52 - الجيش العراقي', ckb: 'لیوای ٥٢ - سوپای عێراق' }, echelon: 'brigade', sidc: 'SFGPUCIZ---H---', roomId: 'kirkuk', route: [[44.63, 34.89], [44.68, 34.82], [44.7, 34.75], [44.63, 34.89]], speedKmh: 30 },
  { key: 'army-tuz-company', organizationId: 'iraqi-army', names: { en: 'Iraqi Army Tuz Khurmatu company', ar: 'سرية طوزخورماتو - الجيش العراقي', ckb: 'سەریەی دوزخورماتوو - سوپای عێراق' }, echelon: 'company', sidc: 'SFGPUCI----E---', roomId: 'kirkuk', route: [[44.63, 34.89], [44.58, 34.95], [44.63, 34.89]], speedKmh: 20 },
  { key: 'cts-battalion', organizationId: 'cts', names: { en: 'CTS special operations battalion', ar: 'فوج العمليات الخاصة - جهاز مكافحة الإرهاب', ckb: 'هێزی ئۆپەراسیۆنی تایبەت - دژەتیرۆر' }, echelon: 'battalion', sidc: 'SFGPUCIS---F---', roomId: 'kirkuk', route: [[44.39, 35.47], [44.5, 35.2], [44.63, 34.89], [44.39, 35.47]], speedKmh: 45 },
  { key: 'pesh-makhmour', organizationId: 'peshmerga', names: { en: 'Peshmerga Makhmour front brigade', ar: 'لواء جبهة مخمور - البيشمركة', ckb: 'لیوای بەرەی مەخموور - پێشمەرگە' }, echelon: 'brigade', sidc: 'SFGPUCI----H---', roomId: 'makhmour', route: [[43.58, 35.78], [43.65, 35.85], [43.58, 35.78]], speedKmh: 15 },
  { key: 'army-dibis', organizationId: 'iraqi-army', names: { en: 'Iraqi Army Dibis battalion', ar: 'فوج الدبس - الجيش العراقي', ckb: 'هێزی دوبز - سوپای عێراق' }, echelon: 'battalion', sidc: 'SFGPUCI----F---', roomId: 'kirkuk', route: [[44.07, 35.67], [44.2, 35.6], [44.07, 35.67]], speedKmh: 25 },
]

export interface DemoArea {
  key: string
  organizationId: string
  kind: 'aor' | 'joint-security-area'
  names: { en: string; ar: string; ckb: string }
  roomId: string
  ring: Ring
}

export const demoAreas: DemoArea[] = [
  // The joint security area along the line between the forces, from Tuz Khurmatu to Kifri.
  { key: 'jsa-kifri-tuz', organizationId: 'joc', kind: 'joint-security-area', roomId: 'kirkuk', names: { en: 'Kifri – Tuz Khurmatu joint security area', ar: 'منطقة الاهتمام الأمني المشترك كفري - طوزخورماتو', ckb: 'ناوچەی ئاسایشی هاوبەشی کفری - دوزخورماتوو' }, ring: [[44.55, 34.95], [44.62, 34.6], [45.05, 34.6], [45.05, 34.78], [44.75, 35.02], [44.55, 34.95]] },
  // Peshmerga hold the east of the strip (Kifri, Garmiyan side)...
  { key: 'aor-pesh-garmiyan', organizationId: 'peshmerga', kind: 'aor', roomId: 'kirkuk', names: { en: 'Peshmerga Garmiyan AOR', ar: 'قاطع مسؤولية البيشمركة - كرميان', ckb: 'سنووری بەرپرسیارێتی پێشمەرگە - گەرمیان' }, ring: [[44.88, 34.55], [45.4, 34.55], [45.4, 35.0], [44.95, 35.0], [44.88, 34.85], [44.88, 34.55]] },
  // ...the army the west (Tuz Khurmatu, Salah al-Din side); between them, around Balkana and Qurijay, nobody.
  { key: 'aor-army-tuz', organizationId: 'iraqi-army', kind: 'aor', roomId: 'kirkuk', names: { en: 'Iraqi Army Tuz Khurmatu AOR', ar: 'قاطع مسؤولية الجيش العراقي - طوزخورماتو', ckb: 'سنووری بەرپرسیارێتی سوپای عێراق - دوزخورماتوو' }, ring: [[44.4, 34.55], [44.72, 34.55], [44.72, 35.05], [44.4, 35.05], [44.4, 34.55]] },
  // Near Dibis both claim the same ground: an overlap.
  { key: 'aor-pesh-dibis', organizationId: 'peshmerga', kind: 'aor', roomId: 'kirkuk', names: { en: 'Peshmerga Dibis AOR', ar: 'قاطع مسؤولية البيشمركة - الدبس', ckb: 'سنووری بەرپرسیارێتی پێشمەرگە - دوبز' }, ring: box(44.0, 35.6, 44.25, 35.8) },
  { key: 'aor-army-dibis', organizationId: 'iraqi-army', kind: 'aor', roomId: 'kirkuk', names: { en: 'Iraqi Army Dibis AOR', ar: 'قاطع مسؤولية الجيش العراقي - الدبس', ckb: 'سنووری بەرپرسیارێتی سوپای عێراق - دوبز' }, ring: box(43.9, 35.55, 44.12, 35.75) },
  { key: 'jsa-dibis', organizationId: 'joc', kind: 'joint-security-area', roomId: 'kirkuk', names: { en: 'Dibis joint security area', ar: 'منطقة الاهتمام الأمني المشترك - الدبس', ckb: 'ناوچەی ئاسایشی هاوبەشی دوبز' }, ring: box(43.95, 35.58, 44.2, 35.78) },
]

export interface DemoReport {
  organizationId: string
  type: 'incident' | 'sigact' | 'intelligence'
  title: string
  body: string
  language: 'ar' | 'ckb' | 'en'
  daysAgo: number
  point: [number, number]
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'
  credibility: 1 | 2 | 3 | 4 | 5 | 6
  roomRelease: boolean
}

/** Reports written for the demo (not quotations of real statements). */
export const demoReports: DemoReport[] = [
  { organizationId: 'peshmerga', type: 'incident', language: 'ar', daysAgo: 1, point: [44.8, 34.8], reliability: 'B', credibility: 2, roomRelease: true,
    title: 'رصد تحركات مشبوهة قرب قرية بلكانة',
    body: 'رصدت نقطة مراقبة تابعة لقوات البيشمركة مساء أمس عجلتين مجهولتين تتحركان بين قريتي بلكانة وقوريجاي في المنطقة الفاصلة بين قضاءي كفري وطوزخورماتو. تم إبلاغ غرفة العمليات المشتركة.' },
  { organizationId: 'iraqi-army', type: 'sigact', language: 'ar', daysAgo: 2, point: [44.68, 34.86], reliability: 'A', credibility: 1, roomRelease: true,
    title: 'العثور على عبوة ناسفة على طريق طوزخورماتو',
    body: 'عثرت قوة من اللواء 52 على عبوة ناسفة مزروعة على جانب الطريق جنوب شرق طوزخورماتو وتم تفكيكها من قبل الجهد الهندسي دون خسائر.' },
  { organizationId: 'peshmerga', type: 'intelligence', language: 'ckb', daysAgo: 3, point: [44.9, 34.75], reliability: 'C', credibility: 3, roomRelease: false,
    title: 'زانیاری دەربارەی شوێنی خۆشاردنەوە لە گەرمیان',
    body: 'بەپێی زانیارییەکان، چەند چەکدارێکی داعش لە ئەشکەوتێک نزیک گوندی قوریچای خۆیان شاردۆتەوە. ئەم زانیارییە هێشتا پشتڕاست نەکراوەتەوە.' },
  { organizationId: 'cts', type: 'incident', language: 'en', daysAgo: 4, point: [44.5, 35.2], reliability: 'B', credibility: 2, roomRelease: true,
    title: 'Checkpoint reports convoy passing south of Kirkuk',
    body: 'A CTS checkpoint south of Kirkuk logged a coordinated convoy of 12 vehicles moving towards Tuz Khurmatu at 06:40. Movement was notified in advance through the joint operations room.' },
]


export interface DemoMovement {
  key: string
  /** The unit that moves (a DemoUnit key); the movement is its organization's. */
  unitKey: string
  roomId: string
  /** The route, [lon, lat]. */
  route: Array<[number, number]>
  /** Planned start and end, in hours from the moment the demo is seeded (so the demo stays current). */
  startsInHours: number
  hours: number
  precedence: 'routine' | 'priority' | 'immediate' | 'flash'
  size: { vehicles: number; personnel: number }
  purpose: string
  liaison: { name: string; phone?: string; radio?: string }
  /** What happens after it is notified: kept as a draft, left waiting for answers, or answered by an affected organization. */
  outcome: { kind: 'draft' } | { kind: 'awaiting' } | { kind: 'acknowledged'; by: string; note: string } | { kind: 'objected'; by: string; reason: string }
}

/**
 * Movements notified in the Kirkuk room (written for the demo; not real plans). Their windows do
 * not overlap, so each one's findings are the areas of responsibility it crosses:
 *  - a Peshmerga resupply convoy from Kifri through the gap around Balkana into the Iraqi Army's
 *    area at Tuz Khurmatu, waiting for the army's acknowledgement;
 *  - a CTS company moving from Kirkuk down to Tuz Khurmatu, acknowledged by the army: cleared;
 *  - an Iraqi Army patrol from Tuz Khurmatu east through Qurijay into the Peshmerga's Garmiyan
 *    area, to which the Peshmerga object: conflicted;
 *  - a Peshmerga escort from Kalar to Kifri still being planned: a draft.
 */
export const demoMovements: DemoMovement[] = [
  {
    key: 'pesh-convoy-kifri-tuz', unitKey: 'pesh-garmiyan', roomId: 'kirkuk', precedence: 'priority', startsInHours: 8, hours: 4,
    route: [[44.96, 34.69], [44.9, 34.74], [44.8, 34.8], [44.72, 34.85], [44.64, 34.88]],
    size: { vehicles: 14, personnel: 56 },
    purpose: 'کاروانی پێداویستی (سووتەمەنی و خۆراک) لە کفرییەوە بۆ خاڵی پشکنینی هاوبەشی دوزخورماتوو، بە ڕێگای بلکانەدا.',
    liaison: { name: 'ڕێبوار کەریم', phone: '+964 770 412 5583', radio: 'Garmiyan-3' },
    outcome: { kind: 'awaiting' },
  },
  {
    key: 'cts-kirkuk-tuz', unitKey: 'cts-battalion', roomId: 'kirkuk', precedence: 'routine', startsInHours: 40, hours: 6,
    route: [[44.39, 35.47], [44.33, 35.3], [44.5, 35.1], [44.63, 34.89]],
    size: { vehicles: 9, personnel: 70 },
    purpose: 'Move a special operations company from Kirkuk to Tuz Khurmatu for a joint search of the orchards south of the town.',
    liaison: { name: 'Capt. Haidar Salman', phone: '+964 780 220 1947' },
    outcome: { kind: 'acknowledged', by: 'army.liaison', note: 'تم الاستلام. ستُبلَّغ سيطرات طوزخورماتو بمرور الرتل.' },
  },
  {
    key: 'army-patrol-qurijay', unitKey: 'army-tuz-company', roomId: 'kirkuk', precedence: 'routine', startsInHours: 28, hours: 6,
    route: [[44.63, 34.89], [44.75, 34.82], [44.86, 34.75], [44.93, 34.72]],
    size: { vehicles: 4, personnel: 32 },
    purpose: 'دورية استطلاع من طوزخورماتو باتجاه قوريجاي للتحقق من بلاغات عن تحركات مشبوهة في المنطقة الفاصلة.',
    liaison: { name: 'ملازم أول علي حسين', phone: '+964 771 309 6620', radio: 'Tuz-2' },
    outcome: {
      kind: 'objected', by: 'pesh.watch',
      reason: 'ئەم ڕێگایە لە ناوچەی بەرپرسیارێتی لیوای گەرمیاندا تێدەپەڕێت، کە لەو کاتەدا خەریکی پشکنینی گوندەکانی دەوروبەری قوریچایە. تکایە کاتەکە دوا بخەن یان پێشتر لەگەڵ فەرماندەی لیوا هاوئاهەنگی بکەن.',
    },
  },
  {
    key: 'pesh-escort-kalar-kifri', unitKey: 'pesh-kalar', roomId: 'kirkuk', precedence: 'routine', startsInHours: 72, hours: 5,
    route: [[45.32, 34.63], [45.1, 34.66], [44.96, 34.69]],
    size: { vehicles: 22, personnel: 40 },
    purpose: 'مرافقة قافلة مساعدات إنسانية من كلار إلى كفري (مسودة: بانتظار تأكيد عدد الشاحنات).',
    liaison: { name: 'ئاسۆ محەمەد', radio: 'Kalar-1' },
    outcome: { kind: 'draft' },
  },
]
