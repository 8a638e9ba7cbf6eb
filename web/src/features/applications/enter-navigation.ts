/**
 * Keying from paper is done with the keyboard: Enter moves to the next field as Tab does, so a clerk's
 * habit from the old terminals works, and Enter in the last field never submits the form by accident.
 */

/** What the keydown handler needs to know about the key; a KeyboardEvent satisfies it. */
export interface KeyLike {
  key: string
  isComposing?: boolean
  keyCode?: number
  shiftKey?: boolean
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
}

/** The element the key went to, reduced to what decides whether Enter means "next field". */
export interface TargetLike {
  tagName: string
  type?: string
}

/**
 * True when Enter should move to the next field. Not while an input method is composing (Zhuyin and
 * Cangjie users press Enter to commit the characters: keyCode 229 in browsers that do not set
 * isComposing), not with modifiers, not in a textarea (Enter is a new line there) and not on buttons.
 */
export function shouldAdvance(event: KeyLike, target: TargetLike): boolean {
  if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return false
  if (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return false
  const tag = target.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'BUTTON' || tag === 'A') return false
  if (tag !== 'INPUT') return false
  return !['button', 'submit', 'reset', 'file'].includes((target.type ?? 'text').toLowerCase())
}

/** A focusable field in document order; radios of one group (same `group`) are one stop, as with Tab. */
export interface FocusCandidate<T> {
  el: T
  group?: unknown
  checked?: boolean
}

interface Stop<T> {
  target: T
  members: T[]
}

/** Collapses radio groups to one stop each: the checked radio, else the first, where Tab would land. */
export function focusStops<T>(candidates: readonly FocusCandidate<T>[]): Stop<T>[] {
  const stops: Stop<T>[] = []
  const byGroup = new Map<unknown, { stop: Stop<T>; hasChecked: boolean }>()
  for (const c of candidates) {
    if (c.group === undefined) {
      stops.push({ target: c.el, members: [c.el] })
      continue
    }
    const known = byGroup.get(c.group)
    if (!known) {
      const stop = { target: c.el, members: [c.el] }
      byGroup.set(c.group, { stop, hasChecked: Boolean(c.checked) })
      stops.push(stop)
    } else {
      known.stop.members.push(c.el)
      if (c.checked && !known.hasChecked) {
        known.stop.target = c.el
        known.hasChecked = true
      }
    }
  }
  return stops
}

/** The field after `current`, or null when `current` is the last one (or not a field of this form). */
export function nextField<T>(candidates: readonly FocusCandidate<T>[], current: T): T | null {
  const stops = focusStops(candidates)
  const index = stops.findIndex((stop) => stop.members.includes(current))
  if (index < 0 || index === stops.length - 1) return null
  return stops[index + 1].target
}

const FIELD_SELECTOR = 'input:not([type=hidden]):not([type=file]):not([type=button]):not([type=submit]):not([disabled]), textarea:not([disabled])'

/** The form's fields as they are on screen now (hidden personal-kind fields drop out by themselves). */
export function fieldCandidates(root: HTMLElement): FocusCandidate<HTMLElement>[] {
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(FIELD_SELECTOR))
  return inputs
    .filter((el) => el.getClientRects().length > 0 && !el.readOnly)
    .map((el) => {
      const radio = el instanceof HTMLInputElement && el.type === 'radio'
      return radio ? { el, group: el.name || el.closest('[role=radiogroup]'), checked: el.checked } : { el }
    })
}

/** keydown handler for a form's container: Enter goes to the next field and never submits. */
export function advanceOnEnter(event: KeyboardEvent, root: HTMLElement | null | undefined): void {
  const target = event.target as HTMLElement | null
  if (!root || !target || !shouldAdvance(event, { tagName: target.tagName, type: (target as HTMLInputElement).type })) return
  event.preventDefault()
  nextField(fieldCandidates(root), target)?.focus()
}
