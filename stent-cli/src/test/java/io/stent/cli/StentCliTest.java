package io.stent.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's own checks, before and without a console. */
class StentCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return StentCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_printsTheUsage_andSucceeds() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("dlq replay --filter"));
    }

    @Test
    void unknownCommandOrOption_orMissingArgument_isBadUsage_namingIt() {
        assertEquals(1, run(Map.of(), "restart"));
        assertTrue(err().contains("unknown command 'restart'"), err());
        assertEquals(1, run(Map.of(), "dlq", "list", "--fucntion", "x"));
        assertTrue(err().contains("unknown option --fucntion"), err());
        assertEquals(1, run(Map.of(), "signal", "id-1"));
        assertTrue(err().contains("missing the signal name"), err());
        assertEquals(1, run(Map.of(), "dlq", "show", "id", "--limit"));
        assertTrue(err().contains("--limit needs a value"), err());
    }

    @Test
    void missingOrBadUrl_isBadUsage_andAnUnreachableConsoleIsSaidSo() throws Exception {
        assertEquals(1, run(Map.of(), "dlq", "list"));
        assertTrue(err().contains("give --url or set STENT_CONSOLE_URL"), err());
        assertEquals(1, run(Map.of(), "--url", "ftp:/nowhere", "--user", "u", "--password", "p", "dlq", "list"));
        assertTrue(err().contains("the console URL 'ftp:/nowhere' is not valid"), err());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(2, run(Map.of("STENT_CONSOLE_URL", "http://127.0.0.1:" + closedPort + "/stent-admin",
                "STENT_CONSOLE_USER", "u", "STENT_CONSOLE_PASSWORD", "p"), "executions", "list"));
        assertTrue(err().contains("cannot reach the console at http://127.0.0.1:" + closedPort), err());
    }
}
