package io.stent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiMessagesTest {

    private static final Pattern CODE = Pattern.compile("STENT-\\d{4}");

    @Test
    void everyCode_isWellFormed_unique_andHasAMessageAndARemedy() {
        Set<String> codes = new HashSet<>();
        for (ApiMessages message : ApiMessages.values()) {
            assertTrue(CODE.matcher(message.code()).matches(), message.name());
            assertTrue(codes.add(message.code()), "defined twice: " + message.code());
            assertTrue(!message.template().isBlank() && !message.remedy().isBlank(), message.name());
        }
    }

    @Test
    void theReadmesErrorTable_listsEveryCode_withWhatToDo() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        for (ApiMessages message : ApiMessages.values()) {
            assertTrue(readme.stream().anyMatch(line -> line.startsWith("| `" + message.code() + "` | ")
                            && line.endsWith(" | " + message.remedy() + " |")),
                    "the README's error table lacks the row of " + message.code() + " ending | "
                            + message.remedy() + " |");
        }
    }

    @Test
    void theApisSources_writeNoCodeOutsideTheCatalogue() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            List<String> inline = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getFileName().toString().equals("ApiMessages.java"))
                    .flatMap(path -> lines(path).stream().filter(line -> !line.trim().startsWith("*")
                            && line.matches(".*\"STENT-\\d{4}.*")).map(line -> path + ": " + line.trim()))
                    .toList();
            assertEquals(List.of(), inline, "codes belong in ApiMessages");
        }
    }

    @Test
    void format_fillsEachPlaceholderInTurn() {
        assertEquals("STENT-1409 cannot cancel: execution e-1 has already finished",
                ApiMessages.EXECUTION_FINISHED.format("cancel", "e-1"));
        assertEquals("a {} c", StentMessage.fill("a {} c"), "a missing argument leaves its place");
        assertEquals("STENT-1404", new ExecutionNotFoundException("x").code());
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
