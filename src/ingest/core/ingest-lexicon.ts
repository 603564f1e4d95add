// The words of statements: how forces are named, the nouns of results and the verbs/nouns of
// actions, in Arabic, Sorani and English. Written in natural spelling; the matcher folds them.
// Sorani stems end with * (prefix match: Sorani glues articles, plurals and ezafe to the stem).
import type { ActorId, ResultAction, ResultItem } from './incident-draft-schema.ts'
import { buildLexicon } from './lexicon-matcher.ts'

// ---------------------------------------------------------------- actors

/** An actor word: which actor, and whether it names an institution (ministry, directorate) rather than forces. */
export interface ActorWord {
  readonly actor: ActorId | null
  readonly institution: boolean
  /** Can stand for a person after a number ("two Peshmerga were wounded"). */
  readonly personNoun: boolean
}

const actorPhrases: [string, ActorWord][] = []
function actor(id: ActorId | null, phrases: string, options: { institution?: boolean; personNoun?: boolean } = {}): void {
  for (const phrase of phrases.split('|')) actorPhrases.push([phrase, { actor: id, institution: options.institution ?? false, personNoun: options.personNoun ?? false }])
}
actor('peshmerga', 'البيشمركة|البشمركة|بيشمركة|بشمركة|البيشمركه|قوات البيشمركة|قوات البشمركة|الزيرفاني|زيرفاني|پێشمەرگە*|پيشمەرگە*|Peshmerga|Zeravani|Zerevani|زێرەڤانی*', { personNoun: true })
actor('peshmerga', 'وزارة البيشمركة|وزارة شؤون البيشمركة|وزارة البشمركة|وزارة شؤون البشمركة|وزير البيشمركة|وزير شؤون البيشمركة|وەزارەتی پێشمەرگە*|وەزارەتی کاروباری پێشمەرگە*|وەزیری پێشمەرگە*|وەزیری کاروباری پێشمەرگە*|Ministry of Peshmerga|Peshmerga Ministry|MoPA', { institution: true })
actor('iraqi-army', 'الجيش العراقي|الجيش|جيش|قطعات الجيش|القوات البرية|قيادة القوات البرية|فرقة المشاة|الفرقة المدرعة|قيادة عمليات|قيادات العمليات|سوپای عێراق*|سوپای*|سوپا|Iraqi Army|Iraqi army|army|Iraqi troops|Iraqi soldiers|ground forces')
actor(null, 'قيادة العمليات المشتركة|قيادة العمليات|خلية الإعلام الأمني|الجيش التركي|الجيش السوري|الجيش الأمريكي|الجيش الامريكي|الجيش الإيراني|سوپای تورکیا|سوپای تورک|Turkish army|Joint Operations Command|Security Media Cell')
actor('iraqi-army', 'وزارة الدفاع|وزير الدفاع|Ministry of Defence|Ministry of Defense|وەزارەتی بەرگری*', { institution: true })
actor('iraqi-cts', 'جهاز مكافحة الإرهاب|قوات مكافحة الإرهاب|مكافحة الإرهاب|الفرقة الذهبية|Counter-Terrorism Service|Counter Terrorism Service|Counter-Terrorism Services|CTS|Golden Division|ISOF|دەزگای دژە تیرۆر*|دژە تیرۆر*|دژەتیرۆر*|هێزەکانی دژە تیرۆر*')
actor('krg-cts', 'مكافحة الإرهاب في إقليم كوردستان|مكافحة الإرهاب في إقليم كردستان|مكافحة الإرهاب في كوردستان|Kurdistan Region Counter-Terrorism|Kurdistan Counter-Terrorism|KRG Counter-Terrorism|Counter Terrorism Department|Counter-Terrorism Department|CTD|دژە تیرۆری هەرێمی کوردستان*|دژە تیرۆری کوردستان*|دژەتیرۆری هەرێم*|دژە تیرۆری هەرێم*')
actor('iraqi-air-force', 'القوة الجوية|القوة الجوية العراقية|طيران الجيش|الطيران العراقي|الطيران الحربي العراقي|صقور الجو|طائرات F-16|طائرات إف 16|طائرات اف 16|F-16|F-16s|إف-16|Iraqi Air Force|Iraqi air force|Army Aviation|Iraqi aircraft|Iraqi jets|Iraqi F-16s|هێزی ئاسمانی عێراق*|فڕۆکەکانی عێراق*|فڕۆکەی عێراقی*')
actor('federal-police', 'الشرطة الاتحادية|قطعات الشرطة الاتحادية|قوات الشرطة الاتحادية|Federal Police|federal police|پۆلیسی فیدراڵ*|پۆلیسی فیدرال*')
actor('pmf', 'الحشد الشعبي|الحشد|هيئة الحشد الشعبي|الحشد العشائري|قوات الحشد|Popular Mobilization Forces|Popular Mobilisation Forces|Popular Mobilization|Hashd|al-Hashd|PMF|PMU|حەشدی شەعبی*|حەشد*')
actor('asayish', 'الأسايش|الاسايش|أسايش|اسايش|قوات الأسايش|مديرية الأسايش|مديرية أسايش|ئاسایش*|ئاسایشی*|Asayish|Asayesh|Asaish')
actor('coalition', 'التحالف الدولي|التحالف|طيران التحالف|قوات التحالف|طائرات التحالف|التحالف الدولي لمحاربة داعش|القوات الأمريكية|القوات الامريكية|هاوپەیمانان*|هاوپەیمانی*|هاوپەیمانیی*|coalition|Coalition|Global Coalition|US-led coalition|CJTF-OIR|Operation Inherent Resolve|U.S. forces|US forces|American forces')
actor('isis', 'داعش|الدواعش|دواعش|تنظيم داعش|تنظيم الدولة|تنظيم الدولة الإسلامية|الدولة الإسلامية|داعشي|داعشيين|عصابات داعش|فلول داعش|بقايا داعش|خلايا داعش|التنظيم|التنظيم الإرهابي|داعش*|ISIS|ISIL|Daesh|Daish|Islamic State|دەوڵەتی ئیسلامی*')

