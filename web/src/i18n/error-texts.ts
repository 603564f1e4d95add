/**
 * What each failure means for the reader, in every language: one message per code of the
 * server's error registry (src/platform/errors.ts) and per failure the browser sees on its own,
 * plus the alert's own words. The type asks for every code: a code added to the registry without
 * its message here, in each language, fails the type check (`npm run typecheck`).
 */
import type { ClientErrorCode } from '../api/api-client.ts'
import type { ErrorCode } from '../api/server-types.ts'

export type ErrorTexts = Record<ErrorCode | ClientErrorCode, string> & {
  /** The heading of an error whose code has no message (never, while this type holds). */
  title: string
  /** The request's reference, to quote to the administrator. */
  requestId: string
}

const en: ErrorTexts = {
  title: 'Something went wrong', requestId: 'Reference for the administrator: {{id}}',
  network: 'The server could not be reached. Check the link and try again.', timeout: 'The server did not answer in time. The link may be slow; try again.',
  'unexpected-response': 'The server sent an answer the screen cannot read.',
  'validation-failed': 'Some values are not valid.',
  'malformed-json': 'The screen sent a request the server could not read. Reload the page and try again.',
  'invalid-encoding': 'The request held text in an unreadable encoding. Reload the page and try again.',
  'invalid-geometry': 'The shape is not valid: check that its lines do not cross themselves and its points are in order.',
  'notice-too-short': 'This gives less notice than the room requires for this precedence: give a justification.',
  unauthenticated: 'Sign in first.', 'invalid-credentials': 'Unknown username or wrong password.', 'session-expired': 'Your session has expired. Sign in again.',
  forbidden: 'Your role or organization does not allow this.', 'csrf-rejected': 'The request was refused as cross-site. Reload the page.',
  'account-disabled': 'This account is disabled.',
  'not-participant': 'Your organization does not take part in this operation.',
  'not-found': 'Not found.',
  'route-not-found': 'The server does not offer this address. Reload the page: the screen may be out of date.',
  'method-not-allowed': 'The server does not allow this action here. Reload the page: the screen may be out of date.',
  conflict: 'Someone changed this meanwhile. Reload and try again.',
  'already-exists': 'This already exists.',
  locked: 'Agreed by every participant and locked: a change needs a new round of agreement.',
  'stale-round': 'That round of agreement is no longer the open one. The board shows the current one.',
  'stale-plan-revision': 'The plan changed since you read it. Read the current plan, then approve it again.',
  'approvals-pending': 'Not every participating organization has approved the current plan yet.',
  'results-not-agreed': 'The results are not yet agreed by every participant.',
  'payload-too-large': 'Too large to send: choose a smaller file or a shorter text.',
  'unsupported-media-type': 'This kind of file or content is not accepted.',
  unprocessable: 'The request cannot be applied as it stands.',
  'plan-invalid': 'The plan breaks a planning rule: see the detail below.',
  'upgrade-required': 'This address is for the live connection only.',
  'too-many-requests': 'Too many attempts. Wait a little before trying again.',
  'pdf-renderer-unavailable': 'The PDF cannot be made on this server now. Open the HTML version instead and print it.',
  'not-ready': 'Tansiq is starting. Try again in a moment.',
  internal: 'The server failed. The administrator can find it by its reference.',
}

