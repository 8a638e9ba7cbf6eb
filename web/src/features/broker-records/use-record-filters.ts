import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { firstPage } from '../audit/audit-cursor'
import { filtersFrom, withFilter } from './record-filters'

/**
 * A records list's state: its filters in the address (bookmarkable, restored by the back button), the keyset
 * page, and the search box. Any change of filter or sort starts again from the first page.
 */
export function useRecordFilters<K extends string, F extends Partial<Record<K, string>>>(keys: readonly K[]) {
  const route = useRoute()
  const router = useRouter()
  const filters = computed(() => filtersFrom(route.query, keys) as F)
  const paging = ref(firstPage())
  const search = ref('')
  watch(() => (filters.value as Partial<Record<string, string>>).q, (q) => (search.value = q ?? ''), { immediate: true })

  async function go(next: F) {
    paging.value = firstPage()
    await router.replace({ query: { ...next } })
  }
  const apply = (key: K, value: string | null | undefined) => go(withFilter(filters.value, key as keyof F & string, value))
  const onSort = ({ prop, order }: { prop: string | null; order: string | null }) =>
    go(withFilter(withFilter(filters.value, 'sort' as keyof F & string, order ? prop : null), 'order' as keyof F & string, order === 'descending' ? 'desc' : null))

  return { filters, paging, search, apply, onSort }
}
