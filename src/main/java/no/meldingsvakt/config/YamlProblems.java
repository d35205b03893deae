package no.meldingsvakt.config;

import java.util.Locale;

/** SnakeYAML's parser messages in words an administrator editing the file by hand can act on. */
final class YamlProblems {
    private YamlProblems() {}

    static String plain(String problem) {
        String p = problem == null ? "" : problem.toLowerCase(Locale.ROOT);
        if (p.contains("'\\t'") || p.contains("tab")) {
            return "a tab character: YAML is indented with spaces only";
        }
        if (p.contains("expected <block end>") || p.contains("expected <block mapping start>")) {
            return "the indentation is off here: this line does not line up with the keys above it (count its spaces)";
        }
        if (p.contains("mapping values are not allowed")) {
            return "a ':' where no key can start: put quotes around a value that contains ': ', or check the indentation";
        }
        if (p.contains("could not find expected ':'")) {
            return "a key without ':' after it (or a line that should belong to the one above is indented wrongly)";
        }
        if (p.contains("found unexpected end of stream") || p.contains("found unexpected end")) {
            return "the file ends inside a quoted value or a [ … ] / { … }: a closing quote or bracket is missing";
        }
        if (p.contains("did not find expected ',' or ']'") || p.contains("did not find expected ',' or '}'")) {
            return "a [ … ] or { … } list is not closed, or two items lack a ',' between them";
        }
        if (p.contains("found duplicate key") || p.contains("duplicate")) {
            return "the same key twice in one place: keep one";
        }
        if (p.contains("found undefined alias") || p.contains("found character '*'") || p.contains("found character '&'")) {
            return "a value starting with '*' or '&' (YAML aliases): put it in quotes";
        }
        if (p.contains("found character '@'") || p.contains("found character '`'")) {
            return "a value starting with '@' or '`': put it in quotes";
        }
        return "not valid YAML: " + problem;
    }
}
