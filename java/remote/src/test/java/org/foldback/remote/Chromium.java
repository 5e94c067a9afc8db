package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The remote's browser tests' phone: Debian's chromium, headless, driven through Debian's
 * chromedriver by Selenium, at a phone's size with touch input; and their screenshots.
 */
final class Chromium {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {}

    static ChromeDriver phone() {
        assertTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
                "this test needs Debian's chromium and chromium-driver (TEST_PACKAGES in ./foldback)");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-color-profile=srgb");
        // A phone: 390 x 844 CSS pixels at 2x, touch events, a phone's user agent.
        o.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** Opens the page, chooses cue {@code cue} (1-based) of the only instance, types the PIN and waits for the mix. */
    static void openMix(ChromeDriver browser, int port, int cue, String pin) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(d -> !d.findElements(By.cssSelector("#cue option[value='" + cue + "']")).isEmpty());
        browser.findElement(By.cssSelector("#cue option[value='" + cue + "']")).click();
        browser.findElement(By.id("pin")).sendKeys(pin);
        browser.findElement(By.id("enter")).click();
        wait.until(d -> d.findElement(By.id("mix")).isDisplayed());
    }

    /**
     * Saves a screenshot under target/screenshots; with FOLDBACK_SCREENSHOTS=docs also over the
     * README's pictures in docs/ (so a plain test run leaves the work tree as it was).
     */
    static void screenshot(ChromeDriver browser, String name) throws Exception {
        screenshot(browser, name, true);
    }

    /** The same; {@code inReadme} false keeps it under target/ only (a picture the README does not show). */
    static void screenshot(ChromeDriver browser, String name, boolean inReadme) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(dir.resolve(name)) > 10_000, name + " is an image of the page");
        if (inReadme && "docs".equals(System.getenv("FOLDBACK_SCREENSHOTS"))) {
            Files.copy(shot.toPath(), Path.of("../../docs").resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
