/** Demo mode: the reference organizations and one account per role, all with one known password. */
import type { Actor, Role } from '../platform/auth/principal.ts'
import type { AccountsService } from '../accounts/accounts-service.ts'
import { referenceOrganizations } from '../accounts/reference-organizations.ts'

/** The demo accounts listed in the README. */
export const demoUsers: ReadonlyArray<{ username: string; displayName: string; organizationId: string; role: Role }> = [
  { username: 'admin', displayName: 'Administrator', organizationId: 'joc', role: 'admin' },
  { username: 'pesh.commander', displayName: 'Peshmerga commander', organizationId: 'peshmerga', role: 'commander' },
  { username: 'pesh.watch', displayName: 'Peshmerga watch officer', organizationId: 'peshmerga', role: 'watch-officer' },
  { username: 'pesh.liaison', displayName: 'Peshmerga liaison officer', organizationId: 'peshmerga', role: 'liaison-officer' },
  { username: 'pesh.analyst', displayName: 'Peshmerga analyst', organizationId: 'peshmerga', role: 'analyst' },
  { username: 'army.commander', displayName: 'Iraqi Army commander', organizationId: 'iraqi-army', role: 'commander' },
  { username: 'army.watch', displayName: 'Iraqi Army watch officer', organizationId: 'iraqi-army', role: 'watch-officer' },
  { username: 'army.liaison', displayName: 'Iraqi Army liaison officer', organizationId: 'iraqi-army', role: 'liaison-officer' },
  { username: 'cts.commander', displayName: 'CTS commander', organizationId: 'cts', role: 'commander' },
  { username: 'cts.liaison', displayName: 'CTS liaison officer', organizationId: 'cts', role: 'liaison-officer' },
  { username: 'joc.commander', displayName: 'JOC commander', organizationId: 'joc', role: 'commander' },
  { username: 'joc.watch', displayName: 'JOC watch officer', organizationId: 'joc', role: 'watch-officer' },
  { username: 'coalition.viewer', displayName: 'Coalition liaison (viewer)', organizationId: 'coalition', role: 'viewer' },
]

/** Creates what demo mode needs; existing accounts are left as they are. Returns the usernames created. */
export async function seedDemo(accounts: AccountsService, actor: Actor, password: string): Promise<string[]> {
  await accounts.ensureOrganizations(actor, referenceOrganizations)
  const created: string[] = []
  for (const user of demoUsers) {
    if (await accounts.findUserByUsername(user.username)) continue
    await accounts.createUser(actor, { ...user, password })
    created.push(user.username)
  }
  return created
}
