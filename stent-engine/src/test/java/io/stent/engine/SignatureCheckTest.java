package io.stent.engine;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureCheckTest {

    /** A storable record. */
    public record Order(String id, int cents) {
    }

    /** Methods to check. */
    public static class Samples {
        public Order good(String a, int b, List<Order> c, Map<String, Integer> d, Order[] e) {
            return null;
        }

        public void noResult(long id) {
        }

        public String resource(InputStream in) {
            return null;
        }

        public Runnable behaviour(String x) {
            return null;
        }

        public <T> T generic(T value) {
            return value;
        }

        public final String sealed(String x) {
            return x;
        }

        public static String shared(String x) {
            return x;
        }

        public CharSequence anInterface(String x) {
            return x;
        }
    }

    private static List<String> problems(String name) {
        for (var method : Samples.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return SignatureCheck.problems(method);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void dataTypes_recordsCollectionsAndArrays_areAccepted() {
        assertEquals(List.of(), problems("good"));
        assertEquals(List.of(), problems("noResult"));
    }

    @Test
    void resourcesBehaviourGenericsAndInterfaces_areRejected() {
        assertTrue(problems("resource").get(0).contains("resource or behaviour"));
        assertTrue(problems("behaviour").get(0).contains("result type"));
        assertEquals(2, problems("generic").size(), "parameter and result");
        assertTrue(problems("anInterface").get(0).contains("interface or abstract"));
    }

    @Test
    void finalAndStaticMethods_cannotBeIntercepted() {
        assertTrue(problems("sealed").contains("it is final; the container cannot intercept it"));
        assertTrue(problems("shared").contains("it is static; interceptors only apply to instance methods"));
    }
}
