package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Steps and workflows that the server or the database fails a few times before they work. */
@ApplicationScoped
public class ServerTrouble {

    @Inject
    Calls calls;
    @Inject
    TroubledSteps steps;

    /** A workflow that would compensate any failure of its step, and has one attempt only. */
    @Durable(maxAttempts = 1)
    public String compensatesAnything(String key) {
        try {
            return steps.contextGoneTwice(key);
        } catch (Exception e) {
            calls.increment("caught:" + key);
            return "compensated " + e;
        }
    }

    /** A workflow whose own body loses its database connection on its first run. */
    @Durable(maxAttempts = 1)
    public String losesDatabaseOnce(String key) throws SQLException {
        if (calls.increment("body:" + key) == 1) {
            throw new SQLTransientConnectionException("connection pool exhausted", "08001");
        }
        return "reconnected";
    }

    /** A workflow whose stored arguments the tests make unreadable. */
    @Durable(maxAttempts = 3)
    public int takesNumber(int number) {
        calls.increment("takesNumber");
        return number;
    }

    /** Steps of {@link ServerTrouble}. */
    @ApplicationScoped
    public static class TroubledSteps {

        @Inject
        Calls calls;

        @Durable(maxAttempts = 1)
        public String contextGoneTwice(String key) {
            if (calls.increment("contextGone:" + key) <= 2) {
                throw new ContextNotActiveException("WELD-001303: No active contexts for scope type RequestScoped");
            }
            return "served";
        }
    }
}
