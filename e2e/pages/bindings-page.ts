import type { Page } from '@playwright/test'
import { loadCardInBrowser, type DemoCardName } from '../portal-fixtures'
import { field } from './field'

/** The holder's side of card binding: the request page (signed in) and the public bind page. */
export class PortalBindingsPage {
  constructor(private readonly page: Page) {}

  readonly cardKind = () => this.page.getByTestId('binding-card-kind')
  readonly fileError = () => this.page.getByTestId('binding-file-error')
  readonly openNotice = () => this.page.getByTestId('binding-open-notice')
  readonly myRows = () => this.page.getByTestId('binding-mine-row')
  readonly bound = () => this.page.getByTestId('binding-bound')
  readonly message = () => this.page.getByTestId('binding-bind-error')
  /** the code field's error: Element Plus puts it beside the input inside the form item */
  readonly codeError = () => this.page.locator('.el-form-item', { has: this.page.getByTestId('binding-code') }).locator('.el-form-item__error')

  async openRequests(): Promise<void> {
    await this.page.goto('/portal/bindings')
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('binding-file').setInputFiles(file)
    await this.page.getByTestId('binding-submit').click()
  }

  /** Types the account and the code, loads a demo card (file and PIN, in the browser) and submits. */
  async bind(accountId: string, code: string, card: DemoCardName): Promise<void> {
    await field(this.page, 'binding-account').fill(accountId)
    await field(this.page, 'binding-code').fill(code)
    if (await this.page.getByTestId('card-loaded').isVisible()) await this.page.getByTestId('card-change').click()
    await loadCardInBrowser(this.page, card)
    await this.page.getByTestId('card-loaded').waitFor()
    await this.page.getByTestId('binding-bind-submit').click()
  }
}

/** The office's list of binding requests, with the clerk's confirm and reject. */
export class ConsoleBindingsPage {
  constructor(private readonly page: Page) {}

  readonly table = () => this.page.getByTestId('bindings-table')
  /** the table row of an account's request (the newest first) */
  readonly row = (accountId: string) => this.page.locator('.el-table__row', { has: this.page.locator(`[data-testid="binding-row"][data-account="${accountId}"]`) }).first()
  readonly confirmBox = () => this.page.locator('.el-message-box')
  readonly rejectReasonError = () => this.page.locator('.el-form-item', { has: this.page.getByTestId('binding-reject-reason') }).locator('.el-form-item__error')

  async open(status?: string): Promise<void> {
    await this.page.goto(status ? `/console/bindings?status=${status}` : '/console/bindings')
  }

  /** Asks to issue the code; the confirmation box stays open for the caller to read and accept. */
  async askConfirm(accountId: string): Promise<void> {
    await this.row(accountId).getByTestId('binding-confirm').click()
  }

  async acceptConfirm(): Promise<void> {
    await this.confirmBox().getByRole('button', { name: /確認並寄發驗證碼|Confirm and send/ }).click()
  }

  async reject(accountId: string, reason: string): Promise<void> {
    await this.row(accountId).getByTestId('binding-reject').click()
    await this.submitReject(reason)
  }

  /** Types the reason in the open dialog and confirms. */
  async submitReject(reason: string): Promise<void> {
    await field(this.page, 'binding-reject-reason').fill(reason)
    await this.page.getByTestId('binding-reject-confirm').click()
  }
}
