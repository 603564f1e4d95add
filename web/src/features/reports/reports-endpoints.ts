/** Calls of the reports and places API the reports screen uses; each returns the server's own type. */
import type { z } from 'zod'
import { api, type RequestOptions } from '../../api/api-client.ts'
import type { Place, Report } from '../../api/server-types.ts'
import type { Attachment, createReportBodySchema } from '../../../../src/reports/report-schemas.ts'
import type { PlaceSearchHit } from '../../../../src/places/places-schemas.ts'

export type { Attachment, PlaceSearchHit }
/** A report as the client sends it (fields with server defaults may be left out). */
export type NewReport = z.input<typeof createReportBodySchema>

const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`

export const reportsEndpoints = {
  report: (id: string, options?: RequestOptions) => api.get<Report>(reportPath(id), options),
  createReport: (report: NewReport) => api.post<Report>('/api/reports', report),
  attachments: (reportId: string, options?: RequestOptions) => api.get<Attachment[]>(`${reportPath(reportId)}/attachments`, options),
  /** The file goes as the raw body with its type; its name (any script) percent-encoded in x-file-name. */
  attach: (reportId: string, file: File) => api.upload<Attachment>(`${reportPath(reportId)}/attachments`, file, { headers: { 'x-file-name': encodeURIComponent(file.name) }, timeoutMs: 120_000 }),
  attachmentUrl: (reportId: string, attachmentId: string) => `${reportPath(reportId)}/attachments/${encodeURIComponent(attachmentId)}`,
  /** Gazetteer search in any script or spelling; `near` orders equally good matches by distance. */
  searchPlaces: (query: string, options: RequestOptions & { near?: { lat: number; lon: number }; limit?: number } = {}) => {
    const parameters = new URLSearchParams({ q: query, limit: String(options.limit ?? 8) })
    if (options.near) parameters.set('near', `${options.near.lat.toFixed(5)},${options.near.lon.toFixed(5)}`)
    return api.get<PlaceSearchHit[]>(`/api/places?${parameters}`, options)
  },
  place: (id: string, options?: RequestOptions) => api.get<Place>(`/api/places/${encodeURIComponent(id)}`, options),
}
