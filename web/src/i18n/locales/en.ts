/** English texts. The shape of this object is the one every language must fill (see i18n.ts). */
import { reportsTexts } from '../../features/reports/reports-texts.ts'
import { statementsTexts } from '../../features/statements/statements-texts.ts'
import { movementsTexts } from '../../features/movements/movements-texts.ts'
import { areasTexts } from '../../features/areas/areas-texts.ts'
import { drawingTexts } from '../../features/map/drawing/drawing-texts.ts'
import { operationsTexts } from '../../features/operations/operations-texts.ts'
import { errorTexts } from '../error-texts.ts'

export const en = {
  app: { name: 'Tansiq', room: 'Joint operations room', skipToContent: 'Skip to the content', loading: 'Loading…', retry: 'Try again', close: 'Close' },
  language: { label: 'Language', ar: 'العربية', ckb: 'کوردی', en: 'English' },
  login: {
    title: 'Sign in', intro: 'Sign in with the account your organization gave you.', username: 'Username', password: 'Password',
    submit: 'Sign in', submitting: 'Signing in…', signOut: 'Sign out', signedInAs: 'Signed in as {{name}}',
  },
  roles: { admin: 'Administrator', commander: 'Commander', 'watch-officer': 'Watch officer', 'liaison-officer': 'Liaison officer', analyst: 'Analyst', viewer: 'Viewer' },
  rooms: {
    title: 'Choose a room', none: 'Your organization is not a member of any room yet. An administrator adds it.', members: 'Member organizations',
    open: 'Open the room', back: 'All rooms',
  },
  room: {
    panel: 'Side panel', showPanel: 'Show the panel', hidePanel: 'Hide the panel', map: 'Map of the room. Arrow keys pan, + and − zoom.',
    opening: 'Drawing the map…',
    tabs: { layers: 'Layers', feed: 'Live feed', units: 'Units' },
    notFound: 'This room does not exist or your organization is not a member of it.',
  },
  mapControls: {
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', attribution: 'Show or hide the map\'s sources', closePopup: 'Close',
  },
  layers: {
    title: 'Layers on the map', units: 'Units and their tracks', areas: 'Areas of responsibility', coverage: 'Gaps and overlaps', movements: 'Movements',
    reports: 'Reports', places: 'Places', 'coordination-lines': 'Coordination lines', operations: 'Operations', count: '{{count}} shown',
    legendOrganizations: 'Organizations', legendCoverage: 'Security vacuum', gap: 'Gap (covered by no one)', overlap: 'Overlap (claimed by several)',
  },
  movementStatus: {
    draft: 'Draft', submitted: 'Notified, awaiting answers', cleared: 'Acknowledged by all', conflicted: 'Objection or conflict', active: 'Under way',
    completed: 'Completed', cancelled: 'Cancelled', expired: 'Expired',
  },
  reportType: { incident: 'Incident', sigact: 'Significant activity', intelligence: 'Intelligence' },
  connection: {
    connecting: 'Connecting…', syncing: 'Loading the picture…', connected: 'Live', reconnecting: 'Reconnecting (attempt {{attempt}})…',
    reconnectingIn: 'Link lost — retrying in {{seconds}} s', offline: 'Offline — the picture may be out of date', lastUpdate: 'Last update {{time}}', reconnectNow: 'Reconnect now',
    sessionEnded: 'Your session has ended. Sign in again.',
  },
  feed: {
    title: 'What changes', empty: 'Nothing has changed since you opened the room.', created: 'new', updated: 'updated', removed: 'removed or no longer shared with you',
    positions: '{{count}} position reports in the last minute',
    operationLog: 'Operation log', operationResults: 'Operation results', objective: 'objective area', axis: 'axis', someOperation: 'An operation',
    resultsLocked: '{{operation}}: results agreed by every participant and locked', resultsProposed: '{{operation}}: figures proposed in round {{round}}, awaiting agreement',
    resultsDiscrepant: '{{operation}}: the claimed results differ (discrepancies: {{count}})', resultsClaims: '{{operation}}: claimed results recorded',
    resultsAwaiting: '{{operation}}: awaiting the claimed results',
  },
  units: { search: 'Find a unit', none: 'No unit matches.', count: 'Units: {{count}}', noPosition: 'no position yet', reported: 'reported {{time}}', show: 'Show {{name}} on the map' },
  clock: { yours: 'Your time', room: 'Room time' },
  reportsScreen: reportsTexts.en,
  statementsScreen: statementsTexts.en,
  movementsScreen: movementsTexts.en,
  areasScreen: areasTexts.en,
  mapDrawing: drawingTexts.en,
  operationsScreen: operationsTexts.en,
  errors: errorTexts.en,
}