const ar: ErrorTexts = {
  title: 'حدث خطأ', requestId: 'مرجع لمدير النظام: {{id}}',
  network: 'تعذّر الوصول إلى الخادم. تحقّق من الاتصال وأعد المحاولة.', timeout: 'لم يردّ الخادم في الوقت المحدد. قد يكون الاتصال بطيئاً؛ أعد المحاولة.',
  'unexpected-response': 'أرسل الخادم رداً لا تستطيع الشاشة قراءته.',
  'validation-failed': 'بعض القيم غير صالحة.',
  'malformed-json': 'أرسلت الشاشة طلباً لم يستطع الخادم قراءته. أعد تحميل الصفحة وحاول مجدداً.',
  'invalid-encoding': 'احتوى الطلب على نص بترميز غير مقروء. أعد تحميل الصفحة وحاول مجدداً.',
  'invalid-geometry': 'الشكل غير صالح: تأكّد أن خطوطه لا تتقاطع مع نفسها وأن نقاطه مرتّبة.',
  'notice-too-short': 'المهلة أقصر مما تطلبه الغرفة لهذه الأسبقية: اذكر تبريراً.',
  unauthenticated: 'سجّل الدخول أولاً.', 'invalid-credentials': 'اسم المستخدم غير معروف أو كلمة المرور خاطئة.', 'session-expired': 'انتهت صلاحية جلستك. سجّل الدخول مجدداً.',
  forbidden: 'دورك أو جهتك لا يسمح بهذا.', 'csrf-rejected': 'رُفض الطلب لأنه من موقع آخر. أعد تحميل الصفحة.',
  'account-disabled': 'هذا الحساب معطّل.',
  'not-participant': 'جهتك لا تشارك في هذه العملية.',
  'not-found': 'غير موجود.',
  'route-not-found': 'الخادم لا يوفّر هذا العنوان. أعد تحميل الصفحة: قد تكون نسخة الشاشة قديمة.',
  'method-not-allowed': 'الخادم لا يسمح بهذا الإجراء هنا. أعد تحميل الصفحة: قد تكون نسخة الشاشة قديمة.',
  conflict: 'غيّر أحدهم هذا في الأثناء. أعد التحميل وحاول مجدداً.',
  'already-exists': 'هذا موجود مسبقاً.',
  locked: 'اتفقت عليه كل الجهات المشاركة وقُفل: أي تغيير يحتاج إلى جولة اتفاق جديدة.',
  'stale-round': 'لم تعد جولة الاتفاق هذه هي الجولة المفتوحة. تعرض اللوحة الجولة الحالية.',
  'stale-plan-revision': 'تغيّرت الخطة منذ أن قرأتها. اقرأ الخطة الحالية ثم وافق عليها من جديد.',
  'approvals-pending': 'لم توافق كل الجهات المشاركة على الخطة الحالية بعد.',
  'results-not-agreed': 'لم تتفق كل الجهات المشاركة على النتائج بعد.',
  'payload-too-large': 'الحجم أكبر من المسموح: اختر ملفاً أصغر أو نصاً أقصر.',
  'unsupported-media-type': 'هذا النوع من الملفات أو المحتوى غير مقبول.',
  unprocessable: 'لا يمكن تنفيذ الطلب بصيغته الحالية.',
  'plan-invalid': 'الخطة تخالف إحدى قواعد التخطيط: انظر التفاصيل أدناه.',
  'upgrade-required': 'هذا العنوان مخصّص للاتصال المباشر فقط.',
  'too-many-requests': 'محاولات كثيرة. انتظر قليلاً ثم أعد المحاولة.',
  'pdf-renderer-unavailable': 'لا يمكن إنشاء ملف PDF على هذا الخادم الآن. افتح نسخة HTML واطبعها بدلاً منه.',
  'not-ready': 'تنسيق قيد التشغيل. أعد المحاولة بعد لحظات.',
  internal: 'فشل الخادم. يستطيع مدير النظام إيجاد الخطأ بمرجعه.',
}

