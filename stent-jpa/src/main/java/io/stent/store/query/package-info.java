/**
 * What the store answers to operators (the admin console, operational scripts): pages of
 * executions and dead letters with filters and sorting, an execution with its steps, the workers.
 * Its view types belong to the store and are stable for the console; the engine's internal
 * records never leave the engine. Answered through Jakarta Persistence (Criteria API).
 */
package io.stent.store.query;
