package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.foldback.engine.dose.DoseReading;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hearing dose on the performer's page in a real browser (Debian's chromium, headless, at a
 * phone's size): "uncalibrated" and no number until the engineer calibrates the cue; then the
 * share of the weekly allowance the instance measured and the last second's level; from 100 % a
 * warning in words (an ARIA alert), not only a colour.
 */
class DoseBrowserTest {
    /** A 1 kHz sine at half scale on source 1, which every cue hears at 0 dB: -6.02 dBFS, A-weighting 0 dB. */
    private static final double HALF_SCALE = 0.5;

    /** The percentage as app.js writes it: one decimal under 10 %, whole above. */
    private static String shown(DoseReading r) {
        double p = Math.round(r.dose * 100 * 100) / 100.0;
        return (p < 10 ? String.format(Locale.ROOT, "%.1f", p) : String.valueOf(Math.round(p))) + " %";
    }

    @Test
    void thePageShowsUncalibratedThenThePercentageAndFrom100PercentAWarning() throws Exception {
        Instances inst = Instances.create();
        inst.real.renameCue(0, "Singer");
        ChromeDriver browser = null;
        try (RemoteServer server = RemoteServer.start(0, () -> List.of(inst.recorded), Limits.DEFAULT, l -> { })) {
            browser = Chromium.phone();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            Chromium.openMix(browser, server.port(), 1, inst.real.remotePin(0));
            WebElement section = browser.findElement(By.id("dose"));
            WebElement figure = browser.findElement(By.id("dose-text"));
            WebElement detail = browser.findElement(By.id("dose-detail"));
            WebElement warning = browser.findElement(By.id("dose-warning"));

            // Out of the box: uncalibrated, no number anywhere in the dose's box, no warning.
            wait.until(d -> section.isDisplayed() && figure.getText().equals("uncalibrated"));
            assertFalse(section.getText().matches("(?s).*\\d.*"), "no made-up number: " + section.getText());
            assertFalse(warning.isDisplayed());
            Chromium.screenshot(browser, "remote-dose-uncalibrated.png", false);

            // 0 dBFS = 120 dB SPL: 113.98 dB(A) for 2 s, 3.5 % of the week: a figure, no warning.
            assertNull(inst.real.setCalibration(0, 120));
            inst.renderCueDb(2, 8, 0, 0, HALF_SCALE, 2);
            DoseReading r = new DoseReading();
            assertTrue(inst.real.readDose(0, r));
            String low = shown(r);
            wait.until(d -> figure.getText().equals(low));
            assertEquals("3.5 %", low, "H.870: 2 s at 113.98 dB(A)");
            assertTrue(detail.getText().contains("114 dB(A)"), detail.getText());
            assertFalse(warning.isDisplayed(), "no warning under 100 %");
            assertFalse(section.getAttribute("class").contains("over"));

            // 0 dBFS = 140 dB SPL: 133.98 dB(A), 174 % of the week every second: the warning.
            assertNull(inst.real.setCalibration(0, 140));
            inst.renderCueDb(2, 8, 0, 0, HALF_SCALE, 2);
            assertTrue(inst.real.readDose(0, r));
            assertTrue(r.overAllowance());
            String high = shown(r);
            wait.until(d -> figure.getText().equals(high) && warning.isDisplayed());
            assertTrue(detail.getText().contains("134 dB(A)"), detail.getText());
            assertEquals("alert", warning.getAttribute("role"), "announced by screen readers");
            assertTrue(warning.getText().contains("100 % of your weekly sound allowance"), warning.getText());
            assertTrue(section.getAttribute("class").contains("over"));
            System.out.printf("remote dose page: uncalibrated, then %s, then %s with \"%s\"%n", low, high,
                    warning.getText());
            Chromium.screenshot(browser, "remote-dose.png");

            // The engineer resets the dose: the warning goes.
            inst.real.resetDose(0);
            inst.renderCueDb(2, 8, 0, 0, HALF_SCALE, 0.1);
            wait.until(d -> figure.getText().equals("0.0 %") && !warning.isDisplayed());
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }
}
