package io.earshot.embedded.state;

import io.earshot.inbox.CaseStore;
import io.earshot.inbox.InboxDefinitions;
import io.earshot.inbox.contact.ContactStore;
import io.earshot.inbox.reply.ReplyStore;

/** The inbox's state in the state database: cases, its definitions, connected accounts and replies, contacts. */
public final class SqliteInbox {

    private final SqliteCases cases;
    private final SqliteInboxDefinitions definitions;
    private final SqliteReplies replies;
    private final SqliteContacts contacts;

    SqliteInbox(SqliteDatabase database) {
        this.cases = new SqliteCases(database);
        this.definitions = new SqliteInboxDefinitions(database);
        this.replies = new SqliteReplies(database);
        this.contacts = new SqliteContacts(database);
    }

    public CaseStore cases() {
        return cases;
    }

    public InboxDefinitions definitions() {
        return definitions;
    }

    public ReplyStore replies() {
        return replies;
    }

    public ContactStore contacts() {
        return contacts;
    }
}
