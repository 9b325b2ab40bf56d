/**
 * A drift change without its `before`, `after` and message: what the drift tests compare, so an
 * expectation names only where the change is, what kind it is and how severe.
 */
import type { DriftChange } from '../../drift/types.js';

export interface DriftBrief {
  operation: string;
  side: string;
  pointer: string;
  code: string;
  severity: string;
}

export const driftBrief = ({ operation, side, pointer, code, severity }: DriftChange): DriftBrief => ({ operation, side, pointer, code, severity });
