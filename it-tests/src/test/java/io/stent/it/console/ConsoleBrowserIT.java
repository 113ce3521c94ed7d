package io.stent.it.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in headless Chromium (the Debian {@code chromium} and {@code chromium-driver}
 * packages), on Payara Micro beside an application that runs Stent: a viewer logs in and sees no
 * action; an administrator finds an execution, opens it, replays a dead letter and sees its
 * execution complete, and the action in the audit trail; values built to run script (in arguments,
 * error messages and idempotency keys) stay text. Screenshots of each view go to
 * {@code target/screenshots}.
 */
class ConsoleBrowserIT {

    private static final String SCRIPT_TAG = "<script>window.stentXss=1</script>";
    private static final String IMG_TAG = "\"><img src=x onerror=\"window.stentXss=2\">";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void viewerSeesNoActions_adminFindsOpensAndReplays_andNoValueRunsAsScript() throws Exception {
        try (ConsoleServer console = ConsoleServer.start("console-browser")) {
            String echo = console.startExecution("echo", SCRIPT_TAG + IMG_TAG, "key-" + IMG_TAG + UUID.randomUUID());
            String failed = console.startExecution("fail", IMG_TAG + SCRIPT_TAG);
            String flaky = console.startExecution("flaky", "flaky-" + UUID.randomUUID());
            String odd = console.startExecution("odd", SCRIPT_TAG);
            String twoSteps = console.startExecution("two-steps", "card");
            for (int i = 0; i < 50; i++) {
                console.startExecution("echo", "page-" + i); // more than one page of executions
            }
            ConsoleClient api = ConsoleClient.basic(console.consoleUrl(), "admin", ConsoleServer.ADMIN_PASSWORD);
            api.awaitStatus(failed, "FAILED");
            api.awaitStatus(flaky, "FAILED");
            api.awaitStatus(twoSteps, "FAILED");
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                logIn(browser, wait, console.consoleUrl(), "viewer", ConsoleServer.VIEWER_PASSWORD);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "viewer (viewer)"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overview-tiles"), "workers alive"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overview-chart svg rect")));
                assertTrue(browser.findElement(By.id("overview-tiles")).getText().contains("failed (last day)"),
                        browser.findElement(By.id("overview-tiles")).getText());
                screenshot(browser, "overview");
                browser.findElement(By.id("nav-dead-letters")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(deadLetterOf(failed)));
                List<WebElement> actions = browser.findElements(By.xpath("//button[normalize-space()='Replay'"
                        + " or normalize-space()='Delete' or normalize-space()='Cancel' or normalize-space()='Purge'"
                        + " or normalize-space()='Send signal' or normalize-space()='Replay all that match']"));
                assertTrue(actions.stream().noneMatch(WebElement::isDisplayed), "a viewer sees no action button");
                screenshot(browser, "viewer-console");
                browser.findElement(By.id("logout")).click();
                wait.until(ExpectedConditions.urlContains("login.html"));

                logIn(browser, wait, console.consoleUrl(), "admin", ConsoleServer.ADMIN_PASSWORD);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "admin (admin)"));
                browser.findElement(By.id("nav-executions")).click();
                browser.findElement(By.id("search")).sendKeys(echo);
                browser.findElement(By.id("refresh")).click();
                click(wait, By.cssSelector("tr[data-id='" + echo + "']"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-id"), echo));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-summary"), SCRIPT_TAG));
                String summary = browser.findElement(By.id("detail-summary")).getText();
                assertTrue(summary.contains("idempotency key: key-" + IMG_TAG), "the key shows as text: " + summary);
                assertTrue(summary.contains("result: \"" + SCRIPT_TAG), "the result shows as text: " + summary);
                assertTrue(browser.findElement(By.id("execution-actions")).isDisplayed(), "an admin sees the actions");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline svg rect")));
                assertTrue(browser.getCurrentUrl().endsWith("#execution/" + echo), "the detail has its own URL: "
                        + browser.getCurrentUrl());
                screenshot(browser, "execution-detail");
                assertSearchSortAndPaging(browser, wait, odd);
                assertASearchByStatusGoesOnWhereItStopped(browser, wait, failed);
                assertTheFailedStepIsShown_andRetried(browser, wait, console, twoSteps);

                browser.findElement(By.id("nav-dead-letters")).click();
                click(wait, deadLetterOf(failed));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dlq-detail"), "IllegalStateException"));
                assertTrue(browser.findElement(By.id("dlq-detail")).getText().contains("img src=x"),
                        "the error message shows as text");
                screenshot(browser, "dead-letter-detail");
                JavascriptExecutor script = (JavascriptExecutor) browser;
                script.executeScript("document.getElementById('dlq-from').value = '2099-01-01T00:00:00';");
                browser.findElement(By.id("dlq-refresh")).click();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(deadLetterOf(failed)));
                script.executeScript("document.getElementById('dlq-from').value = '';");
                browser.findElement(By.id("dlq-refresh")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(deadLetterOf(failed)));

                assertEquals(200, console.server.call("POST", "/chores/api/chores/heal").statusCode());
                click(wait, By.xpath("//tbody[@id='dead-letters']/tr[td[7][normalize-space()='" + flaky
                        + "']]//button[normalize-space()='Replay']"));
                org.openqa.selenium.Alert confirmation = wait.until(ExpectedConditions.alertIsPresent());
                assertTrue(confirmation.getText().startsWith("Replay dead letter"), confirmation.getText());
                confirmation.accept();
                try {
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "REPLAYED"));
                } catch (org.openqa.selenium.TimeoutException e) {
                    screenshot(browser, "replay-failed");
                    throw new AssertionError("the replay did not answer REPLAYED: "
                            + browser.findElement(By.id("message")).getText(), e);
                }
                api.awaitStatus(flaky, "COMPLETED");
                browser.findElement(By.id("nav-executions")).click();
                browser.findElement(By.id("search")).clear();
                browser.findElement(By.id("search")).sendKeys(flaky);
                browser.findElement(By.id("refresh")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("tr[data-id='" + flaky + "'] td.COMPLETED"), "COMPLETED"));
                screenshot(browser, "after-replay");
                browser.findElement(By.id("nav-audit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "dead-letter.replay"));
                screenshot(browser, "audit-trail");
                assertABulkReplayRunsAsAJob_andShowsItsProgress(browser, wait);
                assertTheSchedulesView(browser, wait, api);
                browser.findElement(By.id("nav-workers")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("workers"), "chores."));
                String workers = browser.findElement(By.id("workers")).getText();
                assertTrue(workers.contains("yes"), "the live worker is alive: " + workers);
                assertTrue(workers.contains("0.1.0") && workers.contains("gpu") && workers.contains("all"),
                        "its Stent version, its tags and the queues it serves (all): " + workers);
                screenshot(browser, "workers");

                // a function and a queue named to run script, and a signal payload that would
                browser.findElement(By.id("nav-overview")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overview-queues"), "q\"><script>"));
                browser.get(console.consoleUrl() + "/#execution/" + odd);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-summary"),
                        "function: chores.<img src=x onerror=window.stentXss=3>"));
                browser.findElement(By.id("signal-name")).sendKeys("go");
                browser.findElement(By.id("signal-payload")).sendKeys("\"" + IMG_TAG.replace("\"", "\\\"") + "\"");
                browser.findElement(By.id("signal")).click();
                wait.until(ExpectedConditions.alertIsPresent()).accept();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "DELIVERED"));
                api.awaitStatus(odd, "COMPLETED");
                browser.navigate().refresh();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-summary"), "result: \""));
                assertTrue(browser.findElement(By.id("detail-summary")).getText().contains("img src=x"),
                        browser.findElement(By.id("detail-summary")).getText());
                screenshot(browser, "signalled");

                Object injected = ((JavascriptExecutor) browser).executeScript("return window.stentXss;");
                assertEquals(null, injected, "no value ran as script");
            } finally {
                browser.quit();
            }
            assertACrashedServersExecutionIsFlaggedStuck(console, api);
        }
    }

    @Test
    void withOpenIdConnect_theProvidersGroupsGiveTheRoles_andNobodyGetsInWithoutIt() throws Exception {
        java.nio.file.Path work = ConsoleServer.workDirectory("console-oidc");
        java.nio.file.Path provider = work.resolve("oidc-mock.war");
        org.jboss.shrinkwrap.api.ShrinkWrap.create(org.jboss.shrinkwrap.api.spec.WebArchive.class, "oidc-mock.war")
                .addPackage(io.stent.it.oidc.MockProvider.class.getPackage())
                .addAsWebInfResource(org.jboss.shrinkwrap.api.asset.EmptyAsset.INSTANCE, "beans.xml")
                .as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class).exportTo(provider.toFile(), true);
        int port = io.stent.it.PayaraProcess.freeLoopbackPort();
        String base = "http://127.0.0.1:" + port;
        java.util.Map<String, String> env = java.util.Map.of("STENT_CONSOLE_AUTH", "oidc",
                "STENT_CONSOLE_OIDC_PROVIDER_URI", base + "/oidc-mock", "STENT_CONSOLE_OIDC_CLIENT_ID", "stent-console",
                "STENT_CONSOLE_OIDC_CLIENT_SECRET", "console-secret");
        try (io.stent.it.PayaraProcess server = io.stent.it.PayaraProcess.start(work.resolve("root"),
                work.resolve("server.log"), env, java.util.List.of("--deploy", provider.toString(), "--deploy",
                        ConsoleServer.consoleWar().toString()), port)) {
            server.awaitBody("/oidc-mock/.well-known/openid-configuration", body -> body.contains("issuer"),
                    Duration.ofMinutes(4));
            server.awaitBody("/stent-admin/login.html", body -> body.contains("Log in"), Duration.ofMinutes(2));
            var anonymous = ConsoleClient.anonymous(base + "/stent-admin").send("GET", "/api/session",
                    java.util.Map.of(), null);
            assertTrue(anonymous.statusCode() >= 300 && anonymous.statusCode() < 400 && anonymous.headers()
                    .firstValue("Location").orElse("").startsWith(base + "/oidc-mock/auth"),
                    "without a login the provider is asked: " + anonymous.statusCode() + " " + anonymous.headers().map());
            for (String[] user : new String[][] {{"alice", "stent-admin", "alice (admin)"},
                    {"bob", "stent-viewer", "bob (viewer)"}}) {
                assertEquals(200, server.call("POST", "/oidc-mock/user?name=" + user[0] + "&groups=" + user[1])
                        .statusCode());
                WebDriver browser = chromium();
                try {
                    WebDriverWait wait = new WebDriverWait(browser, WAIT);
                    browser.get(base + "/stent-admin/");
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), user[2]));
                    // no application has created Stent's tables in this server: the console says so
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "STENT-1730"));
                    browser.findElement(By.id("nav-dead-letters")).click();
                    boolean actions = browser.findElement(By.id("dlq-replay-all")).isDisplayed();
                    assertEquals(user[1].equals("stent-admin"), actions, user[0] + " sees actions only as an admin");
                    screenshot(browser, "oidc-" + user[0]);
                } finally {
                    browser.quit();
                }
            }
            assertFalse(server.log().contains("STENT-1799"), "no request failed inside the console");
        }
    }

    /** "Replay all that match" starts a bulk replay job; the view follows it to COMPLETED. */
    private static void assertABulkReplayRunsAsAJob_andShowsItsProgress(WebDriver browser, WebDriverWait wait)
            throws Exception {
        browser.findElement(By.id("nav-dead-letters")).click();
        browser.findElement(By.id("dlq-function")).clear();
        browser.findElement(By.id("dlq-function")).sendKeys("chores.fail");
        click(wait, By.id("dlq-replay-all"));
        org.openqa.selenium.Alert confirmation = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirmation.getText().matches("Replay all [1-9][0-9]* dead letters that match, as a bulk replay"
                + " job\\?"), confirmation.getText());
        confirmation.accept();
        By row = By.xpath("//tbody[@id='bulk-replays']/tr[td[3][contains(., 'function chores.fail')]]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "COMPLETED"));
        List<WebElement> cells = browser.findElement(row).findElements(By.tagName("td"));
        assertTrue(Integer.parseInt(cells.get(4).getText()) >= 1, "it replayed them: " + browser.findElement(row).getText());
        assertEquals("0", cells.get(6).getText(), "none remain: " + browser.findElement(row).getText());
        screenshot(browser, "bulk-replay");
        browser.findElement(By.id("dlq-function")).clear();
    }

    /** The declared schedule is listed with its next fire times at 03:00 Berlin; it is triggered, paused and resumed. */
    private static void assertTheSchedulesView(WebDriver browser, WebDriverWait wait, ConsoleClient api)
            throws Exception {
        browser.findElement(By.id("nav-schedules")).click();
        By row = By.xpath("//tbody[@id='schedules']/tr[td[1][starts-with(normalize-space(), 'nightly<img')]]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        String text = browser.findElement(row).getText();
        assertTrue(text.contains("chores.nightly") && text.contains("0 0 3 * * * (Europe/Berlin)"), text);
        List<WebElement> fireTimes = browser.findElement(row).findElements(By.xpath("td[4]"));
        assertEquals(3, fireTimes.get(0).getText().split("\n").length, "three next fire times: " + text);
        for (String fire : fireTimes.get(0).getText().split("\n")) {
            int hour = java.time.OffsetDateTime.parse(fire.trim().replace(' ', 'T') + "Z")
                    .atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin")).getHour();
            assertEquals(3, hour, "each at 03:00 in Berlin: " + fire);
        }
        screenshot(browser, "schedules");
        click(wait, By.xpath("//tbody[@id='schedules']/tr[td[1][starts-with(normalize-space(), 'nightly<img')]]"
                + "//button[normalize-space()='Trigger']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "STARTED"));
        String started = browser.findElement(By.id("message")).getText().replaceAll(".*\"executionId\":\"([^\"]+)\".*",
                "$1");
        api.awaitStatus(started, "COMPLETED");
        click(wait, By.xpath("//tbody[@id='schedules']/tr[td[1][starts-with(normalize-space(), 'nightly<img')]]"
                + "//button[normalize-space()='Pause']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "paused"));
        click(wait, By.xpath("//tbody[@id='schedules']/tr[td[1][starts-with(normalize-space(), 'nightly<img')]]"
                + "//button[normalize-space()='Resume']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(driver -> !driver.findElement(row).getText().contains("paused"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, started));

        click(wait, By.xpath("//tbody[@id='schedules']/tr[td[1][normalize-space()='stent.retention']]"
                + "//button[normalize-space()='Trigger']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "STARTED"));
        By completedRun = By.xpath("//tbody[@id='retention-runs']/tr[td[2][normalize-space()='COMPLETED']]");
        wait.until(driver -> {
            if (driver.findElements(completedRun).isEmpty()) {
                driver.navigate().refresh(); // the view reads the runs when it opens
                return false;
            }
            return true;
        });
        String run = browser.findElement(completedRun).getText();
        assertTrue(run.matches("(?s).*COMPLETED.*\\d+ \\d+ \\d+ \\d+ \\d+.*"), "its counts: " + run);
        screenshot(browser, "retention-runs");
    }

    /** Executions found by tag (the row shows queue and tags as text), sorted by a column, paged. */
    private static void assertSearchSortAndPaging(WebDriver browser, WebDriverWait wait, String odd) {
        browser.findElement(By.id("nav-executions")).click();
        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("tag")).sendKeys("gpu");
        browser.findElement(By.id("refresh")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-id='" + odd + "']"),
                "q\"><script>window.stentXss=4</script> (gpu, t<img src=x onerror=window.stentXss=5>)"));
        assertEquals(1, browser.findElements(By.cssSelector("#executions tr")).size(), "only the tagged one");
        String export = browser.findElement(By.id("export")).getAttribute("href");
        assertTrue(export.contains("api/executions/export?") && export.contains("tag=gpu") && !export.contains("limit="),
                "the export link takes the list's filters: " + export);
        browser.findElement(By.id("tag")).clear();
        browser.findElement(By.id("refresh")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "rows 1 to 50"));
        click(wait, By.id("next-page"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "rows 51 to"));
        click(wait, By.id("previous-page"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "rows 1 to 50"));
        click(wait, By.cssSelector("th[data-sort='function']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("th.sorted-asc[data-sort='function']")));
        wait.until(driver -> {
            List<String> functions = driver.findElements(By.cssSelector("#executions tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList();
            return functions.size() == 50 && functions.equals(functions.stream().sorted().toList());
        });
        click(wait, By.cssSelector("th[data-sort='created_at']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("th.sorted-desc[data-sort='created_at']")));
    }

    /**
     * With a budget of 20 executions per search (see {@link ConsoleServer}) and more than 50 newer
     * completed ones, the failed execution is found by searching further, step by step.
     */
    private static void assertASearchByStatusGoesOnWhereItStopped(WebDriver browser, WebDriverWait wait,
                                                                  String failed) throws Exception {
        By row = By.cssSelector("tr[data-id='" + failed + "']");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByVisibleText("FAILED");
        int steps = 0;
        while (true) {
            wait.until(driver -> !driver.findElements(row).isEmpty()
                    || driver.findElement(By.id("search-further")).isDisplayed());
            if (!browser.findElements(row).isEmpty()) {
                break;
            }
            assertTrue(++steps <= 6, "searching further finds the failed execution");
            String stoppedAt = browser.findElement(By.id("searched-to")).getText();
            assertTrue(stoppedAt.contains("it stopped at those created at"), stoppedAt);
            click(wait, By.id("search-further"));
            wait.until(driver -> !driver.findElements(row).isEmpty()
                    || !driver.findElement(By.id("searched-to")).getText().equals(stoppedAt));
        }
        assertTrue(steps >= 1, "the 20 newest executions did not fail: the first search stopped short");
        assertTrue(browser.findElements(By.cssSelector("#executions tr")).stream()
                .allMatch(each -> each.getText().contains("FAILED")), "only failed ones are listed");
        screenshot(browser, "searched-further");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByVisibleText("all");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('created-before').value = '';"
                + " document.getElementById('created-before').dispatchEvent(new Event('change'));");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "rows 1 to 50"));
    }

    /** An execution that failed in its second step: the step is marked in the table, named with the error, and retried. */
    private static void assertTheFailedStepIsShown_andRetried(WebDriver browser, WebDriverWait wait,
                                                              ConsoleServer console, String execution)
            throws Exception {
        browser.get(console.consoleUrl() + "/#execution/" + execution);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#steps tr.failing-step"),
                "chores.step.refuse"));
        assertFalse(browser.findElement(By.id("steps")).getText().isEmpty());
        assertEquals(1, browser.findElements(By.cssSelector("#steps tr.failing-step")).size(),
                "only the failed step is marked: " + browser.findElement(By.id("steps")).getText());
        String summary = browser.findElement(By.id("detail-summary")).getText();
        assertTrue(summary.contains("failed in step ") && summary.contains("(chores.step.refuse)")
                && summary.contains("refused: card"), summary);
        assertEquals(1, browser.findElements(By.cssSelector("#timeline rect.failing-step")).size());
        screenshot(browser, "failed-step");
        click(wait, By.id("retry"));
        org.openqa.selenium.Alert confirmation = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirmation.getText().startsWith("Retry execution " + execution), confirmation.getText());
        confirmation.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "REPLAYED"));
    }

    /** A step in flight when its server is killed, and no worker left to take it over: flagged, not "RUNNING". */
    private static void assertACrashedServersExecutionIsFlaggedStuck(ConsoleServer console, ConsoleClient api)
            throws Exception {
        String held = console.startExecution("hold", console.work.resolve("never").toString());
        api.awaitStatus(held, "RUNNING");
        console.crashAndRestartWithoutWorker();
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            logIn(browser, wait, console.consoleUrl(), "viewer", ConsoleServer.VIEWER_PASSWORD);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "viewer (viewer)"));
            browser.get(console.consoleUrl() + "/#execution/" + held);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stuck"), "LEASE_EXPIRED"));
            assertTrue(browser.findElement(By.id("stuck")).isDisplayed(), "the stuck execution is flagged");
            screenshot(browser, "stuck-execution");
        } finally {
            browser.quit();
        }
    }

    /**
     * Clicks an element once it is shown, finding it again if the page rebuilt its table meanwhile
     * (a list the page refreshes, or an answer to an earlier search arriving first).
     */
    private static void click(WebDriverWait wait, By locator) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            WebElement element = driver.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static By deadLetterOf(String execution) {
        return By.xpath("//tbody[@id='dead-letters']/tr[td[7][normalize-space()='" + execution + "']]");
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String base, String user, String password) {
        browser.get(base + "/");
        wait.until(ExpectedConditions.urlContains("login.html"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("stent.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("stent.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path directory = Path.of(System.getProperty("stent.screenshots", "target/screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
