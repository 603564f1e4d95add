/**
 * The side panel's tab icons: simple line drawings in the text's colour, beside each tab's name
 * (never instead of it). Decorative: the tab's name is its accessible name.
 */
import type { ReactNode } from 'react'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="tab-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
      fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  )
}

export const tabIcons = {
  /** A pulse: what changes. */
  feed: <Icon><path d="M2 12h4l3-8 5 16 3-8h5" /></Icon>,
  /** A route with its arrow: movements. */
  movements: <Icon><path d="M4 20l5-6 5 2 6-10" /><path d="M15 6h5v5" /></Icon>,
  /** A target: joint operations. */
  operations: <Icon><circle cx="12" cy="12" r="7" /><circle cx="12" cy="12" r="2.5" /><path d="M12 2v3M12 19v3M2 12h3M19 12h3" /></Icon>,
  /** A written page: reports. */
  reports: <Icon><path d="M6 2h8l5 5v15H6z" /><path d="M14 2v5h5M9 13h7M9 17h7" /></Icon>,
  /** The frame and cross of an infantry unit's symbol: units. */
  units: <Icon><rect x="3" y="6" width="18" height="12" rx="1" /><path d="M3 6l18 12M21 6L3 18" /></Icon>,
  /** An outlined area. */
  areas: <Icon><path d="M4 8l7-5 9 5-2 11-11 2z" /></Icon>,
  /** Sheets stacked: the map's layers. */
  layers: <Icon><path d="M12 3l9 5-9 5-9-5z" /><path d="M3 13l9 5 9-5" /></Icon>,
  /** A speech bubble with lines: statements. */
  statements: <Icon><path d="M4 4h16v12H9l-5 4z" /><path d="M8 9h8M8 12h5" /></Icon>,
} satisfies Record<string, ReactNode>
