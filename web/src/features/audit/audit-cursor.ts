/**
 * Keyset paging walks forward only (the server hands out `nextCursor`), so going back means
 * remembering the cursors that led here: a stack, whose depth is also the page number.
 */
export interface CursorState {
  /** the cursor of the page shown; undefined for the first page */
  cursor: string | undefined
  /** the cursors of the pages before it, oldest first */
  previous: (string | undefined)[]
}

export const firstPage = (): CursorState => ({ cursor: undefined, previous: [] })

export function nextPage(state: CursorState, nextCursor: string | null | undefined): CursorState {
  if (!nextCursor) return state
  return { cursor: nextCursor, previous: [...state.previous, state.cursor] }
}

export function previousPage(state: CursorState): CursorState {
  if (state.previous.length === 0) return state
  return { cursor: state.previous[state.previous.length - 1], previous: state.previous.slice(0, -1) }
}

export const pageNumber = (state: CursorState): number => state.previous.length + 1
export const hasPrevious = (state: CursorState): boolean => state.previous.length > 0
