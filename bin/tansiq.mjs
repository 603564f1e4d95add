#!/usr/bin/env node
// Entry point of the `tansiq` command: TypeScript sources run through tsx's loader, so the
// code that runs is the code in the repository, with no build step between them.
import { register } from 'tsx/esm/api'
register()
await import('../src/cli/tansiq.ts')
