/** Tansiq's version (package.json), for the health answer, the OpenAPI document and `tansiq --version`. */
import { readFileSync } from 'node:fs'

export const tansiqVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version
