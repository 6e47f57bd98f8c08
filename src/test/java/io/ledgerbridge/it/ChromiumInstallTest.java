package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.it.ChromiumInstall.Outcome;
import io.ledgerbridge.it.ChromiumInstall.Verdict;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The browser test's decision: run with both binaries, skip without them, fail without them on CI. */
class ChromiumInstallTest {

    private final ChromiumInstall install = new ChromiumInstall(Path.of("/opt/chromium"), Path.of("/opt/chromedriver"));

    @Test
    void bothPresentRunsOnAMachineAndOnCi() {
        assertThat(install.verdict(true, true, false).outcome()).isEqualTo(Outcome.RUN);
        assertThat(install.verdict(true, true, true).outcome()).isEqualTo(Outcome.RUN);
    }

    @Test
    void eitherMissingSkipsNamingWhatIsMissingAndTheInstallCommand() {
        Verdict noBrowser = install.verdict(false, true, false);
        assertThat(noBrowser.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(noBrowser.reason()).contains("/opt/chromium", "sudo apt-get install -y chromium chromium-driver")
                .doesNotContain("/opt/chromedriver");
        Verdict noDriver = install.verdict(true, false, false);
        assertThat(noDriver.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(noDriver.reason()).contains("/opt/chromedriver", ChromiumInstall.INSTALL_COMMAND);
        assertThat(install.verdict(false, false, false).reason()).contains("/opt/chromium", "/opt/chromedriver");
    }

    @Test
    void eitherMissingOnCiFailsWithTheSameAdvice() {
        for (Verdict verdict : new Verdict[] {install.verdict(false, true, true), install.verdict(true, false, true),
                install.verdict(false, false, true)}) {
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains(ChromiumInstall.INSTALL_COMMAND, "CI=true");
        }
    }

    @Test
    void thePathsAreDebiansUnlessASystemPropertySaysOtherwise() {
        ChromiumInstall defaults = ChromiumInstall.from(new Properties());
        assertThat(defaults.browser()).isEqualTo(Path.of("/usr/bin/chromium"));
        assertThat(defaults.driver()).isEqualTo(Path.of("/usr/bin/chromedriver"));
        Properties elsewhere = new Properties();
        elsewhere.setProperty("ledgerbridge.test.chromium", "/nowhere/chromium");
        elsewhere.setProperty("ledgerbridge.test.chromedriver", "/nowhere/chromedriver");
        assertThat(ChromiumInstall.from(elsewhere)).isEqualTo(
                new ChromiumInstall(Path.of("/nowhere/chromium"), Path.of("/nowhere/chromedriver")));
    }
}
