package dev.aiaas.monitoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver named explicitly (so Selenium
 * Manager never looks for, let alone downloads, a driver or a browser), with a profile of its own
 * that makes no network call of its own. Where either is missing the test is skipped, unless
 * {@code AIAAS_REQUIRE_BROWSER=1} (CI installs both) makes it fail.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A browser with a fresh profile under {@code profiles}; skips the test when none is installed. */
    static ChromeDriver open(Path profiles) throws IOException {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && "1".equals(System.getenv("AIAAS_REQUIRE_BROWSER"))) {
            throw new AssertionError(BROWSER + " or " + DRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "chromium and chromedriver are installed (apt-get install chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium"),
                "--window-size=1400,1000", "--force-device-scale-factor=1");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new ChromeDriver(options);
    }
}