/** Lexicon of actor names. */
export const ACTOR_LEXICON = buildLexicon(actorPhrases)

/** Words right before an actor name that make it an institution (the speaker), not forces. */
export const INSTITUTION_WORDS = new Set(['وزارة', 'وزير', 'مديرية', 'مدير', 'المتحدث', 'الناطق', 'متحدث', 'ناطق', 'مكتب', 'اعلام', 'إعلام', 'خلية', 'باسم', 'قيادة', 'ministry', 'minister', 'spokesman', 'spokesperson', 'office', 'media', 'وەزارەتی', 'وتەبێژی', 'ڕاگەیاندنی', 'بەڕێوەبەرایەتی', 'directorate'])

// ---------------------------------------------------------------- results

/** Grammatical number of a matched noun form (Arabic dual counts as 2; singular as 1 when no number is written). */
export type NounNumber = 'singular' | 'dual' | 'plural'

/** Which side a person noun is on; 'ambiguous' is decided by the actor named next to it. */
export type PersonSide = 'militant' | 'security-member' | 'civilian' | 'ambiguous' | 'anyone'

/** A result noun: the item it names and the grammatical number of this form. */
export interface ItemWord {
  readonly item: ResultItem | 'person'
  readonly number: NounNumber
  readonly side?: PersonSide
  /** Sorani stems decide number from the suffix (ەکان plural, ێک one). */
  readonly soraniStem?: boolean
}

const itemPhrases: [string, ItemWord][] = []

/**
 * Adds an Arabic noun: singular, plurals, and (if its plural is not the sound -ين plural, with
 * which the unvowelled dual would be confused) the dual forms in both cases.
 */
