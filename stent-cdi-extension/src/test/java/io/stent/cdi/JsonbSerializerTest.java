package io.stent.cdi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonbSerializerTest {

    /** A stored value. */
    public record Order(String id, List<Integer> lines) {
    }

    private final JsonbSerializer serializer = new JsonbSerializer();

    @AfterEach
    void close() {
        serializer.close();
    }

    @Test
    void concurrentWritesAndReads_neverMixUpValues() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> mismatches = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t * 1_000_000;
            boolean writer = t % 2 == 0;
            mismatches.add(pool.submit(() -> {
                int bad = 0;
                for (int i = 0; i < 20_000; i++) {
                    int value = base + i;
                    if (writer) {
                        bad += serializer.serialize(value, int.class).equals(Integer.toString(value)) ? 0 : 1;
                    } else {
                        bad += Integer.valueOf(value).equals(serializer.deserialize(Integer.toString(value), int.class))
                                ? 0 : 1;
                    }
                }
                return bad;
            }));
        }
        int total = 0;
        for (Future<Integer> result : mismatches) {
            total += result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(0, total, "values mixed up between threads");
    }

    @Test
    void arguments_roundTripTypedFromTheSignature() throws Exception {
        Type[] types = getClass().getDeclaredMethod("sample", String.class, int.class, Order.class, Map.class)
                .getGenericParameterTypes();
        Object[] args = {"a", 3, new Order("o1", List.of(1, 2)), Map.of("k", List.of(new Order("o2", List.of())))};
        String json = serializer.serializeArguments(args, types);
        assertArrayEquals(args, serializer.deserializeArguments(json, types));
        assertEquals(0, serializer.deserialize("null", int.class));
    }

    @Test
    void storedArgumentsOfAnotherSignature_areAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> serializer.deserializeArguments("[1, 2]", new Type[] {int.class}));
        assertTrue(error.getMessage().contains("signature changed"), error.getMessage());
    }

    @SuppressWarnings("unused")
    private void sample(String a, int b, Order c, Map<String, List<Order>> d) {
    }
}
