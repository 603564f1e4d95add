// Prepares, once per change of the migrations, the migrated embedded-database template that
// storage tests clone (creating PostGIS in PGlite takes tens of seconds; cloning takes two).
import { existsSync } from 'node:fs'
import { prepareTemplate } from '../src/platform/database/test-database.ts'
import { placesTemplateSeed } from '../src/server/test-harness.ts'

const started = Date.now()
await prepareTemplate()
const path = await prepareTemplate(placesTemplateSeed)
if (Date.now() - started > 1000 || !existsSync(path)) console.log(`Prepared the embedded test database template in ${Date.now() - started} ms`)