function arabicNoun(item: ResultItem | 'person', singular: string, plurals: string, options: { dual?: boolean; side?: PersonSide; suffix?: string } = {}): void {
  const suffix = options.suffix ? ` ${options.suffix}` : ''
  const side = options.side
  for (const form of singular.split('|')) {
    itemPhrases.push([form + suffix, { item, number: 'singular', side }])
    if (!/[ةه]$/.test(form) && !/ي$/.test(form)) itemPhrases.push([form + 'ا' + suffix, { item, number: 'singular', side }])
    if (options.dual !== false) {
      const stem = /ة$/.test(form) ? form.slice(0, -1) + 'ت' : form
      for (const ending of ['ين', 'ان']) {
        const dualSuffix = options.suffix ? ` ${options.suffix.split(' ').map((word) => (/ة$/.test(word) ? word.slice(0, -1) + 'ت' : word) + ending).join(' ')}` : ''
        itemPhrases.push([stem + ending + dualSuffix, { item, number: 'dual', side }])
        if (options.suffix) itemPhrases.push([stem + ending + suffix, { item, number: 'dual', side }])
      }
    }
  }
  for (const form of plurals.split('|').filter((plural) => plural !== '')) itemPhrases.push([form + suffix, { item, number: 'plural', side }])
}

function english(item: ResultItem | 'person', singular: string, plural: string, side?: PersonSide): void {
  for (const form of singular.split('|').filter((value) => value !== '')) itemPhrases.push([form, { item, number: 'singular', side }])
  for (const form of plural.split('|').filter((value) => value !== '')) itemPhrases.push([form, { item, number: 'plural', side }])
}

function sorani(item: ResultItem | 'person', stems: string, side?: PersonSide): void {
  for (const stem of stems.split('|')) itemPhrases.push([stem, { item, number: 'singular', side, soraniStem: stem.endsWith('*') }])
}

