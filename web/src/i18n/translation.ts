/** The shape every language fills: English's keys, each a string. A missing text is a type error. */
import type { en } from './locales/en.ts'

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Translation = Shape<typeof en>
