package io.stent.engine;

import io.stent.engine.worker.ClaimControl;
import io.stent.spi.Serializer;

/**
 * What the parts of one engine share, made once by {@link DurableEngine}: the deployment's
 * functions and settings, how values are stored, the durable context of each thread, in-process
 * wake-ups, the listeners, the transaction boundary, the result cache and the worker's control.
 *
 * @param registry the deployment's functions
 * @param settings the tuning
 * @param serializer stores values
 * @param outcomes encodes and decodes results and errors
 * @param arguments encodes arguments within their size limit
 * @param contexts the durable context of each thread
 * @param wakeups in-process wake-ups
 * @param listeners the execution listeners, each isolated
 * @param boundary keeps Stent's writes out of callers' transactions
 * @param caching the result cache by key
 * @param control whether the worker stops, and its pauses of claims
 */
record EngineCore(FunctionRegistry registry, EngineSettings settings, Serializer serializer, Outcomes outcomes,
                  ArgumentCodec arguments, ContextHolder contexts, Wakeups wakeups, Listeners listeners,
                  TransactionBoundary boundary, ResultCaching caching, ClaimControl control) {
}
