package no.meldingsvakt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @Test
    void mail_sent_to_the_running_demo_is_reported_like_the_samples(@TempDir Path dir) throws Exception {
        try (Demo demo = Demo.start(dir, 0, 0)) {
            demo.deliverSamples();
            assertThat(demo.awaitQuiet(Demo.SAMPLES.size(), Duration.ofSeconds(60))).isTrue();
            demo.report(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            byte[] raw = Emails.inquiry().from("Per <per@nabokommune.test>").to(Demo.MAILBOX).subject("Nytt spørsmål til demoen")
                    .prepend("Authentication-Results", "mx.demo-kommune.no; dmarc=pass header.from=nabokommune.test").bytes();
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", "127.0.0.1");
            p.setProperty("mail.smtp.port", Integer.toString(demo.smtpPort()));
            Session s = Session.getInstance(p);
            Transport.send(new MimeMessage(s, new ByteArrayInputStream(raw)), new Address[] {new InternetAddress(Demo.MAILBOX)});

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int reported = 0;
            while (reported == 0 && System.nanoTime() < end) {
                MailServer.sleep(200);
                reported = demo.reportNew(ps);
            }
            assertThat(reported).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("* Nytt spørsmål til demoen").contains("category unknown")
                    .contains("receipt: receipt to per@nabokommune.test");
            assertThat(demo.reportNew(ps)).as("each message once").isZero();
        }
    }
}
