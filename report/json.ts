/**
 * The machine-readable report: the report's own fields (format, what was compared, counts),
 * then every row in full, either by operation (sorted by name, each with its exchange count)
 * or as one list in report order.
 */
import { groupByOperation, orderRows } from './group.js';
import type { ReportModel } from './model.js';

export function jsonReport(model: ReportModel): string {
  const { json, style } = model;
  const rows =
    json.rows === 'in-order'
      ? { [style.noun.many]: orderRows(model.rows).map((row) => json.row(row)) }
      : {
          operations: groupByOperation(model.rows, model.operations)
            .sort((a, b) => a.operation.localeCompare(b.operation))
            .map((group) => ({ operation: group.operation, exchanges: group.exchanges, [style.noun.many]: group.rows.map((row) => json.row(row)) })),
        };
  return `${JSON.stringify({ ...json.head, ...rows }, null, 2)}\n`;
}
