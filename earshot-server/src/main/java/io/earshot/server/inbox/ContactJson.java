package io.earshot.server.inbox;

import io.earshot.inbox.contact.Contact;
import io.earshot.inbox.contact.ContactStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Contacts as the API shows them. */
final class ContactJson {

    private ContactJson() {}

    static Map<String, Object> brief(Contact contact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", contact.id());
        json.put("name", contact.name());
        json.put("vip", contact.vip());
        json.put("status", contact.status().id());
        json.put("status_since", contact.statusSince());
        json.put(
                "followers",
                contact.followers().isPresent() ? contact.followers().getAsLong() : null);
        json.put(
                "accounts",
                contact.accounts().stream().map(ContactJson::account).toList());
        json.put("first_seen", contact.firstSeen());
        json.put("last_seen", contact.lastSeen());
        json.put("won_back_at", contact.wonBackAt().orElse(null));
        return json;
    }

    static Map<String, Object> account(Contact.Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.key());
        json.put("network", account.network().id());
        json.put("handle", account.handle().orElse(null));
        json.put("display_name", account.displayName().orElse(null));
        json.put(
                "followers",
                account.followers().isPresent() ? account.followers().getAsLong() : null);
        return json;
    }

    static Map<String, Object> mention(ContactStore.Mentioned mention) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", mention.post().id());
        json.put("at", mention.at());
        json.put("sentiment", mention.sentiment());
        json.put("text", mention.text());
        return json;
    }

    static Map<String, Object> note(ContactStore.Note note) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", note.id());
        json.put("author", note.author());
        json.put("text", note.text());
        json.put("at", note.at());
        return json;
    }
}
