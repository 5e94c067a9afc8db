package org.foldback.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.foldback.engine.param.Params;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The performer's page in a real browser: Debian's chromium, headless, driven through Debian's
 * chromedriver by Selenium, at a phone's size with touch input. A wrong PIN shows a clear message;
 * the right one opens the mix; a finger drags a send fader, and the instance receives one gesture
 * (begin, moves, end) that moves the send by the distance dragged, and the cue rendered through
 * the instance moves by as many dB. Screenshots go to docs/.
 */
class BrowserTest {
    /** The fader law of app.js: the left end is off, then -60 to +10 dB linear in dB across the width. */
    private static final double FADER_MIN_DB = -60;
    private static final double FADER_SPAN_DB = 70;

    @Test
    void aPerformerLogsInAndDragsASendFaderWithAFinger() throws Exception {
        Instances inst = Instances.create();
        String[] names = {"Main mix", "Kick", "Bass DI", "Keys", "Click", "Talkback"};
        for (int s = 0; s < names.length; s++) {
            inst.real.setSourceName(s, names[s]);
        }
        inst.real.renameCue(1, "Bass player");
        inst.real.setMe(1, 2, true);
        int cue = 1;
        int kick = Params.cue(cue).send(1).level();
        inst.real.edit(kick, Params.get(kick).normalize(-20f));
        inst.real.edit(Params.cue(cue).send(2).level(), Params.get(Params.cue(cue).send(2).level()).normalize(-3f));
        inst.real.edit(Params.cue(cue).send(4).level(), Params.get(Params.cue(cue).send(4).level()).normalize(-12f));
        double renderedBefore = inst.renderCueDb(names.length, 8, cue, 1);
        Thread audio = null;
        ChromeDriver browser = null;
        try (RemoteServer server = RemoteServer.start(0, () -> List.of(inst.recorded), Limits.DEFAULT, l -> {})) {
            browser = Chromium.phone();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get("http://127.0.0.1:" + server.port() + "/");
            wait.until(d -> d.findElements(By.cssSelector("#cue option")).size() == 8);
            browser.findElement(By.cssSelector("#cue option[value='2']")).click();

            String pin = inst.real.remotePin(cue);
            String wrong = pin.equals("111111") ? "222222" : "111111";
            browser.findElement(By.id("pin")).sendKeys(wrong);
            browser.findElement(By.id("enter")).click();
            WebElement error = browser.findElement(By.id("login-error"));
            wait.until(d -> error.isDisplayed());
            assertTrue(error.getText().startsWith("Wrong PIN"), error.getText());
            Chromium.screenshot(browser, "remote-login.png");

            browser.findElement(By.id("pin")).clear();
            browser.findElement(By.id("pin")).sendKeys(pin);
            browser.findElement(By.id("enter")).click();
            wait.until(d -> d.findElement(By.id("mix")).isDisplayed());
            assertEquals("Bass player", browser.findElement(By.id("cue-name")).getText());
            WebElement strip = wait.until(d -> d.findElement(By.cssSelector("#sources .strip[data-source='2']")));
            assertTrue(strip.getText().contains("Kick"), strip.getText());

            WebElement fader = strip.findElement(By.cssSelector(".fader.level"));
            @SuppressWarnings("unchecked")
            Map<String, Number> r = (Map<String, Number>) browser.executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return {left: r.left, top: r.top, width: r.width, height: r.height};",
                    fader);
            double left = r.get("left").doubleValue();
            double width = r.get("width").doubleValue();
            int y = (int) Math.round(r.get("top").doubleValue() + r.get("height").doubleValue() / 2);
            int x0 = (int) Math.round(left + width * (-20 - FADER_MIN_DB) / FADER_SPAN_DB);
            int dx = 60;
            inst.calls.clear();
            PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
            Sequence drag = new Sequence(finger, 0)
                    .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x0, y))
                    .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            for (int step = 1; step <= 10; step++) {
                drag.addAction(finger.createPointerMove(Duration.ofMillis(40), PointerInput.Origin.viewport(),
                        x0 + dx * step / 10, y));
            }
            drag.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            browser.perform(List.of(drag));

            long until = System.currentTimeMillis() + 3000;
            while (!inst.calls.stream().anyMatch(c -> c.what().equals("end")) && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            List<String> kinds = new ArrayList<>();
            for (Instances.Call c : inst.calls) {
                assertEquals(kick, c.param(), "only the dragged send moved");
                kinds.add(c.what());
            }
            assertEquals("begin", kinds.get(0), kinds.toString());
            assertEquals("end", kinds.get(kinds.size() - 1), kinds.toString());
            assertEquals(1, kinds.stream().filter("begin"::equals).count(), kinds.toString());
            assertTrue(kinds.stream().filter("perform"::equals).count() >= 3, kinds.toString());
            double expected = -20 + FADER_SPAN_DB * ((x0 + dx) - (left + width * (-20 - FADER_MIN_DB) / FADER_SPAN_DB)) / width;
            double got = inst.db(kick);
            System.out.printf("remote browser: fader %.0f px wide, finger moved %d px: send %.2f dB -> %.2f dB (expected %.2f)%n",
                    width, dx, -20.0, got, expected);
            // The page rounds to 0.1 dB; the finger lands on whole pixels.
            assertEquals(expected, got, 0.15 + FADER_SPAN_DB / width);
            // The cue rendered through the plugin moves by what the send moved.
            double renderedAfter = inst.renderCueDb(names.length, 8, cue, 1);
            System.out.printf("remote browser: cue 2 rendered %.2f dBFS -> %.2f dBFS (%+.3f dB; the send moved %+.3f dB)%n",
                    renderedBefore, renderedAfter, renderedAfter - renderedBefore, got + 20);
            assertEquals(got + 20, renderedAfter - renderedBefore, 0.01);
            audio = inst.play(names.length, 8);
            Thread.sleep(600);
            Chromium.screenshot(browser, "remote-mix.png");
        } finally {
            if (audio != null) {
                audio.interrupt();
            }
            if (browser != null) {
                browser.quit();
            }
        }
    }
}
