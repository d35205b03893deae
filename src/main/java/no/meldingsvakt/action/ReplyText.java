package no.meldingsvakt.action;

import java.util.regex.Pattern;

/** The new part of a reply: what the person wrote above the quoted message. */
final class ReplyText {
    private static final Pattern QUOTE_START = Pattern.compile(
            "^\\s*(>|-{2,}\\s*(original message|opprinnelig melding|videresendt melding|forwarded message)|_{8,}|"
                    + "(fra|from|von)\\s*:\\s*.+|(den|on|am)\\s.{3,120}\\s(skrev|wrote|schrieb)\\s*.{0,80}:\\s*$|.{3,120}\\s(skrev|wrote)\\s*:\\s*$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ReplyText() {}

    /**
     * Only what the writer wrote above the quote: empty when nothing stands above it (written below
     * the quote, or between its lines), since that cannot be told apart from the quoted text.
     */
    static java.util.Optional<String> written(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (QUOTE_START.matcher(line).find()) {
                break;
            }
            out.append(line).append('\n');
        }
        String s = out.toString().strip();
        return s.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s);
    }

    /** The new part of a reply, or the whole text when nothing stands above a quote (for reading what it says, never for relaying). */
    static String newPart(String text) {
        return written(text).orElse(text.strip());
    }
}
