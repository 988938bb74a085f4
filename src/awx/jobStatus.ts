/** Facts about AWX job states (`UnifiedJob.STATUS_CHOICES`, `ACTIVE_STATES` in awx/main/constants.py). */

/** Unified job statuses after which AWX never changes the job again. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['successful', 'failed', 'error', 'canceled']);

/** Whether an AWX object is a finished job (its `status` is terminal). */
export function isTerminal(record: unknown): boolean {
  const status = (record as { status?: unknown } | null)?.status;
  return typeof status === 'string' && TERMINAL_STATUSES.has(status);
}