const ckb: ErrorTexts = {
  title: 'هەڵەیەک ڕوویدا', requestId: 'ژمارەی ئاماژە بۆ بەڕێوەبەری سیستەم: {{id}}',
  network: 'ناتوانرێت بگاتە ڕاژەکار. پەیوەندییەکە بپشکنە و دووبارە هەوڵبدەرەوە.', timeout: 'ڕاژەکار لە کاتی خۆیدا وەڵامی نەدایەوە. لەوانەیە پەیوەندییەکە خاو بێت؛ دووبارە هەوڵبدەرەوە.',
  'unexpected-response': 'ڕاژەکار وەڵامێکی نارد کە شاشەکە ناتوانێت بیخوێنێتەوە.',
  'validation-failed': 'هەندێک لە بەهاکان دروست نین.',
  'malformed-json': 'شاشەکە داواکارییەکی نارد کە ڕاژەکار نەیتوانی بیخوێنێتەوە. پەڕەکە نوێ بکەرەوە و دووبارە هەوڵبدەرەوە.',
  'invalid-encoding': 'داواکارییەکە دەقێکی تێدابوو کە کۆدکردنەکەی ناخوێندرێتەوە. پەڕەکە نوێ بکەرەوە و دووبارە هەوڵبدەرەوە.',
  'invalid-geometry': 'شێوەکە دروست نییە: دڵنیابە کە هێڵەکانی یەکتر نابڕن و خاڵەکانی بە ڕیزن.',
  'notice-too-short': 'ماوەی ئاگادارکردنەوە لەوە کورترە کە ژوورەکە بۆ ئەم پێشینەییە داوای دەکات: پاساوێک بنووسە.',
  unauthenticated: 'سەرەتا بچۆ ژوورەوە.', 'invalid-credentials': 'ناوی بەکارهێنەر نەناسراوە یان وشەی نهێنی هەڵەیە.', 'session-expired': 'ماوەی دانیشتنەکەت بەسەرچوو. دووبارە بچۆ ژوورەوە.',
  forbidden: 'ڕۆڵ یان دامەزراوەکەت ڕێگە بەمە نادات.', 'csrf-rejected': 'داواکارییەکە ڕەتکرایەوە چونکە لە ماڵپەڕێکی ترەوە هاتووە. پەڕەکە نوێ بکەرەوە.',
  'account-disabled': 'ئەم هەژمارە ناچالاک کراوە.',
  'not-participant': 'دامەزراوەکەت بەشداری لەم ئۆپەراسیۆنەدا ناکات.',
  'not-found': 'نەدۆزرایەوە.',
  'route-not-found': 'ڕاژەکار ئەم ناونیشانە پێشکەش ناکات. پەڕەکە نوێ بکەرەوە: لەوانەیە وەشانی شاشەکە کۆن بێت.',
  'method-not-allowed': 'ڕاژەکار لێرە ڕێگە بەم کردارە نادات. پەڕەکە نوێ بکەرەوە: لەوانەیە وەشانی شاشەکە کۆن بێت.',
  conflict: 'کەسێک لەم نێوەندەدا ئەمەی گۆڕی. نوێی بکەرەوە و دووبارە هەوڵبدەرەوە.',
  'already-exists': 'ئەمە پێشتر هەیە.',
  locked: 'هەموو لایەنە بەشداربووەکان لەسەری ڕێککەوتن و داخرا: هەر گۆڕانکارییەک پێویستی بە خولێکی نوێی ڕێککەوتن هەیە.',
  'stale-round': 'ئەو خولەی ڕێککەوتن چیتر خولە کراوەکە نییە. تەختەکە خولی ئێستا پیشان دەدات.',
  'stale-plan-revision': 'پلانەکە گۆڕاوە لەو کاتەوەی خوێندتەوە. پلانی ئێستا بخوێنەوە و دووبارە پەسەندی بکە.',
  'approvals-pending': 'هێشتا هەموو لایەنە بەشداربووەکان پلانی ئێستایان پەسەند نەکردووە.',
  'results-not-agreed': 'هێشتا هەموو لایەنە بەشداربووەکان لەسەر ئەنجامەکان ڕێک نەکەوتوون.',
  'payload-too-large': 'قەبارەکەی زۆر گەورەیە: فایلێکی بچووکتر یان دەقێکی کورتتر هەڵبژێرە.',
  'unsupported-media-type': 'ئەم جۆرە فایل یان ناوەڕۆکە وەرناگیرێت.',
  unprocessable: 'داواکارییەکە بەم شێوەیەی ئێستا جێبەجێ ناکرێت.',
  'plan-invalid': 'پلانەکە یاسایەکی پلاندانان دەشکێنێت: وردەکارییەکان لە خوارەوە ببینە.',
  'upgrade-required': 'ئەم ناونیشانە تەنها بۆ پەیوەندیی ڕاستەوخۆیە.',
  'too-many-requests': 'هەوڵی زۆر درا. کەمێک چاوەڕێ بکە و دووبارە هەوڵبدەرەوە.',
  'pdf-renderer-unavailable': 'ئێستا لەسەر ئەم ڕاژەکارە ناتوانرێت PDF دروست بکرێت. لە جیاتی ئەوە وەشانی HTML بکەرەوە و چاپی بکە.',
  'not-ready': 'هەماهەنگی خەریکی دەستپێکردنە. دوای چەند ساتێک دووبارە هەوڵبدەرەوە.',
  internal: 'ڕاژەکار شکستی هێنا. بەڕێوەبەری سیستەم بە ژمارەی ئاماژەکە دەیدۆزێتەوە.',
}

export const errorTexts = { en, ar, ckb }
