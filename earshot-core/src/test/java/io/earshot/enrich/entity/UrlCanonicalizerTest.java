package io.earshot.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void lowerCasesTheHostAndDropsTrackingParameters() {
        assertThat(UrlCanonicalizer.canonical("HTTPS://WWW.Example.COM/Page/?utm_source=x&id=7&fbclid=abc#top"))
                .contains("example.com/Page?id=7");
    }

    @Test
    void unwrapsKnownRedirectors() {
        assertThat(UrlCanonicalizer.canonical(
                        "https://www.google.com/url?sa=t&q=https%3A%2F%2FExample.com%2Fa%3Futm_medium%3Dx&usg=1"))
                .contains("example.com/a");
        assertThat(UrlCanonicalizer.canonical(
                        "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fb%3Ffbclid%3D1&h=AT"))
                .contains("example.com/b");
        assertThat(UrlCanonicalizer.canonical(
                        "https://out.reddit.com/t3_abc?url=https%3A%2F%2Fexample.com%2Fc&token=x"))
                .contains("example.com/c");
        assertThat(UrlCanonicalizer.canonical(
                        "https://www.youtube.com/redirect?event=x&q=https%3A%2F%2Fexample.org%2Fd"))
                .contains("example.org/d");
        assertThat(UrlCanonicalizer.canonical("https://duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.net%2Fe"))
                .contains("example.net/e");
    }

    @Test
    void unwrapsNestedRedirectorsButNotForever() {
        String inner = "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Fnested";
        String outer = "https://www.google.com/url?q="
                + java.net.URLEncoder.encode(inner, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(UrlCanonicalizer.canonical(outer)).contains("example.com/nested");
    }

    @Test
    void keepsShortenersAndRedirectorsWithoutAnHttpTarget() {
        assertThat(UrlCanonicalizer.canonical("https://t.co/AbC123")).contains("t.co/AbC123");
        assertThat(UrlCanonicalizer.canonical("https://www.google.com/url?q=javascript:alert(1)"))
                .contains("google.com/url?q=javascript:alert(1)");
        assertThat(UrlCanonicalizer.canonical("https://www.google.com/url?q=%E0%A4%A"))
                .isNotNull();
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThat(UrlCanonicalizer.canonical("mailto:bob@example.com")).isEmpty();
        assertThat(UrlCanonicalizer.canonical("ht tp://bad")).isEmpty();
        assertThat(UrlCanonicalizer.canonical("javascript:alert(1)")).isEmpty();
        assertThat(UrlCanonicalizer.canonical("")).isEmpty();
        assertThat(UrlCanonicalizer.canonical("example.com:8080/a")).contains("example.com:8080/a");
        assertThat(UrlCanonicalizer.canonical("example.com/a")).contains("example.com/a");
    }
}
