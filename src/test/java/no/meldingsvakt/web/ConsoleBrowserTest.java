package no.meldingsvakt.web;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.testing.ConsoleFixture;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MutableClock;
import no.meldingsvakt.testing.Skip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser (Debian's chromium through chromedriver, headless): log in, see
 * what is down with its phone number, open a case and its trail, close it with a note, and be
 * refused where the role or the form's token says so. Screenshots go to target/screenshots.
 */
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** 12 March 2026, 16:30 in Oslo: inside the standard planned notice's window (16:00-20:00). */
    private static final Instant NOW = Instant.parse("2026-03-12T15:30:00Z");

    @TempDir
    Path dir;
    MailServer mail;
    Harness harness;
    WebDriver browser;
    String base;

    @BeforeEach
    void start() throws Exception {
        Skip.unless(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "ConsoleBrowserTest needs Debian's chromium and chromium-driver (.ci/run installs them)");
        mail = MailServer.start(MAILBOX, Harness.PLO, Harness.NURSE, Harness.IT, Harness.LEADER, "kari@hemit.test",
                "meldingsansvarlig@helse-midt.test");
        harness = new Harness(dir, Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), ConsoleFixture.yaml("")));
        harness.start(new MutableClock(NOW));
        base = harness.service().console().orElseThrow().baseUrl();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1500",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void an_operator_sees_what_is_down_opens_a_case_and_closes_it_with_a_note() throws Exception {
        mail.send(Emails.plannedNotice().bytes(), MAILBOX);
        mail.send(Emails.errorNotice().from("Kari Hemit <kari@hemit.test>").body("Telefonnummer for mottak av pasientrelaterte opplysninger"
                + " ved nedetid: 73 86 80 00\nTidspunkt hendelsen oppstod: 12.03.2026 kl. 15:00\nBerørt tjeneste: PLO\n").bytes(), MAILBOX);
        harness.awaitProcessed(2, WAIT);

        login(ConsoleFixture.ADMIN);
        awaitMain("Nå nede");
        assertThat(browser.getTitle()).startsWith("Oversikt");
        List<WebElement> down = browser.findElements(By.cssSelector("#down article"));
        assertThat(down).hasSize(2);
        assertThat(down).anySatisfy(a -> {
            assertThat(a.getText()).contains("Hemit").contains("Planlagt stopp").contains("12.03.2026 16:00").contains("12.03.2026 20:00");
            assertThat(a.findElement(By.cssSelector("a.phone")).getAttribute("href")).isEqualTo("tel:+4772573000");
        });
        assertThat(down).anySatisfy(a -> {
            assertThat(a.getText()).contains("Kari Hemit").contains("Feil i meldingsutveksling").contains("ukjent");
            assertThat(a.findElement(By.cssSelector("a.phone")).getAttribute("href")).isEqualTo("tel:+4773868000");
        });
        shot("oversikt");

        CaseRecord incident = harness.service().store().cases().list("kommune", true).stream().filter(c -> c.category().equals("error"))
                .findFirst().orElseThrow();
        browser.findElement(By.linkText("Kari Hemit")).click();
        awaitMain("Historikk");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sak " + incident.ref());
        String trail = browser.findElement(By.id("trail")).getText();
        assertThat(trail).contains("classified").contains("redistribution-queued");
        assertThat(browser.findElement(By.id("original")).getText()).contains("73 86 80 00");
        shot("sak");

        browser.findElement(By.id("close-note")).sendKeys("Løst etter telefon med Hemit");
        browser.findElement(By.id("close")).click();
        awaitMain("Saken er lukket.");
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Saken er lukket.");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Lukket");
        List<WebElement> rows = browser.findElements(By.cssSelector("#trail tbody tr"));
        assertThat(rows.get(rows.size() - 1).getText()).contains("closed").contains("Løst etter telefon med Hemit").endsWith(ConsoleFixture.ADMIN);
        assertThat(harness.service().store().cases().get(incident.ref()).orElseThrow().closedBy()).hasValue(ConsoleFixture.ADMIN);
    }

    @Test
    void staff_is_kept_out_of_quarantine_and_a_form_without_its_token_is_refused() {
        mail.send(Emails.errorNotice().from("Kari Hemit <kari@hemit.test>").bytes(), MAILBOX);
        harness.awaitProcessed(1, WAIT);
        login(ConsoleFixture.STAFF);
        awaitMain("Nå nede");
        assertThat(browser.findElements(By.linkText("Karantene"))).isEmpty();
        browser.get(base + "/karantene");
        awaitMain("Bare administratorer");

        String ref = harness.service().store().cases().list("kommune", true).get(0).ref();
        browser.get(base + "/saker/" + ref);
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#close-form input[name=csrf]').remove()");
        browser.findElement(By.id("close")).click();
        awaitMain("Skjemaet var utløpt");
        assertThat(harness.service().store().cases().get(ref).orElseThrow().status()).isNotEqualTo("closed");
    }

    private void login(String user) {
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logg inn");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        browser.findElement(By.id("login")).click();
    }

    /** Waits for the page a click or a form led to: its main part says {@code text}. */
    private void awaitMain(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(text));
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
