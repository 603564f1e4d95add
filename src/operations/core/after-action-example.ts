// The reference operation as report data, written for Tansiq's tests: Black Earth (الأرض السوداء،
// زەوی ڕەش), led by the Peshmerga with the Iraqi Army and coalition support, clearing the villages
// between Kifri and Tuz Khurmatu. Times are in June 2021 (Baghdad time, UTC+3); figures invented
// for the test, in the results vocabulary.
import type { AfterActionReportInput } from './after-action-data.ts'

const tuzDistrict = { ar: 'طوز خورماتو', ckb: 'دووزخورماتوو', en: 'Tuz Khurmatu' }
const salahuddin = { ar: 'صلاح الدين', ckb: 'سەڵاحەدین', en: 'Salahuddin' }
const diyala = { ar: 'ديالى', ckb: 'دیالە', en: 'Diyala' }

/** The agreed figures of the reference operation (the PDF test looks for their digits). */
export const referenceFigures = [
  { item: 'vehicle', action: 'burned', count: 3 },
  { item: 'cave', action: 'destroyed', count: 5 },
  { item: 'guesthouse', action: 'destroyed', count: 4 },
  { item: 'tunnel', action: 'destroyed', count: null },
  { item: 'hideout', action: 'destroyed', count: 23 },
  { item: 'ied', action: 'defused', count: 17 },
  { item: 'airstrike', action: 'conducted', count: 2 },
  { item: 'militant', action: 'killed', count: 6 },
  { item: 'militant', action: 'arrested', count: 1 },
  { item: 'security-member', action: 'wounded', count: 1 },
] as const

