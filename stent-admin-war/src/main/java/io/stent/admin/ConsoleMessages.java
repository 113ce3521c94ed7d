package io.stent.admin;

import io.stent.StentMessage;

/** The catalogue of the admin console's codes: requests, parameters, security and the console's view of the database. */
public enum ConsoleMessages implements StentMessage {

    /** 1412. */
    NO_QUEUE_KNOWN("STENT-1412", "execution '{}' has no dead letter left and ended before Stent recorded its queue "
            + "(schema version 14): start it again instead",
            "Start the execution again: it is too old to retry in place."),
    /** 1700. */
    BAD_REQUEST("STENT-1700", "{}",
            "Fix the request as the detail says."),
    /** 1702. */
    UNKNOWN_VALUE("STENT-1702", "{} '{}' is not one of {}",
            "Pass one of the values the message lists."),
    /** 1705. */
    NO_DEAD_LETTER("STENT-1705", "no dead letter with id '{}'",
            "Check the id: GET /api/dead-letters lists them."),
    /** 1706. */
    BAD_TIME("STENT-1706", "{} '{}' is not an ISO-8601 time with offset, such as 2026-01-31T12:00:00Z",
            "Pass an ISO-8601 time with an offset, such as 2026-01-31T12:00:00Z."),
    /** 1708. */
    BAD_ORDER("STENT-1708", "order '{}' is neither asc nor desc",
            "Pass order=asc or order=desc."),
    /** 1709. */
    NO_RESOURCE("STENT-1709", "no such resource in the console's API",
            "Check the path: GET /api/openapi describes the API."),
    /** 1710. */
    WRONG_METHOD("STENT-1710", "this resource does not accept that method",
            "Use the method GET /api/openapi gives for that path."),
    /** 1711. */
    WRONG_CONTENT_TYPE("STENT-1711", "this call does not accept that content type",
            "Send the content type GET /api/openapi gives for that call."),
    /** 1712. */
    REQUEST_REFUSED("STENT-1712", "{}",
            "Fix the request as the detail says."),
    /** 1713. */
    BAD_AGE("STENT-1713", "{}: give a positive ISO-8601 duration such as P30D or PT12H",
            "Pass a positive ISO-8601 duration such as P30D or PT12H."),
    /** 1714. */
    BAD_BOOLEAN("STENT-1714", "{} '{}' is neither true nor false",
            "Pass true or false."),
    /** 1717. */
    RUNNING_LONGER_WITH_STATUS("STENT-1717", "runningLongerThan lists RUNNING executions; it does not combine with "
            + "status {}",
            "Leave the status out: runningLongerThan lists RUNNING executions."),
    /** 1720. */
    BAD_AUTH_MODE("STENT-1720", "{} '{}' is not one of {}",
            "Set stent.console.auth to one of the modes the message lists."),
    /** 1721. */
    VIEWER_CHANGE("STENT-1721", "user '{}' may look but not change anything: changes need the {} role",
            "Log in as a user with the stent-admin role to change anything."),
    /** 1722. */
    NO_CSRF_TOKEN("STENT-1722", "the request lacks this session's CSRF token: send the csrfToken of GET api/session "
            + "in the {} header",
            "Send the csrfToken of GET api/session in the X-Stent-Csrf header."),
    /** 1723. */
    FOREIGN_ORIGIN("STENT-1723", "the request comes from another site ({}); changes are accepted only from the "
            + "console's own pages",
            "Make changes from the console's own pages (or send no Origin header from a script)."),
    /** 1724. */
    BAD_USER_NAME("STENT-1724", "{} names '{}', which is not a user name of 1 to 64 letters, digits, '.', '_' or '-'",
            "Use user names of 1 to 64 letters, digits, '.', '_' or '-'."),
    /** 1725. */
    NO_PASSWORD("STENT-1725", "{}password is not set for console user '{}'",
            "Give every console user a password."),
    /** 1726. */
    BAD_ROLES("STENT-1726", "{}roles {}",
            "Give each console user the role stent-admin or stent-viewer."),
    /** 1727. */
    NO_USERS("STENT-1727", "{}=users, but {} lists no user: nobody could log in",
            "List at least one console user, or choose another stent.console.auth mode."),
    /** 1728. */
    LOGIN_FIRST("STENT-1728", "log in first: this call needs a console user",
            "Log in: every call needs a console user."),
    /** 1729. */
    OIDC_INCOMPLETE("STENT-1729", "{}=oidc needs {}{}",
            "Set the OpenID Connect settings the message names."),
    /** 1730. */
    NO_TABLES("STENT-1730", "the database of {} has no Stent tables yet: deploy an application that runs Stent (it "
            + "creates them), or apply the schema that SchemaPrinter prints",
            "Deploy an application that runs Stent (it creates the tables), or apply the schema SchemaPrinter prints."),
    /** 1731. */
    SCHEMA_MISMATCH("STENT-1731", "the Stent tables of {} are at schema version {} and this console needs {}: deploy "
            + "the application with this Stent version first (it migrates), or apply the upgrade",
            "Deploy the application with the console's Stent version first (it migrates), or the console that "
                    + "matches."),
    /** 1732. */
    NOT_READ_AT_DEPLOY("STENT-1732", "the console could not read {} while it deployed; the first request will try "
            + "again and report why",
            "Nothing: the first request tries again and reports why."),
    /** 1734. */
    NO_SCHEDULE("STENT-1734", "no schedule named '{}'",
            "Check the name: GET /api/schedules lists them."),
    /** 1735. */
    EXPORT_STOPPED("STENT-1735", "the export stopped: {}",
            "Read the cause in the server log, then export again (with a narrower filter if it was large)."),
    /** 1799. */
    CONSOLE_FAILED("STENT-1799", "the console failed to answer; the server log has the details",
            "Read the server log: it has the stack trace.");

    private final String code;
    private final String template;
    private final String remedy;

    ConsoleMessages(String code, String template, String remedy) {
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
