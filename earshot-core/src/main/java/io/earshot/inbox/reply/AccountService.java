package io.earshot.inbox.reply;

import io.earshot.domain.Network;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connected accounts: checked with the network on connect, sealed at rest, opened only to post. Credentials are
 * written as lines (they never hold line breaks) before sealing.
 */
public final class AccountService {

    private final ReplyStore store;
    private final Map<Network, ReplyNetwork> networks;
    private final Optional<CredentialCipher> cipher;
    private final Clock clock;

    public AccountService(
            ReplyStore store, Map<Network, ReplyNetwork> networks, Optional<CredentialCipher> cipher, Clock clock) {
        this.store = store;
        this.networks = Map.copyOf(networks);
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Checks the credentials with the network, then stores them sealed.
     *
     * @throws CredentialCipher.MissingKeyException when {@code EARSHOT_SECRET_KEY} is not set
     * @throws NetworkRefusedException when the network refuses the credentials
     */
    public ConnectedAccount connect(Credentials credentials, String actor) {
        CredentialCipher sealer = cipher.orElseThrow(CredentialCipher::missing);
        String plain = write(credentials);
        Identity identity = network(credentials.network()).verify(credentials);
        boolean known = store.accounts().stream()
                .anyMatch(account -> account.network() == credentials.network()
                        && account.accountId().equals(identity.accountId()));
        if (known) {
            throw new IllegalStateException("account " + identity.handle() + " is connected already; remove it"
                    + " first (DELETE /api/v1/accounts/{id}) to connect it with new credentials");
        }
        ConnectedAccount draft = new ConnectedAccount(
                0,
                credentials.network(),
                identity.accountId(),
                identity.handle(),
                credentials.server(),
                actor,
                clock.instant());
        return store.addAccount(draft, sealer.seal(plain, label(credentials.network(), identity.accountId())));
    }

    public List<ConnectedAccount> list() {
        return store.accounts();
    }

    public Optional<ConnectedAccount> get(long id) {
        return store.account(id);
    }

    public boolean remove(long id) {
        return store.removeAccount(id);
    }

    /** Whether an author ({@code network:id}) is one of the connected accounts. */
    public boolean isOwn(String authorKey) {
        return store.accounts().stream().anyMatch(account -> account.authorKey().equals(authorKey));
    }

    /** The account's credentials, opened. */
    Credentials open(ConnectedAccount account) {
        CredentialCipher opener = cipher.orElseThrow(CredentialCipher::missing);
        String sealed = store.sealedCredentials(account.id())
                .orElseThrow(() -> new IllegalStateException("account " + account.id() + " has no credentials"));
        return read(opener.open(sealed, label(account.network(), account.accountId())));
    }

    ReplyNetwork network(Network network) {
        ReplyNetwork found = networks.get(network);
        if (found == null) {
            throw new IllegalArgumentException(
                    "Earshot cannot post to " + network.id() + "; connect a bluesky or mastodon account");
        }
        return found;
    }

    private static String label(Network network, String accountId) {
        return "earshot-account:" + network.id() + ":" + accountId;
    }

    static String write(Credentials credentials) {
        List<String> parts = switch (credentials) {
            case Credentials.Mastodon m -> List.of("mastodon", m.instance().toString(), m.token());
            case Credentials.Bluesky b -> List.of("bluesky", b.pds().toString(), b.handle(), b.appPassword());
        };
        if (parts.stream().anyMatch(part -> part.contains("\n") || part.contains("\r"))) {
            throw new IllegalArgumentException("credentials may not contain line breaks");
        }
        return String.join("\n", parts);
    }

    static Credentials read(String plain) {
        String[] parts = plain.split("\n", -1);
        return switch (parts[0]) {
            case "mastodon" -> new Credentials.Mastodon(URI.create(parts[1]), parts[2]);
            case "bluesky" -> new Credentials.Bluesky(URI.create(parts[1]), parts[2], parts[3]);
            default -> throw new IllegalStateException("stored credentials of an unknown network: " + parts[0]);
        };
    }
}
