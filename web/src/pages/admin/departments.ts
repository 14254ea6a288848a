// The department list, loaded once per page visit for pickers and names.
import { ref } from 'vue'
import { api } from '../../api/client'
import type { Department } from './types'

export function useDepartments() {
  const departments = ref<Department[]>([])
  const error = ref<unknown>(null)
  async function load() {
    try {
      departments.value = await api.get<Department[]>('/api/v1/departments')
    } catch (e) {
      error.value = e
    }
  }
  function nameOf(code: string): string {
    return departments.value.find((d) => d.code === code)?.name ?? code
  }
  return { departments, error, load, nameOf }
}
