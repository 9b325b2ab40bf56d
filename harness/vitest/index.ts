/** The `tapegate/vitest` entry point. */
export { useCassette, SDK_CREDENTIALS, type CassetteHandle, type UseCassetteOptions } from './use-cassette.js';
