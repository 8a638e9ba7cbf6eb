/**
 * The three parts of the NS11 slip (seed 002 shows the first and the third; the second is the bank's report
 * copy for customs, as on the other three-part government fee slips). A bank slip is printed in Chinese
 * whatever the console's language.
 */
export const slipParts = [
  { key: 'receipt', title: '第一聯　收據聯', note: '交繳款人收執' },
  { key: 'report', title: '第二聯　報核聯', note: '由收款機構送海關報核' },
  { key: 'stub', title: '第三聯　存根聯', note: '由收款機構存查' },
] as const

/** `NT$2,000` */
export const ntd = (amount: number) => `NT$${amount.toLocaleString('en-US')}`

/** 通關專屬憑證費: the fee type printed on every slip. */
export const FEE_TYPE = '通關專屬憑證費'
