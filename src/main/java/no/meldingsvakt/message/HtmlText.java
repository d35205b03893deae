package no.meldingsvakt.message;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML to readable text: block elements and {@code <br>} become line breaks, table cells are separated. */
public final class HtmlText {
    private HtmlText() {}

    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        // wholeText() already turns <br> into a line break; block elements get theirs here.
        for (Element e : doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, table, blockquote, hr")) {
            e.prepend("\n");
            e.append("\n");
        }
        // A form laid out as a table, label in one cell and answer in the next, reads as "label: answer".
        for (Element tr : doc.select("tr")) {
            org.jsoup.select.Elements cells = tr.select("> td, > th");
            if (cells.size() == 2) {
                String label = cells.get(0).text().strip();
                if (!label.isEmpty() && label.length() <= 120 && !label.endsWith(":") && !cells.get(1).text().isBlank()) {
                    cells.get(0).append(":");
                }
            }
        }
        for (Element td : doc.select("td, th")) {
            td.append(" ");
        }
        doc.outputSettings(new Document.OutputSettings().prettyPrint(false));
        String text = doc.body() == null ? "" : doc.body().wholeText();
        return text.replace('\u00a0', ' ')
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
