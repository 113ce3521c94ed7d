package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * One recorded operator action.
 *
 * @param id the row's id
 * @param occurredAt when it happened (database time)
 * @param actor who did it
 * @param operation what was done, e.g. {@code dead-letter.replay}
 * @param targets the ids it was done to, space-separated (empty when none)
 * @param affected how many executions or dead letters it changed
 * @param outcome what came of it
 * @param detail its parameters, or null
 */
public record AuditView(String id, OffsetDateTime occurredAt, String actor, String operation, String targets,
                        int affected, String outcome, String detail) {
}
