/** The background's alarms: the periodic sync, and the one-off retry of a resume. */
export const SYNC_ALARM = 'sync';
export const SYNC_PERIOD_MINUTES = 15;
/** A one-off alarm that retries resuming a run whose dead worker still holds the lease. */
export const RESUME_ALARM = 'sync-resume';
