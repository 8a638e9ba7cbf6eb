import type { Page } from '@playwright/test'

/** The text input or textarea behind a test id, whether the id sits on the element itself or on the Element Plus wrapper. */
export function field(page: Page, testId: string) {
  const id = `[data-testid="${testId}"]`
  return page.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first()
}
