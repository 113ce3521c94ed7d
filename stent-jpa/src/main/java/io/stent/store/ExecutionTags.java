package io.stent.store;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an execution's tags are stored: sorted and comma-delimited with a comma at each end
 * ({@code ",gpu,eu,"}), so that one tag is found with {@code LIKE '%,gpu,%'}; NULL when there are
 * none. Tags never contain commas (see the function resolver).
 */
final class ExecutionTags {

    private ExecutionTags() {
    }

    /**
     * @param tags the tags
     * @return the stored form, or null for none
     */
    static String encode(Set<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        return "," + String.join(",", new TreeSet<>(tags)) + ",";
    }

    /**
     * @param stored the stored form, or null
     * @return the tags, sorted
     */
    static List<String> decode(String stored) {
        if (stored == null || stored.length() < 2) {
            return List.of();
        }
        return Arrays.stream(stored.substring(1, stored.length() - 1).split(",")).filter(tag -> !tag.isEmpty())
                .toList();
    }
}
