package io.stent.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Stent command line: dead letters, executions, retry, cancel and signal, over the admin console's
 * REST API. Run {@code java -jar stent-cli.jar --help}.
 */
public final class StentCli {

    static final String USAGE = """
            usage: stent-cli [--url URL] [--user NAME] [--password SECRET] [--json] COMMAND
              dlq list [--function F] [--queue Q] [--error-class C] [--execution ID] [--limit N]
              dlq show ID
              dlq replay ID
              dlq replay --filter [--function F] [--queue Q] [--error-class C] [--execution ID]   (a bulk replay job)
              dlq bulk list | stop ID | resume ID
              executions list [--status S] [--function F] [--queue Q] [--tag T] [--search PREFIX] [--limit N]
              executions show ID
              executions export [--status S] [--function F] [--queue Q] [--tag T] [--search PREFIX]   (JSON lines)
              retry ID              (a FAILED execution, from the step that failed)
              schedules list
              schedules pause|resume|trigger|delete NAME
              retention runs        (the latest runs of the retention job and what each deleted)
              cancel ID
              signal ID NAME JSON
            The URL, user and password may also come from STENT_CONSOLE_URL, STENT_CONSOLE_USER and
            STENT_CONSOLE_PASSWORD (better for the password than the command line).
            Exit codes: 0 done, 1 bad usage, 2 console unreachable, 3 refused (credentials, role),
            4 rejected (unknown id, bad input).""";

    private static final List<String> FILTER = List.of("function", "queue", "error-class", "execution");

    private final PrintStream out;
    private final Map<String, String> env;

