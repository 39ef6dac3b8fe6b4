import { setupServer } from 'msw/node'

export const API = 'http://localhost'
export const server = setupServer()
