package io.earshot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.account.Account;
import io.earshot.account.AccountStore;
import io.earshot.account.ApiToken;
import io.earshot.account.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract of {@link AccountStore}. Extend it and implement {@link #open}. */
public abstract class AccountStoreContract extends StoreContract<AccountStore> {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void usersAreStoredWithTheirRoleAndHashAndSurviveReopen() throws Exception {
        Account ana = store().addUser("ana", Role.ANALYST, "$argon2id$hash-a");
        store().addUser("vic", Role.VIEWER, "$argon2id$hash-v");
        AccountStore reopened = reopen();
        assertThat(reopened.user("ana")).contains(ana);
        assertThat(reopened.passwordHash("ana")).contains("$argon2id$hash-a");
        assertThat(reopened.users()).extracting(Account::name).containsExactly("ana", "vic");
        assertThat(reopened.user("nobody")).isEmpty();
    }

    @Test
    void aNameIsTakenOnce() {
        store().addUser("ana", Role.VIEWER, "h");
        assertThatThrownBy(() -> store().addUser("ana", Role.ADMIN, "h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void sessionsExpireAndEndWithThePasswordOrTheUser() {
        Account ana = store().addUser("ana", Role.RESPONDER, "h");
        store().startSession("d1", ana.id(), "csrf1", NOW, NOW.plusSeconds(60));
        assertThat(store().session("d1", NOW)).hasValueSatisfying(session -> {
            assertThat(session.account()).isEqualTo(ana);
            assertThat(session.csrfToken()).isEqualTo("csrf1");
            assertThat(session.lastSeenAt()).isEqualTo(NOW);
            assertThat(session.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        });
        store().touchSession("d1", NOW.plusSeconds(30));
        assertThat(store().session("d1", NOW.plusSeconds(31)))
                .hasValueSatisfying(session -> assertThat(session.lastSeenAt()).isEqualTo(NOW.plusSeconds(30)));
        assertThat(store().session("d1", NOW.plusSeconds(61))).isEmpty();
        assertThat(store().session("other", NOW)).isEmpty();

        assertThat(store().changePassword("ana", "h2")).isTrue();
        assertThat(store().session("d1", NOW)).isEmpty();

        store().startSession("d2", ana.id(), "csrf2", NOW, NOW.plusSeconds(60));
        store().endSession("d2");
        assertThat(store().session("d2", NOW)).isEmpty();

        store().startSession("d3", ana.id(), "csrf3", NOW, NOW.plusSeconds(60));
        assertThat(store().removeUser("ana")).isTrue();
        assertThat(store().session("d3", NOW)).isEmpty();
        assertThat(store().removeUser("ana")).isFalse();
    }

    @Test
    void rolesChange() {
        store().addUser("ana", Role.VIEWER, "h");
        assertThat(store().changeRole("ana", Role.ADMIN)).isTrue();
        assertThat(store().user("ana"))
                .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
        assertThat(store().changeRole("nobody", Role.ADMIN)).isFalse();
    }

    @Test
    void tokensAreFoundByDigestAndRevoked() {
        ApiToken token = store().addToken("ci", Role.ANALYST, "digest-1");
        assertThat(store().tokenByDigest("digest-1")).contains(token);
        assertThat(store().tokenByDigest("digest-2")).isEmpty();
        assertThat(store().tokens()).containsExactly(token);
        assertThat(store().removeToken(token.id())).isTrue();
        assertThat(store().tokenByDigest("digest-1")).isEmpty();
        assertThat(store().removeToken(token.id())).isFalse();
    }
}
