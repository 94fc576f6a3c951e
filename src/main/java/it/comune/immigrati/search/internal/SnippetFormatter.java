package it.comune.immigrati.search.internal;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * The passage under a result: about {@value #LENGTH} characters around the first matched word, cut at
 * spaces, HTML-escaped, the matched words in {@code <mark>}.
 */
final class SnippetFormatter extends PassageFormatter {

    static final int LENGTH = 240;

    @Override
    public Object format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return null;
        }
        Passage passage = passages[0];
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        if (passage.getNumMatches() > 0) {
            int first = passage.getMatchStarts()[0];
            start = Math.max(start, first - LENGTH / 3);
        }
        end = Math.min(end, start + LENGTH);
        start = wordStart(content, start, passage.getStartOffset());
        end = wordEnd(content, end, passage.getEndOffset());
        StringBuilder html = new StringBuilder();
        if (start > passage.getStartOffset()) {
            html.append("… ");
        }
        int at = start;
        for (int m = 0; m < passage.getNumMatches(); m++) {
            int matchStart = passage.getMatchStarts()[m];
            int matchEnd = passage.getMatchEnds()[m];
            if (matchStart < at || matchEnd > end) {
                continue;
            }
            html.append(escape(content.substring(at, matchStart))).append("<mark>")
                    .append(escape(content.substring(matchStart, matchEnd))).append("</mark>");
            at = matchEnd;
        }
        html.append(escape(content.substring(at, end)));
        if (end < passage.getEndOffset()) {
            html.append(" …");
        }
        return html.toString().strip();
    }

    /** A text without matches, shortened the same way. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        int end = text.length() <= LENGTH ? text.length() : wordEnd(text, LENGTH, text.length());
        return escape(text.substring(0, end)) + (end < text.length() ? " …" : "");
    }

    private static int wordStart(String content, int at, int floor) {
        int i = at;
        while (i > floor && i > at - 20 && !Character.isWhitespace(content.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String content, int at, int ceiling) {
        int i = at;
        while (i < ceiling && i < at + 20 && !Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return i;
    }

    static String unescape(String html) {
        return HtmlUtils.htmlUnescape(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8").replace('\n', ' ');
    }
}
