package io.stent.engine;

import io.stent.engine.store.ClaimGroup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimPlanTest {

    private static FunctionDefinition function(String name, String queue, Set<String> tags, int maxConcurrent)
            throws Exception {
        return new FunctionDefinition(name, 1, queue, new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO,
                List.of(Exception.class), List.of()), null, new FunctionDefinition.Routing(0, tags, maxConcurrent), Set.of(),
                Object.class.getMethod("toString"), null);
    }

    private final FunctionRegistry registry;

    ClaimPlanTest() throws Exception {
        registry = new FunctionRegistry(List.of(
                function("plain", "default", Set.of(), 0),
                function("gpu", "default", Set.of("gpu"), 0),
                function("limited", "default", Set.of(), 3),
                function("report", "reports", Set.of(), 0),
                function("mail", "mail", Set.of(), 0)));
    }

    private static List<String> names(ClaimGroup group) {
        return group.functions().stream().map(key -> key.name()).toList();
    }

    @Test
    void compatibleVersions_areClaimedByTheCodeThatRunsThem() throws Exception {
        FunctionDefinition v2 = new FunctionDefinition("order", 2, "default", new RetryPolicy(1, Duration.ZERO, 1,
                Duration.ZERO, List.of(Exception.class), List.of()), null, FunctionDefinition.Routing.DEFAULT,
                Set.of(1), Object.class.getMethod("toString"), null);
        List<ClaimGroup> groups = ClaimPlan.of(new FunctionRegistry(List.of(v2)), WorkerRouting.ALL);
        assertEquals(List.of(new io.stent.engine.store.FunctionKey("order", 1),
                new io.stent.engine.store.FunctionKey("order", 2)), groups.get(0).functions());
    }

    @Test
    void everyQueueNoTags_claimsUntaggedFunctions_limitedOnesInTheirOwnGroup() {
        List<ClaimGroup> groups = ClaimPlan.of(registry, WorkerRouting.ALL);
        assertEquals(List.of("plain", "report", "mail"), names(groups.get(0)));
        assertEquals(List.of("limited"), names(groups.get(1)));
        assertEquals(3, groups.get(1).concurrency().get(0).max());
        assertEquals("limited", groups.get(1).concurrency().get(0).function());
        assertEquals(2, groups.size(), "the gpu function needs a tag this worker lacks");
    }

    @Test
    void servedQueuesAndTags_selectTheFunctions() {
        List<ClaimGroup> groups = ClaimPlan.of(registry, new WorkerRouting(Set.of("default"), Set.of("gpu"),
                Map.of()));
        assertEquals(List.of("plain", "gpu"), names(groups.get(0)));
        assertTrue(groups.stream().noneMatch(g -> names(g).contains("report")));
    }

    @Test
    void queueLimits_groupTheQueuesFunctions_underOneConcurrencyAndRateLimit() {
        List<ClaimGroup> groups = ClaimPlan.of(registry, new WorkerRouting(Set.of(), Set.of(),
                Map.of("mail", new WorkerRouting.QueueLimit(2, 50, 0))));
        ClaimGroup mail = groups.stream().filter(g -> names(g).contains("mail")).findFirst().orElseThrow();
        assertEquals("queue:mail", mail.concurrency().get(0).key());
        assertEquals("mail", mail.concurrency().get(0).queue());
        assertEquals(50, mail.rate().perSecond());
        assertEquals(50, mail.rate().burst(), "burst defaults to one second's worth");
        ClaimGroup free = groups.get(0);
        assertNull(free.rate());
        assertTrue(!names(free).contains("mail"));
    }
}
