package io.stent.store;

import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;
import io.stent.ExecutionStatus;
import io.stent.store.model.AuditRow;
import io.stent.store.model.DeadLetterRow;
import io.stent.store.model.ExecutionRow;
import io.stent.store.model.ExecutionTagRow;
import io.stent.store.model.StepRow;
import io.stent.store.model.TaskRow;
import io.stent.store.model.WorkerRow;
import io.stent.operations.AuditView;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.ExecutionDetail;
import io.stent.operations.ExecutionFilter;
import io.stent.operations.ExecutionSort;
import io.stent.operations.ExecutionSummary;
import io.stent.operations.Page;
import io.stent.operations.PageRequest;
import io.stent.operations.StepView;
import io.stent.operations.TaskView;
import io.stent.store.query.StoreQueries;
import io.stent.operations.WorkerView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' queries through Jakarta Persistence: filters, sorting and paging are built with
 * the Criteria API, so EclipseLink writes each database's SQL.
 */
final class JpaStoreQueries implements StoreQueries {

    /** The escape character of LIKE patterns built from user text. */
    private static final char ESCAPE = '!';

    private final StentPersistence persistence;
    private final int searchBudget;

    /**
     * @param persistence the persistence unit
     * @param searchBudget how many executions a search by status alone reads at most per call
     */
    JpaStoreQueries(StentPersistence persistence, int searchBudget) {
        this.persistence = persistence;
        this.searchBudget = searchBudget;
    }

