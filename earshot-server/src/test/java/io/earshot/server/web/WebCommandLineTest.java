package io.earshot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.server.EarshotApp;
import io.earshot.server.account.AccountSettings;
import io.earshot.server.cli.EarshotCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot user add|list|rm} and {@code earshot token add|list|rm}, then using what they made. */
class WebCommandLineTest {

    @TempDir
    Path data;

    @Test
    void usersAndTokensMadeOnTheCommandLineWorkInTheApp() {
        assertThat(withStdin(
                        "a long analyst password\n",
                        () -> EarshotCommand.execute(
                                "user",
                                "add",
                                "ana",
                                "--role",
                                "analyst",
                                "--password-stdin",
                                "--data",
                                data.toString())))
                .isZero();
        assertThat(withStdin(
                        "short\n",
                        () -> EarshotCommand.execute(
                                "user",
                                "add",
                                "bob",
                                "--role",
                                "viewer",
                                "--password-stdin",
                                "--data",
                                data.toString())))
                .isNotZero();
        assertThat(run("user", "list", "--data", data.toString()))
                .contains("ana\tanalyst")
                .doesNotContain("bob");
        String token = run("token", "add", "--role", "viewer", "--label", "wallboard", "--data", data.toString())
                .strip();
        assertThat(token).startsWith("es_");
        assertThat(run("token", "list", "--data", data.toString()))
                .contains("viewer\twallboard")
                .doesNotContain(token);

        try (EarshotApp app = WebTestApps.start(data, AccountSettings.none())) {
            WebSession browser = new WebSession(app.port());
            assertThat(browser.login("ana", "a long analyst password").statusCode())
                    .isEqualTo(303);
            assertThat(browser.get("/api/v1/me").body()).contains("\"analyst\"");
            assertThat(new WebSession(app.port())
                            .get("/api/v1/topics", "Authorization", "Bearer " + token)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(EarshotCommand.execute("user", "rm", "ana", "--data", data.toString()))
                .isZero();
        assertThat(EarshotCommand.execute("token", "rm", "1", "--data", data.toString()))
                .isZero();
        assertThat(run("user", "list", "--data", data.toString())).isBlank();
    }

    private static int withStdin(String input, java.util.function.IntSupplier command) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.getAsInt();
        } finally {
            System.setIn(original);
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EarshotCommand.execute(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
