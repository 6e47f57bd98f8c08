package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The connect flow in a real browser, as a supplier goes through it: Debian's Chromium opens the authorize URL, on the
 * sandbox's consent page keeps only this test's two organisations ticked (it lists every organisation, most of them
 * other tests'), allows access, follows Xero's redirect to LedgerBridge's choose page, picks one and lands on
 * "Connected". {@link ConnectFlowIT} checks the flow's rules over plain HTTP; this one checks that the pages work as
 * pages: the forms, their hidden fields and the redirects, as a browser submits and follows them.
 */
@RequiresChromium
class ConnectInBrowserIT extends DeliveryTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private HeadlessChromium chromium;

    @BeforeAll
    void startChromium() {
        chromium = HeadlessChromium.start(ChromiumInstall.configured());
    }

    @AfterAll
    void quitChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aSupplierConnectsInTheBrowserFromTheAuthorizeUrlToConnected() {
        String workspace = TestWorkspaces.unconnectedSupplier(api, "browser");
        UUID ridge = organisation("Ridge Orchard");
        UUID valley = organisation("Valley Orchard");
        ApiClient.Response started = api.post("/api/v1/workspaces/" + workspace + "/xero/connect", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        WebDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        browser.get(started.json().get("authorizeUrl").asText());
        WebElement allow = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[name='decision'][value='allow']")));
        List<WebElement> organisations = browser.findElements(By.cssSelector("input[type='checkbox'][name='tenantId']"));
        assertThat(organisations).extracting(box -> box.getDomAttribute("value"))
                .contains(ridge.toString(), valley.toString());
        assertThat(organisations).as("ticked by default").allMatch(WebElement::isSelected);
        Set<String> ours = Set.of(ridge.toString(), valley.toString());
        for (WebElement box : organisations) {
            if (!ours.contains(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        assertThat(organisations).filteredOn(WebElement::isSelected).extracting(box -> box.getDomAttribute("value"))
                .containsExactlyInAnyOrderElementsOf(ours);
        allow.click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "Choose an organisation"));
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + port + "/oauth/xero/callback?");
        List<WebElement> choices = browser.findElements(By.cssSelector("input[type='radio'][name='tenantId']"));
        assertThat(choices).extracting(radio -> radio.getDomAttribute("value"))
                .containsExactlyInAnyOrder(ridge.toString(), valley.toString());
        WebElement valleyChoice = choices.stream().filter(radio -> valley.toString().equals(radio.getDomAttribute("value")))
                .findFirst().orElseThrow();
        valleyChoice.click();
        assertThat(valleyChoice.isSelected()).isTrue();
        browser.findElement(By.id("connect")).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "Connected"));
        assertThat(browser.findElement(By.id("organisation")).getText()).isEqualTo("Valley Orchard");
        assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo(valley.toString());
        JsonNode status = api.get("/api/v1/workspaces/" + workspace + "/xero").json();
        assertThat(status.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(status.get("tenantId").asText()).isEqualTo(valley.toString());
        assertThat(status.get("organisationName").asText()).isEqualTo("Valley Orchard");
    }

    private UUID organisation(String name) {
        return UUID.fromString(SandboxClient.read(sandbox.control("POST", "/sandbox/tenants",
                "{\"name\":\"" + name + "\"}")).get("tenantId").asText());
    }
}
