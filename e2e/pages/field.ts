import type { Page } from '@playwright/test'

/** The text input behind a test id, whether the id sits on the input itself or on the Element Plus wrapper. */
export function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}
