package io.earshot.embedded.state;

import io.earshot.inbox.CaseStore;
import io.earshot.inbox.Commits;
import io.earshot.inbox.InboxDefinitions;
import io.earshot.inbox.contact.ContactStore;
import io.earshot.inbox.reply.ReplyStore;
import io.earshot.project.ProjectStore;

/** The inbox's state in the state database: cases, its definitions, connected accounts and replies, contacts. */
public final class SqliteInbox {

    private final SqliteCases cases;
    private final SqliteInboxDefinitions definitions;
    private final SqliteReplies replies;
    private final SqliteContacts contacts;
    private final ProjectStore projects;
    private final SqliteDatabase database;

    SqliteInbox(SqliteDatabase database, ProjectStore projects) {
        this.database = database;
        this.projects = projects;
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

    /** One transaction around a batch: the stores above join it (they share this database's connection). */
    public Commits commits() {
        return work -> database.transaction("take in a batch of mentions", connection -> {
            work.run();
            return null;
        });
    }

    /** The projects, read by the inbox to tell mentions of your brand from mentions of competitors. */
    public ProjectStore projects() {
        return projects;
    }
}
