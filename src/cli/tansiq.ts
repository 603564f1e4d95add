/**
 * The `tansiq` command: serve, db migrate, user …, audit …, demo seed, ingest. Each subcommand
 * parses configuration once, does one thing and exits with a meaningful code.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import { ConfigError, loadConfig, type Config } from '../platform/config.ts'
import { commandLineActor, roles } from '../platform/auth/principal.ts'
import type { Database } from '../platform/database/database.ts'
import { tansiqVersion } from '../platform/version.ts'
import { readSecret } from './read-secret.ts'
import { registerIngestCommand } from '../ingest/ingest-command.ts'

// What a command needs is loaded when it runs, so `tansiq --help` and a mistyped option answer at
// once instead of after loading the whole server (the database, PostGIS, the web client's routes).
const accountsModules = async () => {
  const [{ createAccountsService }, { createUserBodySchema, passwordSchema }] = await Promise.all([import('../accounts/accounts-service.ts'), import('../accounts/account-schemas.ts')])
  return { createAccountsService, createUserBodySchema, passwordSchema }
}

const progress = (message: string) => process.stderr.write(`tansiq: ${message}\n`)

function config(): Config {
  return loadConfig()
}

async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const settings = config()
  const { openMigratedDatabase } = await import('../platform/database/open-database.ts')
  const database = await openMigratedDatabase(settings, progress)
  try {
    return await work(database, settings)
  } finally {
    await database.close()
  }
}

const program = new Command()
  .name('tansiq')
  .description('Tansiq — joint operations room server and tools')
  .version(tansiqVersion)
  .showHelpAfterError()

program.command('serve')
  .description('Start the HTTP API (and web client); applies pending migrations first')
  .option('--demo', 'create the reference organizations and demo accounts (refused in production)')
  .action(async (options: { demo?: boolean }) => {
    const settings = config()
    if (options.demo && settings.NODE_ENV === 'production') throw new Error('Demo mode is refused when NODE_ENV=production')
    const started = Date.now()
    const [{ buildTansiq }, { demoUsers, seedDemo }, { seedDemoPicture, startDemoSimulator }, { seedDemoOperations }] = await Promise.all([
      import('../server/tansiq-server.ts'), import('../demo/demo-seed.ts'), import('../demo/demo-picture.ts'), import('../demo/demo-operations.ts'),
    ])
    const tansiq = await buildTansiq({ config: settings, report: progress })
    const actor = commandLineActor('serve')
    let stopSimulator = async () => {}
    if (options.demo) {
      const created = await seedDemo(tansiq.accounts, actor, settings.TANSIQ_DEMO_PASSWORD)
      if (await seedDemoPicture(tansiq)) progress('Demo mode: reference rooms, units, areas of responsibility (with the Kifri – Tuz Khurmatu gap) and reports created')
      if (await seedDemoOperations(tansiq)) progress('Demo mode: joint operation Black Earth under way in the Kirkuk room, its claimed results awaiting agreement')
      const simulator = await startDemoSimulator(tansiq)
      stopSimulator = () => simulator.stop()
      progress(`Demo mode: ${created.length} demo account(s) created. Sign in as any of ${demoUsers.map((user) => user.username).join(', ')} with the password "${settings.TANSIQ_DEMO_PASSWORD}"`)
    } else if ((await tansiq.accounts.countActiveAdmins()) === 0) {
      progress('No administrator exists yet. Create one with: tansiq user add <username> --org <organization> --role admin --name "<name>"')
    }
    const shutdown = async (signal: string) => {
      progress(`${signal} received, stopping`)
      await stopSimulator()
      await tansiq.close()
      process.exit(0)
    }
    process.once('SIGINT', () => void shutdown('SIGINT'))
    process.once('SIGTERM', () => void shutdown('SIGTERM'))
    const address = await tansiq.app.listen({ port: settings.PORT, host: settings.HOST })
    progress(`Ready in ${Date.now() - started} ms on ${address} (storage: ${tansiq.database.kind})`)
    // Build the place-search index now rather than on the first search, which would pause for a second.
    setTimeout(() => tansiq.places.warmSearch(), 100).unref()
  })

const db = program.command('db').description('Database maintenance')
db.command('migrate')
  .description('Apply pending migrations and exit')
  .action(async () => {
    await withDatabase(async () => progress('Migrations applied'))
  })

const user = program.command('user').description('Manage user accounts')
user.command('add')
  .description('Create a user; the password is read from standard input (or a hidden prompt)')
  .argument('<username>')
  .requiredOption('--org <organization>', 'organization id, e.g. peshmerga')
  .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
  .option('--name <display name>', 'display name (defaults to the username)')
  .action(async (username: string, options: { org: string; role: (typeof roles)[number]; name?: string }) => {
    const { createAccountsService, createUserBodySchema } = await accountsModules()
    await withDatabase(async (database, settings) => {
      const password = await readSecret('Password for the new user: ')
      const input = createUserBodySchema.parse({ username, displayName: options.name ?? username, organizationId: options.org, role: options.role, password })
      const accounts = createAccountsService({ database, config: settings })
      const created = await accounts.createUser(commandLineActor('user add'), input)
      progress(`Created ${created.username} (${created.role}, ${created.organizationId})`)
    })
  })

user.command('passwd')
  .description('Set a user\'s password (read from standard input or a hidden prompt); ends their sessions')
  .argument('<username>')
  .action(async (username: string) => {
    const { createAccountsService, passwordSchema } = await accountsModules()
    await withDatabase(async (database, settings) => {
      const accounts = createAccountsService({ database, config: settings })
      const found = await accounts.findUserByUsername(username)
      if (!found) throw new Error(`No user ${username}`)
      const password = passwordSchema.parse(await readSecret(`New password for ${username}: `))
      await accounts.changePassword(commandLineActor('user passwd'), found.id, password)
      progress(`Password of ${username} changed; their sessions were ended`)
    })
  })

for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
  user.command(name)
    .description(disabled ? 'Disable a user and end their sessions' : 'Enable a disabled user')
    .argument('<username>')
    .action(async (username: string) => {
      const { createAccountsService } = await accountsModules()
      await withDatabase(async (database, settings) => {
        const accounts = createAccountsService({ database, config: settings })
        const found = await accounts.findUserByUsername(username)
        if (!found) throw new Error(`No user ${username}`)
        await accounts.updateUser(commandLineActor(`user ${name}`), found.id, { disabled })
        progress(`${username} ${disabled ? 'disabled' : 'enabled'}`)
      })
    })
}

user.command('list')
  .description('List users')
  .option('--org <organization>', 'only this organization')
  .action(async (options: { org?: string }) => {
    const { createAccountsService } = await accountsModules()
    await withDatabase(async (database, settings) => {
      const accounts = createAccountsService({ database, config: settings })
      for (const entry of await accounts.listUsers(options.org)) {
        process.stdout.write(`${entry.username}\t${entry.organizationId}\t${entry.role}\t${entry.disabled ? 'disabled' : 'enabled'}\t${entry.displayName}\n`)
      }
    })
  })

const audit = program.command('audit').description('Check the tamper-evident audit log')
audit.command('verify')
  .description('Recompute the hash chain; exit code 1 naming the first broken entry')
  .option('--checkpoint <file>', 'also prove the log still extends this signed checkpoint')
  .action(async (options: { checkpoint?: string }) => {
    const [{ verifyAuditLog }, { loadSigningKey, publicKeyPem, verifyCheckpoint }, { checkpointSchema }] = await Promise.all([
      import('../audit/audit-log.ts'), import('../audit/audit-checkpoint.ts'), import('../audit/core/checkpoint.ts'),
    ])
    await withDatabase(async (database, settings) => {
      if (options.checkpoint) {
        const checkpoint = checkpointSchema.parse(JSON.parse(readFileSync(options.checkpoint, 'utf8')))
        const result = await verifyCheckpoint(database, checkpoint, publicKeyPem(loadSigningKey(settings.TANSIQ_DATA_DIR)))
        if (!result.ok) {
          process.stdout.write(`FAILED: the log does not extend the checkpoint: ${result.message}\n`)
          process.exitCode = 1
          return
        }
        process.stdout.write(`OK: ${result.count} entries; the log extends the checkpoint of ${checkpoint.count} entries (${checkpoint.at})\n`)
        return
      }
      const result = await verifyAuditLog(database)
      if (result.ok) {
        process.stdout.write(`OK: ${result.count} entries, head ${result.headHash}\n`)
      } else {
        process.stdout.write(`FAILED at entry ${result.firstBreak.sequence}: ${result.firstBreak.message}\n`)
        process.exitCode = 1
      }
    })
  })

audit.command('checkpoint')
  .description('Print a checkpoint (entry count, head hash, time) signed with this installation\'s Ed25519 key')
  .option('--out <file>', 'write it to a file instead of standard output')
  .action(async (options: { out?: string }) => {
    const { createCheckpoint, loadSigningKey } = await import('../audit/audit-checkpoint.ts')
    await withDatabase(async (database, settings) => {
      const checkpoint = await createCheckpoint(database, loadSigningKey(settings.TANSIQ_DATA_DIR))
      const text = `${JSON.stringify(checkpoint, null, 2)}\n`
      if (options.out) writeFileSync(options.out, text)
      else process.stdout.write(text)
    })
  })

const demo = program.command('demo').description('Demo data')
demo.command('seed')
  .description('Create the reference organizations and demo accounts (refused in production)')
  .action(async () => {
    if (config().NODE_ENV === 'production') throw new Error('Demo data is refused when NODE_ENV=production')
    const [{ createAccountsService }, { seedDemo }] = await Promise.all([accountsModules(), import('../demo/demo-seed.ts')])
    await withDatabase(async (database, settings) => {
      const accounts = createAccountsService({ database, config: settings })
      const created = await seedDemo(accounts, commandLineActor('demo seed'), settings.TANSIQ_DEMO_PASSWORD)
      progress(`Demo seeded: ${created.length} account(s) created; password "${settings.TANSIQ_DEMO_PASSWORD}"`)
    })
  })

registerIngestCommand(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)
  process.stderr.write(`tansiq: ${message}\n`)
  process.exit(error instanceof ConfigError ? 78 : 1)
}