    private StentCli(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs one command.
     *
     * @param args the arguments
     * @param out where results go
     * @param err where failures go
     * @param env the environment (for the URL and credentials)
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            Arguments arguments = new Arguments(args);
            if (arguments.flag("help") || arguments.wordCount() == 0) {
                out.println(USAGE);
                return arguments.flag("help") ? 0 : CliFailure.USAGE;
            }
            new StentCli(out, env).dispatch(arguments);
            return 0;
        } catch (CliFailure failure) {
            err.println("stent-cli: " + failure.getMessage());
            if (failure.exitCode() == CliFailure.USAGE) {
                err.println(USAGE);
            }
            return failure.exitCode();
        }
    }

    private void dispatch(Arguments arguments) {
        String command = arguments.word(0, "a command");
        switch (command) {
            case "dlq" -> deadLetters(arguments);
            case "executions" -> executions(arguments);
            case "schedules" -> schedules(arguments);
            case "retention" -> {
                String action = arguments.word(1, "retention runs");
                allow(arguments);
                if (!action.equals("runs")) {
                    throw new CliFailure(CliFailure.USAGE, "unknown retention action '" + action + "'");
                }
                table(arguments, connect(arguments).get("/retention-runs"), List.of("startedAt", "status", "instance",
                        "executions", "deadLetters", "auditRows", "cacheEntries", "finishedAt", "error"));
            }
            case "retry" -> {
                allow(arguments);
                String path = "/executions/" + segment(arguments.word(1, "the execution id")) + "/retry";
                print(arguments, connect(arguments).change("POST", path, null));
            }
            case "cancel" -> {
                allow(arguments);
                String path = "/executions/" + segment(arguments.word(1, "the execution id")) + "/cancel";
                print(arguments, connect(arguments).change("POST", path, null));
            }
            case "signal" -> {
                allow(arguments);
                String path = "/executions/" + segment(arguments.word(1, "the execution id")) + "/signals/"
                        + segment(arguments.word(2, "the signal name"));
                String payload = arguments.word(3, "the JSON payload");
                print(arguments, connect(arguments).change("POST", path, payload));
            }
            default -> throw new CliFailure(CliFailure.USAGE, "unknown command '" + command + "'");
        }
    }

    private void schedules(Arguments arguments) {
        String action = arguments.word(1, "schedules list, pause, resume, trigger or delete");
        allow(arguments);
        switch (action) {
            case "list" -> table(arguments, connect(arguments).get("/schedules"),
                    List.of("name", "function", "cron", "zone", "paused", "upcoming", "lastExecutionId", "fires"));
            case "pause", "resume", "trigger" -> print(arguments, connect(arguments).change("POST", "/schedules/"
                    + segment(arguments.word(2, "the schedule's name")) + "/" + action, null));
            case "delete" -> print(arguments, connect(arguments).change("DELETE", "/schedules/"
                    + segment(arguments.word(2, "the schedule's name")), null));
            default -> throw new CliFailure(CliFailure.USAGE, "unknown schedules action '" + action + "'");
        }
    }

    private void deadLetters(Arguments arguments) {
        String action = arguments.word(1, "dlq list, show or replay");
        switch (action) {
            case "list" -> {
                allow(arguments, "function", "queue", "error-class", "execution", "limit");
                table(arguments, connect(arguments).get("/dead-letters?" + filter(arguments) + limit(arguments)),
                        List.of("id", "failedAt", "function", "errorClass", "errorMessage", "executionId"));
            }
            case "show" -> {
                allow(arguments);
                String path = "/dead-letters/" + segment(arguments.word(2, "the dead letter id"));
                print(arguments, connect(arguments).get(path));
            }
            case "replay" -> {
                if (arguments.flag("filter")) {
                    allow(arguments, "filter", "function", "queue", "error-class", "execution");
                    bulkReplay(arguments);
                } else {
                    allow(arguments);
                    String path = "/dead-letters/" + segment(arguments.word(2, "the dead letter id, or --filter"))
                            + "/replay";
                    print(arguments, connect(arguments).change("POST", path, null));
                }
            }
            case "bulk" -> {
                allow(arguments);
                String what = arguments.word(2, "dlq bulk list, stop ID or resume ID");
                switch (what) {
                    case "list" -> table(arguments, connect(arguments).get("/bulk-replays"),
                            List.of("id", "createdAt", "actor", "status", "total", "replayed", "skipped"));
                    case "stop", "resume" -> print(arguments, connect(arguments).change("POST", "/bulk-replays/"
                            + segment(arguments.word(3, "the bulk replay id")) + "/" + what, null));
                    default -> throw new CliFailure(CliFailure.USAGE, "unknown dlq bulk action '" + what + "'");
                }
            }
            default -> throw new CliFailure(CliFailure.USAGE, "unknown dlq action '" + action + "'");
        }
    }

    /** Starts a bulk replay job and follows it to its end, a line of progress a second. */
    private void bulkReplay(Arguments arguments) {
        ConsoleConnection console = connect(arguments);
        JsonObject started = (JsonObject) console.change("POST", "/bulk-replays?" + filter(arguments), null);
        String id = started.getString("id");
        out.println("bulk replay " + id + ": " + started.getJsonNumber("total") + " dead letters match");
        JsonObject now = started;
        while (now.getString("status").equals("RUNNING") || now.getString("status").equals("STOPPING")) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
            now = (JsonObject) console.get("/bulk-replays/" + segment(id));
            out.println("  " + now.getString("status") + ": replayed " + now.getJsonNumber("replayed") + ", skipped "
                    + now.getJsonNumber("skipped"));
        }
        out.println("status: " + now.getString("status"));
        out.println("replayed: " + now.getJsonNumber("replayed"));
        out.println("skipped: " + now.getJsonNumber("skipped"));
    }

    private void executions(Arguments arguments) {
        String action = arguments.word(1, "executions list, show or export");
        switch (action) {
            case "list" -> {
                allow(arguments, "status", "function", "queue", "tag", "search", "limit");
                StringBuilder query = new StringBuilder();
                for (String name : List.of("status", "function", "queue", "tag", "search")) {
                    if (arguments.option(name) != null) {
                        query.append(name).append('=').append(query(arguments.option(name))).append('&');
                    }
                }
                table(arguments, connect(arguments).get("/executions?" + query + limit(arguments)),
                        List.of("id", "createdAt", "function", "version", "queue", "status", "attempts"));
            }
            case "show" -> {
                allow(arguments);
                String path = "/executions/" + segment(arguments.word(2, "the execution id"));
                print(arguments, connect(arguments).get(path));
            }
            case "export" -> {
                allow(arguments, "status", "function", "queue", "tag", "search");
                StringBuilder query = new StringBuilder();
                for (String name : List.of("status", "function", "queue", "tag", "search")) {
                    if (arguments.option(name) != null) {
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                                .append(query(arguments.option(name)));
                    }
                }
                connect(arguments).download("/executions/export" + query, out);
            }
            default -> throw new CliFailure(CliFailure.USAGE, "unknown executions action '" + action + "'");
        }
    }

    private ConsoleConnection connect(Arguments arguments) {
        return new ConsoleConnection(setting(arguments, "url", "STENT_CONSOLE_URL"),
                setting(arguments, "user", "STENT_CONSOLE_USER"), setting(arguments, "password", "STENT_CONSOLE_PASSWORD"));
    }

    private String setting(Arguments arguments, String option, String variable) {
        String value = arguments.option(option) != null ? arguments.option(option) : env.get(variable);
        if (value == null || value.isBlank()) {
            throw new CliFailure(CliFailure.USAGE, "give --" + option + " or set " + variable);
        }
        return value;
    }

    private static void allow(Arguments arguments, String... commandOptions) {
        List<String> known = new java.util.ArrayList<>(List.of("url", "user", "password", "json", "help"));
        known.addAll(List.of(commandOptions));
        arguments.allowOnly(known);
    }

    private static String filter(Arguments arguments) {
        StringBuilder query = new StringBuilder();
        for (String name : FILTER) {
            if (arguments.option(name) != null) {
                String parameter = name.equals("error-class") ? "errorClass" : name;
                query.append(parameter).append('=').append(query(arguments.option(name))).append('&');
            }
        }
        return query.toString();
    }

    private static String limit(Arguments arguments) {
        return "limit=" + query(arguments.option("limit") == null ? "50" : arguments.option("limit"));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void table(Arguments arguments, JsonStructure page, List<String> columns) {
        if (arguments.flag("json")) {
            out.println(page);
            return;
        }
        if (page instanceof jakarta.json.JsonArray list) {
            Tables.print(out, list.getValuesAs(JsonObject.class), columns);
            return;
        }
        JsonObject object = (JsonObject) page;
        Tables.print(out, object.getJsonArray("items").getValuesAs(JsonObject.class), columns);
        if (object.getBoolean("hasMore", false)) {
            out.println("(more: raise --limit, up to 500)");
        }
    }

    private void print(Arguments arguments, JsonStructure answer) {
        if (arguments.flag("json") || !(answer instanceof JsonObject object)) {
            out.println(answer);
            return;
        }
        for (Map.Entry<String, jakarta.json.JsonValue> field : object.entrySet()) {
            out.println(field.getKey() + ": " + (field.getValue() instanceof jakarta.json.JsonString text
                    ? text.getString() : field.getValue().toString()));
        }
    }
}
