/**
 * The tabs of the room's side panel, one entry each. Later screens of the room (movement inbox,
 * area editing, report form, operation board…) add an entry here; the panel, its tab order and
 * keyboard handling follow. The order is the watch officer's: what changes, what awaits an answer
 * (movements) and the operations first, the picture's lists after; the tab bar shows them in
 * rows of four, each with an icon and, where something waits, a count.
 */
import type { ComponentType, ReactNode } from 'react'
import type { Room } from '../../api/server-types.ts'
import { LayerPanel } from './LayerPanel.tsx'
import { LiveFeed } from './LiveFeed.tsx'
import { UnitList } from './UnitList.tsx'
import { ReportsPanel } from '../reports/ReportsPanel.tsx'
import { StatementsPanel } from '../statements/StatementsPanel.tsx'
import { MovementsPanel } from '../movements/MovementsPanel.tsx'
import { AreasPanel } from '../areas/AreasPanel.tsx'
import { OperationsPanel } from '../operations/OperationsPanel.tsx'
import { MovementsTabBadge } from '../movements/MovementsTabBadge.tsx'
import { OperationsTabBadge } from '../operations/OperationsTabBadge.tsx'
import { tabIcons } from './tab-icons.tsx'

export interface RoomPanelContext {
  room: Room
  roomTimeZone: string
  visibleLayers: ReadonlySet<string>
  setLayerVisible(id: string, visible: boolean): void
}

export interface RoomPanel {
  id: string
  /** i18n key of the tab's name. */
  labelKey: string
  /** A small drawing beside the name (tab-icons.tsx). */
  icon: ReactNode
  /** A count beside the name of what waits there (it subscribes to what it counts itself). */
  Badge?: ComponentType
  render(context: RoomPanelContext): ReactNode
}

export const roomPanels: readonly RoomPanel[] = [
  { id: 'feed', labelKey: 'room.tabs.feed', icon: tabIcons.feed, render: (context) => <LiveFeed roomTimeZone={context.roomTimeZone} /> },
  { id: 'movements', labelKey: 'movementsScreen.tab', icon: tabIcons.movements, Badge: MovementsTabBadge, render: (context) => <MovementsPanel room={context.room} roomTimeZone={context.roomTimeZone} /> },
  { id: 'operations', labelKey: 'operationsScreen.tab', icon: tabIcons.operations, Badge: OperationsTabBadge, render: (context) => <OperationsPanel room={context.room} roomTimeZone={context.roomTimeZone} /> },
  { id: 'reports', labelKey: 'reportsScreen.tab', icon: tabIcons.reports, render: (context) => <ReportsPanel room={context.room} roomTimeZone={context.roomTimeZone} /> },
  { id: 'units', labelKey: 'room.tabs.units', icon: tabIcons.units, render: () => <UnitList /> },
  { id: 'areas', labelKey: 'areasScreen.tab', icon: tabIcons.areas, render: (context) => <AreasPanel room={context.room} /> },
  { id: 'layers', labelKey: 'room.tabs.layers', icon: tabIcons.layers, render: (context) => <LayerPanel visible={context.visibleLayers} onToggle={context.setLayerVisible} memberOrganizationIds={context.room.memberOrganizationIds} /> },
  { id: 'statements', labelKey: 'statementsScreen.tab', icon: tabIcons.statements, render: (context) => <StatementsPanel roomId={context.room.id} /> },
]
