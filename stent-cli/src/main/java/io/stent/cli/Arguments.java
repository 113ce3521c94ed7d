package io.stent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command line split into words and {@code --name value} options ({@code --json}, {@code --help} and {@code --filter} take no value). */
final class Arguments {

    private static final List<String> FLAGS = List.of("json", "help", "filter");

    private final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    Arguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int equals = name.indexOf('=');
                if (equals > 0) {
                    options.put(name.substring(0, equals), name.substring(equals + 1));
                } else if (FLAGS.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new CliFailure(CliFailure.USAGE, "--" + name + " needs a value");
                }
            } else {
                words.add(arg);
            }
        }
    }

    /** The word at {@code index}, or the failure naming what is missing. */
    String word(int index, String what) {
        if (index >= words.size()) {
            throw new CliFailure(CliFailure.USAGE, "missing " + what);
        }
        return words.get(index);
    }

    boolean hasWord(int index) {
        return index < words.size();
    }

    int wordCount() {
        return words.size();
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    /** Refuses options that the command does not know, so that a typo is not silently ignored. */
    void allowOnly(List<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new CliFailure(CliFailure.USAGE, "unknown option --" + name + " here; known: "
                        + known.stream().map(k -> "--" + k).toList());
            }
        }
    }
}
