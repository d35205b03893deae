package no.meldingsvakt.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.meldingsvakt.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs Meldingsvakt against an embedded mail server with sample notices; needs nothing else. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded mail server and a demo organisation, deliver sample notices and show what happened.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port of the embedded server (0: any free port). Default: ${DEFAULT-VALUE}.")
    int smtpPort;

    @Option(names = "--imap-port", defaultValue = "3143", description = "IMAP port of the embedded server (0: any free port). Default: ${DEFAULT-VALUE}.")
    int imapPort;

    @Option(names = "--web-port", defaultValue = "8080", description = "Port of the console on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int webPort;

    @Option(names = "--dir", defaultValue = "data/demo", description = "Where the demo writes its config and store. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--exit-after", description = "Stop after showing the results and waiting this many seconds (default: run until Ctrl-C).")
    Integer exitAfter;

    @Override
    public Integer call() throws Exception {
        Demo demo = Demo.start(dir, smtpPort, imapPort, webPort);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stop.countDown();
        }, "demo-shutdown"));
        demo.deliverSamples();
        boolean quiet = demo.awaitQuiet(Demo.SAMPLES.size(), Duration.ofSeconds(60));
        demo.report(System.out);
        if (!quiet) {
            System.out.println("Warning: not everything was processed within 60 s; see the log above.");
        }
        if (exitAfter != null) {
            Thread.sleep(exitAfter * 1000L);
            return quiet ? 0 : 1;
        }
        System.out.println("Running. Press Ctrl-C to stop. Mail you send is reported here as it is processed:");
        while (!stop.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            demo.reportNew(System.out);
        }
        return 0;
    }
}
