package io.stent.admin;

import io.stent.operations.DeadLetter;

import java.time.OffsetDateTime;

/**
 * A dead letter as lists show it: everything but the structured error, whose stack traces can be large.
 *
 * @param id the dead letter
 * @param executionId its execution
 * @param function the function that failed
 * @param queue its queue
 * @param errorClass the exception's class
 * @param errorMessage the exception's message, cut to 500 characters
 * @param attempts the attempts spent
 * @param failedAt when it failed for good
 * @param replayedAt when it was last replayed, or null
 * @param replayCount how often it was replayed
 */
public record DeadLetterSummary(String id, String executionId, String function, String queue, String errorClass,
                                String errorMessage, int attempts, OffsetDateTime failedAt,
                                OffsetDateTime replayedAt, int replayCount) {

    static final int MESSAGE_CHARS = 500;

    static DeadLetterSummary of(DeadLetter letter) {
        String message = letter.errorMessage();
        if (message != null && message.length() > MESSAGE_CHARS) {
            message = message.substring(0, MESSAGE_CHARS) + "…";
        }
        return new DeadLetterSummary(letter.id(), letter.executionId(), letter.function(), letter.queue(),
                letter.errorClass(), message, letter.attempts(), letter.failedAt(), letter.replayedAt(),
                letter.replayCount());
    }
}
