import type { ListTotal } from '@core/contracts/paging'
import { ref, watch, type Ref } from 'vue'

/** What a page of a keyset-paged list carries: the first page alone counts the list. */
export interface CountedPage {
  total?: ListTotal
}

/**
 * The total to show after this page arrives: a first page's own (or none, when it did not count, as a text
 * search over a log does not); a later page keeps the first page's, as it does not count again.
 */
export function totalAfter(shown: ListTotal | null, page: CountedPage, isFirstPage: boolean): ListTotal | null {
  if (page.total) return page.total
  return isFirstPage ? null : shown
}

/**
 * The list's total as its first page counted it, kept while the user pages on. A placeholder (the previous
 * filters' page, shown while the new one loads) changes nothing.
 */
export function useListTotal(data: Ref<CountedPage | undefined>, isPlaceholder: Ref<boolean>, isFirstPage: () => boolean): Ref<ListTotal | null> {
  const total = ref<ListTotal | null>(null)
  watch(
    [data, isPlaceholder],
    ([page, placeholder]) => {
      if (page && !placeholder) total.value = totalAfter(total.value, page, isFirstPage())
      else if (isFirstPage()) total.value = null
    },
    { immediate: true },
  )
  return total
}

/** "1,234": grouped digits, as both languages write them. */
export const formatCount = (n: number): string => n.toLocaleString('en-US')
