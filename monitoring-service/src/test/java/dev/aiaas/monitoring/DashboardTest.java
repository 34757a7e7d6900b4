package dev.aiaas.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiaas.ml.table.Table;
import dev.aiaas.proto.monitoring.v1.MonitoringServiceGrpc.MonitoringServiceBlockingStub;
import dev.aiaas.storage.ArtifactStore;
import dev.aiaas.testing.RealServersResource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real browser, over half an hour of an Iris endpoint's traffic
 * ({@link DashboardScenario}) and the registry and serving stood in for ({@link PeerStandIns}):
 * every part is drawn, and a chart without data says so. Screenshots go to
 * {@code target/dashboard-screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, restrictToAnnotatedClass = false)
@TestProfile(DashboardProfile.class)
class DashboardTest {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @GrpcClient("monitoring")
    MonitoringServiceBlockingStub monitoring;

    @Inject
    ArtifactStore store;

    @TempDir
    Path profiles;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.open(profiles);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageDrawsAnEndpointsTrafficQualityAndDriftAndListsItsSplitModelsAlertsAndDecisions() throws Exception {
        String endpoint = PeerStandIns.ENDPOINT;
        Table iris = DashboardApiTest.iris();
        DashboardScenario.play(monitoring, endpoint, iris, DashboardApiTest.profile(store, iris));

        browser.get(dashboard + "#token=x");
        waitFor("the first refresh", () -> refreshes() >= 1);
        waitFor("the endpoint among the choices", () -> browser.findElements(
                By.cssSelector("#endpoint option[value='" + endpoint + "']")).size() == 1);
        new Select(browser.findElement(By.id("endpoint"))).selectByValue(endpoint);
        waitFor("every chart drawn and the alert listed", () -> points("chart-latency") > 0
                && points("chart-quality") > 0 && series("chart-drift") == PredictionRows.FEATURES.size()
                && text("#alerts-table").contains(endpoint));
        fitWindowToPage();

        assertThat(browser.getTitle()).isEqualTo("aiaas monitoring dashboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("aiaas monitoring dashboard");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText).containsExactly(
                "Endpoints and traffic split", "Models, versions and lineage", "Traffic of " + endpoint,
                "Drift per feature", "Quality from ground truth", "Alerts", "Retraining decisions");
        assertThat(row("#endpoints-table", endpoint)).contains("iris", "champion → v1", "challenger → v2 (20 %)",
                "v3 (50 %)", "READY");
        assertThat(text("#models-table")).contains("iris", "v3", "iris v3", "iris-standard", "job-3",
                "test_accuracy 0.91");
        for (String chart : List.of("chart-latency", "chart-throughput", "chart-errors", "chart-version-latency",
                "chart-version-throughput", "chart-version-errors", "chart-quality", "chart-drift")) {
            assertThat(points(chart)).as(chart + "'s points").isPositive();
            assertThat(browser.findElement(By.cssSelector("#" + chart + " > .empty")).isDisplayed()).isFalse();
        }
        assertThat(series("chart-latency")).as("p50 and p99").isEqualTo(2);
        assertThat(series("chart-version-throughput")).as("champion, challenger, shadow").isEqualTo(3);
        assertThat(series("chart-quality")).as("champion, challenger, shadow").isEqualTo(3);
        assertThat(series("chart-drift")).as("a line per feature").isEqualTo(4);
        assertThat(text("#chart-drift .legend")).contains("sepal_length", "petal_width");
        assertThat(text("#versions-table")).contains("iris v1", "champion", "iris v2", "challenger", "iris v3", "shadow");
        assertThat(text("#shadow-table")).contains("iris v3", "90.0 %");
        assertThat(row("#alerts-table", endpoint)).contains("FIRING", "errors", "ERROR_RATE", "critical");
        assertThat(browser.findElements(By.cssSelector("#decisions-table tbody tr"))).as("the decisions' table")
                .hasSize(1).first().extracting(WebElement::getText).isEqualTo("no decision yet");
        assertThat(browser.getCurrentUrl()).as("the token leaves the address").doesNotContain("token");
        assertThat(browser.executeScript("return sessionStorage.getItem('aiaas.dashboard.token')")).isEqualTo("x");
        assertThat(severeLogs()).as("the browser's console").isEmpty();

        save("dashboard.png", browser.getScreenshotAs(OutputType.BYTES));
        for (String section : List.of("endpoints-section", "models-section", "traffic-section", "drift-section",
                "quality-section", "alerts-section")) {
            save(section + ".png", browser.findElement(By.id(section)).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void anEndpointWithoutDataShowsNoDataYetInsteadOfAChart() throws Exception {
        browser.get(dashboard + "#token=x&endpoint=never-served");
        waitFor("the first refresh", () -> refreshes() >= 1);

        for (String chart : List.of("chart-latency", "chart-quality", "chart-drift")) {
            WebElement figure = browser.findElement(By.id(chart));
            assertThat(figure.findElement(By.cssSelector(".empty")).getText()).isEqualTo("no data yet");
            assertThat(figure.findElement(By.cssSelector(".empty")).isDisplayed()).isTrue();
            assertThat(figure.findElement(By.cssSelector(":scope > canvas")).isDisplayed()).isFalse();
            assertThat(points(chart)).isZero();
        }
        assertThat(text("#traffic-section .problem"))
                .isEqualTo("Could not load: monitoring has seen no prediction for endpoint 'never-served'");
        save("no-data-yet.png", browser.findElement(By.id("traffic-section")).getScreenshotAs(OutputType.BYTES));
    }

    private long refreshes() {
        Object count = browser.executeScript("return Number(document.body.dataset.refreshes || 0)");
        return ((Number) count).longValue();
    }

    private long points(String chart) {
        return Long.parseLong(canvas(chart).getDomAttribute("data-points"));
    }

    private long series(String chart) {
        return Long.parseLong(canvas(chart).getDomAttribute("data-series"));
    }

    private WebElement canvas(String chart) {
        return browser.findElement(By.cssSelector("#" + chart + " > canvas"));
    }

    private String text(String selector) {
        return (String) browser.executeScript("return document.querySelector(arguments[0]).textContent", selector);
    }

    /** The text of the table row that names {@code name}. */
    private String row(String table, String name) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).stream().map(WebElement::getText)
                .filter(text -> text.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + table + " names " + name + ": " + text(table)));
    }

    private List<String> severeLogs() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString)
                .toList();
    }

    private void waitFor(String what, java.util.function.BooleanSupplier done) {
        new WebDriverWait(browser, PATIENCE).pollingEvery(Duration.ofMillis(250)).withMessage(what)
                .until(driver -> done.getAsBoolean());
    }

    /** Makes the window as tall as the page, so one screenshot shows all of it. */
    private void fitWindowToPage() {
        long height = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 140, 12000)));
    }

    private static void save(String name, byte[] png) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), png);
    }
}
