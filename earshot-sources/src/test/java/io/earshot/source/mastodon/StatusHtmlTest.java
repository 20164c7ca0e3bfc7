package io.earshot.source.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** HTML to plain text: what a person sees, nothing that could run, bounded work on hostile input. */
class StatusHtmlTest {

    private static String text(String html) {
        return StatusHtml.extract(html).text();
    }

    @Test
    void paragraphs_breaks_and_white_space_read_as_a_browser_shows_them() {
        assertThat(text("<p>one</p><p>two<br>three<br/>four</p>")).isEqualTo("one\n\ntwo\nthree\nfour");
        assertThat(text("<p>  lots   of\n\tspace  </p>")).isEqualTo("lots of space");
        assertThat(text("<p>a<br><br>b</p>")).isEqualTo("a\n\nb");
        assertThat(text("<p>a<br><br><br><br>b</p>"))
                .as("at most one blank line")
                .isEqualTo("a\n\nb");
        assertThat(text("<ul><li>x</li><li>y</li></ul><p>z</p>")).isEqualTo("x\ny\n\nz");
        assertThat(text("<pre>  keep\n  this</pre>")).isEqualTo("  keep\n  this");
        assertThat(text("plain &lt;b&gt; &amp; &quot;quoted&quot; &#39;x&#39; &eacute; &#x1F418;"))
                .isEqualTo("plain <b> & \"quoted\" 'x' é 🐘");
        assertThat(text("")).isEmpty();
    }

    @Test
    void shortened_links_read_as_shown_and_keep_their_full_address() {
        StatusHtml.Extracted extracted =
                StatusHtml.extract("<p>see <a href=\"https://example.org/a/very/long/path?q=1\">"
                        + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.org/a/very/</span>"
                        + "<span class=\"invisible\">long/path?q=1</span></a> now</p>");
        assertThat(extracted.text()).isEqualTo("see example.org/a/very/… now");
        assertThat(extracted.links()).containsExactly("https://example.org/a/very/long/path?q=1");
    }

    @Test
    void hashtag_and_mention_anchors_are_not_links() {
        StatusHtml.Extracted extracted =
                StatusHtml.extract("<p><a href=\"https://x.example/tags/Java\" class=\"mention hashtag\""
                        + " rel=\"tag\">#<span>Java</span></a> <span class=\"h-card\"><a href=\"https://x.example/@bob\""
                        + " class=\"u-url mention\">@<span>bob</span></a></span> <a href=\"https://pleroma.example/tag/x\""
                        + " rel=\"tag\">#x</a></p>");
        assertThat(extracted.text()).isEqualTo("#Java @bob #x");
        assertThat(extracted.hashtags()).containsExactly("Java", "x");
        assertThat(extracted.links()).isEmpty();
    }

    @Test
    void scripts_styles_hidden_parts_and_unsafe_links_are_dropped() {
        StatusHtml.Extracted extracted = StatusHtml.extract("<p>hi<script>alert('x')</script><style>p{}</style>"
                + "<noscript>no</noscript><template>t</template><iframe src=\"https://evil.example\">frame</iframe>"
                + "<span hidden>secret</span> <a href=\"javascript:alert(1)\">click</a> <a href=\"data:text/html,x\">d</a>"
                + " <a href=\"JAVASCRIPT:alert(1)\">c2</a> <a href=\"//evil.example/x\">rel</a>"
                + " <a href=\"https://ok.example/\" onclick=\"steal()\">ok</a><img src=x onerror=alert(1)></p>");
        assertThat(extracted.text()).isEqualTo("hi click d c2 rel ok");
        assertThat(extracted.links()).containsExactly("https://ok.example/");
    }

    @Test
    void broken_markup_still_reads_as_text() {
        assertThat(text("<p>unclosed <b>bold <i>both</p><p>next")).isEqualTo("unclosed bold both\n\nnext");
        assertThat(text("</p></div>stray closers<p")).isEqualTo("stray closers");
        assertThat(text("<<p>>>")).isEqualTo("<\n\n>>");
        assertThat(text("<a href=\"https://x.example\"><a href=\"https://y.example\">nested</a></a>"))
                .isEqualTo("nested");
        assertThat(text("5 < 6 && 7 > 3")).isEqualTo("5 < 6 && 7 > 3");
    }

    @Test
    void huge_and_deeply_nested_content_is_bounded_and_fast() {
        long started = System.nanoTime();
        String deep = "<span>".repeat(20_000) + "deep" + "</span>".repeat(20_000);
        assertThat(text(deep)).isEqualTo("deep");

        String huge = "<p>" + "word ".repeat(25_000) + "</p>";
        assertThat(text(huge)).hasSize(Post.MAX_TEXT_CHARS);

        StatusHtml.Extracted links = StatusHtml.extract("<a href=\"https://x.example/\">x</a>".repeat(2_000));
        assertThat(links.links()).hasSize(1);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            many.append("<a href=\"https://x.example/").append(i).append("\">x</a>");
        }
        assertThat(StatusHtml.extract(many.toString()).links()).hasSize(StatusHtml.MAX_ENTITIES);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
