/** The same keys, any strings: what a translation of a message object must satisfy. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
