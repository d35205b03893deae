package no.meldingsvakt.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a template by name in the override directories (first wins), then in the defaults that
 * ship in the jar, and renders it. Compiled templates are cached; thread-safe.
 */
public final class TemplateRenderer {
    public static final List<String> NAMES = List.of("receipt", "redistribution", "quarantine-report", "health-alert",
            "health-clear", "bounce-report", "reminder", "escalation", "planned-before", "planned-end", "staff-reply", "staff-reply-refused");
    private static final Pattern FRONT = Pattern.compile("\\A---\\s*\\n(.*?)\\n---\\s*\\n(.*)\\z", Pattern.DOTALL);
    private static final Pattern SUBJECT = Pattern.compile("^subject:\\s*\"?(.*?)\"?\\s*$", Pattern.MULTILINE);
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|<>&\"'~=])");

    private final List<Path> overrides;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();
    private final Parser parser;
    private final HtmlRenderer html;
    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("");
    private final Mustache.Compiler markdown = Mustache.compiler().emptyStringIsFalse(true).defaultValue("")
            .withEscaper(TemplateRenderer::escapeMarkdown);

    /** @param overrides directories searched in order before the built-in defaults */
    public TemplateRenderer(List<Path> overrides) {
        this.overrides = List.copyOf(overrides);
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
        this.parser = Parser.builder(options).build();
        this.html = HtmlRenderer.builder(options).build();
    }

    /** Compiles every known template so a broken override is reported at start, not on the first notice. */
    public void validate() {
        for (String name : NAMES) {
            compiled(name);
        }
    }

    public Rendered render(String name, Map<String, ?> values) {
        Compiled t = compiled(name);
        String subject = t.subject.execute(values).replaceAll("[\\r\\n\\t\\x00]+", " ").strip();
        // One Markdown, values escaped: the HTML part and a plain-text part without any Markdown left in it.
        com.vladsch.flexmark.util.ast.Node doc = parser.parse(t.markdownBody.execute(values));
        String text = PlainText.of(doc);
        String body = html.render(doc);
        String page = "<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"></head><body>\n" + body + "</body></html>\n";
        return new Rendered(subject, text, page);
    }

    private Compiled compiled(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private Compiled load(String name) {
        String file = name + ".md";
        String source = null;
        String origin = null;
        for (Path dir : overrides) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                try {
                    source = Files.readString(p, StandardCharsets.UTF_8);
                    origin = p.toString();
                    break;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + p, e);
                }
            }
        }
        if (source == null) {
            origin = "classpath:templates/" + file;
            source = classpath("templates/" + file).orElseThrow(() -> new IllegalStateException("no template named " + name));
        }
        source = source.replace("\r\n", "\n");
        Matcher m = FRONT.matcher(source);
        if (!m.matches()) {
            throw new IllegalStateException(origin + ": a template starts with '---', a 'subject:' line and '---'");
        }
        Matcher s = SUBJECT.matcher(m.group(1));
        if (!s.find()) {
            throw new IllegalStateException(origin + ": front matter has no 'subject:' line");
        }
        try {
            return new Compiled(plain.compile(s.group(1)), markdown.compile(m.group(2)));
        } catch (RuntimeException e) {
            throw new IllegalStateException(origin + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> classpath(String resource) {
        try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a value literal text in Markdown; Flexmark then HTML-escapes it. Line breaks become spaces. */
    static String escapeMarkdown(String value) {
        String oneLine = value.replaceAll("[\\r\\n]+", " ");
        return MARKDOWN_SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
    }

    private record Compiled(Template subject, Template markdownBody) {}
}
