/** What every screen after sign-in may need, read once: the server's client configuration and the organizations. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { endpoints } from '../api/endpoints.ts'
import type { ClientConfig, Organization } from '../api/server-types.ts'

interface ReferenceData {
  config: ClientConfig
  organizations: ReadonlyMap<string, Organization>
}

const defaults: ReferenceData = { config: { version: '', roomTimeZone: 'Asia/Baghdad', tiles: null }, organizations: new Map() }
const ReferenceDataContext = createContext<ReferenceData>(defaults)

export function ReferenceDataProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<ReferenceData>(defaults)
  useEffect(() => {
    const controller = new AbortController()
    // Neither is needed to show the screens: on failure the defaults stand (ids instead of names).
    void Promise.allSettled([endpoints.clientConfig({ signal: controller.signal }), endpoints.organizations({ signal: controller.signal })]).then(([config, organizations]) => {
      if (controller.signal.aborted) return
      setData({
        config: config.status === 'fulfilled' ? config.value : defaults.config,
        organizations: organizations.status === 'fulfilled' ? new Map(organizations.value.map((organization) => [organization.id, organization])) : defaults.organizations,
      })
    })
    return () => controller.abort()
  }, [])
  return <ReferenceDataContext.Provider value={data}>{children}</ReferenceDataContext.Provider>
}

export function useReferenceData(): ReferenceData {
  return useContext(ReferenceDataContext)
}
