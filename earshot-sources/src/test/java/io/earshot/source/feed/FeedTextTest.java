package io.earshot.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.domain.Post;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Feed HTML to plain text: what a reader sees, nothing that could run, bounded work on hostile input. */
class FeedTextTest {

    private static String text(String html) {
        return FeedText.fromHtml(html).text();
    }

    @Test
    void blocks_breaks_and_white_space_read_as_a_browser_shows_them() {
        assertThat(text("<p>one</p><p>two<br>three</p>")).isEqualTo("one\ntwo\nthree");
        assertThat(text("<p>  lots   of\n\tspace  </p>")).isEqualTo("lots of space");
        assertThat(text("<ul><li>x</li><li>y</li></ul>z")).isEqualTo("x\ny\nz");
        assertThat(text("a &lt;b&gt; &amp; &quot;q&quot; &eacute; &#x1F418;")).isEqualTo("a <b> & \"q\" é 🐘");
        assertThat(text("")).isEmpty();
    }

    @Test
    void scripts_styles_and_embedded_things_are_dropped() {
        assertThat(text("<p>Hello<script>document.cookie</script><style>p{color:red}</style>"
                        + "<iframe src=\"https://evil.example\">frame</iframe><noscript>no</noscript>"
                        + "<svg><text>svg</text></svg><span hidden>secret</span> world</p>"))
                .isEqualTo("Hello world");
        assertThat(text("<img src=x onerror=alert(1)>caption")).isEqualTo("caption");
        assertThat(text("<scr<script>ipt>alert(1)</script>")).doesNotContain("<script");
    }

    @Test
    void links_are_web_addresses_only_in_order_without_repeats() {
        FeedText.Extracted extracted = FeedText.fromHtml(
                "<a href=\"https://a.example/1\">one</a>"
                        + "<a href=\" https://a.example/1 \">again</a><a href=\"javascript:alert(1)\">js</a>"
                        + "<a href=\"data:text/html,x\">data</a><a href=\"http://b.example\">two</a><a href=\"http:///x\">h</a>");
        assertThat(extracted.links()).containsExactly("https://a.example/1", "http://b.example");
        assertThat(extracted.text()).isEqualTo("oneagainjsdatatwoh");
    }

    @Test
    void plain_text_keeps_its_lines_and_loses_runs_of_space() {
        assertThat(FeedText.fromPlain("  one   two \r\n three\n\n")).isEqualTo("one two\nthree");
    }

    @Test
    void hostile_markup_is_bounded() {
        long started = System.nanoTime();
        String nested = "<div>".repeat(200_000) + "deep" + "</div>".repeat(200_000);
        assertThat(text(nested)).isEqualTo("deep");
        String long_ = "<p>" + "word ".repeat(100_000) + "</p>";
        assertThat(text(long_)).hasSizeLessThanOrEqualTo(Post.MAX_TEXT_CHARS);
        assertThat(FeedText.fromHtml("<a href=\"https://x.example/" + "y".repeat(10_000) + "\">z</a>")
                        .links())
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