/** Report data of the reference operation, with agreed results. */
export function referenceAfterActionData(): AfterActionReportInput {
  return {
    operation: {
      id: '6f1f5a52-8a3e-4c1e-9d55-0b7c1e2a9f01',
      names: { ar: 'الأرض السوداء', ckb: 'زەوی ڕەش', en: 'Black Earth' },
      objective: 'Clear the villages between the Peshmerga and army lines south of Tuz Khurmatu and close the gap between them.',
      status: 'completed',
      hHour: '2021-06-06T05:00:00+03:00',
      windowStart: '2021-06-06T03:00:00+03:00',
      windowEnd: '2021-06-06T17:00:00+03:00',
      planRevision: 2,
      room: { id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' } },
      releasedTo: ['coalition', 'iraqi-army', 'peshmerga'],
    },
    organizations: {
      peshmerga: { en: 'Ministry of Peshmerga Affairs', ar: 'وزارة شؤون البيشمركة', ckb: 'وەزارەتی کاروباری پێشمەرگە' },
      'iraqi-army': { en: 'Iraqi Army (Ministry of Defence)', ar: 'الجيش العراقي (وزارة الدفاع)', ckb: 'سوپای عێراق (وەزارەتی بەرگری)' },
      coalition: { en: 'Coalition liaison', ar: 'ارتباط التحالف الدولي', ckb: 'پەیوەندی هاوپەیمانی نێودەوڵەتی' },
    },
    participants: [
      { organizationId: 'peshmerga', role: 'lead', names: { en: 'Ministry of Peshmerga Affairs', ar: 'وزارة شؤون البيشمركة', ckb: 'وەزارەتی کاروباری پێشمەرگە' },
        units: [{ id: 'a3c1d7e2-0001-4000-8000-000000000001', names: { en: 'Peshmerga Garmiyan sector brigade', ar: 'لواء قاطع كرميان - البيشمركة', ckb: 'لیوای کەرتی گەرمیان - پێشمەرگە' } }] },
      { organizationId: 'iraqi-army', role: 'participant', names: { en: 'Iraqi Army (Ministry of Defence)', ar: 'الجيش العراقي (وزارة الدفاع)', ckb: 'سوپای عێراق (وەزارەتی بەرگری)' },
        units: [{ id: 'a3c1d7e2-0002-4000-8000-000000000002', names: { en: 'Iraqi Army 52nd Brigade', ar: 'اللواء ٥٢ - الجيش العراقي', ckb: 'لیوای ٥٢ - سوپای عێراق' } }] },
      { organizationId: 'coalition', role: 'support', names: { en: 'Coalition liaison', ar: 'ارتباط التحالف الدولي', ckb: 'پەیوەندی هاوپەیمانی نێودەوڵەتی' }, units: [] },
    ],
    objectives: [
      { id: 'b1', name: 'Balkana – Qurijay', organizationId: 'peshmerga', areaKm2: 98.6,
        geometry: { type: 'MultiPolygon', coordinates: [[[[44.70, 34.76], [44.84, 34.74], [44.87, 34.80], [44.78, 34.86], [44.69, 34.83], [44.70, 34.76]]]] } },
    ],
    axes: [
      { id: 'ax-east', name: 'Axis Garmiyan', organizationId: 'peshmerga', lengthKm: 17.4,
        geometry: { type: 'LineString', coordinates: [[44.95, 34.73], [44.89, 34.76], [44.80, 34.78]] } },
      { id: 'ax-west', name: 'Axis Tuz', organizationId: 'iraqi-army', lengthKm: 13.1,
        geometry: { type: 'LineString', coordinates: [[44.64, 34.88], [44.69, 34.85], [44.75, 34.81]] } },
    ],
    phases: [
      { ordinal: 1, name: 'Move to the start lines', startOffsetMinutes: -120, endOffsetMinutes: 0, start: '2021-06-06T03:00:00+03:00', end: '2021-06-06T05:00:00+03:00', axisIds: [] },
      { ordinal: 2, name: 'Clear Balkana and Qurijay', startOffsetMinutes: 0, endOffsetMinutes: 300, start: '2021-06-06T05:00:00+03:00', end: '2021-06-06T10:00:00+03:00', axisIds: ['ax-east', 'ax-west'] },
      { ordinal: 3, name: 'Search caves and tunnels, withdraw', startOffsetMinutes: 300, endOffsetMinutes: 720, start: '2021-06-06T10:00:00+03:00', end: '2021-06-06T17:00:00+03:00', axisIds: [] },
    ],
    timeline: [
      { at: '2021-06-02T10:15:00+03:00', kind: 'created', organizationId: 'peshmerga', by: 'pesh.liaison', planRevision: 1 },
      { at: '2021-06-03T09:00:00+03:00', kind: 'proposed', organizationId: 'peshmerga', by: 'pesh.liaison', planRevision: 1 },
      { at: '2021-06-03T16:40:00+03:00', kind: 'amended', organizationId: 'peshmerga', by: 'pesh.liaison', planRevision: 2 },
      { at: '2021-06-04T11:20:00+03:00', kind: 'approved', organizationId: 'peshmerga', by: 'pesh.commander', planRevision: 2 },
      { at: '2021-06-04T13:05:00+03:00', kind: 'approved', organizationId: 'iraqi-army', by: 'army.commander', planRevision: 2 },
      { at: '2021-06-04T15:30:00+03:00', kind: 'approved', organizationId: 'coalition', by: 'coalition.commander', planRevision: 2 },
      { at: '2021-06-06T04:55:00+03:00', kind: 'activated', organizationId: 'peshmerga', by: 'pesh.commander' },
      { at: '2021-06-06T16:40:00+03:00', kind: 'completed', organizationId: 'peshmerga', by: 'pesh.commander' },
      { at: '2021-06-07T10:00:00+03:00', kind: 'results-proposed', organizationId: 'peshmerga', by: 'pesh.commander' },
      { at: '2021-06-07T12:30:00+03:00', kind: 'results-agreement', organizationId: 'iraqi-army', by: 'army.commander' },
      { at: '2021-06-07T13:10:00+03:00', kind: 'results-agreement', organizationId: 'coalition', by: 'coalition.commander' },
      { at: '2021-06-07T13:10:00+03:00', kind: 'results-agreed', organizationId: null, by: null },
    ],
    results: {
      status: 'agreed',
      round: 2,
      agreedAt: '2021-06-07T13:10:00+03:00',
      figures: referenceFigures.map((figure) => ({ ...figure })),
      agreements: [
        { organizationId: 'peshmerga', by: 'pesh.commander', at: '2021-06-07T10:00:00+03:00' },
        { organizationId: 'iraqi-army', by: 'army.commander', at: '2021-06-07T12:30:00+03:00' },
        { organizationId: 'coalition', by: 'coalition.commander', at: '2021-06-07T13:10:00+03:00' },
      ],
    },
    log: [
      { id: 'l1', at: '2021-06-06T04:58:00+03:00', organizationId: 'peshmerga', author: 'pesh.watch', text: 'قوات البيشمركة وصلت إلى خط الشروع شرق قوريجاي.', location: { lat: 34.775, lon: 44.9 }, unitName: null, hasPhoto: false },
      { id: 'l2', at: '2021-06-06T05:20:00+03:00', organizationId: 'iraqi-army', author: 'army.watch', text: 'Army 52nd Brigade crossed the start line on the Tuz axis.', location: null,
        unitName: { en: 'Iraqi Army 52nd Brigade', ar: 'اللواء ٥٢ - الجيش العراقي', ckb: 'لیوای ٥٢ - سوپای عێراق' }, hasPhoto: false },
      { id: 'l3', at: '2021-06-06T08:45:00+03:00', organizationId: 'peshmerga', author: 'pesh.watch', text: 'هێزەکانی پێشمەرگە گەیشتنە گوندی پلکانە و پشکنینی ئەشکەوتەکان دەستی پێکرد.', location: { lat: 34.82, lon: 44.73 }, unitName: null, hasPhoto: true },
      { id: 'l4', at: '2021-06-06T16:35:00+03:00', organizationId: 'iraqi-army', author: 'army.watch', text: 'انسحاب القطعات إلى مواقعها بعد انتهاء التفتيش.', location: null, unitName: null, hasPhoto: false },
    ],
    places: [
      { id: 'curated:balkana', kind: 'village', names: { en: 'Balkana', ar: 'بلكانة', ckb: 'پلکانە' }, lat: 34.82, lon: 44.73, precision: 'approximate', district: tuzDistrict, governorate: salahuddin, distanceKm: 0, insideObjective: true },
      { id: 'curated:qurijay', kind: 'village', names: { en: 'Qurijay', ar: 'قوريجاي', ckb: 'قۆریچای' }, lat: 34.78, lon: 44.78, precision: 'approximate', district: tuzDistrict, governorate: salahuddin, distanceKm: 0, insideObjective: true },
      { id: 'curated:zanana', kind: 'subdistrict', names: { en: 'Zanana', ar: 'زنانة', ckb: 'زەنانە' }, lat: 34.75, lon: 44.83, precision: 'approximate', district: tuzDistrict, governorate: salahuddin, distanceKm: 1.2, insideObjective: false },
      { id: 'curated:tuz-khurmatu', kind: 'district', names: { en: 'Tuz Khurmatu', ar: 'طوز خورماتو', ckb: 'دووزخورماتوو' }, lat: 34.89, lon: 44.63, precision: 'point', district: tuzDistrict, governorate: salahuddin, distanceKm: 8.9, insideObjective: false },
      { id: 'curated:kifri', kind: 'district', names: { en: 'Kifri', ar: 'كفري', ckb: 'کفری' }, lat: 34.69, lon: 44.96, precision: 'point', district: { ar: 'كفري', ckb: 'کفری', en: 'Kifri' }, governorate: diyala, distanceKm: 10.6, insideObjective: false },
      { id: 'curated:sulaiman-bek', kind: 'subdistrict', names: { en: 'Suleiman Bek', ar: 'سليمان بيك', ckb: 'سلێمان بەگ' }, lat: 34.99, lon: 44.63, precision: 'point', district: tuzDistrict, governorate: salahuddin, distanceKm: 18.4, insideObjective: false },
    ],
    boundaries: [],
    attribution: 'Place names: Tansiq gazetteer (Who’s On First, GeoNames CC BY 4.0, curated). Boundaries: Who’s On First.',
    timeZone: 'Asia/Baghdad',
    generatedAt: '2021-06-08T09:00:00+03:00',
    preparedFor: 'peshmerga',
  }
}