arabicNoun('vehicle', 'عجلة|سيارة|آلية|مركبة|عربة|شاحنة|عجلة مفخخة|سيارة مفخخة', 'عجلات|سيارات|آليات|مركبات|عربات|شاحنات|عجلاتهم|آلياتهم')
arabicNoun('motorcycle', 'دراجة', 'دراجات', { suffix: 'نارية' })
arabicNoun('motorcycle', 'دراجة', 'دراجات')
arabicNoun('cave', 'كهف|مغارة', 'كهوف|مغارات|مغاور')
arabicNoun('tunnel', 'نفق', 'أنفاق|انفاق')
arabicNoun('hideout', 'وكر|مقر|مخبأ|ملاذ|معقل|مأوى', 'أوكار|اوكار|مقرات|مخابئ|ملاذات|معاقل|أوكاره')
arabicNoun('guesthouse', 'مضافة', 'مضافات|مضافاتهم')
arabicNoun('cache', 'كدس|مخزن|مستودع|مخبأ أسلحة|مخبأ للأسلحة|مخبأ للاسلحة', 'أكداس|اكداس|مخازن|مستودعات')
arabicNoun('ied', 'عبوة|لغم|عبوة ناسفة|عبوة لاصقة|قنبلة|قذيفة', 'عبوات|ألغام|الغام|عبوات ناسفة|قنابل|مقذوفات|قذائف')
arabicNoun('ied', 'عبوة', 'عبوات', { suffix: 'ناسفة' })
arabicNoun('weapon', 'سلاح|مسدس|بندقية|رشاشة|قاذفة|قطعة سلاح|صاروخ|كلاشنكوف|هاون', 'أسلحة|اسلحة|مسدسات|بنادق|رشاشات|قاذفات|صواريخ|أسلحتهم', { dual: true })
arabicNoun('ammunition', 'عتاد|ذخيرة|عتاده', 'أعتدة|اعتدة|ذخائر|ذخيرة حية', { dual: false })
arabicNoun('explosives-workshop', 'معمل تفخيخ|معمل للتفخيخ|ورشة تفخيخ|ورشة للتفخيخ|معمل لتصنيع العبوات|ورشة لتصنيع العبوات|معمل لصناعة العبوات|معمل تصنيع|معمل للمتفجرات|معمل', 'معامل تفخيخ|معامل|ورش تفخيخ')
arabicNoun('airstrike', 'ضربة جوية|غارة جوية|غارة|ضربة', 'ضربات جوية|غارات جوية|غارات|ضربات')
arabicNoun('airstrike', 'ضربة|غارة', 'ضربات|غارات', { suffix: 'جوية' })
itemPhrases.push(['قصف جوي', { item: 'airstrike', number: 'plural' }], ['قصفا جويا', { item: 'airstrike', number: 'plural' }])
// People. Sound plurals in -ين are not given duals (unvowelled مسلحين is plural, not dual).
arabicNoun('person', 'إرهابي|ارهابي|داعشي|انتحاري|مسلح|مطلوب|متهم|مشتبه|مشتبه به|مشتبها به|مشتبها|قيادي|أمير|امير|والي|مهاجم|انغماسي|قناص|ممول|مسؤول مالي|انتحاريا', 'إرهابيين|ارهابيين|إرهابيون|ارهابيون|الإرهابيين|دواعش|انتحاريين|انتحاريون|مسلحين|مسلحون|مسلحو|مسلحي|مطلوبين|مطلوبون|متهمين|متهمون|مشتبه بهم|مشتبهين|قياديين|قيادات|أمراء|مهاجمين|مهاجمون|انغماسيين|قناصين|عناصر داعش', { dual: false, side: 'militant' })
arabicNoun('person', 'جندي|ضابط|شرطي|حارس|شهيد', 'جنود|ضباط|حراس|شهداء', { side: 'security-member' })
arabicNoun('person', 'منتسب|عسكري', 'منتسبين|منتسبي|منتسبو|عسكريين', { side: 'security-member', dual: false })
arabicNoun('person', 'مدني|مواطن|راعي|مزارع|فلاح|مدنيا', 'مدنيين|مدنيون|مواطنين|مواطنون|رعاة|فلاحين|سكان|أهالي|اهالي|مواطنان', { side: 'civilian', dual: false })
arabicNoun('person', 'طفل|امرأة|راع', 'أطفال|اطفال|نساء', { side: 'civilian' })
itemPhrases.push(['راعيان', { item: 'person', number: 'dual', side: 'civilian' }], ['راعيين', { item: 'person', number: 'dual', side: 'civilian' }])
arabicNoun('person', 'شخص', 'أشخاص|اشخاص', { side: 'anyone' })
arabicNoun('person', 'عنصر|مقاتل|فرد|آمر|قائد|عضو', 'عناصر|مقاتلين|مقاتلي|أفراد|افراد|آمري|قادة|أعضاء|اعضاء', { side: 'ambiguous' })
for (const dual of ['جنديين|جنديان', 'شرطيين|شرطيان', 'ضابطين|ضابطان', 'منتسبين|منتسبان', 'عنصرين|عنصران', 'مدنيين اثنين', 'شخصين|شخصان', 'طفلين|طفلان', 'مواطنين اثنين']) {
  for (const form of dual.split('|')) itemPhrases.push([form, { item: 'person', number: 'dual', side: /جندي|شرطي|ضابط|منتسب/.test(form) ? 'security-member' : /عنصر/.test(form) ? 'ambiguous' : 'civilian' }])
}