    @Override
    public Page<ExecutionSummary> executions(ExecutionFilter filter, ExecutionSort sort, PageRequest page) {
        return persistence.read(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<ExecutionHead> query = cb.createQuery(ExecutionHead.class);
            Root<ExecutionRow> execution = query.from(ExecutionRow.class);
            List<Predicate> where = filterPredicates(cb, query, execution, filter);
            boolean newestFirst = sort != ExecutionSort.CREATED_AT || !page.ascending();
            OffsetDateTime searchedTo = needsSearchBudget(filter) ? budgetEdge(manager, filter, newestFirst, searchBudget) : null;
            if (searchedTo != null) {
                where.add(newestFirst ? cb.greaterThanOrEqualTo(execution.get("createdAt"), searchedTo)
                        : cb.lessThan(execution.get("createdAt"), searchedTo));
            }
            // The list's columns only: arguments, results and errors can be large.
            query.select(cb.construct(ExecutionHead.class, execution.get("id"), execution.get("functionName"),
                            execution.get("functionVersion"), execution.get("status"), execution.get("queue"),
                            execution.get("attempts"),
                            execution.get("idempotencyKey"), execution.get("parentId"), execution.get("createdAt"),
                            execution.get("startedAt"), execution.get("finishedAt"), execution.get("deadlineAt")))
                    .where(where.toArray(Predicate[]::new))
                    .orderBy(executionOrder(cb, execution, sort, page.ascending()));
            List<ExecutionHead> rows = manager.createQuery(query).setFirstResult(page.offset())
                    .setMaxResults(page.limit() + 1).getResultList();
            List<ExecutionHead> shown = rows.subList(0, Math.min(rows.size(), page.limit()));
            List<String> ids = shown.stream().map(ExecutionHead::id).toList();
            SummaryDetails details = SummaryDetails.of(manager, ids);
            return new Page<>(shown.stream().map(head -> details.summary(head)).toList(),
                    page.offset(), rows.size() > page.limit(), searchedTo);
        });
    }

    /** The predicates of a filter (without the search budget), for a query over executions. */
    static List<Predicate> filterPredicates(CriteriaBuilder cb, CriteriaQuery<?> query,
                                                    Root<ExecutionRow> execution, ExecutionFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add(hasStatus(cb, query, execution, filter.status()));
        }
        equalIfSet(cb, where, execution.get("functionName"), filter.function());
        equalIfSet(cb, where, execution.get("parentId"), filter.parentId());
        equalIfSet(cb, where, execution.get("queue"), filter.queue());
        if (filter.tag() != null && !filter.tag().isEmpty()) {
            Subquery<String> tagged = query.subquery(String.class);
            Root<ExecutionTagRow> tag = tagged.from(ExecutionTagRow.class);
            tagged.select(tag.get("executionId")).where(cb.equal(tag.get("tag"), filter.tag()));
            where.add(execution.get("id").in(tagged));
        }
        if (filter.version() != null) {
            where.add(cb.equal(execution.get("functionVersion"), filter.version()));
        }
        if (filter.createdFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(execution.get("createdAt"), filter.createdFrom()));
        }
        if (filter.createdBefore() != null) {
            where.add(cb.lessThan(execution.get("createdAt"), filter.createdBefore()));
        }
        if (filter.startedBefore() != null) {
            where.add(cb.lessThan(execution.get("startedAt"), filter.startedBefore()));
        }
        if (filter.search() != null && !filter.search().isEmpty()) {
            String pattern = likePrefix(filter.search());
            where.add(cb.or(cb.like(execution.get("id"), pattern, ESCAPE),
                    cb.like(execution.get("idempotencyKey"), pattern, ESCAPE)));
        }
        return where;
    }

    @Override
    public void export(ExecutionFilter filter, java.util.function.Consumer<io.stent.operations.ExecutionExport> each) {
        new ExecutionExports(persistence).export(filter, each);
    }

    /**
     * Whether a filter is served by no index: a status alone (an index on the status would cost
     * every completion its in-place update). Function, queue, tag, parent and id or key prefix are
     * served by indexes, and so bound the rows a status is checked in.
     */
    private static boolean needsSearchBudget(ExecutionFilter filter) {
        return filter.status() != null && blank(filter.function()) && blank(filter.queue()) && blank(filter.tag())
                && blank(filter.parentId()) && blank(filter.search());
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }

    /**
     * Where the newest (or oldest) {@code budget} executions in the filter's creation window end,
     * read from the creation-time index: newest first, the creation time of the oldest of them (the
     * search reads those created at or after it); oldest first, that of the first one after them
     * (the search reads those created before it). Null when the window holds no more.
     */
    private static OffsetDateTime budgetEdge(EntityManager manager, ExecutionFilter filter, boolean newestFirst,
                                             int budget) {
        CriteriaBuilder cb = manager.getCriteriaBuilder();
        CriteriaQuery<OffsetDateTime> query = cb.createQuery(OffsetDateTime.class);
        Root<ExecutionRow> execution = query.from(ExecutionRow.class);
        Path<OffsetDateTime> created = execution.get("createdAt");
        List<Predicate> where = new ArrayList<>();
        if (filter.createdFrom() != null) {
            where.add(cb.greaterThanOrEqualTo(created, filter.createdFrom()));
        }
        if (filter.createdBefore() != null) {
            where.add(cb.lessThan(created, filter.createdBefore()));
        }
        query.select(created).where(where.toArray(Predicate[]::new))
                .orderBy(newestFirst ? cb.desc(created) : cb.asc(created));
        List<OffsetDateTime> edge = manager.createQuery(query).setFirstResult(newestFirst ? budget - 1 : budget).setMaxResults(1)
                .getResultList();
        return edge.isEmpty() ? null : edge.get(0);
    }

    /**
     * The status an execution reports: a claim does not write the execution row, so a PENDING or
     * SUSPENDED row whose task is leased is RUNNING.
     */
    private static Predicate hasStatus(CriteriaBuilder cb, CriteriaQuery<?> query, Root<ExecutionRow> execution,
                                       ExecutionStatus status) {
        Path<String> stored = execution.get("status");
        Subquery<Integer> leased = query.subquery(Integer.class);
        Root<TaskRow> task = leased.from(TaskRow.class);
        leased.select(cb.literal(1)).where(cb.equal(task.get("executionId"), execution.get("id")),
                cb.equal(task.get("status"), "RUNNING"));
        return switch (status) {
            case RUNNING -> cb.or(cb.equal(stored, "RUNNING"),
                    cb.and(stored.in("PENDING", "SUSPENDED"), cb.exists(leased)));
            case PENDING, SUSPENDED -> cb.and(cb.equal(stored, status.name()), cb.not(cb.exists(leased)));
            default -> cb.equal(stored, status.name());
        };
    }

    private static List<Order> executionOrder(CriteriaBuilder cb, Root<ExecutionRow> execution, ExecutionSort sort,
                                              boolean ascending) {
        List<Order> order = new ArrayList<>();
        switch (sort) {
            case CREATED_AT -> order.add(direction(cb, execution.get("createdAt"), ascending));
            case FUNCTION -> {
                order.add(direction(cb, execution.get("functionName"), ascending));
                order.add(direction(cb, execution.get("createdAt"), ascending)); // the function index's order
            }
            default -> throw new io.stent.StentArgumentException(StoreMessages.UNKNOWN_SORT, sort);
        }
        order.add(direction(cb, execution.get("id"), ascending));
        return order;
    }

    private static Order direction(CriteriaBuilder cb, Expression<?> expression, boolean ascending) {
        return ascending ? cb.asc(expression) : cb.desc(expression);
    }

    private static void equalIfSet(CriteriaBuilder cb, List<Predicate> where, Path<String> path, String value) {
        if (value != null) {
            where.add(cb.equal(path, value));
        }
    }

    /** A LIKE pattern that matches values starting with {@code prefix}, its wildcards escaped. */
    static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** The attempt number of each execution's running task, for the executions that have one. */
    @Override
    public Optional<ExecutionDetail> execution(String id) {
        // in a transaction, so that the tasks' health is judged on the database clock of its connection
        return persistence.inTransaction(manager -> {
            ExecutionRow row = manager.find(ExecutionRow.class, id);
            if (row == null) {
                return Optional.empty();
            }
            Page<StepView> steps = steps(manager, id, new PageRequest(0, ExecutionDetail.FIRST_STEPS, true));
            ExecutionSummary summary = SummaryDetails.of(manager, List.of(id)).summary(ExecutionHead.of(row));
            return Optional.of(new ExecutionDetail(summary, row.args(), row.result(), row.error(), steps.items(),
                    steps.hasMore(), openTasks(manager, id)));
        });
    }

    @Override
    public io.stent.operations.Overview overview() {
        // in a transaction, so that the window is measured with the database clock of its connection
        return persistence.inTransaction(OverviewQuery::run);
    }

    @Override
    public Page<StepView> steps(String executionId, PageRequest page) {
        return persistence.read(manager -> steps(manager, executionId, page));
    }

    private static Page<StepView> steps(EntityManager manager, String executionId, PageRequest page) {
        String order = page.ascending() ? "" : " DESC";
        List<StepRow> rows = manager.createQuery("SELECT s FROM StepRow s WHERE s.executionId = :id ORDER BY"
                        + " s.finishedAt" + order + ", s.parentPath" + order + ", s.seq" + order, StepRow.class)
                .setParameter("id", executionId).setFirstResult(page.offset()).setMaxResults(page.limit() + 1)
                .getResultList();
        return new Page<>(rows.stream().limit(page.limit()).map(JpaStoreQueries::view).toList(), page.offset(),
                rows.size() > page.limit());
    }

    static StepView view(StepRow step) {
        return new StepView(step.parentPath(), step.seq(), step.functionName(), step.status(), step.args(),
                step.output(), step.attempts(), step.durationMs(), step.finishedAt(), step.wakeAt());
    }

    /** The execution's tasks that are not done, judged against the database clock. */
    private static List<TaskView> openTasks(EntityManager manager, String executionId) {
        List<TaskRow> tasks = manager.createQuery("SELECT t FROM TaskRow t WHERE t.executionId = :id"
                + " AND t.status IN ('READY', 'RUNNING') ORDER BY t.createdAt", TaskRow.class)
                .setParameter("id", executionId).getResultList();
        if (tasks.isEmpty()) {
            return List.of();
        }
        java.time.OffsetDateTime now = DatabaseClock.now(manager);
        List<TaskView> views = new ArrayList<>();
        for (TaskRow task : tasks) {
            WorkerRow owner = task.leaseOwner() == null ? null : manager.find(WorkerRow.class, task.leaseOwner());
            views.add(new TaskView(task.id(), task.kind(), task.functionName(), task.status(), task.queue(),
                    task.runAt(), task.attempt(), task.requeues(), task.leaseOwner(), task.leaseExpiresAt(),
                    owner == null ? null : owner.heartbeatAt(), TaskHealthRule.of(task, owner, now)));
        }
        return views;
    }

    @Override
    public Page<DeadLetter> deadLetters(DeadLetterFilter filter, DeadLetterSort sort, PageRequest page) {
        return persistence.read(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<DeadLetterRow> query = cb.createQuery(DeadLetterRow.class);
            Root<DeadLetterRow> letter = query.from(DeadLetterRow.class);
            Path<?> key = switch (sort) {
                case FAILED_AT -> letter.get("failedAt");
                case FUNCTION -> letter.get("functionName");
                case ERROR_CLASS -> letter.get("errorClass");
            };
            query.select(letter).where(DeadLetters.matching(cb, letter, filter))
                    .orderBy(direction(cb, key, page.ascending()), direction(cb, letter.get("id"), page.ascending()));
            List<DeadLetterRow> rows = manager.createQuery(query).setFirstResult(page.offset())
                    .setMaxResults(page.limit() + 1).getResultList();
            return new Page<>(rows.subList(0, Math.min(rows.size(), page.limit())).stream()
                    .map(DeadLetters::view).toList(), page.offset(), rows.size() > page.limit());
        });
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) {
        return persistence.read(manager -> Optional.ofNullable(manager.find(DeadLetterRow.class, id))
                .map(DeadLetters::view));
    }

    @Override
    public long countDeadLetters(DeadLetterFilter filter) {
        return persistence.read(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<DeadLetterRow> letter = query.from(DeadLetterRow.class);
            query.select(cb.count(letter)).where(DeadLetters.matching(cb, letter, filter));
            return manager.createQuery(query).getSingleResult();
        });
    }

    @Override
    public Page<AuditView> audit(String actor, String operation, PageRequest page) {
        return persistence.read(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<AuditRow> query = cb.createQuery(AuditRow.class);
            Root<AuditRow> audit = query.from(AuditRow.class);
            List<Predicate> where = new ArrayList<>();
            equalIfSet(cb, where, audit.get("actor"), actor);
            equalIfSet(cb, where, audit.get("operation"), operation);
            Order byTime = page.ascending() ? cb.asc(audit.get("occurredAt")) : cb.desc(audit.get("occurredAt"));
            Order byId = page.ascending() ? cb.asc(audit.get("id")) : cb.desc(audit.get("id"));
            query.select(audit).where(where.toArray(Predicate[]::new)).orderBy(byTime, byId);
            List<AuditRow> rows = manager.createQuery(query).setFirstResult(page.offset())
                    .setMaxResults(page.limit() + 1).getResultList();
            return new Page<>(rows.stream().limit(page.limit()).map(AuditTrail::view).toList(), page.offset(),
                    rows.size() > page.limit());
        });
    }

    @Override
    public List<WorkerView> workers() {
        // in a transaction, so that liveness is judged on the database clock of its connection
        return persistence.inTransaction(manager -> {
            java.time.OffsetDateTime silentBefore = DatabaseClock.now(manager).minusSeconds(TaskView.SILENCE_SECONDS);
            Map<String, Long> inFlight = new HashMap<>();
            for (Object[] row : manager.createQuery("SELECT t.leaseOwner, COUNT(t) FROM TaskRow t"
                    + " WHERE t.status = 'RUNNING' GROUP BY t.leaseOwner", Object[].class).getResultList()) {
                inFlight.put((String) row[0], ((Number) row[1]).longValue());
            }
            return manager.createQuery("SELECT w FROM WorkerRow w ORDER BY w.startedAt DESC, w.id", WorkerRow.class)
                    .getResultList().stream()
                    .map(w -> new WorkerView(w.id(), w.host(), w.pid(), w.stentVersion(), w.startedAt(),
                            w.heartbeatAt(), w.stoppedAt(), split(w.functions(), "|"), queues(w.queues()),
                            split(w.tags(), ","), inFlight.getOrDefault(w.id(), 0L),
                            w.stoppedAt() == null && w.heartbeatAt().isAfter(silentBefore)))
                    .toList();
        });
    }

    /** The served queues as stored: {@code *} (or nothing, before schema version 14) for all of them. */
    private static List<String> queues(String stored) {
        return stored == null || stored.equals("*") ? List.of() : split(stored, ",");
    }

    private static List<String> split(String stored, String separator) {
        if (stored == null) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(java.util.regex.Pattern.quote(separator)))
                .filter(part -> !part.isEmpty()).sorted().toList();
    }
}
