package io.stent.store;

import io.stent.operations.ExecutionFilter;
import io.stent.operations.StepView;
import io.stent.store.model.ExecutionRow;
import io.stent.store.model.StepRow;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports of executions: every one a filter matches, oldest first, whole (values, error, every
 * step), read in keyset pages by creation time and id, so that an export of millions holds one
 * page in memory.
 */
final class ExecutionExports {

    /** How many executions an export reads per query. */
    private static final int EXPORT_PAGE = 500;

    private final StentPersistence persistence;

    ExecutionExports(StentPersistence persistence) {
        this.persistence = persistence;
    }

    /**
     * Gives every execution a filter matches, oldest first, whole, a page at a time.
     *
     * @param filter which ones
     * @param each given each in turn
     */
    void export(ExecutionFilter filter, java.util.function.Consumer<io.stent.operations.ExecutionExport> each) {
        OffsetDateTime lastAt = null;
        String lastId = null;
        while (true) {
            OffsetDateTime afterAt = lastAt;
            String afterId = lastId;
            List<io.stent.operations.ExecutionExport> page = persistence.read(manager -> {
                CriteriaBuilder cb = manager.getCriteriaBuilder();
                CriteriaQuery<ExecutionRow> query = cb.createQuery(ExecutionRow.class);
                Root<ExecutionRow> execution = query.from(ExecutionRow.class);
                List<Predicate> where = JpaStoreQueries.filterPredicates(cb, query, execution, filter);
                if (afterAt != null) { // keyset: after the last row of the page before, in (created, id) order
                    where.add(cb.or(cb.greaterThan(execution.get("createdAt"), afterAt),
                            cb.and(cb.equal(execution.get("createdAt"), afterAt),
                                    cb.greaterThan(execution.get("id"), afterId))));
                }
                query.select(execution).where(where.toArray(Predicate[]::new))
                        .orderBy(cb.asc(execution.get("createdAt")), cb.asc(execution.get("id")));
                List<ExecutionRow> rows = manager.createQuery(query).setMaxResults(EXPORT_PAGE).getResultList();
                List<String> ids = rows.stream().map(ExecutionRow::id).toList();
                SummaryDetails details = SummaryDetails.of(manager, ids);
                Map<String, List<StepView>> steps = new HashMap<>();
                if (!ids.isEmpty()) {
                    for (StepRow step : manager.createQuery("SELECT s FROM StepRow s WHERE s.executionId IN :ids"
                            + " ORDER BY s.executionId, s.finishedAt, s.parentPath, s.seq", StepRow.class)
                            .setParameter("ids", ids).getResultList()) {
                        steps.computeIfAbsent(step.executionId(), id -> new ArrayList<>()).add(JpaStoreQueries.view(step));
                    }
                }
                return rows.stream().map(row -> new io.stent.operations.ExecutionExport(
                        details.summary(ExecutionHead.of(row)), row.args(), row.result(), row.error(),
                        steps.getOrDefault(row.id(), List.of()))).toList();
            });
            page.forEach(each);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            var last = page.get(page.size() - 1).summary();
            lastAt = last.createdAt();
            lastId = last.id();
        }
    }
}
