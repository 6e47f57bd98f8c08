package io.ledgerbridge.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where the browser test finds Debian's Chromium and its driver, and what it does when they are not there. The test
 * uses the distribution's packages, not a browser Selenium downloads, so what it drives is what a developer installs
 * with one {@code apt-get}; {@code -Dledgerbridge.test.chromium} and {@code -Dledgerbridge.test.chromedriver} point it
 * elsewhere (and, pointed at a missing file, show what a machine without them does).
 *
 * <p>Missing them is not a reason to fail on a developer's machine (the test skips, naming the install command), but on
 * CI it is: {@code .ci/run} installs both, so a CI run without them would silently stop testing the browser.
 */
record ChromiumInstall(Path browser, Path driver) {

    static final String INSTALL_COMMAND = "sudo apt-get install -y chromium chromium-driver";

    /** What the test does with what it found. */
    enum Outcome { RUN, SKIP, FAIL }

    /** The outcome and the sentence a skipped or failed test reports. */
    record Verdict(Outcome outcome, String reason) {
    }

    /** The paths from this JVM's system properties (Maven passes its {@code -D}s on), Debian's by default. */
    static ChromiumInstall configured() {
        return from(System.getProperties());
    }

    static ChromiumInstall from(Properties properties) {
        return new ChromiumInstall(Path.of(properties.getProperty("ledgerbridge.test.chromium", "/usr/bin/chromium")),
                Path.of(properties.getProperty("ledgerbridge.test.chromedriver", "/usr/bin/chromedriver")));
    }

    /** CI services (GitHub Actions, GitLab, .ci/run) set {@code CI=true}. */
    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Looks at the file system and the environment. */
    Verdict verdict() {
        return verdict(Files.isExecutable(browser), Files.isExecutable(driver), onCi());
    }

    /** The decision alone: run when both are there; otherwise skip, or fail on CI. */
    Verdict verdict(boolean browserPresent, boolean driverPresent, boolean onCi) {
        List<String> missing = new ArrayList<>();
        if (!browserPresent) {
            missing.add("Chromium (" + browser + ")");
        }
        if (!driverPresent) {
            missing.add("chromedriver (" + driver + ")");
        }
        if (missing.isEmpty()) {
            return new Verdict(Outcome.RUN, "Chromium at " + browser + ", chromedriver at " + driver);
        }
        String what = String.join(" and ", missing) + " not found; install with: " + INSTALL_COMMAND;
        return onCi ? new Verdict(Outcome.FAIL, what + " (CI=true: on CI the browser test must run; .ci/run installs them)")
                : new Verdict(Outcome.SKIP, what);
    }
}
