import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    // No sign-in needed (the public portal, sign-in itself).
    public?: boolean
    // Reachable with any of these permissions.
    anyOf?: string[]
  }
}
