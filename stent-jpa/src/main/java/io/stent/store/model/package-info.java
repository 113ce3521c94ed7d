/**
 * Stent's tables as Jakarta Persistence entities, for everything off the hot path (the console's
 * queries, dead-letter management, schema checks). The hot path (start, claim, heartbeat, step
 * record, completion) is native SQL in the dialects. The entities are an implementation detail of
 * the store, not API; their unit is bootstrapped by {@link io.stent.store.StentPersistence} and is
 * invisible to the host application's own units.
 */
package io.stent.store.model;
