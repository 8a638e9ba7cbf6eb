import type { Messages } from './i18n'

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** A dotted key of the UI messages, e.g. 'nav.dashboard': route titles use it so typos fail the type check. */
export type MessageKey = Paths<Messages>