english('vehicle', 'vehicle|car|truck|pickup|pick-up|car bomb|VBIED', 'vehicles|cars|trucks|pickups|pick-ups|car bombs|VBIEDs')
english('motorcycle', 'motorcycle|motorbike|motor bike', 'motorcycles|motorbikes')
english('cave', 'cave', 'caves')
english('tunnel', 'tunnel', 'tunnels')
english('hideout', 'hideout|hide-out|safe house|safehouse|hiding place|bed-down location|headquarters|den', 'hideouts|hide-outs|safe houses|safehouses|hiding places|bed-down locations|dens|shelters')
english('guesthouse', 'guesthouse|guest house', 'guesthouses|guest houses')
english('cache', 'cache|depot|stockpile|arms dump|weapons cache|arms cache|ammunition cache', 'caches|depots|stockpiles|weapons caches|arms caches')
english('ied', 'IED|improvised explosive device|roadside bomb|explosive device|bomb|landmine|mine|booby trap', 'IEDs|improvised explosive devices|roadside bombs|explosive devices|bombs|landmines|mines|booby traps|explosive charges')
english('weapon', 'weapon|rifle|pistol|machine gun|rocket launcher|RPG|mortar|gun|rocket', 'weapons|rifles|pistols|machine guns|rocket launchers|RPGs|mortars|guns|arms|rockets')
english('ammunition', 'ammunition|ammo', 'rounds|munitions')
english('explosives-workshop', 'bomb-making workshop|bomb making workshop|explosives workshop|IED workshop|IED factory|bomb factory|workshop', 'workshops|bomb-making workshops')
english('airstrike', 'airstrike|air strike|air raid|strike', 'airstrikes|air strikes|air raids|strikes')
english('person', 'militant|terrorist|suspect|jihadist|gunman|insurgent|suicide bomber|ISIS member|leader|emir|attacker|financier|operative|recruiter|bomber', 'militants|terrorists|suspects|jihadists|gunmen|insurgents|suicide bombers|ISIS members|leaders|attackers|extremists|financiers|operatives|recruiters', 'militant')
english('person', 'soldier|officer|policeman|serviceman|service member|guard', 'soldiers|officers|policemen|troops|servicemen|service members|guards|security personnel', 'security-member')
english('person', 'civilian|resident|villager|child|woman|shepherd|farmer|boy|girl|son|daughter', 'civilians|residents|villagers|children|women|shepherds|farmers|boys|girls|sons|daughters', 'civilian')
english('person', 'person|man', 'people|persons|men', 'anyone')
english('person', 'fighter|member|commander', 'fighters|members|commanders', 'ambiguous')

sorani('vehicle', 'ئۆتۆمبێل*|ئۆتۆمبیل*|پیکاپ*|سەیارە*|ئۆتۆمبێلی بۆمبڕێژکراو*|بۆمبڕێژکراو*')
sorani('motorcycle', 'ماتۆڕ*|ماتۆڕسکیل*|پاسکیل*')
sorani('cave', 'ئەشکەوت*')
sorani('tunnel', 'تونێل*|تونیل*|تونێڵ*')
sorani('hideout', 'شوێنی خۆشاردنەوە*|حەشارگە*|بنکە*|بارەگا*|مۆڵگە*|شوێنی حەشارگە*')
sorani('guesthouse', 'میوانخانە*|مزیف*')
sorani('cache', 'کۆگا*|کۆگای چەک*|کۆگای تەقەمەنی*')
sorani('ied', 'بۆمب*|بۆمبی چێنراو*|تەقەمەنی چێنراو*|عەبوە*|مین*|مینی*|تەقەمەنیی چێنراو*')
sorani('weapon', 'چەک*|دەمانچە*|کلاشینکۆف*|تفەنگ*|ڕاجیمە*|هاوەن*')
sorani('ammunition', 'تەقەمەنی*|فیشەک*')
sorani('explosives-workshop', 'کارگەی بۆمب*|کارگەی دروستکردنی بۆمب*|کارگەی تەقەمەنی*|کارگە*')
sorani('airstrike', 'هێرشی ئاسمانی*|هێرشێکی ئاسمانی*|هێرشی فڕۆکە*|بۆردومان*|گورزی ئاسمانی*|لێدانی ئاسمانی*')
sorani('person', 'چەکدار*|تیرۆریست*|گومانلێکراو*|تۆمەتبار*|خۆکوژ*|جیهادی*|داعشی*|ئەندامی داعش*|سەرکردەی داعش*|سەرکردە*', 'militant')
sorani('person', 'سەرباز*|ئەفسەر*|پۆلیس*|شەهید*|ئەندامی هێز*|ئەفسەرێک*', 'security-member')
sorani('person', 'هاووڵاتی*|هاوڵاتی*|مەدەنی*|منداڵ*|ئافرەت*|شوان*|جوتیار*', 'civilian')
sorani('person', 'کەس*|کەسی*', 'anyone')
sorani('person', 'ئەندام*|جەنگاوەر*|فەرماندە*|چەکداری*', 'ambiguous')

/** Lexicon of result nouns. */
export const ITEM_LEXICON = buildLexicon(itemPhrases)

