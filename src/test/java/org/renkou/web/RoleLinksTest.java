package org.renkou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every screen a role reaches from its home page, and the screens those link to, answers 200 and reads as words:
 * no untranslated key (??key??), no enum or indicator code, no ISO timestamp with T, no filter choice without a
 * word (an empty "all"). Links a role sees lead to
 * pages it may open (no 403 or 500 from a link on the screen).
 */
@RenkouTest
class RoleLinksTest {
    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"(/[^\"#]*)\"");
    private static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[\\w.]+\\?\\?");
    /** An enum or indicator code; {CODE} is a work report template's placeholder, explained as such. */
    private static final Pattern CODE = Pattern.compile("(?<![{.])\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** Files, the API's own pages, leaving and switching language: not screens of the role. */
    private static final Pattern NOT_A_SCREEN = Pattern.compile(
            "^/(logout|swagger-ui|v3/|api/|css/|js/|favicon)|[?&]lang=|[?&](format|download)=|\\.(csv|xlsx|pdf|docx)\\b|/(export|bank-file|download)");
    /** A list's filter form, and a choice in it that says nothing (an empty "all"). */
    private static final Pattern FILTERS = Pattern.compile("(?s)<form method=\"get\"[^>]*class=\"filters\"[^>]*>.*?</form>");
    private static final Pattern BLANK_CHOICE = Pattern.compile("<option value=\"\"\\s*>\\s*</option>");
    private static final int SCREENS_PER_ROLE = 60;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({"admin,admin123", "officer,officer123", "county,county123", "cadre,cadre123", "grid,grid1234",
            "police,police123", "clinic,clinic123", "supervisor,super123"})
    void everyLinkFromHomeOpensAScreenThatReadsAsWords(String user, String password) {
        Api api = Api.as(port, user, password);
        Set<String> seen = new LinkedHashSet<>();
        Set<String> pathsSeen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<String> next = List.of("/");
        for (int depth = 0; depth < 3 && seen.size() < SCREENS_PER_ROLE; depth++) {
            List<String> found = new ArrayList<>();
            for (String link : next) {
                // one visit per screen (its path with digits as ids), not per page or sort order of a list
                if (seen.size() >= SCREENS_PER_ROLE || !pathsSeen.add(link.replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}"))) {
                    continue;
                }
                seen.add(link);
                Api.Response r = api.get(link);
                if (r.status() != 200) {
                    problems.add(link + " answers " + r.status());
                    continue;
                }
                if (!r.contentType().startsWith("text/html")) {
                    continue;
                }
                String text = visibleText(r.body());
                check(problems, link, "untranslated key", UNTRANSLATED.matcher(r.body()));
                check(problems, link, "raw code", CODE.matcher(text));
                check(problems, link, "ISO timestamp", ISO_TIME.matcher(text));
                Matcher filters = FILTERS.matcher(r.body());
                while (filters.find()) {
                    check(problems, link, "filter choice without a word", BLANK_CHOICE.matcher(filters.group()));
                }
                Matcher m = HREF.matcher(r.body());
                while (m.find()) {
                    String href = m.group(1).replace("&amp;", "&");
                    if (!NOT_A_SCREEN.matcher(href).find()) {
                        found.add(href);
                    }
                }
            }
            next = found;
        }
        assertThat(problems).as(user + " on " + seen).isEmpty();
    }

    private static void check(List<String> problems, String link, String what, Matcher m) {
        if (m.find()) {
            problems.add(link + ": " + what + " " + m.group());
        }
    }

    /**
     * The text a user reads: no scripts, styles, tags or attributes; nor what the user writes (a work report's
     * template, with its {CODE} placeholders) or what the audit log quotes as it was asked (detail, query).
     */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<(script|style|textarea)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<td class=\"quoted[ \"][^>]*>.*?</td>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&nbsp;", " ");
    }
}
