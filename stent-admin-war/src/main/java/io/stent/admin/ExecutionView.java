package io.stent.admin;

import io.stent.engine.store.ExecutionRecord;

/**
 * An execution as the console shows it.
 *
 * @param id the id
 * @param function the function name
 * @param version the function version
 * @param status the status
 * @param attempts attempts so far
 * @param createdAt when it started (database clock, ISO-8601)
 * @param finishedAt when it finished, or null
 * @param arguments the stored arguments
 * @param result the stored result
 * @param error the stored error
 */
public record ExecutionView(String id, String function, int version, String status, int attempts,
                            String createdAt, String finishedAt, String arguments, String result, String error) {

    static ExecutionView of(ExecutionRecord record) {
        return new ExecutionView(record.id(), record.functionName(), record.functionVersion(),
                record.status().name(), record.attempts(), String.valueOf(record.createdAt()),
                record.finishedAt() == null ? null : record.finishedAt().toString(), record.arguments(),
                record.result(), record.error());
    }
}