/** An action word: the action per item (undefined: does not apply), or 'neutral' to end a list without a result. */
export interface ActionWord {
  readonly action: ResultAction | 'neutral'
  /** For persons the same word may mean something else: "eliminate" things = destroyed, persons = killed. */
  readonly personAction?: ResultAction
  /** Items this action applies to; undefined = all that allow it. */
  readonly only?: readonly (ResultItem | 'person')[]
  /** "Found" is weaker than any other action on the same items. */
  readonly weak?: boolean
  /** Martyrdom words: the dead are from the reporting side. */
  readonly martyr?: boolean
}

const actionPhrases: [string, ActionWord][] = []
function action(word: ActionWord, phrases: string): void {
  for (const phrase of phrases.split('|')) actionPhrases.push([phrase, word])
}
action({ action: 'destroyed', personAction: 'killed' }, 'تدمير|دمر|دمرت|يدمر|تدمر|تم تدمير|هدم|هدمت|تهديم|نسف|نسفت|ردم|ردمت|تحطيم|إعطاب|اعطاب|تخريب|القضاء على|قضت على|destroyed|destroy|destroys|destroying|demolished|demolish|razed|blew up|blown up|wrecked|eliminated|neutralised|neutralized|تێکدا*|تێکدران*|تێکدرا*|تێکشکا*|تێکشکێن*|وێرانکر*|وێران*|خاپوور*|لەناوبر*')
action({ action: 'destroyed', only: ['cave', 'tunnel', 'hideout', 'guesthouse', 'explosives-workshop', 'cache'] }, 'تفجير|فجرت|نسف|blew up|blown up')
action({ action: 'burned' }, 'حرق|احراق|إحراق|أحرق|أحرقت|احرقت|حرقت|يحرق|تحرق|تم حرق|إضرام النار|اضرام النار|أضرمت النار|burned|burnt|burning|torched|set fire|set ablaze|سووتێن*|سوتێن*|سووتاند*|سوتاند*|سووتا*|ئاگر تێبەردرا*')
action({ action: 'found', weak: true }, 'العثور على|العثور|عثر|عثرت|عثور|يعثر|تعثر|اكتشاف|اكتشفت|كشف عن|ضبط وكشف|found|discovered|uncovered|located|find|discovery|دۆزرا*|دۆزیەوە*|دۆزییەوە*|دۆزینەوە*|دۆزرایەوە*|دۆزیانەوە*')
action({ action: 'seized', personAction: 'arrested' }, 'ضبط|ضبطت|يضبط|تضبط|مصادرة|صادرت|الاستيلاء على|استولت|حجز|تم ضبط|seized|seize|seizing|confiscated|captured|recovered|بەسەردا*|دەستی بەسەردا*|دەست بەسەرداگرتن*|دەستیان بەسەردا*|گیرا*|لێ گرتن|گرتن|لێگیرا*|لێ گیرا*')
action({ action: 'defused' }, 'تفكيك|فكك|فككت|يفكك|تفكك|إبطال|ابطال|إبطال مفعول|ابطال مفعول|معالجة|رفع|رفعت|defused|defuse|defusing|dismantled|disarmed|cleared|rendered safe|پووچەڵ*|پوچەڵ*|هەڵوەشاند*|بێ کاریگەر*|بێکاریگەر*')
action({ action: 'killed' }, 'مقتل|قتل|قتلت|قتلوا|يقتل|تقتل|قتلى|مصرع|لقي مصرعه|لقوا مصرعهم|تصفية|قنص|killed|killing|kill|kills|dead|died|lost their lives|slain|کوژرا*|کوژران*|کوشت*|گیانیان لەدەستدا*|گیانی لەدەستدا*')
action({ action: 'killed', martyr: true }, 'استشهاد|استشهد|استشهدوا|استشهدا|martyred|شەهیدبوو*|شەهید بوو*|شەهیدبوون*|شەهید کران*|شەهیدکران*')
action({ action: 'wounded' }, 'إصابة|اصابة|أصيب|اصيب|أصيبوا|اصيبوا|أصيبا|جرح|جرحى|إصابات|اصابات|بجروح|إصابته|يصاب|wounded|injured|injuring|wounding|hurt|injuries|بریندار*|برینداربوو*|بریندارکرا*|بریندار بوو*')
action({ action: 'arrested' }, 'اعتقال|اعتقل|اعتقلت|يعتقل|تعتقل|القبض على|إلقاء القبض|القاء القبض|ألقت القبض|القت القبض|ألقى القبض|قبض|القبض|توقيف|أوقفت|اوقفت|احتجاز|أسر|اسر|arrested|arrest|arrests|arresting|detained|detain|apprehended|nabbed|دەستگیر*|دەسگیر*|گیران*|گرتنی*')
action({ action: 'conducted', only: ['airstrike'] }, 'نفذ|نفذت|شن|شنت|وجه|وجهت|carried out|conducted|launched|ئەنجامدا*|ئەنجام دا*|کردە سەر|کردنە سەر|کرد')
action({ action: 'neutral' }, 'انفجار|تفجير عبوة|هجوم|هجوما|هجمات|استهدف|استهدفت|استهداف|زرع|زرعها|زرعت|يستقلون|يستقلونهما|تسلل|exploded|detonated|explosion|blast|attack|attacked|targeted|planted|تەقییەوە*|تەقیەوە*|تەقینەوە*|هێرش*|هێرشی*|چێنرا*')

