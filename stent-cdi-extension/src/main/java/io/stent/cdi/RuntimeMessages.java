package io.stent.cdi;

import io.stent.StentMessage;

/** The catalogue of the CDI runtime's codes: deployment, start and stop, health, configuration and the retention job. */
public enum RuntimeMessages implements StentMessage {

    /** 1003. */
    DURABLE_ON_CLASS("STENT-1003", "@Durable is on the class {}; put it on the methods that are durable functions",
            "Put @Durable on the methods that are durable functions, not on the class."),
    /** 1004. */
    INVALID_DURABLE_METHOD("STENT-1004", "@Durable method {} is invalid: {}",
            "Fix what the message names on that method; the deployment fails until then."),
    /** 1005. */
    REGISTRY_TOO_EARLY("STENT-1005", "the function registry is read before bean discovery ended",
            "A programming error: read the registry after bean discovery."),
    /** 1006. */
    METHOD_NOT_EXPOSED("STENT-1006", "{} does not expose {}{}",
            "Add the method to the EJB's business interface or give the bean a no-interface view."),
    /** 1007. */
    UNREGISTERED_INTERCEPTION("STENT-1007", "{} is intercepted as @Durable but was not registered at deployment; is "
            + "its bean in a bean archive?",
            "Put the bean in a bean archive (beans.xml or a bean-defining annotation)."),
    /** 1008. */
    SCHEDULE_WITHOUT_DURABLE("STENT-1008", "{} has @DurableSchedule but is not @Durable: a schedule starts a durable "
            + "function",
            "Add @Durable to the method, or remove @DurableSchedule."),
    /** 1503. */
    JSONB_CLOSE_FAILED("STENT-1503", "closing JSON-B failed",
            "Read the cause; the JSON-B provider failed to close."),
    /** 1504. */
    RESOURCE_LOOKUP("STENT-1504", "cannot look up {} at JNDI name '{}': {}; Stent needs a Jakarta EE server that "
            + "provides it",
            "Run Stent on a Jakarta EE server that provides the resource, or supply a RuntimeEnvironment."),
    /** 1601. */
    RUNTIME_STARTED("STENT-1601", "Stent runtime started on {} with {} durable function(s): {}{}",
            "Nothing: Stent runs."),
    /** 1602. */
    CLOCK_DRIFT("STENT-1602", "this server's clock differs from the database clock by {} ms. Stent decides due-ness "
            + "and leases with the database clock, so work is safe, but timestamps the application computes will "
            + "disagree with the database; fix NTP.",
            "Fix NTP on this server; Stent's own decisions use the database clock and stay safe."),
    /** 1603. */
    CLOCK_DRIFT_MEASURED("STENT-1603", "clock drift to the database: {} ms",
            "Nothing: the drift is small."),
    /** 1604. */
    RUNTIME_STOPPED("STENT-1604", "the Stent runtime of this deployment has stopped{}",
            "Nothing: the application is shutting down; start executions before it stops."),
    /** 1605. */
    SCHEMA_BEHIND("STENT-1605", "the database's Stent schema is at version {}, this code expects {}{}",
            "Apply the migrations (SchemaPrinter prints them) or set stent.schema.migrate=true; or deploy the newer "
                    + "Stent here too."),
    /** 1606. */
    RUNTIME_NOT_STARTED("STENT-1606", "the Stent runtime of this deployment has not started yet{}",
            "Wait for the deployment to finish; if the database is down, it starts when it answers."),
    /** 1607. */
    DUE_GAUGE_FAILED("STENT-1607", "could not count the due tasks for the stent.tasks.due gauge; it shows the last "
            + "count",
            "Check the database; the gauge shows the last count meanwhile."),
    /** 1608. */
    RUNTIME_START_FAILED("STENT-1608", "the Stent runtime {}",
            "Check the database and stent.datasource; Stent keeps trying and readiness stays down."),
    /** 1609. */
    DEPLOYMENT_EVENTS_UNAVAILABLE("STENT-1609", "cannot listen for the end of the deployment on the server's event "
            + "bus: {}",
            "Nothing on servers without the event bus: CDI's Startup event stands for the end of the deployment."),
    /** 1610. */
    RUNTIME_STOPPING("STENT-1610", "the application is stopping: Stent stops claiming and drains its running tasks",
            "Nothing: running tasks finish or are released."),
    /** 1611. */
    DEPLOYED("STENT-1611", "the application is deployed; the worker may claim from now on",
            "Nothing: the worker claims from now on."),
    /** 1612. */
    RUNTIME_STOPPED_CLEANLY("STENT-1612", "Stent stopped",
            "Nothing."),
    /** 2222. */
    ROLLBACK_FAILED("STENT-2222", "a transaction left open on a worker thread could not be rolled back: {}",
            "Read the cause: the server's transaction manager failed; the worker thread goes on."),
    /** 2223. */
    UNRUNNABLE_REPORTED("STENT-2223", "executions that no live instance runs: {}",
            "Deploy the function and version those executions need, or cancel them."),
    /** 2240. */
    RETENTION_DONE("STENT-2240", "retention job {}{}{}",
            "Nothing: the run's counts are also in the console's Retention runs."),
    /** 2243. */
    RETENTION_FAILED("STENT-2243", "retention job {} failed after {}; the next run goes on with what is left",
            "Read the cause; the next run goes on with what is left.");

    private final String code;
    private final String template;
    private final String remedy;

    RuntimeMessages(String code, String template, String remedy) {
        this.code = code;
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String remedy() {
        return remedy;
    }
}
