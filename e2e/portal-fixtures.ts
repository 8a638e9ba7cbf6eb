import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { Pkcs12CardReader, signChallenge, type Card, type LoginChallenge } from '../core/pki'
import { field } from './pages/field'

export const DEMO_CARD_PIN = '123456'
export const PORTAL_PASSWORD = 'Portal-pass-1'
export type DemoCardName = 'citizen-1' | 'citizen-2' | 'citizen-3' | 'company-52111891' | 'company-61611290' | 'company-82656552'

/** The demo card files the e2e server wrote into its data folder at first start. */
export const demoCardPath = (name: DemoCardName) => path.join(process.env.E2E_DATA_DIR!, 'demo-cards', `${name}.p12`)

export function openDemoCard(name: DemoCardName): Promise<Card> {
  return new Pkcs12CardReader().open(new Uint8Array(readFileSync(demoCardPath(name))), DEMO_CARD_PIN)
}

/** A card's answer to a fresh challenge, made in Node: for seeding through the API, not for the flows under test. */
export async function cardAnswer(request: APIRequestContext, card: Card) {
  const challenge = (await (await request.post('/api/card-login/challenge')).json()) as LoginChallenge
  return { nonce: challenge.nonce, ...(await signChallenge(card, challenge)) }
}

/** Registers a company account with its demo card through the API (the UI path has its own spec). */
export async function registerCompanyViaApi(request: APIRequestContext, ubn: '52111891' | '61611290' | '82656552', overrides: Record<string, unknown> = {}): Promise<void> {
  const card = await openDemoCard(`company-${ubn}`)
  const res = await request.post('/api/portal/accounts', {
    data: {
      category: 'company', attribute: 'customs-broker', ...(await cardAnswer(request, card)),
      email: `contact-${ubn}@example.tw`, contactName: '陳小明', phone: '02-25505500', address: '基隆市中正區港西街 6 號',
      password: PORTAL_PASSWORD, passwordConfirm: PORTAL_PASSWORD, ubn, companyName: `測試公司 ${ubn}`, representative: '林大同', companyPhone: '02-24202951', companyAddress: '基隆市中正區港西街 6 號', ...overrides,
    },
  })
  expect([201, 409], await res.text()).toContain(res.status())
}

/** Loads a demo card in the portal's card loader: the file stays in the browser, only the PIN is typed. */
export async function loadCardInBrowser(page: Page, name: DemoCardName, pin = DEMO_CARD_PIN, scope = page.getByTestId('card-loader')): Promise<void> {
  await scope.getByTestId('card-file').setInputFiles(demoCardPath(name))
  await field(page, 'card-pin').fill(pin)
  await scope.getByTestId('card-load').click()
}
