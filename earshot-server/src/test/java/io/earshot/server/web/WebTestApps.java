package io.earshot.server.web;

import io.earshot.server.EarshotApp;
import io.earshot.server.EarshotConfig;
import io.earshot.server.account.AccountSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Apps for the web tests: no sources, a free port, and an {@code admin} created from a bootstrap password. */
final class WebTestApps {

    static final String ADMIN_PASSWORD = "correct horse battery";

    private WebTestApps() {}

    static EarshotApp withAdmin(Path data) {
        return start(data, new AccountSettings(Optional.of(ADMIN_PASSWORD), Optional.empty(), false));
    }

    static EarshotApp start(Path data, AccountSettings settings) {
        return EarshotApp.start(config(data, Map.of()), settings);
    }

    static EarshotConfig config(Path data, Map<String, String> env) {
        return EarshotConfig.fromEnvironment(env)
                .withDataDir(data)
                .withListen("127.0.0.1", 0)
                .withSource(EarshotConfig.SourceChoice.NONE);
    }
}
