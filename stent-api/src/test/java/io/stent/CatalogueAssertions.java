package io.stent;

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

/**
 * What every module's message catalogue must hold to: well-formed unique codes, each with a
 * message and a remedy, a row in the README's error tables, and no code written anywhere else in
 * the module's sources. Run by each module's catalogue test from the module's directory.
 */
public final class CatalogueAssertions {

    private static final Pattern CODE = Pattern.compile("STENT-\\d{4}");

    private CatalogueAssertions() {
    }

    /**
     * Checks a module's catalogue.
     *
     * @param catalogue its entries
     * @param catalogueFile the file name of the catalogue's source, the one place codes are written
     */
    public static void check(StentMessage[] catalogue, String catalogueFile) {
        Set<String> codes = new HashSet<>();
        for (StentMessage message : catalogue) {
            assertTrue(CODE.matcher(message.code()).matches(), message + ": " + message.code());
            assertTrue(codes.add(message.code()), "defined twice: " + message.code());
            assertTrue(!message.template().isBlank() && !message.remedy().isBlank(), "empty: " + message);
        }
        List<String> readme = read(Path.of("..", "README.md"));
        for (StentMessage message : catalogue) {
            assertTrue(readme.stream().anyMatch(line -> line.startsWith("| `" + message.code() + "` | ")
                            && line.endsWith(" | " + message.remedy() + " |")),
                    "the README's error tables lack the row of " + message.code() + " ending | "
                            + message.remedy() + " |");
        }
        for (StentMessage message : catalogue) {
            List<String> elsewhere = otherCatalogues(catalogueFile).stream()
                    .filter(other -> read(other).stream().anyMatch(line -> line.contains("\"" + message.code() + "\"")))
                    .map(Path::toString).toList();
            assertEquals(List.of(), elsewhere, message.code() + " is defined in another module's catalogue too");
        }
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            List<String> inline = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getFileName().toString().equals(catalogueFile))
                    .flatMap(path -> read(path).stream().filter(line -> !line.trim().startsWith("*")
                            && line.matches(".*\"STENT-\\d{4}.*")).map(line -> path + ": " + line.trim()))
                    .toList();
            assertEquals(List.of(), inline, "codes belong in " + catalogueFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The README rows of a catalogue, as its error table shows them.
     *
     * @param catalogue its entries
     * @return one row per entry
     */
    public static String rows(StentMessage[] catalogue) {
        StringBuilder rows = new StringBuilder();
        for (StentMessage message : catalogue) {
            rows.append("| `").append(message.code()).append("` | ")
                    .append(message.template().replace("{}", "…").replace("|", "\\|")).append(" | ")
                    .append(message.remedy()).append(" |\n");
        }
        return rows.toString();
    }

    /** The catalogues of the other modules: every {@code *Messages.java} under a module's main sources. */
    private static List<Path> otherCatalogues(String catalogueFile) {
        List<Path> found = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(Path.of(".."), new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return name.equals("target") || name.startsWith(".") && !name.equals("..")
                            || name.equals("node_modules") ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                            : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (name.endsWith("Messages.java") && !name.equals(catalogueFile)
                            && file.toString().contains("src" + java.io.File.separator + "main")) {
                        found.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
