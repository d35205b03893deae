package no.meldingsvakt.template;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The text/plain part of a mail, written from the same Markdown as the HTML part: what a person
 * reads in a plain-text mail client. Headings are underlined, emphasis marks and backslash escapes
 * disappear, list items keep their dash, a link shows its address. No Markdown syntax is left.
 */
final class PlainText {
    private PlainText() {}

    static String of(Node document) {
        StringBuilder out = new StringBuilder();
        blocks(document, out, "");
        return out.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static void blocks(Node parent, StringBuilder out, String indent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String t = inline(h).strip();
                out.append(indent).append(t).append('\n').append(indent).append((h.getLevel() == 1 ? "=" : "-").repeat(Math.max(3, t.length())))
                        .append("\n\n");
            } else if (n instanceof Paragraph p) {
                out.append(indent).append(inline(p).strip().replace("\n", "\n" + indent)).append(n.getParent() instanceof ListItem ? "\n" : "\n\n");
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                int i = 1;
                for (Node item = n.getFirstChild(); item != null; item = item.getNext(), i++) {
                    String mark = n instanceof OrderedList ? i + ". " : "- ";
                    StringBuilder inner = new StringBuilder();
                    blocks(item, inner, " ".repeat(mark.length()));
                    out.append(indent).append(mark).append(inner.toString().stripLeading());
                }
                out.append('\n');
            } else if (n instanceof BlockQuote q) {
                blocks(q, out, indent + "> ");
            } else if (n instanceof ThematicBreak) {
                out.append(indent).append("----------\n\n");
            } else if (n.hasChildren()) {
                blocks(n, out, indent);
            } else {
                out.append(indent).append(n.getChars().unescape()).append('\n');
            }
        }
    }

    private static String inline(Node parent) {
        StringBuilder sb = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text) {
                sb.append(n.getChars().unescape());
            } else if (n instanceof Code c) {
                sb.append(c.getText().unescape());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append('\n');
            } else if (n instanceof Link l) {
                String text = inline(l);
                String url = l.getUrl().unescape();
                sb.append(text.equals(url) || text.isBlank() ? url : text + " (" + url + ")");
            } else if (n.hasChildren()) {
                sb.append(inline(n));
            } else {
                sb.append(n.getChars().unescape());
            }
        }
        return sb.toString();
    }
}
