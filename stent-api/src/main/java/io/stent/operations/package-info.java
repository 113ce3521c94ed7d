/**
 * Operating Stent from application code, the admin console and scripts: {@link
 * io.stent.operations.StentOperations} lists and finds executions and dead letters, replays,
 * deletes and purges dead letters, cancels and signals executions, and reads the audit trail, without
 * importing the store. Its view types are stable summaries and details, not the engine's records.
 */
package io.stent.operations;
