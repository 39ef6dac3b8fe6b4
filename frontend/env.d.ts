/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API when the UI is not served by it (default: same origin). */
  readonly VITE_API_BASE?: string
}
