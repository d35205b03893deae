package no.meldingsvakt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.meldingsvakt.action.Assessment;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.extract.Problem;
import no.meldingsvakt.message.Forward;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.message.UnreadableMessageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Dry run: prints, one JSON object per file, what the service would decide about each message,
 * through the same {@link Assessment} the service uses, without a mailbox or a store.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Show what Meldingsvakt would decide about .eml files, as JSON lines, without touching any mailbox or store.")
final class ClassifyCommand implements Callable<Integer> {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", paramLabel = "FILE", description = "Use this config's routes, lists and checks (secrets are not needed).")
    Path config;

    @Option(names = "--mailbox", paramLabel = "ADDRESS",
            description = "The monitored address (for loop detection); with --config it picks the organisation.")
    String mailbox;

    @Parameters(paramLabel = "FILE.eml", arity = "1..*", description = "Messages to classify.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        OrganisationConfig org;
        try {
            org = organisation(Optional.ofNullable(config), Optional.ofNullable(mailbox));
        } catch (ConfigException e) {
            System.err.println("Config " + config + " has " + e.errors().size() + " error(s):");
            e.errors().stream().map(ConfigError::toString).forEach(s -> System.err.println("  " + s));
            return Main.CONFIG_ERROR;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Main.CONFIG_ERROR;
        }
        return run(org, files, System.out);
    }

    static int run(OrganisationConfig org, List<Path> files, PrintStream out) throws IOException {
        MessageReader reader = new MessageReader();
        int failed = 0;
        for (Path f : files) {
            Map<String, Object> line;
            try {
                byte[] bytes = Files.readAllBytes(f);
                line = describe(org, reader, f.getFileName().toString(), bytes, Files.getLastModifiedTime(f).toInstant());
            } catch (IOException | RuntimeException e) {
                failed++;
                line = new LinkedHashMap<>();
                line.put("file", f.toString());
                line.put("error", "cannot read file: " + e.getMessage());
            }
            out.println(JSON.writeValueAsString(line));
        }
        return failed == 0 ? 0 : 1;
    }

    /** The decision on one message as the JSON line's fields, in the documented order. */
    static Map<String, Object> describe(OrganisationConfig org, MessageReader reader, String name, byte[] bytes, Instant arrived) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", name);
        ParsedMessage m;
        try {
            m = reader.read(bytes);
        } catch (UnreadableMessageException e) {
            line.put("messageId", null);
            line.put("category", null);
            line.put("error", "would be quarantined: " + e.getMessage());
            return line;
        }
        Assessment a = Assessment.of(org, m, m.date().orElse(arrived));
        line.put("messageId", m.messageId().orElse(null));
        line.put("category", a.classification().category().id());
        line.put("receipt", a.receipt().send());
        line.put("organisation", a.details().organisation().orElse(null));
        line.put("sender", m.originalSender().orElse(null));
        line.put("forwardedBy", m.forward().isPresent() ? m.fromAddress().orElse(null) : null);
        line.put("windowStart", a.details().windowStart().map(ClassifyCommand::iso).orElse(null));
        line.put("windowEnd", a.details().windowEnd().map(ClassifyCommand::iso).orElse(null));
        line.put("phone", a.details().phone().orElse(null));
        line.put("services", List.copyOf(a.classification().services()));
        line.put("routes", a.selection().routes());
        line.put("problems", a.details().problems().stream().map(Problem::id).toList());
        line.put("subject", m.originalSubject());
        line.put("lists", a.selection().lists());
        line.put("receiptTo", a.receipt().send() ? a.receiptTo().orElse(null) : null);
        line.put("receiptReason", a.receipt().why());
        line.put("automatic", a.classification().automaticReason().orElse(null));
        line.put("forward", m.forward().map(Forward::form).orElse(null));
        line.put("authenticated", a.sender().json());
        line.put("staffReply", a.staffReply(org));
        return line;
    }

    private static String iso(ZonedDateTime t) {
        return ISO.format(t);
    }

    /** The organisation to decide for: from the config, or a stand-in with the defaults when there is none. */
    static OrganisationConfig organisation(Optional<Path> config, Optional<String> mailbox) throws ConfigException {
        if (config.isPresent()) {
            AppConfig c = ConfigLoader.withoutSecrets().load(config.get());
            if (mailbox.isEmpty()) {
                return c.organisations().get(0);
            }
            return c.organisations().stream().filter(o -> o.address().equalsIgnoreCase(mailbox.get())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no organisation in " + config.get() + " watches " + mailbox.get()));
        }
        String address = mailbox.orElse("meldingsansvarlig@example.invalid").toLowerCase(Locale.ROOT);
        String yaml = String.join("\n",
                "organisations:",
                "  - id: dry-run",
                "    name: \"(uten konfigurasjon)\"",
                "    address: " + address,
                "    password_env: UNUSED",
                "    imap: {host: localhost.invalid}",
                "    smtp: {host: localhost.invalid}",
                "    lists: {alle: [nobody@example.invalid]}",
                "    fallback_lists: [alle]",
                "    trust: none",
                "");
        return ConfigLoader.withoutSecrets().parse(Path.of("(built-in defaults)"), yaml).organisations().get(0);
    }
}
