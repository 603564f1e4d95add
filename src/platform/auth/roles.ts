/**
 * The roles of the brief and which of them may do what: one list each, read by the server's
 * services (which decide) and by the web client (which only hides what would be refused). Pure
 * data with no imports, so the browser bundle can take it as it is.
 */

/** The roles of the brief; every user has exactly one. */
export const roles = ['admin', 'commander', 'watch-officer', 'liaison-officer', 'analyst', 'viewer'] as const
export type Role = (typeof roles)[number]

/** Roles that may create and edit objects of the picture for their organization (units, areas, movements). */
export const pictureEditorRoles: readonly Role[] = ['commander', 'watch-officer', 'liaison-officer']

/** Roles that may write reports of their organization: the picture's editors and the analysts who turn statements into incidents. */
export const reportEditorRoles: readonly Role[] = [...pictureEditorRoles, 'analyst']

/** Roles that answer movement notifications for their organization: its liaison and watch officers, and its commander. */
export const answeringRoles: readonly Role[] = ['liaison-officer', 'watch-officer', 'commander']

/** Roles that may read statements and submit drafts (of any organization, for their own). */
export const ingestReaderRoles: readonly Role[] = ['analyst', 'watch-officer', 'commander']

/** Roles that may correct, accept and reject the drafts of their organization. */
export const draftReviewerRoles: readonly Role[] = ['analyst', 'commander']

/** Roles that acknowledge coverage alerts for their organization. */
export const alertAcknowledgerRoles: readonly Role[] = ['watch-officer', 'commander']
