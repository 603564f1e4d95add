/**
 * The server's types, taken from its zod schemas (src/**\/…-schemas.ts, src/live/live-messages.ts)
 * rather than written again: a change of the API's shape is a type error here. Type-only, so none
 * of the server's code enters the bundle through this file.
 */
export type { Organization, User } from '../../../src/accounts/account-schemas.ts'
export type { Role } from '../../../src/platform/auth/roles.ts'
export type { ErrorCode, ProblemDocument } from '../../../src/platform/errors.ts'
export type { Room } from '../../../src/rooms/room-schemas.ts'
export type { Unit } from '../../../src/units/unit-schemas.ts'
export type { Area } from '../../../src/areas/area-schemas.ts'
export type { CoordinationLine } from '../../../src/areas/coordination-line-schemas.ts'
export type { LatestPosition, TrackPoint } from '../../../src/tracks/track-schemas.ts'
export type { Report } from '../../../src/reports/report-schemas.ts'
export type { Movement } from '../../../src/movements/movement-schemas.ts'
export type { MovementStatus } from '../../../src/movements/core/movement-lifecycle.ts'
export type { Place } from '../../../src/places/places-schemas.ts'
export type { CoverageFeature } from '../../../src/coverage/core/coverage-views.ts'
export type { Layer } from '../../../src/live/picture-change.ts'
export type { ClientMessage, DeltaMessage, ResumePoint, ServerMessage, SubscribeMessage } from '../../../src/live/live-messages.ts'
export type { ClientConfig, TileSource } from '../../../src/web-client/web-client-schemas.ts'