/** Lexicon of action words. */
export const ACTION_LEXICON = buildLexicon(actionPhrases)

/** Which actions make sense for an item (part of the results vocabulary, shared with operation claims). */
export { ALLOWED_ACTIONS } from './incident-draft-schema.ts'

// ---------------------------------------------------------------- frames

/** Verbs of saying: a date or institution next to them belongs to the announcement, not the event. */
export const REPORTING_LEXICON = buildLexicon(
  'أعلن|أعلنت|اعلن|اعلنت|يعلن|تعلن|ذكر|ذكرت|قال|قالت|أفاد|أفادت|افاد|افادت|أكد|أكدت|اكد|اكدت|أوضح|أوضحت|اوضح|اوضحت|صرح|صرحت|نشر|نشرت|أصدر|أصدرت|بيان|بيانا|said|says|announced|stated|reported|told|added|statement|ڕایگەیاند*|ڕاگەیەندراو*|ڕاگەیاندن*|وتی*|ئاشکرای کرد*'
    .split('|')
    .map((phrase) => [phrase, true] as const),
)

/** Words that open a subordinate clause: after them a date belongs to the reported event again. */
export const COMPLEMENTISERS = new Set(['ان', 'بان', 'انه', 'انها', 'that', 'كه', 'اذ', 'حيث'])

/** Markers of an earlier, context event (pluperfect "وكانت ... قد", "earlier", "پێشتر"). */
export const CONTEXT_LEXICON = buildLexicon(
  'وكان|وكانت|كان|كانت|سبق|سبق أن|في وقت سابق|سابقا|منذ|earlier|previously|had|since|in a previous|پێشتر*'
    .split('|')
    .map((phrase) => [phrase, true] as const),
)

/** Every word of the lexicons above: such words are never read as place names on their own. */
export const LEXICON_WORDS: readonly string[] = [...new Set([
  ...[...actorPhrases.map(([phrase]) => phrase), ...itemPhrases.map(([phrase]) => phrase), ...actionPhrases.map(([phrase]) => phrase)]
    .flatMap((phrase) => phrase.split(/\s+/))
    .map((word) => word.replace(/\*$/, ''))
    .filter((word) => word.length >= 3),
  // Number, month and weekday words are also never villages.
  ...('ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|عشرين|ثلاثين|اثنين|اثنتين|یەک|دوو|سێ|چوار|پێنج|شەش|حەوت|هەشت|نۆ|دە|بیست|سەد|تموز|حزيران|نيسان|أيار|آذار|شباط|أيلول|ئازار|ئایار|حوزەیران|تەمموز|ئەیلوول|یەکشەممە|دووشەممە|سێشەممە|چوارشەممە|پێنجشەممە|هەینی|شەممە|ئەمڕۆ|دوێنێ|پێری|ئێوارە|بەیانی|شەو'.split('|') as string[]),
])]
