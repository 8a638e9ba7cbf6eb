/** Moves the focus to a wizard field by its id (reg-<field>), so a keyboard user lands where the problem is. */
export function focusField(field: string): void {
  const element = document.getElementById(`reg-${field}`)
  element?.focus()
  element?.scrollIntoView({ block: 'center' })
}
