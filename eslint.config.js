// Lint configuration. Besides the usual TypeScript checks it enforces the architecture:
// pure rule modules (src/language/**, src/*/core/**) may not import I/O, frameworks or the
// platform layer, and the platform layer may not import capabilities.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const ioModules = [
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'tls', 'node:tls',
  'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process',
  'dgram', 'node:dgram', 'pg', 'fastify', 'ws', 'pino', 'commander',
]
const ioPatterns = ['@electric-sql/*', '@fastify/*', '**/platform/**', '**/cli/**']

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '.cache/**', 'dist/**', 'web/dist/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', setImmediate: 'readonly', performance: 'readonly', AbortController: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/language/**/*.ts', 'src/*/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'Pure rule modules do no I/O: pass data in, return data out.' })),
        patterns: [{ group: ioPatterns, message: 'Pure rule modules may not depend on the platform, frameworks or storage.' }],
      }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Pure rule modules do no I/O.' }, { name: 'process', message: 'Pure rule modules read no environment.' }],
    },
  },
  {
    // The web client: React's rules of hooks; effects must name what they depend on.
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../../*/**', '!../../platform/**', '../../accounts/**', '../../audit/**'], message: 'The platform layer serves capabilities and never imports them.' }],
      }],
    },
  },
)
